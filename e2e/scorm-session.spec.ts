import { expect, test } from '@playwright/test';
import {
  answerKnowledgeCheck,
  api,
  cmiValue,
  contentFrame,
  element,
  harnessCalls,
  newLearnerId,
  openHarness,
  readLessonToEnd,
  savedCmi,
  shellFrame,
  trackFailedResponses,
  versions,
} from './support/lms.ts';
import { config, packageUrl, primaryVersion } from './support/packages.ts';

for (const version of versions) {
  test.describe(`SCORM ${version} in the scorm-again harness`, () => {
    test('one session through all seven modules, then exit', async ({ page }) => {
      test.setTimeout(120_000); // seven lessons, each with its knowledge check
      const failed = trackFailedResponses(page);
      await openHarness(page, version, newLearnerId('journey'));
      const content = contentFrame(page);
      await expect(content.locator('h1')).toContainText(config.course.title);
      await content.locator('#home-continue').click();
      for (let module = 1; module <= 7; module++) {
        await expect(content.locator('.lesson-kicker')).toHaveText(`第 ${module} 单元`);
        await answerKnowledgeCheck(page);
        await readLessonToEnd(page);
        await content.locator('.pager a.button:not(.secondary)').click();
      }
      // After the last module the pager returns home, which shows all seven completed.
      await expect(content.locator('#home-progress-text')).toHaveText('已完成 7/7 个单元');
      await expect(shellFrame(page).locator('#shell-progress-text')).toHaveText('已完成 7/7 个单元');
      await expect(content.locator('.module[data-status="completed"]')).toHaveCount(7);

      await shellFrame(page).locator('#shell-exit').click();
      await expect(shellFrame(page).locator('#shell-exited')).toBeVisible();

      const calls = await harnessCalls(page);
      expect(calls.filter((call) => call.fn === api[version].initialize)).toHaveLength(1);
      expect(calls.filter((call) => call.fn === api[version].terminate)).toHaveLength(1);
      expect(calls.filter((call) => call.fn === api[version].commit && call.result === 'true').length).toBeGreaterThan(0);
      expect(calls.filter((call) => call.result === 'false')).toEqual([]);
      expect(failed).toEqual([]);
      const saved = await savedCmi(page);
      expect(saved).not.toBeNull();
      expect(await cmiValue(page, element[version].location)).toMatch(/^modules\/07-efficiency\.html$/);
      expect(await cmiValue(page, element[version].suspendData)).toMatch(/^1~[0-9a-z]+~[0-9a-z]+~[0-9a-v]{7}/);
      // Modules alone do not complete the course: the certification exam has no final outcome yet.
      expect(await cmiValue(page, element[version].status)).toBe('incomplete');
    });

    test('reloading a lesson keeps the session; relaunching resumes at the saved module', async ({ page }) => {
      const learner = newLearnerId('resume');
      await openHarness(page, version, learner);
      const content = contentFrame(page);
      await content.locator('.module a').nth(2).click();
      await expect(content.locator('h1')).toHaveText('接打电话规范');
      await readLessonToEnd(page);
      await content.locator('.pager a[rel="next"]').click();
      await expect(content.locator('h1')).toHaveText('工作人员行为规范');

      // Reload only the lesson (what a learner's F5 inside the content frame does).
      await content.locator('body').evaluate(() => window.location.reload());
      await expect(content.locator('h1')).toHaveText('工作人员行为规范');
      expect(await harnessCalls(page, api[version].initialize)).toHaveLength(1);

      // Close the course the hard way: the harness page goes away (pagehide), then the LMS relaunches it.
      await page.reload();
      await expect(shellFrame(page).locator('html[data-lms]')).toHaveAttribute('data-lms', version);
      await expect(content.locator('#home-resume')).toHaveText('上次学到：工作人员行为规范');
      await expect(content.locator('#home-continue')).toHaveText('继续学习');
      await expect(content.locator('.module').nth(2)).toHaveAttribute('data-status', 'completed');
      await expect(content.locator('.module').nth(3)).toHaveAttribute('data-status', 'in-progress');
      await content.locator('#home-continue').click();
      await expect(content.locator('h1')).toHaveText('工作人员行为规范');
      expect(await harnessCalls(page, api[version].initialize)).toHaveLength(1);
    });

    test('popup launch finds the API on window.opener', async ({ page }) => {
      const learner = newLearnerId('popup');
      const popupPromise = page.waitForEvent('popup');
      await page.goto(`/lms/lms.html?v=${version}&learner=${learner}&launch=popup`);
      const popup = await popupPromise;
      await expect(popup.locator('html[data-lms]')).toHaveAttribute('data-lms', version);
      const content = popup.frameLocator('#content-frame');
      await content.locator('.module a').first().click();
      await expect(content.locator('h1')).toHaveText('仪容仪表规范');
      await content.locator('#lesson-end').scrollIntoViewIfNeeded();
      await popup.locator('#shell-exit').click();
      const calls = await harnessCalls(page);
      expect(calls.filter((call) => call.fn === api[version].initialize)).toHaveLength(1);
      expect(calls.filter((call) => call.fn === api[version].terminate)).toHaveLength(1);
      expect(calls.filter((call) => call.result === 'false')).toEqual([]);
      expect(await cmiValue(page, element[version].location)).toBe('modules/01-appearance.html');
    });
  });
}

test('standalone (no LMS API): a polite notice, and progress kept across reloads', async ({ page }) => {
  const failed = trackFailedResponses(page);
  await page.goto(packageUrl(primaryVersion));
  await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
  await expect(page.locator('#shell-notice')).toContainText('学习结果不会上报');
  const content = page.frameLocator('#content-frame');
  await content.locator('.module a').nth(1).click();
  await expect(content.locator('h1')).toHaveText('接待礼仪规范');
  await answerKnowledgeCheck(page, content);
  await content.locator('#lesson-end').scrollIntoViewIfNeeded();
  await page.locator('#shell-home').click();
  await expect(content.locator('.module').nth(1)).toHaveAttribute('data-status', 'completed');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
  await expect(content.locator('.module').nth(1)).toHaveAttribute('data-status', 'completed');
  await expect(content.locator('#home-resume')).toHaveText('上次学到：接待礼仪规范');
  expect(failed).toEqual([]);
});
