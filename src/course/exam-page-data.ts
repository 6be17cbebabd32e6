import { getBank } from '../quizzes/bank-data.ts';
import { isEligible } from '../quizzes/engine/index.ts';
import type { BankItem } from '../quizzes/schema.ts';
import { requireRule, sectionOf, sections } from '../rules/index.ts';
import { courseConfig, examRules } from './outline.ts';
import { encodeExamData } from '../exam/exam-data-codec.ts';
import { examDrawProblems } from '../exam/exam-draw.ts';

/** Build-time data for the exam page (exam.html) and its scrambled key file (exam-data.bin). */

/** Every item the exam may draw, in bank order. */
export function examItems(): BankItem[] {
  return getBank().items.filter((item) => isEligible(item, 'exam'));
}

/** The scrambling key: not a secret, just not the plain text (see exam-data-codec.ts). */
export const examDataKey = `${courseConfig.course.identifier}:${courseConfig.edition}`;

/**
 * Fails the build when some learner could not get an exam or a refresher: a required tag no exam item carries, or
 * size / quotas / require the pool cannot satisfy (src/exam/exam-draw.ts). Checked once per build.
 */
let drawChecked = false;
export function checkExamDraw(): void {
  if (drawChecked) return;
  const { size, quotas, require } = courseConfig.exam;
  const problems = examDrawProblems(getBank(), { size, quotas, require, edition: courseConfig.edition });
  if (problems.length > 0) throw new Error(['考试抽题配置有误:', ...problems].join('\n  '));
  drawChecked = true;
}

export function examPageConfig() {
  checkExamDraw();
  return {
    // The course's rules; inside a package the shell's snapshot supplies its own (the refresher's differ).
    rules: examRules('course'),
    size: courseConfig.exam.size,
    quotas: courseConfig.exam.quotas,
    require: courseConfig.exam.require,
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

/**
 * The texts a learner reads (situation, prompt, statement) are already in exam.html, so the key file leaves them out
 * and the page takes them from its own markup (src/pages-client/exam.ts). That keeps the package within budget.
 */
function withoutPageTexts(item: BankItem): BankItem {
  const { situation: _situation, ...rest } = item;
  return { ...rest, prompt: '', ...(item.type === 'truefalse' ? { statement: '' } : {}) } as BankItem;
}

/**
 * The review's "why": the item's explanation, or else the feedback of its right answer(s), which cites the rule
 * (authors write every option's feedback that way; the bank test checks every option has one).
 */
export function reviewNote(item: BankItem): string {
  if (item.explanation) return item.explanation;
  switch (item.type) {
    case 'single':
      return item.answer.feedback;
    case 'truefalse':
      return item.answer ? item.feedbackTrue : item.feedbackFalse;
    case 'multiple':
      return item.answers.map((option) => option.feedback).join(' ');
    case 'ordering':
      return item.steps.map((step) => step.feedback).join(' ');
    case 'matching':
      return item.pairs.map((pair) => pair.feedback).join(' ');
    case 'spotting':
      return item.lines.filter((line) => line.breaks).map((line) => line.feedback).join(' ');
  }
}

/** What the exam page fetches: items without feedback or page texts, a review note each, and the cited rules. */
export interface ExamData {
  items: BankItem[];
  notes: Record<string, string>;
  /** Rule id → `三声内接听（接打电话规范）`, for the review's 依据规范 line. */
  ruleTitles: Record<string, string>;
}

export function examData(): ExamData {
  const items = examItems();
  const cited = [...new Set(items.flatMap((item) => item.rules))];
  return {
    items: items.map((item) => withoutPageTexts(withoutFeedback(item) as BankItem)),
    notes: Object.fromEntries(items.map((item) => [item.id, reviewNote(item)])),
    ruleTitles: Object.fromEntries(
      cited.map((id) => {
        const rule = requireRule(id);
        return [id, `${rule.title}（${sectionOf(rule.section)?.title ?? ''}）`];
      }),
    ),
  };
}

export function examDataFile(): Uint8Array {
  return encodeExamData(examData(), examDataKey);
}
