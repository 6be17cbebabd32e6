// What real LMSs do to packages (docs/lms-behaviour.md: LMS failure modes), each as a test, for SCORM 1.2 and 2004. Every case
// ends with nothing the learner did lost, and a polite message where the learner needs to know something.
import { expect, test, type Page } from '@playwright/test';
import { decodeSuspendData, encodeSuspendData, shortHash } from '../src/scorm/suspend-data.ts';
import { decodeExamState } from '../src/exam/exam-state.ts';
import {
  api,
  cmiValue,
  contentFrame,
  element,
  harnessCalls,
  holdBackPageMessages,
  leaveCourseWindow,
  newLearnerId,
  openHarness,
  readLessonToEnd,
  shellFrame,
  versions,
  type Version,
} from './support/lms.ts';
import { builtCourseData, config, correctResponse, drawFor, suspendDataFor } from './support/course-data.ts';
import { answerAll, interactions, startAttempt, submit } from './support/exam.ts';
import { packageNameOf, packageUrl } from './support/packages.ts';

const contentUrl = (version: Version, page = 'index.html') => packageUrl(version, page);

/** The module flags the course has stored in the LMS right now. */
async function storedModules(page: Page, version: Version): Promise<number[]> {
  const data = builtCourseData();
  const text = await cmiValue(page, element[version].suspendData);
  return decodeSuspendData(text, data.courseTag, data.contentHash, data.modules.length).state.modules;
}

async function visitModule(page: Page, index: number): Promise<void> {
  const content = contentFrame(page);
  await content.locator('.module a').nth(index).click();
  await expect(content.locator('.lesson-kicker')).toHaveText(`第 ${index + 1} 单元`);
  await readLessonToEnd(page);
}

