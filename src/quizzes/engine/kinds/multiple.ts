/**
 * multiple — mark every correct option. Authored option indexes: `answers` first (0 … a−1), then `distractors`.
 * Scoring: (correct marks − wrong marks) / number of answers, floored at 0. Reported as a SCORM `choice` interaction.
 */
import type { MultipleItem, Option } from '../../schema.ts';
import type { MultipleResponse, QuestionKind } from '../types.ts';
import { WEIGHTING, cleanMarks, parseIndexSet, range, scoreMarks } from './shared.ts';

/** The options in authored order (answers first) with whether each is correct. */
export function multipleOptions(item: MultipleItem): (Option & { correct: boolean })[] {
  return [
    ...item.answers.map((o) => ({ ...o, correct: true })),
    ...item.distractors.map((o) => ({ ...o, correct: false })),
  ];
}

const count = (item: MultipleItem): number => item.answers.length + item.distractors.length;
const marks = (item: MultipleItem, response: MultipleResponse) =>
  scoreMarks(response, count(item), (i) => i < item.answers.length, item.answers.length);

export const multiple: QuestionKind<MultipleItem, MultipleResponse> = {
  type: 'multiple',
  interactionType: 'choice',
  shuffle: 'any',
  optionCount: count,
  emptyResponse: () => [],
  parseResponse: (item, raw) => parseIndexSet(raw, count(item)),
  isAnswered: (item, response) => cleanMarks(response, count(item)).length > 0,
  score(item, response) {
    const { score, max } = marks(item, response);
    return { score, max };
  },
  isCorrect: (item, response) => marks(item, response).full,
  interaction(item, response) {
    return {
      type: 'choice',
      learner: cleanMarks(response, count(item)),
      correct: range(item.answers.length),
      result: marks(item, response).full ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
