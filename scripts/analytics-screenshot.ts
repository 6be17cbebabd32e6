// Takes docs/analytics-report.png, the HR guide's picture of the report: analyses the Moodle 4.3 fixtures with
// pseudonyms, opens the report in Chromium (the same one the tests use) and captures the top of the page.
// Run: npx node scripts/analytics-screenshot.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser-path.ts';
import { runAnalyze } from '../src/analytics/cli.ts';

const fixtures = 'src/analytics/fixtures/moodle-4.3';
const out = mkdtempSync(path.join(tmpdir(), 'analytics-shot-'));
const target = process.argv[2] ?? 'docs/analytics-report.png';
try {
  const code = await runAnalyze(
    [
      `${fixtures}/scorm12-interactions.txt`,
      `${fixtures}/scorm2004-interactions.txt`,
      '--item-map', `${fixtures}/item-map.csv`,
      '--out', out,
      '--pseudonymize', '--salt', 'screenshot',
    ],
    { log: () => {}, error: (m) => console.error(m) },
    new Date('2026-12-01T12:00:00Z'),
  );
  if (code !== 0) process.exit(code);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await page.goto(pathToFileURL(path.join(out, 'report.html')).href);
  const top = await page.locator('#cohort').evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: target, type: 'png', fullPage: true, clip: { x: 0, y: Math.max(0, top - 10), width: 1000, height: 1400 } });
  await browser.close();
  console.log(`${target} written`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
