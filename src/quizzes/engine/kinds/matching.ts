/**
 * matching — match each situation (left) to its standard phrase (target). Authored indexes: left i = `pairs[i]`;
 * target j < pairs.length = `pairs[j].right`, target pairs.length + k = `extraRights[k]`. The correct target of
 * left i is target i. Scoring: lefts matched correctly / pairs. Reported as SCORM `matching`.
 * Lefts keep their authored order; targets are shuffled.
 */
import type { MatchingItem } from '../../schema.ts';
import type { MatchingResponse, QuestionKind } from '../types.ts';
import { ITEM_MAX, WEIGHTING, isIndex } from './shared.ts';

/** The targets in authored order (pairs' rights, then extraRights), each with its feedback. */
export function matchingTargets(item: MatchingItem): { text: string; feedback: string }[] {
  return [...item.pairs.map((p) => ({ text: p.right, feedback: p.feedback })), ...(item.extraRights ?? [])];
}

const targetCount = (item: MatchingItem): number => item.pairs.length + (item.extraRights?.length ?? 0);

function rightCount(item: MatchingItem, response: MatchingResponse): number {
  return item.pairs.filter((_, i) => response[i] === i).length;
}

export const matching: QuestionKind<MatchingItem, MatchingResponse> = {
  type: 'matching',
  interactionType: 'matching',
  shuffle: 'any',
  optionCount: targetCount,
  emptyResponse: (item) => item.pairs.map(() => null),
  parseResponse(item, raw) {
    if (!Array.isArray(raw) || raw.length !== item.pairs.length) return undefined;
    const n = targetCount(item);
    return raw.every((v) => v === null || isIndex(v, n)) ? [...(raw as (number | null)[])] : undefined;
  },
  isAnswered: (item, response) => item.pairs.every((_, i) => isIndex(response[i], targetCount(item))),
  score: (item, response) => ({ score: (ITEM_MAX * rightCount(item, response)) / item.pairs.length, max: ITEM_MAX }),
  isCorrect: (item, response) => rightCount(item, response) === item.pairs.length,
  interaction(item, response) {
    const n = targetCount(item);
    const learner: [number, number][] = [];
    item.pairs.forEach((_, i) => {
      const target = response[i];
      if (isIndex(target, n)) learner.push([i, target]);
    });
    return {
      type: 'matching',
      learner,
      correct: item.pairs.map((_, i): [number, number] => [i, i]),
      result: matching.isCorrect(item, response) ? 'correct' : 'incorrect',
      weighting: WEIGHTING,
    };
  },
};
