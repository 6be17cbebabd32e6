/**
 * truefalse — judge a statement 对 / 错. Scoring: all or nothing. Reported as a SCORM `true-false` interaction.
 * The UI shows `feedbackTrue` after 对 and `feedbackFalse` after 错, whichever is right.
 */
import type { TrueFalseItem } from '../../schema.ts';
import type { QuestionKind, TrueFalseResponse } from '../types.ts';
import { ITEM_MAX, WEIGHTING } from './shared.ts';

/** The feedback for the learner's judgement (undefined before answering). */
export function trueFalseFeedback(item: TrueFalseItem, response: TrueFalseResponse): string | undefined {
  if (response === null) return undefined;
  return response ? item.feedbackTrue : item.feedbackFalse;
}

export const truefalse: QuestionKind<TrueFalseItem, TrueFalseResponse> = {
  type: 'truefalse',
  interactionType: 'true-false',
  // 对 then 错, always: a shuffled pair of fixed buttons only confuses.
  shuffle: 'none',
  optionCount: () => 2,
  emptyResponse: () => null,
  parseResponse: (_item, raw) => (raw === null || typeof raw === 'boolean' ? raw : undefined),
  isAnswered: (_item, response) => typeof response === 'boolean',
  score: (item, response) => ({ score: response === item.answer ? ITEM_MAX : 0, max: ITEM_MAX }),
  isCorrect: (item, response) => response === item.answer,
  interaction(item, response) {
    return {
      type: 'true-false',
      learner: typeof response === 'boolean' ? response : null,
      correct: item.answer,
      result: response === item.answer ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
