import { expect, type Page } from '@playwright/test';
import { cmiValue, contentFrame, element, type Version } from './lms.ts';
import { correctResponse, drawFor, examStateIn, wrongResponse } from './course-data.ts';
import type { CourseMode } from '../../src/config/identity.ts';

/** Answers the current attempt through the question elements' public API, the way the widgets report answers. */
export async function answerAll(page: Page, learner: string, attempt: number, right: boolean, mode: CourseMode = 'course'): Promise<void> {
  const content = contentFrame(page);
  const items = drawFor(learner, attempt, mode);
  await expect(content.locator('#exam-run')).toBeVisible();
  await expect(content.locator('#exam-position')).toHaveText(`第 1 题，共 ${items.length} 题`);
  for (const item of items) {
    const response = right ? correctResponse(item) : wrongResponse(item);
    await content.locator(`.exam-slot[data-item-id="${item.id}"] quiz-question`).evaluate(
      (element, detail) => {
        (element as HTMLElement & { response: unknown }).response = detail.response;
        element.dispatchEvent(new CustomEvent('quiz-change', { bubbles: true, detail }));
      },
      { itemId: item.id, response },
    );
  }
  await expect(content.locator('.exam-map-button.answered')).toHaveCount(items.length);
}

/** Submits the running attempt through the confirm dialog and waits for the result. */
export async function submit(page: Page): Promise<void> {
  const content = contentFrame(page);
  await content.locator('#exam-submit').click();
  await expect(content.locator('#exam-confirm')).toBeVisible();
  await expect(content.locator('#exam-unanswered')).toContainText('全部题目都已作答');
  await content.locator('#exam-confirm-submit').click();
  await expect(content.locator('#exam-result')).toBeVisible();
}

/** Opens the exam page from the home screen and starts (or retakes) an attempt. */
export async function startAttempt(page: Page): Promise<void> {
  const content = contentFrame(page);
  // The page shows one of the two once it has the shell's snapshot: wait for it, then take whichever it is.
  const button = content.locator('#exam-retake:visible, #exam-start:visible');
  await expect(button).toHaveCount(1);
  await button.click();
}

export interface RecordedInteraction {
  id: string;
  result: string;
  response: string;
  correct: string;
  type: string;
}

/** The interactions the LMS holds now, in each version's element names. */
export async function interactions(page: Page, version: Version): Promise<RecordedInteraction[]> {
  return page.evaluate((v) => {
    const cmi = (window as unknown as { harness: { cmi(): Record<string, any> } }).harness.cmi();
    const list = Object.values(cmi.interactions ?? {}).filter((entry: any) => entry && entry.id) as any[];
    return list.map((entry) => ({
      id: entry.id as string,
      result: entry.result as string,
      response: (v === '2004' ? entry.learner_response : entry.student_response) as string,
      correct: entry.correct_responses?.['0']?.pattern as string,
      type: entry.type as string,
    }));
  }, version);
}

export interface RecordedObjective {
  id: string;
  success: string;
  status: string;
  raw: string;
}

/** The objectives the LMS holds now, in index order. */
export async function objectives(page: Page): Promise<RecordedObjective[]> {
  return page.evaluate(() => {
    const cmi = (window as unknown as { harness: { cmi(): Record<string, any> } }).harness.cmi();
    const list = cmi.objectives?.childArray ?? Object.values(cmi.objectives ?? {}).filter((o: any) => o && typeof o === 'object' && 'id' in o);
    return (list as any[]).map((objective) => ({
      id: String(objective.id ?? ''),
      success: String(objective.success_status ?? ''),
      status: String(objective.status ?? ''),
      raw: String(objective.score?.raw ?? ''),
    }));
  });
}

/** The answers of the running exam attempt as the LMS holds them (its suspend_data, decoded); [] when none. */
export async function savedExamAnswers(page: Page, version: Version): Promise<unknown[]> {
  return examStateIn(await cmiValue(page, element[version].suspendData))?.answers ?? [];
}
