/** Helpers shared by the question kinds. Pure; no imports at run time. */
import type { Item } from '../../schema.ts';
import type { QuestionKind, Score, ShufflePolicy } from '../types.ts';

/** Every item is worth one point (see the scoring policy in `../types.ts`). */
export const ITEM_MAX = 1;

/** Interaction weighting: equal to the item's max, so an LMS that sums weightings agrees with `scoreAttempt`. */
export const WEIGHTING = ITEM_MAX;

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function isIndex(value: unknown, count: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < count;
}

/** Every index below `count` exactly once (a full order of the options). */
export function isPermutation(value: unknown, count: number): value is number[] {
  return Array.isArray(value) && value.length === count && new Set(value).size === count && value.every((v) => isIndex(v, count));
}

/** A stored set of indexes: every entry an index below `count`, no repeats. Returns it sorted, or undefined. */
export function parseIndexSet(raw: unknown, count: number): number[] | undefined {
  if (!Array.isArray(raw) || !raw.every((v) => isIndex(v, count))) return undefined;
  const sorted = [...new Set(raw as number[])].sort((a, b) => a - b);
  return sorted.length === raw.length ? sorted : undefined;
}

/**
 * Mark-the-right-ones scoring (multiple, spotting): (right marks − wrong marks) / targets, floored at 0.
 * Out-of-range or repeated marks are ignored, so a damaged stored response can only lose credit.
 */
export function scoreMarks(
  marked: readonly number[],
  count: number,
  isTarget: (index: number) => boolean,
  targets: number,
): Score & { full: boolean } {
  let right = 0;
  let wrong = 0;
  for (const index of new Set(marked)) {
    if (!isIndex(index, count)) continue;
    if (isTarget(index)) right += 1;
    else wrong += 1;
  }
  return {
    score: (ITEM_MAX * Math.max(0, right - wrong)) / targets,
    max: ITEM_MAX,
    full: right === targets && wrong === 0,
  };
}

/** Valid marks only, ascending — what an interaction reports. */
export function cleanMarks(marked: readonly number[], count: number): number[] {
  return [...new Set(marked)].filter((i) => isIndex(i, count)).sort((a, b) => a - b);
}

/**
 * A mark-the-right-ones kind (multiple, spotting): `count` options, of which `targets` are to be marked. A response
 * is the set of marked indexes, scored by `scoreMarks` and reported as a SCORM `choice` interaction whose correct
 * response is the set of targets.
 */
export function markingKind<TItem extends Item>(
  type: TItem['type'],
  shuffle: ShufflePolicy,
  count: (item: TItem) => number,
  targets: (item: TItem) => number[],
): QuestionKind<TItem, readonly number[]> {
  const marks = (item: TItem, response: readonly number[]) => {
    const wanted = targets(item);
    return scoreMarks(response, count(item), (i) => wanted.includes(i), wanted.length);
  };
  return {
    type,
    interactionType: 'choice',
    shuffle,
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
        correct: targets(item),
        result: marks(item, response).full ? 'correct' : 'incorrect',
        weighting: WEIGHTING,
      };
    },
  };
}
