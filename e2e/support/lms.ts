import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { CourseMode } from '../../src/config/identity.ts';
import { packageNameOf, type Version } from './packages.ts';

export { primaryVersion, versions, type Version } from './packages.ts';

export interface HarnessCall {
  fn: string;
  args: string[];
  result: string;
  error: string;
}

/** The course shell inside the harness iframe, and the page inside the shell's content frame. */
export function shellFrame(page: Page): FrameLocator {
  return page.frameLocator('#course');
}
export function contentFrame(page: Page): FrameLocator {
  return shellFrame(page).frameLocator('#content-frame');
}

let learnerCounter = 0;
/** A learner id unique to this test, so saved cmi data never leaks between tests. */
export function newLearnerId(prefix: string): string {
  learnerCounter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${learnerCounter}`;
}

/** Collects every HTTP response ≥ 400, which a correct package never causes. */
export function trackFailedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

/**
 * The course window goes away mid-session: the page is navigated off, which runs its pagehide however busy the
 * renderer is. A closing tab gives the unload handlers only about 1 s: measured here, a renderer kept busy 1.5 s when
 * the close arrived ran none (busy 0.7 s: all ran), so under CI load a real close sometimes tests the machine, not
 * the course (docs/lms-behaviour.md, "The window goes away"). Navigating away, busy 3 s: all ran.
 */
export async function leaveCourseWindow(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/**
 * Holds back every message the content page posts to the shell by `ms`, as a loaded browser may: Chromium runs input
 * events ahead of queued tasks, so a click on 保存并退出 can be handled before them. What the page reports must
 * still reach the shell in time (src/bridge/page-client.ts delivers at once; this only delays postMessage).
 */
export async function holdBackPageMessages(page: Page, ms = 3_000): Promise<void> {
  await contentFrame(page).locator('body').evaluate((_, delay) => {
    const shell = window.parent;
    const post = shell.postMessage.bind(shell);
    shell.postMessage = ((message: unknown, targetOrigin: string) => setTimeout(() => post(message, targetOrigin), delay)) as typeof shell.postMessage;
  }, ms);
}

/** Launches a package in the harness LMS; `mode` picks the course or the refresher (names from the config). */
export async function openHarness(
  page: Page,
  version: Version,
  learner: string,
  extra = '',
  mode: CourseMode = 'course',
): Promise<void> {
  const pkg = packageNameOf(version, mode);
  await page.goto(`/lms/lms.html?v=${version}&pkg=${pkg}&learner=${encodeURIComponent(learner)}${extra}`);
  await expect(shellFrame(page).locator('html[data-lms]')).toHaveAttribute('data-lms', version, { timeout: 10_000 });
}

export async function harnessCalls(page: Page, fn?: string): Promise<HarnessCall[]> {
  return page.evaluate((name) => {
    const harness = (window as unknown as { harness: { log: HarnessCall[] } }).harness;
    return harness.log.filter((entry) => !name || entry.fn === name);
  }, fn);
}

export async function cmiValue(page: Page, element: string): Promise<string> {
  return page.evaluate((name) => {
    const harness = (window as unknown as { harness: { value(e: string): unknown } }).harness;
    return String(harness.value(name) ?? '');
  }, element);
}

/** What the harness saved for this learner (what a relaunch starts from). */
export async function savedCmi(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(() => {
    const harness = (window as unknown as { harness: { saved(): { cmi: Record<string, unknown> } | null } }).harness;
    return harness.saved()?.cmi ?? null;
  });
}

export const api = {
  '1.2': { initialize: 'LMSInitialize', terminate: 'LMSFinish', commit: 'LMSCommit', setValue: 'LMSSetValue' },
  '2004': { initialize: 'Initialize', terminate: 'Terminate', commit: 'Commit', setValue: 'SetValue' },
} as const;

export const element = {
  '1.2': { location: 'cmi.core.lesson_location', suspendData: 'cmi.suspend_data', status: 'cmi.core.lesson_status' },
  '2004': { location: 'cmi.location', suspendData: 'cmi.suspend_data', status: 'cmi.completion_status' },
} as const;

/**
 * Reads a lesson to its end (the end marker scrolls into view), as a learner would: answering the lesson's knowledge
 * check on the way, which completion needs as well (src/stores/course.ts `moduleStatus`). `answerCheck: false` only
 * scrolls, for tests of a lesson read without its check.
 */
export async function readLessonToEnd(page: Page, { answerCheck = true }: { answerCheck?: boolean } = {}): Promise<void> {
  const content = contentFrame(page);
  if (answerCheck) {
    await answerKnowledgeCheck(page, content);
    await playRequiredRoleplay(content);
  }
  await content.locator('#lesson-end').scrollIntoViewIfNeeded();
}

/**
 * Plays the lesson's required role-play (RoleplayLinks.astro, `data-required`), if it has one, to an ending — the
 * first shown choice at every decision, as a hurried learner might — and comes back to the lesson through the
 * debrief's 返回第 N 单元 link. Completion needs it (src/stores/course.ts `moduleStatus`, `needsRoleplay`).
 */
export async function playRequiredRoleplay(content: FrameLocator): Promise<void> {
  const link = content.locator('.lesson-roleplays [data-required="true"] a');
  if ((await link.count()) === 0) return;
  const lessonTitle = await content.locator('h1').textContent();
  await link.first().click();
  const debrief = content.locator('#rp-debrief');
  await expect(content.locator('#rp')).toBeVisible();
  for (let step = 0; step < 30 && !(await debrief.isVisible()); step++) {
    const node = content.locator('.rp-node:not([hidden])');
    const id = await node.getAttribute('data-node');
    await node.locator('.rp-choice').first().click();
    await expect(content.locator(`.rp-node[data-node="${id}"]`)).toBeHidden();
  }
  await expect(debrief).toBeVisible();
  await debrief.locator('.rp-actions a[href*="modules/"]').click();
  await expect(content.locator('h1')).toHaveText(lessonTitle ?? '');
}

/**
 * Answers the lesson's knowledge check RIGHT, if it has one (a check needs every question answered right:
 * src/quizzes/check-mastery.ts): for every shown question, the right response is read from the question's own data
 * block (the item practice pages carry for their feedback) and set through the widget's `response`, then 检查答案.
 * Waits until the check reports itself answered; does nothing when it already is. `content` defaults to the harness's
 * content frame; pass `page.frameLocator('#content-frame')` for a standalone launch.
 */
export async function answerKnowledgeCheck(page: Page, content: FrameLocator = contentFrame(page)): Promise<void> {
  const check = content.locator('.knowledge-check[data-items]');
  if ((await check.count()) === 0 || (await check.getAttribute('data-answered')) === 'true') return;
  for (const question of await check.locator('.knowledge-check__variant:not([hidden]) quiz-question').all()) {
    if (await question.locator('[data-action="retry"]').isVisible()) continue; // already checked
    await setRightResponse(question);
    await question.locator('[data-action="check"]').click();
    await expect(question.locator('.quiz__result')).toContainText('回答正确');
  }
  await expect(check).toHaveAttribute('data-answered', 'true');
}

/** Sets a practice question's fully right (or fully wrong) response, in authored indexes, from its JSON data block. */
export async function setRightResponse(question: Locator, right = true): Promise<void> {
  await question.evaluate((element, wantRight) => {
    const item = JSON.parse(element.querySelector('script.quiz__data')?.textContent ?? 'null');
    const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
    const breaking = (want: boolean) =>
      item.lines.flatMap((line: { breaks: boolean }, i: number) => (line.breaks === want ? [i] : []));
    const responses: Record<string, [unknown, unknown]> = {
      single: [0, 1],
      multiple: [indexes(item.answers?.length ?? 0), [item.answers?.length ?? 0]],
      truefalse: [item.answer, !item.answer],
      ordering: [indexes(item.steps?.length ?? 0), indexes(item.steps?.length ?? 0).reverse()],
      matching: [indexes(item.pairs?.length ?? 0), indexes(item.pairs?.length ?? 0).map((i, _, all) => (i + 1) % all.length)],
      spotting: [item.lines ? breaking(true) : [], item.lines ? breaking(false) : []],
    };
    (element as HTMLElement & { response: unknown }).response = responses[item.type]![wantRight ? 0 : 1];
  }, right);
}
