/**
 * The bank's statistics table (issue 11 point 7): per module and in total, the figures the lint's thresholds are
 * about, so authors see how far a module is from them. Printed by `npm run bank:stats` and by the real-bank lint test.
 */
import type { BankItem, ItemType } from '../schema.ts';
import { isEligible } from '../engine/draw.ts';
import { forbiddenIn, keyIsLongest, keyLengthRatio, selectionOptions, sharedBigrams } from './item-texts.ts';
import { isExam, type LintRule } from './lint.ts';
import * as T from './thresholds.ts';

export interface StatsColumn {
  readonly name: string;
  readonly rows: Readonly<Record<string, string>>;
}

const TYPES: readonly [ItemType, string][] = [
  ['single', 'S'],
  ['multiple', 'M'],
  ['truefalse', 'TF'],
  ['ordering', 'O'],
  ['matching', 'MT'],
  ['spotting', 'SP'],
];

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((100 * n) / d)}%`);
const median = (values: readonly number[]) => {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** The row labels, in print order. */
export const STAT_ROWS = [
  'items',
  'exam-eligible',
  'practice-eligible',
  'by type S/M/TF/O/MT/SP',
  'key longest (single)',
  'key/distractor length (median)',
  'T/F keyed true (exam)',
  'multiple: answers<distractors',
  'multiple: right/distractor ratio',
  '禁忌用语 options',
  'matching pairs sharing >1 bigram',
  'exam items per rule min/median',
  'difficulty 1/2/3 (exam)',
  'tagged items (exam)',
] as const;

function column(name: string, items: readonly BankItem[], rules: readonly LintRule[]): StatsColumn {
  const exam = items.filter(isExam);
  const singles = items.filter((i): i is Extract<BankItem, { type: 'single' }> => i.type === 'single');
  const ratios = singles.map((i) => keyLengthRatio(i) ?? 1);
  const tf = exam.filter((i): i is Extract<BankItem, { type: 'truefalse' }> => i.type === 'truefalse');
  const multiples = items.filter((i): i is Extract<BankItem, { type: 'multiple' }> => i.type === 'multiple');
  const answers = multiples.reduce((s, i) => s + i.answers.length, 0);
  const distractors = multiples.reduce((s, i) => s + i.distractors.length, 0);
  const forbidden = items.flatMap((i) => selectionOptions(i)).filter((o) => forbiddenIn(o.text).length > 0).length;
  const pairs = items.flatMap((i) => (i.type === 'matching' ? i.pairs : []));
  const overlapping = pairs.filter((p) => sharedBigrams(p.left, p.right).length > T.MATCHING_SHARED_BIGRAMS_MAX).length;
  const perRule = rules
    .filter((r) => !T.NOT_EXAMINABLE_RULES.includes(r.id))
    .map((r) => exam.filter((i) => i.rules.includes(r.id)).length);
  const tagged = exam.filter((i) => (i.tags ?? []).length > 0);
  const rows: Record<(typeof STAT_ROWS)[number], string> = {
    items: String(items.length),
    'exam-eligible': String(exam.length),
    'practice-eligible': String(items.filter((i) => isEligible(i, 'practice')).length),
    'by type S/M/TF/O/MT/SP': TYPES.map(([t]) => items.filter((i) => i.type === t).length).join('/'),
    'key longest (single)': `${singles.filter(keyIsLongest).length}/${singles.length} ${pct(singles.filter(keyIsLongest).length, singles.length)}`,
    'key/distractor length (median)': ratios.length === 0 ? '—' : median(ratios).toFixed(2),
    'T/F keyed true (exam)': `${tf.filter((i) => i.answer).length}/${tf.length} ${pct(tf.filter((i) => i.answer).length, tf.length)}`,
    'multiple: answers<distractors': `${multiples.filter((i) => i.answers.length < i.distractors.length).length}/${multiples.length}`,
    'multiple: right/distractor ratio': distractors === 0 ? '—' : (answers / distractors).toFixed(2),
    '禁忌用语 options': String(forbidden),
    'matching pairs sharing >1 bigram': `${overlapping}/${pairs.length}`,
    'exam items per rule min/median': perRule.length === 0 ? '—' : `${Math.min(...perRule)}/${median(perRule)}`,
    'difficulty 1/2/3 (exam)': [1, 2, 3].map((d) => exam.filter((i) => i.difficulty === d).length).join('/'),
    // Items per tag are listed under the table (formatStats' caller); here the count of exam items with any tag.
    'tagged items (exam)': String(tagged.length),
  };
  return { name, rows };
}

/** One column per module (its items, the rules of its section) and a total column. */
export function bankStats(items: readonly BankItem[], rules: readonly LintRule[]): StatsColumn[] {
  const modules = [...new Set(items.map((i) => i.module))];
  return [
    ...modules.map((m) =>
      column(
        m.slice(0, 2),
        items.filter((i) => i.module === m),
        rules.filter((r) => r.id.startsWith(`s${Number(m.slice(0, 2))}-`)),
      ),
    ),
    column('total', items, rules),
  ];
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[—]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));

/** A plain-text table: a row per figure, a column per module, then the total. */
export function formatStats(columns: readonly StatsColumn[]): string {
  const labelWidth = Math.max(...STAT_ROWS.map(width)) + 2;
  const widths = columns.map((c) => Math.max(width(c.name), ...STAT_ROWS.map((r) => width(c.rows[r] ?? ''))) + 2);
  const lines = [pad('module', labelWidth) + columns.map((c, i) => pad(c.name, widths[i] ?? 0)).join('')];
  for (const row of STAT_ROWS) {
    lines.push(pad(row, labelWidth) + columns.map((c, i) => pad(c.rows[row] ?? '', widths[i] ?? 0)).join(''));
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}
