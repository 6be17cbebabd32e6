/**
 * Practice mode for `<quiz-question data-mode="practice">`: 检查答案 scores the response with the engine (isAnsweredOf,
 * scoreOf, isCorrectOf — no scoring rule is re-implemented here), shows the feedback next to the options (the chosen
 * ones and the right ones, each with a ✓ / ✗ verdict in words, never colour alone), the explanation and the cited rules,
 * announces 回答正确 / 部分正确 / 回答错误 in the question's live region, locks the answer and dispatches `quiz-checked`
 * { itemId, correct, score }; 再试一次 clears it all. The item (key and feedback) comes from the question's JSON data
 * block, which only practice questions carry. Loaded by Question.astro for practice questions only.
 */
import { QuizQuestion, type QuizCheckedDetail } from './quiz-question.ts';
import {
  isAnsweredOf,
  isCorrectOf,
  matchingTargets,
  multipleOptions,
  scoreOf,
  singleOptions,
  trueFalseFeedback,
} from '../../quizzes/engine/index.ts';
import type { Item } from '../../quizzes/schema.ts';

type Mark = { chosen: boolean; right: boolean; text: string };

const items = new WeakMap<QuizQuestion, Item>();

function itemOf(question: QuizQuestion): Item | undefined {
  let item = items.get(question);
  const data = question.querySelector('script.quiz__data')?.textContent;
  if (!item && data) {
    item = JSON.parse(data) as Item;
    items.set(question, item);
  }
  return item;
}

const part = <T extends HTMLElement>(question: QuizQuestion, selector: string) =>
  question.querySelector<T>(selector);

/** The feedback slot of an option (practice tokens are authored indexes), or of a matching left. */
const slotOf = (question: QuizQuestion, selector: string) => part(question, `${selector} > .quiz__feedback`);

/** Fills one feedback slot: a ✓/✗ verdict in words, then the feedback text. */
function write(slot: HTMLElement | null, right: boolean, verdict: string, text: string): void {
  if (!slot) return;
  const strong = document.createElement('strong');
  strong.className = 'quiz__verdict';
  strong.textContent = verdict;
  slot.replaceChildren(strong, ` ${text}`);
  slot.hidden = false;
  if (slot.parentElement) slot.parentElement.dataset.verdict = right ? 'right' : 'wrong';
}

const labels = {
  single: ['✓ 你的选择正确', '✗ 你的选择不正确', '✓ 正确答案'],
  truefalse: ['✓ 你的判断正确', '✗ 你的判断不正确', '✓ 正确判断'],
  multiple: ['✓ 选对了', '✗ 不应选择', '✗ 漏选：这是正确选项'],
  spotting: ['✓ 找对了：这句违反规范', '✗ 这句并不违反规范', '✗ 漏找：这句违反规范'],
} as const;

function showFeedback(question: QuizQuestion, item: Item, response: unknown): void {
  const marked = (a: number) => Array.isArray(response) && response.includes(a);
  let marks: Mark[];
  switch (item.type) {
    case 'single':
      marks = singleOptions(item).map((o, a) => ({ chosen: response === a, right: isCorrectOf(item, a), text: o.feedback }));
      break;
    case 'multiple':
      marks = multipleOptions(item).map((o, a) => ({ chosen: marked(a), right: o.correct, text: o.feedback }));
      break;
    case 'spotting':
      marks = item.lines.map((line, a) => ({ chosen: marked(a), right: line.breaks, text: line.feedback }));
      break;
    case 'truefalse':
      marks = [true, false].map((value) => ({
        chosen: response === value,
        right: isCorrectOf(item, value),
        text: trueFalseFeedback(item, value) ?? '',
      }));
      break;
    case 'ordering':
      (response as number[]).forEach((authored, position) => {
        const right = authored === position;
        write(
          slotOf(question, `[data-option="${authored}"]`),
          right,
          right ? '✓ 位置正确' : `✗ 应排在第 ${authored + 1} 步`,
          item.steps[authored]?.feedback ?? '',
        );
      });
      return;
    case 'matching': {
      const targets = matchingTargets(item);
      item.pairs.forEach((pair, left) => {
        const chosen = (response as (number | null)[])[left] ?? null;
        const right = chosen === left;
        const extra = !right && chosen !== null && chosen >= item.pairs.length ? targets[chosen] : undefined;
        write(
          slotOf(question, `[data-left-index="${left}"]`),
          right,
          right ? '✓ 匹配正确' : `✗ 应选“${pair.right}”`,
          extra ? `${pair.feedback} 你选的“${extra.text}”：${extra.feedback}` : pair.feedback,
        );
      });
      return;
    }
  }
  const [rightChosen, wrongChosen, missed] = labels[item.type];
  // A right option the learner did not choose is the answer (single, true/false) or a miss (multiple, spotting).
  const missIsWrong = item.type === 'multiple' || item.type === 'spotting';
  marks.forEach((mark, a) => {
    const slot = slotOf(question, `[data-option="${a}"]`);
    if (mark.chosen) write(slot, mark.right, mark.right ? rightChosen : wrongChosen, mark.text);
    else if (mark.right) write(slot, !missIsWrong, missed, mark.text);
  });
}

