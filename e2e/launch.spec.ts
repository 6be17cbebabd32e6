import { expect, test, type Frame, type Page } from '@playwright/test';
import { newLearnerId, openHarness } from './support/lms.ts';
import { primaryVersion, refresherVersions } from './support/packages.ts';

// The launch path — the shell and the first page it frames — carries its styles in the HTML with their hashes in
// the CSP (src/build/inline-styles.ts), so the first screen waits for no stylesheet. A wrong hash would leave the
// page unstyled without any error in the page itself: the browser only reports a CSP violation.

async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function violations(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

function frameOf(page: Page, file: string): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname.endsWith(`/${file}`));
  if (!frame) throw new Error(`no frame shows ${file}`);
  return frame;
}

const launches = [
  { mode: 'course' as const, shell: 'index.html', first: 'home.html', versions: [primaryVersion] },
  { mode: 'refresher' as const, shell: 'refresher.html', first: 'refresher-home.html', versions: refresherVersions.slice(0, 1) },
];

for (const { mode, shell, first, versions } of launches) {
  for (const version of versions) {
    test(`${mode}: the shell and its first page are styled from their own HTML, within the CSP`, async ({ page }) => {
      await recordCspViolations(page);
      const stylesheets: string[] = [];
      page.on('request', (request) => {
        const from = request.frame().url();
        if (request.resourceType() === 'stylesheet' && (from.endsWith(`/${shell}`) || from.endsWith(`/${first}`))) {
          stylesheets.push(request.url());
        }
      });
      await openHarness(page, version, newLearnerId('launch'), '', mode);
      await expect.poll(() => page.frames().some((frame) => frame.url().endsWith(`/${first}`))).toBe(true);
      const shellDoc = frameOf(page, shell);
      const firstDoc = frameOf(page, first);
      await firstDoc.waitForLoadState('load');

      expect(stylesheets).toEqual([]);
      expect(await violations(shellDoc)).toEqual([]);
      expect(await violations(firstDoc)).toEqual([]);
      // Applied, not only present: the shared body font (src/styles/global.css) in both, the shell's own layout.
      for (const frame of [shellDoc, firstDoc]) {
        expect(await frame.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('PingFang SC');
        expect(await frame.locator('style').count()).toBeGreaterThan(0);
      }
      expect(await shellDoc.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    });
  }
}
