/**
 * The contract every question type implements (one file per type in `kinds/`, registered in `registry.ts`).
 *
 * Everything a response or an interaction refers to is an AUTHORED index — the position in the YAML (answer(s) first,
 * then distractors; step index; pair index; line index) — never a shuffled display position. So the order a learner
 * saw can change (new seed, new release of the shuffler) without changing what was stored or reported.
 *
 * ## Scoring policy
 *
 * Every item is worth the same: `max` is 1, `score` is a fraction in [0, 1]. `isCorrect` only when fully right.
 *
 * | type       | score                                                                                       |
 * |------------|---------------------------------------------------------------------------------------------|
 * | single     | 1 if the answer is chosen, else 0                                                           |
 * | truefalse  | 1 if the judgement matches, else 0                                                          |
 * | multiple   | (correct marks − wrong marks) / number of answers, floored at 0                             |
 * | spotting   | (breaking lines marked − fine lines marked) / number of breaking lines, floored at 0        |
 * | ordering   | neighbouring pairs in the right relative order / (steps − 1); 0 unless every step is placed |
 * | matching   | lefts matched to their own right / number of pairs                                          |
 *
 * Why these: subtracting wrong marks stops "mark everything" from earning credit; for ordering, counting neighbouring
 * pairs means one misplaced step costs at most two of the n − 1 pairs (a position count would give 0 for moving the
 * first step to the end) while a reversed list still scores 0. Exam totals: `scoreAttempt` sums scores and maxima and
 * rounds 100·score/max to the nearest integer (rounding rather than flooring so floating-point sums such as
 * 7.999… do not cost a point).
 */
import type { Item, ItemOfType, ItemType } from '../schema.ts';

export interface Score {
  /** Points earned, 0 ≤ score ≤ max (fractions allowed). */
  readonly score: number;
  /** Points available. */
  readonly max: number;
}

/** SCORM 2004 RTE 4.2.9.1 `cmi.interactions.n.result` correct/incorrect (partial credit is reported as incorrect). */
export type InteractionResult = 'correct' | 'incorrect';

interface InteractionCommon {
  result: InteractionResult;
  /** `cmi.interactions.n.weighting` (SCORM 1.2 RTE 3.4.2, SCORM 2004 RTE 4.2.9.1). */
  weighting: number;
}

/**
 * A version-neutral interaction record. The SCORM drivers turn it into `cmi.interactions.n.*` strings:
 * SCORM 1.2 single characters `0-9a-z` (RTE 3.4.2), SCORM 2004 short_identifier_type (RTE 4.2.9.1).
 * All numbers are authored indexes. Fresh mutable arrays, so a record can be spread into the drivers'
 * `InteractionRecord` (src/scorm/driver.ts) as is.
 */
export type Interaction =
  | (InteractionCommon & {
      type: 'choice';
      /** Authored option indexes the learner marked, ascending. */
      learner: number[];
      /** Authored option indexes that make the correct response, ascending. */
      correct: number[];
    })
  | (InteractionCommon & {
      type: 'true-false';
      /** The learner's judgement, or null when not answered. */
      learner: boolean | null;
      correct: boolean;
    })
  | (InteractionCommon & {
      type: 'sequencing';
      /** Authored step indexes in the order the learner placed them. */
      learner: number[];
      /** 0, 1, …, n − 1. */
      correct: number[];
    })
  | (InteractionCommon & {
      type: 'matching';
      /** [left index, target index] for every left the learner matched, by left index. */
      learner: Array<[number, number]>;
      /** [i, i] for every pair. */
      correct: Array<[number, number]>;
    });

export type InteractionType = Interaction['type'];

/** How `optionOrder` may rearrange an item's options for display. */
export type ShufflePolicy =
  /** Shown in authored order (a dialogue keeps its order). */
  | 'none'
  /** Any permutation. */
  | 'any'
  /** Any permutation except the authored order, which would give the answer away (ordering). */
  | 'not-identity';

/** The contract of one question type. `TResponse` is plain JSON so it can go into suspend_data as is. */
export interface QuestionKind<TItem extends Item, TResponse> {
  readonly type: TItem['type'];
  /** Which SCORM interaction type the item is reported as. */
  readonly interactionType: InteractionType;
  readonly shuffle: ShufflePolicy;
  /** Number of options `optionOrder` permutes (choices, steps, match targets, lines). */
  optionCount(item: TItem): number;
  /** The response before the learner has done anything. */
  emptyResponse(item: TItem): TResponse;
  /** Reads a stored response (e.g. from suspend_data); undefined when it does not fit this item. */
  parseResponse(item: TItem, raw: unknown): TResponse | undefined;
  /** Whether the learner has given a complete answer (the UI enables 提交 then). */
  isAnswered(item: TItem, response: TResponse): boolean;
  score(item: TItem, response: TResponse): Score;
  /** Fully right (score === max). */
  isCorrect(item: TItem, response: TResponse): boolean;
  interaction(item: TItem, response: TResponse): Interaction;
}

/** single: the chosen authored option index (0 = the answer), or null. */
export type SingleResponse = number | null;
/** multiple: marked authored option indexes (answers first, then distractors), ascending, no repeats. */
export type MultipleResponse = readonly number[];
/** truefalse: the learner's judgement, or null. */
export type TrueFalseResponse = boolean | null;
/** ordering: authored step indexes in the learner's order; [] until the learner has arranged them. */
export type OrderingResponse = readonly number[];
/** matching: for each pair index (left), the chosen target index (pairs' rights, then extraRights), or null. */
export type MatchingResponse = readonly (number | null)[];
/** spotting: marked line indexes, ascending, no repeats. */
export type SpottingResponse = readonly number[];

export interface ResponseByType {
  single: SingleResponse;
  multiple: MultipleResponse;
  truefalse: TrueFalseResponse;
  ordering: OrderingResponse;
  matching: MatchingResponse;
  spotting: SpottingResponse;
}

/** The response type for an item type; the registry's mapped type makes a missing kind a compile error. */
export type ResponseOf<T extends ItemType> = ResponseByType[T];

export type KindRegistry = { readonly [T in ItemType]: QuestionKind<ItemOfType<T>, ResponseOf<T>> };
