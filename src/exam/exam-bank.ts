import { getBank } from '../quizzes/bank-data.ts';
import { isEligible } from '../quizzes/engine/index.ts';
import type { BankItem } from '../quizzes/schema.ts';
import { sections } from '../rules/index.ts';
import { courseConfig } from '../course/outline.ts';
import { examRules } from '../course/outline.ts';
import { encodeExamData } from './exam-data-codec.ts';

/** Build-time data for the exam page (exam.html) and its scrambled key file (exam-data.bin). */

/** Every item the exam may draw, in bank order. */
export function examItems(): BankItem[] {
  return getBank().items.filter((item) => isEligible(item, 'exam'));
}

/** The scrambling key: not a secret, just not the plain text (see exam-data-codec.ts). */
export const examDataKey = `${courseConfig.course.identifier}:${courseConfig.edition}`;

export function examPageConfig() {
  return {
    // The course's rules; inside a package the shell's snapshot supplies its own (the refresher's differ).
    rules: examRules('course'),
    size: courseConfig.exam.size,
    quotas: courseConfig.exam.quotas,
    edition: courseConfig.edition,
    dataKey: examDataKey,
    moduleTitles: Object.fromEntries(sections.map((section) => [section.module, section.title])),
  };
}

/**
 * Per-option feedback is for practice; the exam's review shows the learner's answer, the right answer and the
 * explanation. Dropping feedback keeps the key file (and the zip) small; the item shape stays intact.
 */
function withoutFeedback(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFeedback);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, /^feedback(True|False)?$/.test(key) ? '' : withoutFeedback(inner)]),
  );
}

export function examDataFile(): Uint8Array {
  return encodeExamData({ items: examItems().map(withoutFeedback) }, examDataKey);
}
