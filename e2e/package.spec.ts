// Checks on the built zips themselves (no browser): what an LMS's import step would check, and more.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadCourseConfig } from '../src/config/load-config.ts';
import { validateManifest } from '../src/scorm/package/validate-manifest.ts';
import { loadedFiles } from '../src/scorm/package/package-files.ts';
import { packageProfiles } from '../src/scorm/package/package-profiles.ts';
import { courseIdentity } from '../src/config/identity.ts';
import { cmi5Iris } from '../src/scorm/cmi5/manifest.ts';
import { loadBank } from '../src/quizzes/load-bank.ts';
import { rules } from '../src/rules/index.ts';

const config = loadCourseConfig();
const packages = (['course', 'refresher'] as const).flatMap((mode) =>
  config.packages[mode].map((kind) => ({ mode, kind, ...courseIdentity(config, mode) })),
);
const zipName = (identifier: string, kind: string) => `${identifier}-${kind}.zip`;

test('the HR item map lists every exam-eligible item of the bank, with its right answer', () => {
  const bank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));
  const csv = readFileSync(path.join('dist/packages', `${config.course.identifier}-item-map.csv`), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = csv.slice(1).trim().split('\r\n').slice(1);
  const ids = rows.map((row) => row.split(',')[0]);
  const eligible = bank.items.filter((item) => item.use !== 'practice');
  expect(ids).toEqual(eligible.map((item) => item.id));
  for (const item of eligible) {
    const row = rows[ids.indexOf(item.id)]!;
    expect(row).toContain(`m${item.module}`);
    expect(row).toContain(item.rules.join(' '));
    if (item.type === 'single') expect(row).toContain(item.answer.text.replace(/"/g, '""'));
  }
});

test('every configured package was written, with its own identifier, and nothing else', () => {
  const expected = [
    ...config.packages.course.map((kind) => `${config.course.identifier}-${kind}.zip`),
    ...config.packages.refresher.map((kind) => `${config.course.identifier}-refresher-${config.edition}-${kind}.zip`),
  ].sort();
  expect(packages.map((pkg) => zipName(pkg.identifier, pkg.kind)).sort()).toEqual(expected);
  expect(readdirSync('dist/packages').filter((file) => file.endsWith('.zip')).sort()).toEqual(expected);
});

for (const { mode, kind, identifier, title } of packages) {
  const zipPath = (dir = 'dist/packages') => path.join(dir, zipName(identifier, kind));
  const launch = mode === 'course' ? 'index.html' : 'refresher.html';
  test.describe(`${mode} ${kind} zip`, () => {
    const files = unzipSync(readFileSync(zipPath()));
    const names = Object.keys(files);
    const profile = packageProfiles[kind];
    // imsmanifest.xml (SCORM) or cmi5.xml (cmi5 spec 14), at the zip root.
    const manifestFile = profile.manifestFile;
    const manifest = strFromU8(files[manifestFile]!);

    test('ships its pages and exactly the files they load, nothing of the other course', () => {
      const schemaFiles = new Set(profile.schemaFiles);
      const content = names.filter((name) => name !== manifestFile && !schemaFiles.has(name));
      const pages = content.filter((name) => name.endsWith('.html'));
      const loaded = loadedFiles(pages, new Set(content), (name) => strFromU8(files[name]!));
      expect(content.sort()).toEqual(loaded);
      // One LMS driver, its own protocol's: the launch page names one protocol and never loads another's
      // (src/scorm/package/driver-chunks.ts).
      const drivers = content.filter((name) => name.startsWith('_astro/lms-')).map((name) => name.replace(/\.[\w-]+\.js$/, ''));
      expect(drivers).toEqual([`_astro/lms-${kind}`]);
      if (mode === 'refresher') expect(pages.filter((page) => page.startsWith('modules/') || page.startsWith('roleplays/'))).toEqual([]);
    });

    test('manifest at the root validates against the official SCORM / cmi5 schemas', async () => {
      const schemas = new Map([
        ...names.filter((name) => /\.(xsd|dtd)$/.test(name)).map((name) => [name, strFromU8(files[name]!)] as const),
        // cmi5 ships no schema: its vendored CourseStructure.xsd is read from the repository (src/scorm/SCHEMAS.md).
        ...(profile.validationOnlySchemaFiles ?? []).map(
          (name) => [name, readFileSync(path.join(profile.schemaDir, name), 'utf8')] as const,
        ),
      ]);
      expect(schemas.size).toBeGreaterThan(0);
      const result = await validateManifest(kind, manifest, schemas);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      // And the validator does reject a broken manifest, so the check above can fail.
      const brokenManifest = manifest.includes('<resources>')
        ? manifest.replace('<resources>', '<resources><oops/>')
        : manifest.replace('<block ', '<oops/><block ');
      expect(brokenManifest).not.toBe(manifest);
      const broken = await validateManifest(kind, brokenManifest, schemas);
      expect(broken.valid).toBe(false);
    });

    test('manifest lists the launch file and every content file, and only those', () => {
      if (manifestFile === 'cmi5.xml') {
        // cmi5.xml lists no files (cmi5 spec 13): one AU whose url is the launch page, ids from the identifier.
        const ids = cmi5Iris(identifier);
        expect(manifest.match(/<au /g)?.length).toBe(1);
        expect(manifest).toContain(`<url>${launch}</url>`);
        expect(names).toContain(launch);
        expect(manifest).toContain(`<course id="${ids.course}">`);
        expect(manifest).toContain(`<au id="${ids.au}" moveOn="${mode === 'course' ? 'CompletedAndPassed' : 'Passed'}"`);
        expect(manifest).toContain('launchMethod="AnyWindow"');
        expect(manifest).toContain(`<title><langstring lang="zh-CN">${title}</langstring></title>`);
        if (mode === 'refresher') expect(names.filter((name) => name.startsWith('modules/'))).toEqual([]);
        return;
      }
      const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((match) => match[1]);
      const content = names.filter((name) => name !== 'imsmanifest.xml' && !/\.(xsd|dtd)$/.test(name)).sort();
      expect(listed).toEqual(content);
      expect(manifest).toContain(`href="${launch}"`);
      expect(names).toContain(launch);
      expect(manifest).toContain(`identifier="${identifier}"`);
      expect(manifest).toContain(`<title>${title}</title>`);
      if (mode === 'refresher') expect(names.filter((name) => name.startsWith('modules/'))).toEqual([]);
    });

    test('the mastery score agrees with the configured pass mark', () => {
      const passMark = config.exam.passMark;
      if (kind === 'cmi5') expect(manifest).toContain(` masteryScore="${passMark / 100}"`);
      else if (kind === 'scorm12') expect(manifest).toContain(`<adlcp:masteryscore>${passMark}</adlcp:masteryscore>`);
      else expect(manifest).toContain(`<imsss:minNormalizedMeasure>${(passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>`);
    });

    test('file names are ASCII; the launch page knows its SCORM version (or cmi5)', () => {
      for (const name of names) expect(name).toMatch(/^[\x21-\x7e]+$/);
      const marker = profile.runtimeVersion;
      expect(strFromU8(files[launch]!)).toContain(`<meta name="scorm-version" content="${marker}">`);
    });

    test('contains no scorm-again code, no inline handlers or eval, and loads nothing from outside the package', () => {
      for (const name of names.filter((n) => /\.(html|js|css)$/.test(n))) {
        const text = strFromU8(files[name]!);
        expect(text, name).not.toMatch(/Scorm12API|Scorm2004API|scorm-again|jcputney/);
        expect(text, name).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//);
        expect(text, name).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
        expect(text, name).not.toMatch(/import\s*\(?\s*["'](?:https?:)?\/\//);
        // Security: no inline event handlers, no eval or string-built functions (the CSP forbids them too).
        if (name.endsWith('.html')) expect(text, name).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
        if (name.endsWith('.js')) expect(text, name).not.toMatch(/\beval\(|new Function\(/);
      }
    });

    test('zip bytes are identical when rebuilt, in another time zone', () => {
      const outDir = mkdtempSync(path.join(tmpdir(), 'pkg-'));
      execFileSync(process.execPath, ['--input-type=module', '-e', rebuildScript(outDir)], {
        env: { ...process.env, TZ: 'America/Los_Angeles' },
        stdio: 'inherit',
      });
      expect(Buffer.compare(readFileSync(zipPath(outDir)), readFileSync(zipPath()))).toBe(0);
    });
  });
}

function rebuildScript(outDir: string): string {
  return `
    import { buildPackages } from ${JSON.stringify(path.resolve('src/scorm/package/build-packages.ts'))};
    import { loadCourseConfig } from ${JSON.stringify(path.resolve('src/config/load-config.ts'))};
    buildPackages({ projectRoot: process.cwd(), siteDir: 'dist/site', outDir: ${JSON.stringify(outDir)}, config: loadCourseConfig() });
  `;
}
