/**
 * spotting — mark the lines of a dialogue that break the standard. Authored index = line index; never shuffled
 * (a dialogue has an order). Scoring: (breaking lines marked − fine lines marked) / breaking lines, floored at 0.
 * Reported as a SCORM `choice` interaction whose correct response is the set of breaking lines.
 */
import type { SpottingItem } from '../../schema.ts';
import type { QuestionKind, SpottingResponse } from '../types.ts';
import { markingKind } from './shared.ts';

/** Indexes of the lines that break the standard. */
export function breakingLines(item: SpottingItem): number[] {
  return item.lines.flatMap((line, i) => (line.breaks ? [i] : []));
}

export const spotting: QuestionKind<SpottingItem, SpottingResponse> = markingKind<SpottingItem>(
  'spotting',
  'none',
  (item) => item.lines.length,
  breakingLines,
);
