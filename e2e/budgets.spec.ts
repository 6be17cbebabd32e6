// Byte budgets on the built packages, and a package that loads nothing from outside itself. Deterministic: sizes in
// bytes, never times (timings are printed by `npm run bench`, not asserted — docs/lms-behaviour.md: Measured). Page weights are
// measured by scripts/page-weight.ts, the same code the bench prints them with. Needs `npm run package` first.
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { allZipNames, contentPrefix, packageNameOf, primaryVersion } from './support/packages.ts';
import { gzipSize, htmlPages, kb, measurePage, readZip, resolveReference, staticImports, type SiteFiles } from '../scripts/page-weight.ts';

const KB = 1024;
/**
 * A full-course zip; slow links in service halls. Raised from 250 KB when the exam pool grew from 104 to 264 items
 * (issue 11: fair draws need ≥ 3 items per rule; exam.html carries every exam item's markup) and the lessons gained
 * practice and job aids, and eight branching role-plays (≈ 50 KB zipped) — still far below any LMS upload limit (Moodle's default is 100 MB).
 */
const zipBudgetBytes = 400 * KB;
/** JavaScript a page loads (its scripts and their static imports), gzip -9. */
const jsBudgetGzipBytes = 12 * KB;
/**
 * The exam page alone gets half a kilobyte more: it draws the certification exam and the refresher with required
 * topics and module quotas (src/exam/exam-draw.ts) and runs the exam session, on top of the question widgets
 * (12.1 KB measured when the budget was set: 12,402 bytes; every other page stays within 12 KB).
 */
const examJsBudgetGzipBytes = 12.5 * KB;
const jsBudgetOf = (page: string) => (page === 'exam.html' ? examJsBudgetGzipBytes : jsBudgetGzipBytes);
/**
 * A launch page's own scripts stay within the page budget; its LMS driver comes on demand (each version folder’s profile.ts),
 * so a SCORM launch loads 10.1–10.4 KB in all. The cmi5 AU (launch URL, token, LaunchData and State documents,
 * statements, the ordered outbox with retry and keepalive) makes a cmi5 launch 12.9 KB (13,206 bytes) when this was
 * set, 0.9 KB over the page budget: allowed here, with the overshoot reported in issue 14's closing note.
 */
const cmi5LaunchBudgetGzipBytes = 13.5 * KB;

const packagesDir = 'dist/packages';
/** Every zip: the SCORM and cmi5 ones, course and refresher, share the byte budget (issue 14). */
const courseZips = allZipNames;
const cspPackage = packageNameOf(primaryVersion);

const missing = `is missing: run \`npm run package\` before the e2e tests`;
const zipsOnDisk = existsSync(packagesDir) ? readdirSync(packagesDir).filter((file) => file.endsWith('.zip')).sort() : [];
const zipFiles = new Map<string, SiteFiles>();
function filesOf(zip: string): SiteFiles {
  let files = zipFiles.get(zip);
  if (!files) {
    const zipPath = path.join(packagesDir, zip);
    if (!existsSync(zipPath)) throw new Error(`${zipPath} ${missing}`);
    files = readZip(zipPath);
    zipFiles.set(zip, files);
  }
  return files;
}

test.describe('package size', () => {
  for (const zip of courseZips) {
    test(`${zip} ≤ ${zipBudgetBytes / KB} KB`, () => {
      const zipPath = path.join(packagesDir, zip);
      expect(existsSync(zipPath), `${zipPath} ${missing}`).toBe(true);
      const bytes = statSync(zipPath).size;
      expect(bytes, `${zip} is ${bytes} bytes (${kb(bytes)}); the budget is ${zipBudgetBytes} bytes (${zipBudgetBytes / KB} KB)`).toBeLessThanOrEqual(
        zipBudgetBytes,
      );
    });
  }
});

test.describe('JavaScript per page', () => {
  if (zipsOnDisk.length === 0) {
    test('the packages exist', () => {
      throw new Error(`${packagesDir} has no zip: ${missing}`);
    });
  }
  // Every page of every package, as the LMS receives it.
  for (const zip of zipsOnDisk) {
    test(`${zip}: every page loads ≤ 12 KB of JavaScript (gzip; the exam page ≤ 12.5 KB)`, () => {
      const files = filesOf(zip);
      const pages = htmlPages(files);
      expect(pages.length, `${zip} has HTML pages`).toBeGreaterThan(0);
      const weights = pages.map((page) => measurePage(files, page));
      const report = weights.map((w) => `${w.page}: ${w.js.gzip} bytes (${kb(w.js.gzip)}) in ${w.js.files.length} files`);
      test.info().annotations.push({ type: 'js gzip', description: report.join('; ') });
      const over = weights
        .filter((w) => w.js.gzip > jsBudgetOf(w.page))
        .map((w) => `${w.page}: ${w.js.gzip} bytes (${kb(w.js.gzip)}) — ${w.js.files.join(', ')}`);
      expect(over, `pages over their JS budget (gzip)`).toEqual([]);
      // A script the page references but the package lacks would load nothing here and fail in the LMS.
      expect(weights.flatMap((w) => w.unresolved.map((ref) => `${w.page}: ${ref}`)), 'references outside the package').toEqual([]);
    });
  }
});

