import type { Item } from '../quizzes/schema.ts';
import { breakingLines, matchingTargets, multipleOptions, responseOf, singleOptions } from '../quizzes/engine/index.ts';

/**
 * Plain-text answers for people: the learner's answer and the right answer of an item, for the exam review and
 * the HR item map (CSV). Text only: the review puts it in textContent, the CSV quotes it.
 */
const none = '（未作答）';

export function describeCorrect(item: Item): string {
  switch (item.type) {
    case 'single':
      return item.answer.text;
    case 'multiple':
      return item.answers.map((option) => option.text).join('；');
    case 'truefalse':
      return item.answer ? '对' : '错';
    case 'ordering':
      return item.steps.map((step) => step.text).join(' → ');
    case 'matching':
      return item.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('；');
    case 'spotting':
      return breakingLines(item)
        .map((index) => `${item.lines[index]!.speaker}：${item.lines[index]!.text}`)
        .join('；');
  }
}

export function describeResponse(item: Item, raw: unknown): string {
  const response = responseOf(item, raw);
  switch (item.type) {
    case 'single': {
      const index = response as number | null;
      return index === null ? none : (singleOptions(item)[index]?.text ?? none);
    }
    case 'multiple': {
      const marked = response as readonly number[];
      return marked.length === 0 ? none : marked.map((index) => multipleOptions(item)[index]?.text ?? '').join('；');
    }
    case 'truefalse': {
      const judgement = response as boolean | null;
      return judgement === null ? none : judgement ? '对' : '错';
    }
    case 'ordering': {
      const order = response as readonly number[];
      return order.length === 0 ? none : order.map((index) => item.steps[index]?.text ?? '').join(' → ');
    }
    case 'matching': {
      const chosen = response as readonly (number | null)[];
      const targets = matchingTargets(item);
      if (chosen.every((target) => target === null)) return none;
      return item.pairs
        .map((pair, index) => `${pair.left} → ${chosen[index] == null ? '（未选）' : (targets[chosen[index]!]?.text ?? '')}`)
        .join('；');
    }
    case 'spotting': {
      const marked = response as readonly number[];
      return marked.length === 0
        ? none
        : marked.map((index) => `${item.lines[index]?.speaker}：${item.lines[index]?.text}`).join('；');
    }
  }
}
