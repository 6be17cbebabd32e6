// Checks on the built zips themselves (no browser): what an LMS's import step would check, and more.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadCourseConfig } from '../src/config/load-config.ts';
import { validateManifest } from '../src/scorm/package/validate-manifest.ts';

const config = loadCourseConfig();
const kinds = ['scorm12', 'scorm2004'] as const;
const zipPath = (kind: string, dir = 'dist/packages') => path.join(dir, `${config.course.identifier}-${kind}.zip`);

for (const kind of kinds) {
  test.describe(`${kind} zip`, () => {
    const files = unzipSync(readFileSync(zipPath(kind)));
    const names = Object.keys(files);
    const manifest = strFromU8(files['imsmanifest.xml']!);

    test('manifest at the root validates against the official SCORM schemas', async () => {
      const schemas = new Map(
        names.filter((name) => /\.(xsd|dtd)$/.test(name)).map((name) => [name, strFromU8(files[name]!)] as const),
      );
      const result = await validateManifest(kind, manifest, schemas);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      // And the validator does reject a broken manifest, so the check above can fail.
      const broken = await validateManifest(kind, manifest.replace('<resources>', '<resources><oops/>'), schemas);
      expect(broken.valid).toBe(false);
    });

    test('manifest lists the launch file and every content file, and only those', () => {
      const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((match) => match[1]);
      const content = names.filter((name) => name !== 'imsmanifest.xml' && !/\.(xsd|dtd)$/.test(name)).sort();
      expect(listed).toEqual(content);
      expect(manifest).toContain('href="index.html"');
      expect(manifest).toContain(`identifier="${config.course.identifier}"`);
      expect(manifest).toContain(`<title>${config.course.title}</title>`);
    });

    test('file names are ASCII; the launch page knows its SCORM version', () => {
      for (const name of names) expect(name).toMatch(/^[\x21-\x7e]+$/);
      const marker = kind === 'scorm12' ? '1.2' : '2004';
      expect(strFromU8(files['index.html']!)).toContain(`<meta name="scorm-version" content="${marker}">`);
    });

    test('contains no scorm-again code and loads nothing from outside the package', () => {
      for (const name of names.filter((n) => /\.(html|js|css)$/.test(n))) {
        const text = strFromU8(files[name]!);
        expect(text, name).not.toMatch(/Scorm12API|Scorm2004API|scorm-again|jcputney/);
        expect(text, name).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//);
        expect(text, name).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
        expect(text, name).not.toMatch(/import\s*\(?\s*["'](?:https?:)?\/\//);
      }
    });

    test('zip bytes are identical when rebuilt, in another time zone', () => {
      const outDir = mkdtempSync(path.join(tmpdir(), 'pkg-'));
      execFileSync(process.execPath, ['--input-type=module', '-e', rebuildScript(outDir)], {
        env: { ...process.env, TZ: 'America/Los_Angeles' },
        stdio: 'inherit',
      });
      expect(Buffer.compare(readFileSync(zipPath(kind, outDir)), readFileSync(zipPath(kind)))).toBe(0);
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
