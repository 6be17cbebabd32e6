/**
 * The question kinds keyed by item `type`: `kinds[item.type]`. Adding a type = its schema in `../schema.ts`, one file
 * in `kinds/`, one line here (the mapped `KindRegistry` type makes a missing line a compile error).
 *
 * The `…Of` helpers below take a stored response as `unknown` (it comes back from suspend_data or a store) and read
 * it with the kind's `parseResponse`; anything that does not fit the item counts as no response.
 */
import type { Item } from '../schema.ts';
import { matching } from './kinds/matching.ts';
import { multiple } from './kinds/multiple.ts';
import { ordering } from './kinds/ordering.ts';
import { single } from './kinds/single.ts';
import { spotting } from './kinds/spotting.ts';
import { truefalse } from './kinds/truefalse.ts';
import type { Interaction, KindRegistry, QuestionKind, Score } from './types.ts';

export const kinds: KindRegistry = { single, multiple, truefalse, ordering, matching, spotting };

/**
 * The kind for an item, typed loosely: TypeScript cannot correlate `kinds[item.type]` with `item`, but the registry's
 * mapped type guarantees they match, so this is the one place that widens.
 */
export function kindOf(item: Item): QuestionKind<Item, unknown> {
  return kinds[item.type] as unknown as QuestionKind<Item, unknown>;
}

/** A stored response read for this item; the empty response when it is missing or does not fit. */
export function responseOf(item: Item, raw: unknown): unknown {
  const kind = kindOf(item);
  if (raw === undefined) return kind.emptyResponse(item);
  return kind.parseResponse(item, raw) ?? kind.emptyResponse(item);
}

export function scoreOf(item: Item, raw: unknown): Score {
  return kindOf(item).score(item, responseOf(item, raw));
}

export function isCorrectOf(item: Item, raw: unknown): boolean {
  return kindOf(item).isCorrect(item, responseOf(item, raw));
}

export function isAnsweredOf(item: Item, raw: unknown): boolean {
  return kindOf(item).isAnswered(item, responseOf(item, raw));
}

export function interactionOf(item: Item, raw: unknown): Interaction {
  return kindOf(item).interaction(item, responseOf(item, raw));
}