function setResult(question: QuizQuestion, verdict: string | undefined, text: string): void {
  const result = part(question, '.quiz__result');
  if (!result) return;
  if (verdict) result.dataset.verdict = verdict;
  else delete result.dataset.verdict;
  result.textContent = text;
}

function showChecked(question: QuizQuestion, checked: boolean): void {
  question.lock(checked);
  const explanation = part(question, '.quiz__explanation');
  if (explanation) explanation.hidden = !checked;
  const check = part<HTMLButtonElement>(question, '[data-action="check"]');
  const retry = part<HTMLButtonElement>(question, '[data-action="retry"]');
  if (check) check.hidden = checked;
  if (retry) retry.hidden = !checked;
}

function check(question: QuizQuestion): void {
  const item = itemOf(question);
  if (!item) return;
  // Checking accepts the shown order of an ordering item as the learner's answer, even if no step was moved.
  if (item.type === 'ordering' && (question.response as number[]).length === 0) {
    question.response = [...question.querySelectorAll<HTMLElement>('.quiz__step')].map((s) => Number(s.dataset.option));
  }
  const response = question.response;
  if (!isAnsweredOf(item, response)) {
    setResult(question, 'none', '请先作答，再检查答案。');
    return;
  }
  const { score, max } = scoreOf(item, response);
  const correct = isCorrectOf(item, response);
  showFeedback(question, item, response);
  showChecked(question, true);
  setResult(
    question,
    correct ? 'correct' : score > 0 ? 'partial' : 'wrong',
    correct
      ? '✓ 回答正确。'
      : score > 0
        ? `△ 部分正确（得分 ${Math.round((100 * score) / max)}%）。请看每项下面的说明。`
        : '✗ 回答错误。请看每项下面的说明。',
  );
  part(question, '[data-action="retry"]')?.focus();
  const detail: QuizCheckedDetail = { itemId: question.itemId, correct, score };
  question.dispatchEvent(new CustomEvent('quiz-checked', { bubbles: true, detail }));
}

function retry(question: QuizQuestion): void {
  for (const slot of question.querySelectorAll<HTMLElement>('.quiz__feedback')) {
    slot.replaceChildren();
    slot.hidden = true;
    if (slot.parentElement) delete slot.parentElement.dataset.verdict;
  }
  setResult(question, undefined, '');
  showChecked(question, false);
  question.reset();
  part(question, '.quiz__input, .quiz__select, .quiz__move:not(:disabled)')?.focus();
  // After the reset, so a knowledge check that swaps in a variant (knowledge-check.ts) moves the focus there.
  question.dispatchEvent(new CustomEvent('quiz-retried', { bubbles: true, detail: { itemId: question.itemId } }));
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  const question = button?.closest('quiz-question');
  if (!button || button.disabled || !(question instanceof QuizQuestion) || question.dataset.mode !== 'practice') return;
  if (button.dataset.action === 'check') check(question);
  else if (button.dataset.action === 'retry') retry(question);
});
