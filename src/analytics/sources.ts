import { AnalyticsError } from './errors.ts';
import type { Where } from './errors.ts';
import type { ItemMap } from './item-map.ts';
import { parseMoodleDate } from './moodle-dates.ts';
import { normalizeResponse } from './responses.ts';
import { openTable } from './table.ts';
import type { TableRow } from './table.ts';

/**
 * From an export file to the normalized long table: one `ResponseRecord` per learner × exam attempt × item, plus
 * one `LearnerFact` per learner row of a cohort report. The kind of file is recognised by its header row, never by
 * its name. Rows are handed to callbacks one at a time, so a file can be read twice (analyze.ts makes two passes)
 * without holding it in memory.
 */
export type SourceKind = 'moodle-interactions' | 'moodle-basic' | 'moodle-objectives' | 'moodle-gradebook' | 'long';

export const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  'moodle-interactions': 'Moodle SCORM Interactions 报表',
  'moodle-basic': 'Moodle SCORM Basic 报表',
  'moodle-objectives': 'Moodle SCORM Objectives 报表',
  'moodle-gradebook': 'Moodle 成绩簿导出',
  long: '长表格式（每行一名学员的一道题）',
};

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

const INTERACTION_HEADER = /^(Question|Response|Right answer|Result) (\d+)$/;
const LONG_REQUIRED = ['learner', 'attempt', 'response', 'result'] as const;
const GRADE_COLUMN = /^(.*) \((Real|Percentage)\)$/;

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

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** Moodle's full name is "firstname lastname"; a Chinese name reads family name first (赵敏). */
export function displayName(first: string, last: string): string {
  if (CJK.test(first) && CJK.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

function fromFullName(full: string): string {
  const parts = full.trim().split(/\s+/);
  return parts.length === 2 ? displayName(parts[0]!, parts[1]!) : full.trim();
}

function identity(name: string, email: string): LearnerIdentity {
  const key = (email.trim() || name.trim()).toLowerCase();
  return { key, name, email: email.trim() };
}

function parseScore(text: string): number | null {
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

interface Context {
  readonly file: string;
  readonly header: readonly string[];
  readonly itemMap: ItemMap;
  readonly handlers: SourceHandlers;
  learners: number;
  responses: number;
}

function cell(_ctx: Context, row: TableRow, column: number): string {
  return (row.cells[column] ?? '').trim();
}

function whereOf(ctx: Context, row: TableRow, column?: number): Where {
  return column === undefined
    ? { file: ctx.file, row: row.row }
    : { file: ctx.file, row: row.row, column: column + 1, header: ctx.header[column] };
}

function requireWidth(ctx: Context, row: TableRow, min: number, max = ctx.header.length): void {
  if (row.cells.length < min || row.cells.length > max) {
    throw new AnalyticsError(
      whereOf(ctx, row),
      `这一行有 ${row.cells.length} 列，表头有 ${ctx.header.length} 列：导出文件不完整（可能下载中断被截断）或被编辑过。请重新下载。`,
    );
  }
}

/** `a2-m03-ring-01` → attempt 2, item `m03-ring-01`, checked against the item map. */
function parseInteractionId(ctx: Context, row: TableRow, column: number, value: string): { attempt: number; itemId: string } {
  const match = /^a(\d+)-(.+)$/.exec(value);
  if (!match) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `互动编号 “${value}” 不是本课程考试的格式 a<次数>-<题目编号>：这个导出可能来自另一门课程。`,
    );
  }
  return { attempt: Number(match[1]), itemId: checkItem(ctx, row, column, match[2]!) };
}

function checkItem(ctx: Context, row: TableRow, column: number, itemId: string): string {
  if (!ctx.itemMap.items.has(itemId)) {
    throw new AnalyticsError(
      whereOf(ctx, row, column),
      `题目 ${itemId} 不在考题对照表 ${ctx.itemMap.file} 里：导出来自另一门课程、另一个年度版本，或对照表不是上传到 LMS 的那次构建生成的。` +
        '请用与 LMS 上课件包同一次 npm run package 生成的 item-map.csv（--item-map 文件）。',
    );
  }
  return itemId;
}

function parseResult(ctx: Context, row: TableRow, column: number, value: string): boolean {
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
function checkKey(ctx: Context, row: TableRow, column: number, itemId: string, key: string): void {
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

async function scanMoodleReport(ctx: Context, kind: SourceKind, rows: AsyncIterator<TableRow>, notices: string[]): Promise<{ rows: number; groups: number }> {
  const col = (name: string) => ctx.header.findIndex((h) => h.trim() === name);
  const nameCol = col('Name');
  const emailCol = col('Email address');
  const attemptCol = col('Attempt');
  const startedCol = col('Started on');
  const lastCol = col('Last accessed on');
  const scoreCol = col('Score');
  // The SCO column follows Score and is headed by the SCO's title; it holds the raw score or the status.
  const scoCol = kind === 'moodle-basic' ? -1 : scoreCol + 1;
  const groups = new Map<number, { question: number; response: number; key: number; result: number }>();
  ctx.header.forEach((h, i) => {
    const match = INTERACTION_HEADER.exec(h.trim());
    if (!match) return;
    const n = Number(match[2]);
    const group = groups.get(n) ?? { question: -1, response: -1, key: -1, result: -1 };
    const field = match[1] === 'Question' ? 'question' : match[1] === 'Response' ? 'response' : match[1] === 'Right answer' ? 'key' : 'result';
    group[field] = i;
    groups.set(n, group);
  });
  if (kind === 'moodle-interactions') {
    const first = [...groups.values()][0];
    if (first && (first.question < 0 || first.result < 0)) {
      throw new AnalyticsError(
        { file: ctx.file, row: 1 },
        'Interactions 报表缺少 “Question” 或 “Result” 列。请在报表页面的选项里勾选 question、response、right answer、result 四项后重新下载。',
      );
    }
    if (first && first.response < 0) {
      notices.push(`${ctx.file}：报表没有勾选 response（学员答案），无法做干扰项分析；勾选后重新下载即可。`);
    }
  }
  const minWidth = kind === 'moodle-objectives' ? scoCol + 1 : ctx.header.length;
  let count = 0;
  let withItems = 0;
  let withScore = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    count += 1;
    // Moodle's Objectives report writes a header for every objective but stops its data rows after the SCO
    // column (Moodle 4.3 quirk, see the fixture README): only that report may be ragged.
    requireWidth(ctx, row, minWidth);
    const name = cell(ctx, row, nameCol);
    const who = identity(fromFullName(name), emailCol >= 0 ? cell(ctx, row, emailCol) : '');
    const attemptText = cell(ctx, row, attemptCol);
    const attempted = attemptText !== '-' && attemptText !== '';
    if (attempted && !/^\d+$/.test(attemptText)) {
      throw new AnalyticsError(whereOf(ctx, row, attemptCol), `“Attempt” 应为数字，这里是 “${attemptText}”。`);
    }
    const score = attempted ? parseScore(cell(ctx, row, scoreCol)) : null;
    if (score !== null && (Number.isNaN(score) || score < 0 || score > 100)) {
      throw new AnalyticsError(whereOf(ctx, row, scoreCol), `分数 “${cell(ctx, row, scoreCol)}” 不是 0–100 的数字。`);
    }
    // The course reports a score only with a final outcome (README: Reporting policy); Moodle then shows the SCO
    // column as the score, otherwise as a status such as Incomplete and Score as 0, which is no score at all.
    const sco = scoCol >= 0 ? cell(ctx, row, scoCol) : '';
    const scoScore = sco === '' ? score : parseScore(sco);
    // The Basic report has no SCO column, and Moodle writes Score 0 when no score was reported (fixture README,
    // quirk 6), so a 0 there is taken as "no score": a real final score of 0 is shown the same way in that report.
    const reported = scoCol < 0 ? (score === 0 ? null : score) : scoScore !== null && !Number.isNaN(scoScore) ? scoScore : null;
    if (reported !== null) withScore += 1;
    const started = startedCol >= 0 ? parseMoodleDate(cell(ctx, row, startedCol)) : null;
    const last = lastCol >= 0 ? parseMoodleDate(cell(ctx, row, lastCol)) : null;
    ctx.learners += 1;
    ctx.handlers.learner?.({
      ...who,
      attempted,
      lmsAttempt: attempted ? Number(attemptText) : null,
      score: attempted ? reported : null,
      status: attempted && reported === null ? sco || 'Incomplete' : attempted ? '' : 'Not attempted',
      minutes: started !== null && last !== null ? Math.max(0, (last - started) / 60_000) : null,
      where: whereOf(ctx, row),
    });
    if (kind !== 'moodle-interactions') continue;
    let rowHasItems = false;
    for (const group of groups.values()) {
      const question = group.question >= 0 ? cell(ctx, row, group.question) : '';
      if (question === '') {
        const stray = [group.response, group.key, group.result].find((c) => c >= 0 && cell(ctx, row, c) !== '');
        if (stray !== undefined) {
          throw new AnalyticsError(whereOf(ctx, row, stray), '有答案却没有题目编号（Question 列为空）：文件可能被编辑过。');
        }
        continue;
      }
      rowHasItems = true;
      const { attempt, itemId } = parseInteractionId(ctx, row, group.question, question);
      const key = group.key >= 0 ? normalizeResponse(cell(ctx, row, group.key)) : '';
      checkKey(ctx, row, group.key, itemId, key);
      ctx.responses += 1;
      ctx.handlers.response?.({
        learner: who,
        attempt,
        itemId,
        response: group.response >= 0 ? normalizeResponse(cell(ctx, row, group.response)) : '',
        key,
        correct: parseResult(ctx, row, group.result, cell(ctx, row, group.result)),
        score: null,
        timestamp: null,
        where: whereOf(ctx, row, group.question),
      });
    }
    if (rowHasItems) withItems += 1;
  }
  if (kind === 'moodle-interactions' && withItems === 0 && withScore > 0) {
    notices.push(
      `${ctx.file}：这份 Interactions 报表有 ${withScore} 名学员的分数，却没有一道题的数据。Moodle 4.3 的 Interactions 报表只读取 SCORM 1.2 的字段名` +
        '（cmi.interactions_N.id、student_response），SCORM 2004 活动的逐题记录（cmi.interactions.N.id、learner_response）虽然已经保存在 Moodle 里，' +
        '却不会写进报表。因此本报告的逐题分析、干扰项分析和按条款统计不含这些学员。可以这样补上：① 今后在 Moodle 上使用 SCORM 1.2 课件包；' +
        '② 请 Moodle 管理员从数据库导出长表格式（见 HR 指南 docs/hr-guide.md 第 8.1 节），再与本文件一起分析。这份文件的分数和学习时长仍计入总体情况。',
    );
  }
  if (kind === 'moodle-objectives') {
    notices.push(
      `${ctx.file}：Moodle 4.3 的 Objectives 报表只写表头、不写各单元的数值（已知问题），只能从中读出学员和总分；各单元掌握情况来自逐题数据。`,
    );
  }
  return { rows: count, groups: groups.size };
}

async function scanGradebook(ctx: Context, rows: AsyncIterator<TableRow>): Promise<number> {
  const col = (name: string) => ctx.header.findIndex((h) => h.trim() === name);
  const first = col('First name');
  const last = col('Last name');
  const email = col('Email address');
  const gradeCols = ctx.header.flatMap((h, i) => (GRADE_COLUMN.test(h.trim()) ? [i] : []));
  let count = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    count += 1;
    requireWidth(ctx, row, ctx.header.length);
    const who = identity(displayName(cell(ctx, row, first), cell(ctx, row, last)), email >= 0 ? cell(ctx, row, email) : '');
    let best: number | null = null;
    for (const c of gradeCols) {
      const grade = parseScore(cell(ctx, row, c));
      if (grade !== null && Number.isNaN(grade)) {
        throw new AnalyticsError(whereOf(ctx, row, c), `成绩 “${cell(ctx, row, c)}” 不是数字或 “-”。请导出时把显示方式设为 Real（实际分数）。`);
      }
      if (grade !== null && (best === null || grade > best)) best = grade;
    }
    ctx.learners += 1;
    // A gradebook "-" is no grade: the learner has no final outcome yet, or never started. The gradebook cannot tell
    // the two apart; the SCORM reports can (Attempt "-").
    ctx.handlers.learner?.({
      ...who,
      attempted: best !== null ? true : null,
      lmsAttempt: null,
      score: best,
      status: '',
      minutes: null,
      where: whereOf(ctx, row),
    });
  }
  return count;
}

async function scanLong(ctx: Context, rows: AsyncIterator<TableRow>): Promise<number> {
  const lower = ctx.header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => lower.indexOf(name);
  const learnerCol = col('learner');
  const nameCol = col('name');
  const attemptCol = col('attempt');
  const idCol = col('interaction_id') >= 0 ? col('interaction_id') : col('item_id');
  const responseCol = col('response');
  const keyCol = col('correct_response');
  const resultCol = col('result');
  const scoreCol = col('score');
  const timeCol = col('timestamp');
  let count = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    count += 1;
    requireWidth(ctx, row, ctx.header.length);
    const learner = cell(ctx, row, learnerCol);
    if (learner === '') throw new AnalyticsError(whereOf(ctx, row, learnerCol), '学员（learner）不能为空。');
    const who = identity(nameCol >= 0 ? cell(ctx, row, nameCol) || learner : learner, learner.includes('@') ? learner : '');
    const attemptText = cell(ctx, row, attemptCol);
    if (!/^[1-9]\d*$/.test(attemptText)) {
      throw new AnalyticsError(whereOf(ctx, row, attemptCol), `考试次数（attempt）应为正整数，这里是 “${attemptText}”。`);
    }
    const id = cell(ctx, row, idCol);
    let attempt = Number(attemptText);
    let itemId: string;
    const prefixed = /^a(\d+)-(.+)$/.exec(id);
    if (prefixed && ctx.itemMap.items.has(prefixed[2]!)) {
      itemId = prefixed[2]!;
      if (Number(prefixed[1]) !== attempt) {
        throw new AnalyticsError(whereOf(ctx, row, idCol), `互动编号 ${id} 属于第 ${prefixed[1]} 次考试，但 attempt 列是 ${attempt}。`);
      }
      attempt = Number(prefixed[1]);
    } else {
      itemId = checkItem(ctx, row, idCol, id);
    }
    const key = keyCol >= 0 ? normalizeResponse(cell(ctx, row, keyCol)) : '';
    if (keyCol >= 0) checkKey(ctx, row, keyCol, itemId, key);
    const score = scoreCol >= 0 ? parseScore(cell(ctx, row, scoreCol)) : null;
    if (score !== null && (Number.isNaN(score) || score < 0 || score > 100)) {
      throw new AnalyticsError(whereOf(ctx, row, scoreCol), `分数 “${cell(ctx, row, scoreCol)}” 不是 0–100 的数字。`);
    }
    let timestamp: number | null = null;
    if (timeCol >= 0 && cell(ctx, row, timeCol) !== '') {
      timestamp = Date.parse(cell(ctx, row, timeCol));
      if (Number.isNaN(timestamp)) {
        throw new AnalyticsError(whereOf(ctx, row, timeCol), `时间 “${cell(ctx, row, timeCol)}” 不是 ISO 8601 格式（例如 2026-12-01T10:33:00Z）。`);
      }
    }
    ctx.responses += 1;
    ctx.handlers.response?.({
      learner: who,
      attempt,
      itemId,
      response: normalizeResponse(cell(ctx, row, responseCol)),
      key,
      correct: parseResult(ctx, row, resultCol, cell(ctx, row, resultCol)),
      score,
      timestamp,
      where: whereOf(ctx, row, idCol),
    });
  }
  return count;
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
