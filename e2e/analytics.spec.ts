// The HR analytics report (npm run analyze) opened in Chromium straight from disk, as HR opens it: it must request
// nothing, break no CSP rule, satisfy axe (WCAG 2.2 AA), fit a 360 px screen and print on A4 in a sensible number
// of pages. The report is generated here from the project's Moodle 4.3 fixtures.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAnalyze } from '../src/analytics/cli.ts';

const fixtures = path.join('src', 'analytics', 'fixtures', 'moodle-4.3');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let reportFile = '';

test.beforeAll(async ({}, testInfo) => {
  const out = testInfo.outputPath('analytics-report');
  const errors: string[] = [];
  const code = await runAnalyze(
    [
      path.join(fixtures, 'scorm12-interactions.txt'),
      path.join(fixtures, 'scorm2004-interactions.xlsx'),
      path.join(fixtures, 'gradebook.csv'),
      '--item-map', path.join(fixtures, 'item-map.csv'),
      '--out', out,
    ],
    { log: () => {}, error: (m) => errors.push(m) },
    new Date('2026-12-01T12:00:00Z'),
  );
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  reportFile = path.join(out, 'report.html');
});

test('the report opens from disk with no request beyond itself and no CSP violation', async ({ page }) => {
  const url = pathToFileURL(reportFile).href;
  const requests: string[] = [];
  const cspMessages: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspMessages.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ((window as unknown as { cspViolations: string[] }).cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  await expect(page.locator('h1')).toHaveText('服务行为规范培训 · 学习数据分析报告');
  await expect(page.locator('#cohort .figures li').first()).toContainText('22');
  await expect(page.locator('#rules tbody tr').first()).toContainText('s3-1');
  await expect(page.locator('svg[role="img"] > title')).toHaveCount(await page.locator('svg[role="img"]').count());
  // The computed style proves the hashed <style> element was applied under the CSP.
  await expect(page.locator('header')).toHaveCSS('border-bottom-style', 'solid');
  expect(requests).toEqual([url]);
  expect(cspMessages).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
});

test('axe (WCAG 2.2 AA) finds nothing in the report', async ({ page }) => {
  // Thousands of table cells get a colour-contrast check each: room for a slow, shared machine.
  test.setTimeout(240_000);
  await page.goto(pathToFileURL(reportFile).href);
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});

test('at 360 px the page does not scroll sideways (wide tables scroll in their own box)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(pathToFileURL(reportFile).href);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('prints on A4 in a reasonable number of pages', async ({ page }) => {
  await page.goto(pathToFileURL(reportFile).href);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(30);
  // The HTML file itself stays small enough to mail.
  expect(readFileSync(reportFile).length).toBeLessThan(400_000);
});
