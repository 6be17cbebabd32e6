import { expect, type FrameLocator, type Page } from '@playwright/test';

/** The two SCORM versions every LMS-facing test runs against. */
export const versions = ['1.2', '2004'] as const;
export type Version = (typeof versions)[number];

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

export async function openHarness(page: Page, version: Version, learner: string, extra = ''): Promise<void> {
  await page.goto(`/lms/lms.html?v=${version}&learner=${encodeURIComponent(learner)}${extra}`);
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
 * Answers the lesson's knowledge check, if it has one: something in every question (the first option, the first
 * target of every select, the shown order of an ordering item), then 检查答案 — right or wrong, every question checked
 * once is what completes the check. Waits until the check reports itself answered; does nothing when it already
 * is. `content` defaults to the harness's content frame; pass `page.frameLocator('#content-frame')` for a
 * standalone launch.
 */
export async function answerKnowledgeCheck(page: Page, content: FrameLocator = contentFrame(page)): Promise<void> {
  const check = content.locator('.knowledge-check[data-items]');
  if ((await check.count()) === 0 || (await check.getAttribute('data-answered')) === 'true') return;
  for (const question of await check.locator('quiz-question').all()) {
    if (await question.locator('[data-action="retry"]').isVisible()) continue; // already checked
    const inputs = question.locator('.quiz__input');
    if ((await inputs.count()) > 0) await inputs.first().check();
    for (const select of await question.locator('.quiz__select').all()) await select.selectOption({ index: 1 });
    await question.locator('[data-action="check"]').click();
    await expect(question.locator('[data-action="retry"]')).toBeVisible();
  }
  await expect(check).toHaveAttribute('data-answered', 'true');
}
