import { expect, type Page } from '@playwright/test';
import { packageUrl, primaryVersion, standaloneStorageKey, type Version } from './packages.ts';

/** Where standalone mode keeps the learner's generated id (src/pages-client/exam-page.ts). */
const localLearnerKey = 'yks-course:local-learner';

/**
 * Opens the course shell in standalone mode (no LMS: progress in localStorage), starting once from the given
 * suspend_data, so any state — an open exam, a result, a certificate — is reached without a long journey.
 * Package names and the storage key come from course.config.yaml.
 */
export async function openStandaloneShell(
  page: Page,
  suspendData: string,
  { learner = 'standalone', version = primaryVersion }: { learner?: string; version?: Version } = {},
): Promise<void> {
  await page.addInitScript(
    ([data, key, learnerKey, id]) => {
      if (location.pathname.endsWith('/index.html') && !sessionStorage.getItem('preset')) {
        sessionStorage.setItem('preset', '1');
        localStorage.setItem(key, JSON.stringify({ location: '', suspendData: data }));
        localStorage.setItem(learnerKey, id);
      }
    },
    [suspendData, standaloneStorageKey, localLearnerKey, learner] as const,
  );
  await page.goto(packageUrl(version));
  await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
}

/** Shows a page of the package in the shell's content frame and waits until it has connected to the shell. */
export async function showInShell(page: Page, path: string): Promise<void> {
  await page.locator('#content-frame').evaluate((frame, src) => ((frame as HTMLIFrameElement).src = src), path);
  const content = page.frameLocator('#content-frame');
  await expect(content.locator(`body[data-page="${path}"]`)).toHaveCount(1);
  await expect(content.locator('html')).toHaveAttribute('data-shell', 'standalone');
}
