/**
 * ordering — put the steps in order. Authored index = step index; `steps` are written in the correct order.
 * Scoring: neighbouring pairs in the right relative order / (steps − 1), and 0 until every step is placed exactly
 * once. One misplaced step costs at most two pairs; a reversed list scores 0. Reported as SCORM `sequencing`.
 * Shown shuffled, never in the authored order (that would give the answer away).
 */
import type { OrderingItem } from '../../schema.ts';
import type { OrderingResponse, QuestionKind } from '../types.ts';
import { ITEM_MAX, WEIGHTING, isPermutation, range } from './shared.ts';

/** Neighbouring pairs (response[i], response[i+1]) whose steps are in the right relative order. */
function pairsInOrder(response: readonly number[]): number {
  let inOrder = 0;
  for (let i = 0; i + 1 < response.length; i += 1) {
    if ((response[i] as number) < (response[i + 1] as number)) inOrder += 1;
  }
  return inOrder;
}

export const ordering: QuestionKind<OrderingItem, OrderingResponse> = {
  type: 'ordering',
  interactionType: 'sequencing',
  shuffle: 'not-identity',
  optionCount: (item) => item.steps.length,
  emptyResponse: () => [],
  parseResponse(item, raw) {
    if (!Array.isArray(raw)) return undefined;
    if (raw.length === 0) return [];
    return isPermutation(raw, item.steps.length) ? [...(raw as number[])] : undefined;
  },
  isAnswered: (item, response) => isPermutation(response, item.steps.length),
  score(item, response) {
    const n = item.steps.length;
    if (!isPermutation(response, n)) return { score: 0, max: ITEM_MAX };
    return { score: (ITEM_MAX * pairsInOrder(response)) / (n - 1), max: ITEM_MAX };
  },
  isCorrect: (item, response) =>
    isPermutation(response, item.steps.length) && pairsInOrder(response) === item.steps.length - 1,
  interaction(item, response) {
    return {
      type: 'sequencing',
      learner: isPermutation(response, item.steps.length) ? [...response] : [],
      correct: range(item.steps.length),
      result: ordering.isCorrect(item, response) ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