for (const version of versions) {
  test.describe(`SCORM ${version} faults`, () => {
    test('no API anywhere: standalone mode with a notice, progress kept across reloads', async ({ page }) => {
      await page.goto(contentUrl(version));
      // Discovery polls for 2 s before standalone mode: a lesson opened meanwhile still counts.
      await page.frameLocator('#content-frame').locator('.module a').nth(1).click();
      await expect(page.frameLocator('#content-frame').locator('.lesson-kicker')).toHaveText('第 2 单元');
      await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
      await page.locator('#shell-home').click();
      await expect(page.frameLocator('#content-frame').locator('.module').nth(1)).toHaveAttribute('data-status', 'in-progress');
      await expect(page.locator('#shell-notice')).toContainText('学习结果不会上报');
      const content = page.frameLocator('#content-frame');
      await content.locator('.module a').nth(2).click();
      await expect(content.locator('h1')).toHaveText('接打电话规范');
      await expect(content.locator('html')).toHaveAttribute('data-shell', 'standalone'); // the shell has seen the visit
      await page.locator('#shell-home').click();
      await expect(content.locator('.module').nth(2)).toHaveAttribute('data-status', 'in-progress');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
      await expect(content.locator('.module').nth(2)).toHaveAttribute('data-status', 'in-progress');
    });

    test('an API that appears late is still found', async ({ page }) => {
      await openHarness(page, version, newLearnerId('late'), '&late=1200');
      await expect(shellFrame(page).locator('#shell-notice')).toBeHidden();
      expect(await harnessCalls(page, api[version].initialize)).toHaveLength(1);
    });

    test('a lesson opened while the API is still being looked for counts (late API)', async ({ page }) => {
      const learner = newLearnerId('early-click');
      // Discovery polls on timers: with the clock paused it keeps looking while the learner clicks.
      await page.clock.install({ time: new Date('2026-12-01T09:00:00') });
      await page.clock.pauseAt(new Date('2026-12-01T09:00:01'));
      await page.goto(`/lms/lms.html?v=${version}&pkg=${packageNameOf(version)}&learner=${learner}&late=manual`);
      const content = contentFrame(page);
      // The home page is up before the LMS session: open lesson 3 now, during discovery.
      await content.locator('.module a').nth(2).click();
      await expect(content.locator('.lesson-kicker')).toHaveText('第 3 单元');
      expect(await harnessCalls(page, api[version].initialize), 'still looking for the API').toHaveLength(0);
      await page.evaluate(() => (window as any).harness.attachApi());
      await page.clock.runFor(500);
      await expect(shellFrame(page).locator('html[data-lms]')).toHaveAttribute('data-lms', version, { timeout: 10_000 });
      await page.clock.resume();
      await shellFrame(page).locator('#shell-exit').click();
      expect((await storedModules(page, version))[2], 'the visit made during discovery was saved').toBeGreaterThan(0);
      expect(await cmiValue(page, element[version].location)).toBe('modules/03-telephone.html');
    });

    test('Commit answers "false": warn, keep state, retry with back-off, never loop', async ({ page }) => {
      const learner = newLearnerId('commit');
      // The course's own timers (commit throttle, retry back-off) run on Playwright's clock, not on sleeps.
      await page.clock.install();
      await openHarness(page, version, learner);
      await page.evaluate(() => ((window as any).harness.faults.commitFails = 1000));
      await visitModule(page, 0);
      const failedCommits = async () =>
        (await harnessCalls(page, api[version].commit)).filter((call) => call.result === 'false').length;
      await page.clock.runFor(3_000); // the throttled commit of the lesson's progress
      await expect(shellFrame(page).locator('#shell-notice')).toContainText('暂时没有保存成功');
      // The first commit failed; then retries after 2 s, 5 s and 15 s (src/stores/lms-sync.ts, unit-tested for the
      // exact delays), and none after them: the learner's progress is held, not hammered at the LMS.
      await page.clock.runFor(25_000);
      await expect.poll(failedCommits).toBe(4);
      await page.clock.runFor(120_000);
      expect(await failedCommits(), 'no loop').toBe(4);
      // The LMS recovers: the next retry (or the exit) saves everything.
      await page.evaluate(() => ((window as any).harness.faults.commitFails = 0));
      await shellFrame(page).locator('#shell-exit').click();
      await page.reload();
      await expect(contentFrame(page).locator('.module').first()).toHaveAttribute('data-status', 'completed');
    });

    test('SetValue errors are logged without breaking anything; the rest is still saved', async ({ page }) => {
      const learner = newLearnerId('setvalue');
      await openHarness(page, version, learner);
      await page.evaluate(() => ((window as any).harness.faults.setValueFails = /location$/));
      await visitModule(page, 1);
      await shellFrame(page).locator('#shell-exit').click();
      const refused = (await harnessCalls(page, api[version].setValue)).filter((call) => call.result === 'false');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((call) => /location$/.test(call.args[0] ?? ''))).toBe(true);
      expect((await storedModules(page, version))[1]).toBeGreaterThan(0);
      await page.reload();
      await expect(contentFrame(page).locator('.module').nth(1)).toHaveAttribute('data-status', 'completed');
    });

    test('the course window left mid-lesson: nothing lost on relaunch', async ({ page, context }) => {
      const learner = newLearnerId('closed');
      await openHarness(page, version, learner);
      await visitModule(page, 4);
      // The lesson's end is seen by an IntersectionObserver and posted to the shell; closing before the shell has it
      // would test the browser's timing, not what the course saved (the shell counts the module once it has it).
      await expect(shellFrame(page).locator('#shell-progress-text')).toContainText('已完成 1/');
      await leaveCourseWindow(page);
      const again = await context.newPage();
      await openHarness(again, version, learner);
      const content = contentFrame(again);
      await expect(content.locator('.module').nth(4)).toHaveAttribute('data-status', 'completed');
      await expect(content.locator('#home-resume')).toHaveText('上次学到：文明服务用语规范');
    });

    test('a lesson left before its script has run is still where the relaunch resumes', async ({ page }) => {
      // On a slow machine or network a lesson is on screen before its module script has told the shell it is there;
      // a learner who leaves at that moment must still come back to it (the shell reads the frame's page on exit).
      const learner = newLearnerId('left-early');
      await openHarness(page, version, learner);
      await page.route('**/_astro/*.js', (route) => route.abort());
      const content = contentFrame(page);
      await content.locator('.module a').nth(2).click();
      await expect(content.locator('.lesson-kicker')).toHaveText('第 3 单元');
      await expect(content.locator('html')).not.toHaveAttribute('data-shell', /.*/);
      await shellFrame(page).locator('#shell-exit').click();
      await expect(shellFrame(page).locator('#shell-exited')).toBeVisible();
      await page.unroute('**/_astro/*.js');
      await openHarness(page, version, learner);
      await expect(content.locator('#home-continue')).toHaveAttribute('href', /modules\/03-/);
      await expect(content.locator('.module').nth(2)).not.toHaveAttribute('data-status', 'not-started');
    });

    test('保存并退出 right after submit: the result and every answer reach the LMS, even behind queued messages', async ({ page }) => {
      // On a loaded machine a click on 保存并退出 right after submit can be handled before the exam page's queued
      // messages to the shell (CI saw it with cmi5); holding them back makes that order certain.
      const learner = newLearnerId('exit-after-submit');
      await openHarness(page, version, learner, `&suspend=${encodeURIComponent(suspendDataFor({ modulesDone: true }))}`);
      const content = contentFrame(page);
      await content.locator('a[href$="exam.html"]').first().click();
      await startAttempt(page);
      await answerAll(page, learner, 1, true);
      await holdBackPageMessages(page);
      await submit(page);
      await shellFrame(page).locator('#shell-exit').click();
      await expect(shellFrame(page).locator('#shell-exited')).toBeVisible();
      expect(await cmiValue(page, version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed');
      expect(await cmiValue(page, version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('100');
      expect(await interactions(page, version)).toHaveLength(config.exam.size);
    });

    test('the course window left mid-exam: attempt, answers and deadline survive', async ({ page, context }) => {
      const learner = newLearnerId('closed-exam');
      await openHarness(page, version, learner, `&suspend=${encodeURIComponent(suspendDataFor({ modulesDone: true }))}`);
      const content = contentFrame(page);
      await content.locator('a[href$="exam.html"]').first().click();
      await content.locator('#exam-start').click();
      await expect(content.locator('#exam-run')).toBeVisible();
      const first = drawFor(learner, 1)[0]!;
      await content.locator(`.exam-slot[data-item-id="${first.id}"] quiz-question`).evaluate(
        (question, detail) => {
          (question as HTMLElement & { response: unknown }).response = detail.response;
          question.dispatchEvent(new CustomEvent('quiz-change', { bubbles: true, detail }));
        },
        { itemId: first.id, response: correctResponse(first) },
      );
      await expect(content.locator('.exam-map-button.answered')).toHaveCount(1);
      await content.locator('#exam-next').click();
      await leaveCourseWindow(page);
      const again = await context.newPage();
      await openHarness(again, version, learner);
      const text = await cmiValue(again, element[version].suspendData);
      const data = builtCourseData();
      const exam = decodeExamState(decodeSuspendData(text, data.courseTag, data.contentHash, 7).state.segments.ex);
      expect(exam.attempt).toBe(1);
      expect(exam.phase).toBe('running');
      expect(exam.deadline).toBeGreaterThan(Date.now() / 1000);
      expect(exam.answers[0]).toEqual(correctResponse(first));
    });

    test('corrupt suspend_data starts fresh without an error and is replaced by valid data', async ({ page }) => {
      await openHarness(page, version, newLearnerId('corrupt'), `&suspend=${encodeURIComponent('{"broken":')}`);
      await expect(contentFrame(page).locator('.module[data-status="not-started"]')).toHaveCount(7);
      await visitModule(page, 0);
      await shellFrame(page).locator('#shell-exit').click();
      expect((await storedModules(page, version))[0]).toBeGreaterThan(0);
      expect((await harnessCalls(page)).filter((call) => call.result === 'false')).toEqual([]);
    });

    test('suspend_data from an older course version keeps completed modules and the exam record', async ({ page }) => {
      const data = builtCourseData();
      const older = encodeSuspendData(
        { modules: [7, 7, 1, 0, 0, 0, 0], segments: { ex: '1.i.0..1kf20261101.', rp: '0.12' } },
        data.courseTag,
        shortHash('an older content version'),
      );
      await openHarness(page, version, newLearnerId('older'), `&suspend=${encodeURIComponent(older)}`);
      const content = contentFrame(page);
      await expect(content.locator('.module').nth(0)).toHaveAttribute('data-status', 'completed');
      await expect(content.locator('.module').nth(1)).toHaveAttribute('data-status', 'completed');
      await expect(content.locator('.module').nth(2)).toHaveAttribute('data-status', 'in-progress');
      await shellFrame(page).locator('#shell-exit').click();
      const stored = decodeSuspendData(await cmiValue(page, element[version].suspendData), data.courseTag, data.contentHash, 7);
      expect(stored.status).toBe('ok');
      expect(stored.state.segments.rp).toBeUndefined(); // a role-play path may no longer fit: dropped
      expect(decodeExamState(stored.state.segments.ex).attempt).toBe(1); // attempts used survive
    });

    test('suspend_data written by another course is ignored', async ({ page }) => {
      const foreign = encodeSuspendData({ modules: [7, 7, 7, 7, 7, 7, 7], segments: {} }, shortHash('another-course'), 'x');
      await openHarness(page, version, newLearnerId('foreign'), `&suspend=${encodeURIComponent(foreign)}`);
      await expect(contentFrame(page).locator('.module[data-status="not-started"]')).toHaveCount(7);
    });

    test('empty lesson_mode and credit count as normal and credit: progress is recorded', async ({ page }) => {
      await openHarness(page, version, newLearnerId('empty-mode'), '&emptyMode=1');
      await visitModule(page, 0);
      await shellFrame(page).locator('#shell-exit').click();
      expect((await storedModules(page, version))[0]).toBeGreaterThan(0);
    });

    for (const mode of ['review', 'browse'] as const) {
      test(`${mode} mode: content is shown, nothing is recorded`, async ({ page }) => {
        await openHarness(page, version, newLearnerId(mode), `&mode=${mode}`);
        await expect(shellFrame(page).locator('#shell-notice')).toContainText('回顾模式');
        await visitModule(page, 0);
        await shellFrame(page).locator('#shell-exit').click();
        // Nothing of the learner's; a 1.2 browse launch only tells the LMS "browsed" (docs/lms-behaviour.md).
        const told = version === '1.2' && mode === 'browse';
        const sets = (await harnessCalls(page, api[version].setValue)).map((call) => `${call.args[0]}=${call.args[1]}`);
        expect(sets).toEqual(told ? ['cmi.core.lesson_status=browsed'] : []);
        expect(await harnessCalls(page, api[version].commit)).toHaveLength(told ? 1 : 0);
        expect(await harnessCalls(page, api[version].terminate)).toHaveLength(1);
      });
    }
  });
}