test.describe(`nothing loaded from outside the package (${cspPackage}, deep URL, no harness)`, () => {
  const zip = `${cspPackage}.zip`;
  const pages = existsSync(path.join(packagesDir, zip)) ? htmlPages(filesOf(zip)) : [];
  if (pages.length === 0) {
    test('the package exists', () => {
      throw new Error(`${path.join(packagesDir, zip)} ${missing}`);
    });
  }
  const packageRoot = `${contentPrefix}${cspPackage}/`;

  for (const file of pages) {
    test(`${file}: same-origin requests under the package only, no CSP violation`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const requests: string[] = [];
      const outside: string[] = [];
      const failed: string[] = [];
      const violations: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        requests.push(url.href);
        // data: URLs carry their bytes inline (the CSP allows them for images only); everything else is fetched.
        if (url.protocol === 'data:') return;
        if (url.origin !== origin || !url.pathname.startsWith(packageRoot)) outside.push(`${request.resourceType()} ${url.href}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      // A binding reaches every frame (the shell's content frame too) and outlives its navigations.
      await page.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
          void report(
            `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}` +
              ` at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });

      const response = await page.goto(packageRoot + file);
      expect(response?.status(), file).toBe(200);
      // Scroll every frame to the end so lazy content would load too, then let the network settle.
      for (const frame of page.frames()) {
        await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)).catch(() => {});
      }
      await page.waitForLoadState('networkidle');

      expect(requests, 'the page itself was requested').toContain(new URL(packageRoot + file, origin).href);
      expect(outside, `requests outside ${origin}${packageRoot}`).toEqual([]);
      expect(failed, 'failed requests (a file missing from the package)').toEqual([]);
      expect(violations, 'securitypolicyviolation events').toEqual([]);
    });
  }
});

const decoder = new TextDecoder();
const dynamicImports = (source: string) => [...source.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);

/** `start` and what it imports statically, followed through the package (as scripts/page-weight.ts does). */
function staticClosure(files: SiteFiles, start: string): string[] {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const reference of staticImports(decoder.decode(files[file]))) {
      const target = resolveReference(file, reference);
      if (target && files[target] && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

test.describe('the launch page with its LMS driver, loaded on demand', () => {
  for (const zip of zipsOnDisk) {
    test(`${zip}: a SCORM launch loads ≤ ${jsBudgetGzipBytes / KB} KB of JavaScript in all, a cmi5 launch ≤ ${cmi5LaunchBudgetGzipBytes / KB} KB (gzip)`, () => {
      const files = filesOf(zip);
      const launch = files['index.html'] ? 'index.html' : 'refresher.html';
      const base = measurePage(files, launch);
      // One on-demand driver per protocol (each version folder’s profile.ts); the zip ships the one its launch page
      // names (src/scorm/package/driver-chunks.ts), so a launch loads the shell plus that one.
      const onDemand = [
        ...new Set(base.js.files.flatMap((file) => dynamicImports(decoder.decode(files[file])).map((ref) => resolveReference(file, ref)!))),
      ].filter((file) => files[file] !== undefined);
      expect(onDemand.length, `${zip} ships one LMS driver, imported on demand by ${launch}`).toBe(1);
      const launches = onDemand.map((driver) => {
        const extra = staticClosure(files, driver).filter((file) => !base.js.files.includes(file));
        return { driver, extra, gzip: base.js.gzip + extra.reduce((sum, file) => sum + gzipSize(files[file]!), 0) };
      });
      test.info().annotations.push({
        type: 'js gzip',
        description: `${launch}: ${base.js.gzip} static; ${launches.map((l) => `+ ${l.extra.join(' + ')} = ${l.gzip}`).join('; ')}`,
      });
      const budgetOf = (driver: string) =>
        decoder.decode(files[driver]).includes('X-Experience-API-Version') ? cmi5LaunchBudgetGzipBytes : jsBudgetGzipBytes;
      const over = launches
        .filter((l) => l.gzip > budgetOf(l.driver))
        .map((l) => `${l.driver}: ${l.gzip} bytes (${kb(l.gzip)}), budget ${budgetOf(l.driver)}`);
      expect(over, 'launches over the page budget').toEqual([]);
    });
  }
});

