/**
 * Exam totals. Each item is worth its kind's `max` (1 for every kind, see the policy in `types.ts`), so `raw` is the
 * share of items answered right, with partial credit, as a whole number 0–100 — what SCORM 1.2 `cmi.core.score.raw`
 * (RTE 3.4.2, with min 0 / max 100) and SCORM 2004 `cmi.score.raw` (RTE 4.2.20) expect. Version strings and
 * `scaled` are the drivers' business.
 */
import type { BankItem, ModuleId } from '../schema.ts';
import { scoreOf } from './registry.ts';
import type { Score } from './types.ts';

export interface AttemptScore {
  /** 100 · score / max, rounded to the nearest integer (0 when there is nothing to score). */
  readonly raw: number;
  /** Points earned over all items. */
  readonly score: number;
  /** Points available over all items. */
  readonly max: number;
  /** Points per module, for the results page (only modules that had items). */
  readonly perModule: Readonly<Partial<Record<ModuleId, Score>>>;
}

/**
 * Scores an attempt. `responses` maps item id → stored response (by authored index); a missing or unreadable
 * response scores 0.
 */
export function scoreAttempt(items: readonly BankItem[], responses: Readonly<Record<string, unknown>>): AttemptScore {
  let score = 0;
  let max = 0;
  const perModule: Partial<Record<ModuleId, { score: number; max: number }>> = {};
  for (const item of items) {
    const raw = Object.hasOwn(responses, item.id) ? responses[item.id] : undefined;
    const s = scoreOf(item, raw);
    score += s.score;
    max += s.max;
    const m = (perModule[item.module] ??= { score: 0, max: 0 });
    m.score += s.score;
    m.max += s.max;
  }
  return { raw: max > 0 ? Math.round((100 * score) / max) : 0, score, max, perModule };
}
