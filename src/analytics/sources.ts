import { AnalyticsError } from './errors.ts';
import type { ItemMap } from './item-map.ts';
import { scanLong } from './scan-long.ts';
import { scanGradebook, scanMoodleReport } from './scan-moodle.ts';
import { GRADE_COLUMN, INTERACTION_HEADER } from './source-rows.ts';
import type { Context, SourceHandlers, SourceKind } from './source-rows.ts';
import { openTable } from './table.ts';

export { displayName } from './source-rows.ts';
export type { LearnerFact, LearnerIdentity, ResponseRecord, SourceHandlers, SourceKind } from './source-rows.ts';

/**
 * From an export file to the normalized long table: one `ResponseRecord` per learner × exam attempt × item, plus
 * one `LearnerFact` per learner row of a cohort report. The kind of file is recognised by its header row, never by
 * its name. Rows are handed to callbacks one at a time, so a file can be read twice (analyze.ts makes two passes)
 * without holding it in memory.
 */

export const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  'moodle-interactions': 'Moodle SCORM Interactions 报表',
  'moodle-basic': 'Moodle SCORM Basic 报表',
  'moodle-objectives': 'Moodle SCORM Objectives 报表',
  'moodle-gradebook': 'Moodle 成绩簿导出',
  long: '长表格式（每行一名学员的一道题）',
};

export interface SourceSummary {
  readonly file: string;
  readonly kind: SourceKind;
  readonly format: 'text' | 'xlsx';
  readonly rows: number;
  readonly learners: number;
  readonly responses: number;
  /** Interaction column groups in the header (Moodle Interactions report). */
  readonly groups: number;
  /** Plain statements of what this file cannot give, shown in the report. */
  readonly notices: readonly string[];
}

const LONG_REQUIRED = ['learner', 'attempt', 'response', 'result'] as const;

export function detectKind(header: readonly string[], file: string): SourceKind {
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  if (LONG_REQUIRED.every((name) => lower.includes(name)) && (lower.includes('interaction_id') || lower.includes('item_id'))) {
    return 'long';
  }
  if (names.includes('First name') && names.includes('Last name') && names.some((h) => GRADE_COLUMN.test(h))) {
    return 'moodle-gradebook';
  }
  if (names.includes('Name') && names.includes('Attempt') && names.includes('Score')) {
    if (names.some((h) => INTERACTION_HEADER.test(h))) return 'moodle-interactions';
    if (names.some((h) => / (status|score)$/.test(h))) return 'moodle-objectives';
    return 'moodle-basic';
  }
  throw new AnalyticsError(
    { file, row: 1 },
    '认不出这是哪种导出文件。可用的有：Moodle SCORM 活动的 Interactions / Basic / Objectives 报表（text 或 Excel 格式，' +
      '界面语言 English）、成绩簿导出（Plain text file），以及长表格式（表头 learner, attempt, interaction_id, response, result）。' +
      `这个文件的表头是：${names.slice(0, 8).join(' | ')}${names.length > 8 ? ' …' : ''}`,
  );
}

/** Reads one export file once, handing each learner row and each response to the handlers. */
export async function scanSource(path: string, file: string, itemMap: ItemMap, handlers: SourceHandlers): Promise<SourceSummary> {
  const table = await openTable(path, file);
  const rows = table.rows[Symbol.asyncIterator]();
  const first = await rows.next();
  if (first.done) throw new AnalyticsError({ file }, '文件是空的。');
  let header = first.value.cells.map((h) => h.trim());
  const notices: string[] = [];
  // Moodle 4.3 writes a stray `</div>` before the content of a report that has no rows (fixture README, quirk 4).
  if (header[0]?.startsWith('</div>')) {
    header = [header[0].slice(6), ...header.slice(1)];
    notices.push(`${file}：Moodle 写出的是一份没有任何学员记录的空报表（文件开头多了 “</div>”）。`);
  }
  const kind = detectKind(header, file);
  const ctx: Context = { file, header, itemMap, handlers, learners: 0, responses: 0 };
  let rowCount: number;
  let groups = 0;
  if (kind === 'moodle-gradebook') rowCount = await scanGradebook(ctx, rows);
  else if (kind === 'long') rowCount = await scanLong(ctx, rows);
  else ({ rows: rowCount, groups } = await scanMoodleReport(ctx, kind, rows, notices));
  if (kind === 'moodle-basic' || kind === 'moodle-gradebook') {
    notices.push(`${file}：${KIND_LABELS[kind]}只有每名学员的总分，没有逐题数据：只用于总体情况（人数、通过率、分数分布）。`);
  }
  return { file, kind, format: table.format, rows: rowCount, learners: ctx.learners, responses: ctx.responses, groups, notices };
}
