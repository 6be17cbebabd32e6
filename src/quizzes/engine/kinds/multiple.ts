/**
 * multiple — mark every correct option. Authored option indexes: `answers` first (0 … a−1), then `distractors`.
 * Scoring: (correct marks − wrong marks) / number of answers, floored at 0. Reported as a SCORM `choice` interaction.
 */
import type { MultipleItem, Option } from '../../schema.ts';
import type { MultipleResponse, QuestionKind } from '../types.ts';
import { markingKind, range } from './shared.ts';

/** The options in authored order (answers first) with whether each is correct. */
export function multipleOptions(item: MultipleItem): (Option & { correct: boolean })[] {
  return [
    ...item.answers.map((o) => ({ ...o, correct: true })),
    ...item.distractors.map((o) => ({ ...o, correct: false })),
  ];
}

export const multiple: QuestionKind<MultipleItem, MultipleResponse> = markingKind<MultipleItem>(
  'multiple',
  'any',
  (item) => item.answers.length + item.distractors.length,
  (item) => range(item.answers.length),
);
