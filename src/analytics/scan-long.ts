import { AnalyticsError } from './errors.ts';
import { normalizeResponse } from './responses.ts';
import { cell, checkItem, checkKey, identity, parseResult, parseScore, requireWidth, whereOf } from './source-rows.ts';
import type { Context } from './source-rows.ts';
import type { TableRow } from './table.ts';

/** The documented long format: one row per learner × interaction, for any LMS (README, HR analytics). */

export async function scanLong(ctx: Context, rows: AsyncIterator<TableRow>): Promise<number> {
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

