import { describeCorrect, describeResponse } from '../exam/describe.ts';
import { attemptsLeft, mayReview, type ExamRules } from '../exam/policy.ts';
import type { ExamReport } from '../exam/report.ts';
import type { ExamSession } from '../exam/session.ts';
import { isCorrectOf } from '../quizzes/engine/index.ts';
import type { BankItem } from '../quizzes/schema.ts';

/**
 * The exam's result section (exam.html › #exam-result): score and verdict, a bar per module, retake or certificate,
 * and the answer review the review policy allows. Only renders; every figure comes from the session and its report.
 */
export interface ResultView {
  session: ExamSession;
  report: ExamReport;
  rules: ExamRules;
  /** Submitted by the timer rather than by the learner. */
  automatic: boolean;
  /** Item id → the review's 解析. */
  notes: Readonly<Record<string, string>>;
  /** Rule id → its title, for 依据规范. */
  ruleTitles: Readonly<Record<string, string>>;
}

export function showResult(root: HTMLElement, view: ResultView): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const { session, report, rules } = view;
  const { state, draw } = session;
  const passed = state.last?.passed ?? false;
  $('#result-note').textContent = view.automatic ? '考试时间已到，系统已自动交卷。' : '';
  $('#result-score').textContent = `${state.last?.score ?? 0} 分`;
  $('#result-pass-mark').textContent = `及格分 ${rules.passMark} 分`;
  const verdict = $('#result-verdict');
  verdict.textContent = passed ? '恭喜您，通过认证考试！' : '本次考试未通过。';
  verdict.className = passed ? 'verdict pass' : 'verdict fail';

  // Per-module results (a bar per module; the numbers are in the text, the bar only repeats them).
  $('#result-modules').replaceChildren(
    ...report.perModule.map((entry) => {
      const row = document.createElement('li');
      const label = document.createElement('span');
      label.className = 'module-label';
      label.textContent = `${entry.title}：${entry.percent}%（${formatPoints(entry.score)}/${entry.max} 题）`;
      const bar = document.createElement('span');
      bar.className = 'module-bar';
      bar.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = entry.percent >= rules.passMark ? 'module-fill good' : 'module-fill weak';
      fill.style.width = `${entry.percent}%`;
      bar.append(fill);
      row.append(label, bar);
      return row;
    }),
  );

  const left = attemptsLeft(state, rules);
  const retake = $<HTMLButtonElement>('#exam-retake');
  retake.hidden = passed || left === 0;
  retake.textContent = `重新考试（还有 ${left} 次机会）`;
  $('#result-exhausted').hidden = passed || left > 0;
  $('#result-certificate').hidden = !state.passed;

  const review = $('#result-review');
  review.hidden = !mayReview(passed, rules);
  $('#result-review-list').replaceChildren(
    ...(review.hidden ? [] : draw.map((item, index) => reviewEntry(item, state.answers[index] ?? null, view))),
  );
}

function reviewEntry(item: BankItem, response: unknown, view: ResultView): HTMLLIElement {
  const entry = document.createElement('li');
  const correct = isCorrectOf(item, response);
  const paragraph = (text: string, className = '') => {
    const element = document.createElement('p');
    element.textContent = text;
    if (className) element.className = className;
    return element;
  };
  entry.append(
    paragraph(`${correct ? '✓ 正确' : '✗ 错误'}　${item.situation ? `${item.situation} ` : ''}${item.prompt}`, 'review-prompt'),
    paragraph(`您的答案：${describeResponse(item, response)}`),
    paragraph(`正确答案：${describeCorrect(item)}`),
    paragraph(`解析：${view.notes[item.id] ?? ''}`, 'review-explanation'),
    paragraph(`依据规范：${item.rules.map((id) => view.ruleTitles[id] ?? id).join('；')}`, 'review-rules'),
  );
  entry.className = correct ? 'review-item right' : 'review-item wrong';
  return entry;
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
