/**
 * What a rendered option carries instead of its authored index, per mode.
 *
 * Authored indexes give the key away: a single item's answer is option 0, a multiple item's answers come first, an
 * ordering item's steps are written in the correct order and matching target i belongs to left i
 * (src/quizzes/README.md). Practice pages may show the key, so there an option's token IS its authored index. An
 * exam page must not (its key lives in the lead's scrambled exam data), so in exam mode options are rendered in token
 * order and each token is the authored index passed through a per-item permutation derived from the item id.
 * Like every client-side SCORM check this is obfuscation, not security: it keeps the key out of "view source".
 *
 * Pure and tiny: used at build time by the Astro components and at run time by `quiz-question.ts`.
 */
import { seedFrom, shuffle } from '../../quizzes/engine/random.ts';

export type QuizMode = 'practice' | 'exam';

/** What Question.astro hands every widget (Choice.astro, Matching.astro …) beside the item. */
export interface WidgetProps<TItem> {
  item: TItem;
  mode: QuizMode;
  /** Prefix of the widget's element ids (unique per page). */
  base: string;
  /** Display order (authored indexes). */
  order: number[];
  /** token[authored]. */
  tokens: number[];
}

/** The rows of a choice list (ChoiceOptions.astro) in display order: authored index, token, input value, text. */
export function choiceRows(options: readonly { text: string }[], order: readonly number[], tokens: readonly number[]) {
  return order.map((a) => ({ authored: a, token: tokens[a]!, value: String(tokens[a]), text: options[a]!.text }));
}

/** Types whose authored order reveals the key (true/false and dialogue lines do not, and are never shuffled). */
export function isMaskedType(type: string): boolean {
  return type === 'single' || type === 'multiple' || type === 'ordering' || type === 'matching';
}

/** token[authored] for an item with `count` options. */
export function optionTokens(mode: QuizMode, type: string, itemId: string, count: number): number[] {
  const identity = Array.from({ length: count }, (_, i) => i);
  return mode === 'exam' && isMaskedType(type) ? shuffle(identity, seedFrom('quiz-option-token', itemId)) : identity;
}
