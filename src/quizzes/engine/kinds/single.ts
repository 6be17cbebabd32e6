/**
 * single — one answer among distractors. Authored option indexes: 0 = `answer`, 1… = `distractors`.
 * Scoring: all or nothing. Reported as a SCORM `choice` interaction with correct response {0}.
 */
import type { Option, SingleItem } from '../../schema.ts';
import type { QuestionKind, SingleResponse } from '../types.ts';
import { ITEM_MAX, WEIGHTING, isIndex } from './shared.ts';

/** The options in authored order (answer first) — what the UI maps `optionOrder` over. */
export function singleOptions(item: SingleItem): Option[] {
  return [item.answer, ...item.distractors];
}

const ANSWER = 0;

export const single: QuestionKind<SingleItem, SingleResponse> = {
  type: 'single',
  interactionType: 'choice',
  shuffle: 'any',
  optionCount: (item) => 1 + item.distractors.length,
  emptyResponse: () => null,
  parseResponse(item, raw) {
    if (raw === null) return null;
    return isIndex(raw, single.optionCount(item)) ? raw : undefined;
  },
  isAnswered: (item, response) => isIndex(response, single.optionCount(item)),
  score: (item, response) => ({ score: single.isCorrect(item, response) ? ITEM_MAX : 0, max: ITEM_MAX }),
  isCorrect: (_item, response) => response === ANSWER,
  interaction(item, response) {
    return {
      type: 'choice',
      learner: single.isAnswered(item, response) && response !== null ? [response] : [],
      correct: [ANSWER],
      result: single.isCorrect(item, response) ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
