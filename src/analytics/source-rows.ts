import { AnalyticsError } from './errors.ts';
import type { Where } from './errors.ts';
import type { ItemMap } from './item-map.ts';
import type { TableRow } from './table.ts';

/**
 * What the scanners of export files hand on (the normalized long table: `ResponseRecord`s and `LearnerFact`s), and the
 * cell readers and checks they share. Every check names the file, row and column of what it rejects.
 */
export type SourceKind = 'moodle-interactions' | 'moodle-basic' | 'moodle-objectives' | 'moodle-gradebook' | 'long';

export interface LearnerIdentity {
  /** Stable key: the e-mail address in lower case, else the name. */
  readonly key: string;
  readonly name: string;
  readonly email: string;
}

export interface LearnerFact extends LearnerIdentity {
  /** Whether the learner started the activity; `null` when the file cannot tell (a gradebook "-"). */
  readonly attempted: boolean | null;
  /** The LMS attempt number (Moodle's Attempt column), `null` when none. */
  readonly lmsAttempt: number | null;
  /** The LMS's score for the learner (0–100), `null` when none was reported. */
  readonly score: number | null;
  /** The SCO column's status text when it holds no score (`Incomplete`). */
  readonly status: string;
  /** The LMS attempt span in minutes (Last accessed − Started), when the export has both. */
  readonly minutes: number | null;
  readonly where: Where;
}

export interface ResponseRecord {
  readonly learner: LearnerIdentity;
  /** The course's exam attempt (the `a<n>-` prefix), not the LMS attempt. */
  readonly attempt: number;
  readonly itemId: string;
  /** Canonical (SCORM 1.2) response codes, '' when unanswered or not exported. */
  readonly response: string;
  /** The right answer's codes as exported, '' when the export has none. */
  readonly key: string;
  readonly correct: boolean;
  /** The exam attempt's score (0–100) when the export carries it (long format). */
  readonly score: number | null;
  /** Epoch ms, when the export carries a timestamp (long format). */
  readonly timestamp: number | null;
  readonly where: Where;
}

export interface SourceHandlers {
  learner?(fact: LearnerFact): void;
  response?(record: ResponseRecord): void;
}

export const INTERACTION_HEADER = /^(Question|Response|Right answer|Result) (\d+)$/;
export const GRADE_COLUMN = /^(.*) \((Real|Percentage)\)$/;

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** Moodle's full name is "firstname lastname"; a Chinese name reads family name first (赵敏). */
export function displayName(first: string, last: string): string {
  if (CJK.test(first) && CJK.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

export function fromFullName(full: string): string {
  const parts = full.trim().split(/\s+/);
  return parts.length === 2 ? displayName(parts[0]!, parts[1]!) : full.trim();
}

export function identity(name: string, email: string): LearnerIdentity {
  const key = (email.trim() || name.trim()).toLowerCase();
  return { key, name, email: email.trim() };
}

export function parseScore(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (value === '' || value === '-') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
}

const RESULT: Readonly<Record<string, boolean>> = {
  correct: true,
  wrong: false,
  incorrect: false,
  '1': true,
  '0': false,
  true: true,
  false: false,
};

export interface Context {
  readonly file: string;
  readonly header: readonly string[];
  readonly itemMap: ItemMap;
  readonly handlers: SourceHandlers;
  learners: number;
  responses: number;
}

export function cell(_ctx: Context, row: TableRow, column: number): string {
  return (row.cells[column] ?? '').trim();
}

export function whereOf(ctx: Context, row: TableRow, column?: number): Where {
  return column === undefined
    ? { file: ctx.file, row: row.row }
    : { file: ctx.file, row: row.row, column: column + 1, header: ctx.header[column] };
}

export function requireWidth(ctx: Context, row: TableRow, min: number, max = ctx.header.length): void {
  if (row.cells.length < min || row.cells.length > max) {
    throw new AnalyticsError(
      whereOf(ctx, row),
      `这一行有 ${row.cells.length} 列，表头有 ${ctx.header.length} 列：导出文件不完整（可能下载中断被截断）或被编辑过。请重新下载。`,
    );
  }
}

/** `a2-m03-ring-01` → attempt 2, item `m03-ring-01`, checked against the item map. */
export function parseInteractionId(ctx: Context, row: TableRow, column: number, value: string): { attempt: number; itemId: string } {
  const match = /^a(\d+)-(.+)$/.exec(value);
  if (!match) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `互动编号 “${value}” 不是本课程考试的格式 a<次数>-<题目编号>：这个导出可能来自另一门课程。`,
    );
  }
  return { attempt: Number(match[1]), itemId: checkItem(ctx, row, column, match[2]!) };
}

export function checkItem(ctx: Context, row: TableRow, column: number, itemId: string): string {
  if (!ctx.itemMap.items.has(itemId)) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `题目 ${itemId} 不在考题对照表 ${ctx.itemMap.file} 里：导出来自另一门课程、另一个年度版本，或对照表不是上传到 LMS 的那次构建生成的。` +
        '请用与 LMS 上课件包同一次 npm run package 生成的 item-map.csv（--item-map 文件）。',
    );
  }
  return itemId;
}

export function parseResult(ctx: Context, row: TableRow, column: number, value: string): boolean {
  const result = RESULT[value.toLowerCase()];
  if (result === undefined) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `结果 “${value}” 无法识别（应为 correct、wrong 或 incorrect）${value === '' ? '：这一格是空的，文件可能被截断' : ''}。`,
    );
  }
  return result;
}

/**
 * The right answer recorded by the LMS must fit the item map's item; a mismatch means the item was rewritten
 * since the map was built (another edition), and its figures would be attributed to the wrong text.
 */
export function checkKey(ctx: Context, row: TableRow, column: number, itemId: string, key: string): void {
  if (key === '') return;
  const item = ctx.itemMap.items.get(itemId)!;
  const codes = key.split(',');
  const fits =
    item.type === 'truefalse'
      ? (key === 't' && item.correct === '对') || (key === 'f' && item.correct === '错')
      : item.type === 'single'
        ? codes.length === 1 && !key.includes('.')
        : item.type === 'matching'
          ? codes.length === item.correct.split(' → ').length - 1 && codes.every((c) => c.includes('.'))
          : item.type === 'ordering'
            ? codes.length === item.correct.split(' → ').length
            : !key.includes('.');
  if (!fits) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `题目 ${itemId} 的正确答案 “${key}” 与考题对照表（${item.type}，“${item.correct.slice(0, 30)}”）不符：导出来自这道题的另一个版本。` +
        '请用与 LMS 上课件包同一次构建生成的考题对照表。',
    );
  }
}
