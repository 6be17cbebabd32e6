import { AnalyticsError } from './errors.ts';
import { parseMoodleDate } from './moodle-dates.ts';
import { normalizeResponse } from './responses.ts';
import {
  GRADE_COLUMN,
  INTERACTION_HEADER,
  cell,
  checkKey,
  displayName,
  fromFullName,
  identity,
  parseInteractionId,
  parseResult,
  parseScore,
  requireWidth,
  whereOf,
} from './source-rows.ts';
import type { Context, SourceKind } from './source-rows.ts';
import type { TableRow } from './table.ts';

/** The Moodle 4.3 exports: the SCORM reports (Interactions, Basic, Objectives) and the gradebook's plain-text export. */

export async function scanMoodleReport(ctx: Context, kind: SourceKind, rows: AsyncIterator<TableRow>, notices: string[]): Promise<{ rows: number; groups: number }> {
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

export async function scanGradebook(ctx: Context, rows: AsyncIterator<TableRow>): Promise<number> {
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
