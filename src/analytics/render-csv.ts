import type { Report } from './report-model.ts';
import { OUTCOME_LABELS } from './report-model.ts';

/**
 * Every figure of the report as CSV, one file per table, with its n beside it. UTF-8 with a byte order mark and
 * CRLF, like the item map, so spreadsheet programs on zh-CN Windows open the Chinese text correctly.
 */
type Cell = string | number | boolean | null;

function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[head, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export function renderCsvFiles(r: Report): Record<string, string> {
  const c = r.cohort;
  return {
    'cohort.csv': toCsv(['figure', 'value', 'n'], [
      ['enrolled', c.enrolled, null],
      ['learners_with_records', c.learners, c.enrolled],
      ['not_started', c.notStarted, c.enrolled],
      ['lms_attempts', c.lmsAttempts, c.learners],
      ['learners_with_item_data', c.learnersWithItems, c.learners],
      ['exam_attempts_with_item_data', c.examAttempts, c.learnersWithItems],
      ['responses', c.responses, c.examAttempts],
      ['items_seen', c.itemsSeen, r.itemMap.items],
      ['final_pass_rate', c.finalPass.mastery, c.finalPass.n],
      ['score_mean', c.scores.mean, c.scores.n],
      ['score_median', c.scores.median, c.scores.n],
      ['no_score', c.scores.noScore, c.learners],
      ['lms_minutes_median', c.time.lms?.median ?? null, c.time.lms?.n ?? 0],
      ['exam_minutes_median', c.time.exam?.median ?? null, c.time.exam?.n ?? 0],
      ['kr20', r.reliability.kr20, r.reliability.attempts],
      ['kr20_enough_data', r.reliability.enough, r.thresholds.minKr20Attempts],
    ]),
    'pass-by-attempt.csv': toCsv(['attempt', 'takers_n', 'passed', 'rate', 'cumulative_passed', 'cumulative_rate'], c.passByAttempt.map((p) => [p.attempt, p.takers, p.passed, p.rate, p.cumulative, p.cumulativeRate])),
    'outcomes.csv': toCsv(['outcome', 'label', 'learners'], c.outcomes.map((o) => [o.key, o.label, o.count])),
    'scores.csv': toCsv(['from', 'to', 'learners'], c.scores.bins.map((b) => [b.from, b.to, b.count])),
    'modules.csv': toCsv(['module', 'title', 'right', 'n', 'mastery'], r.modules.map((m) => [m.module, m.title, m.right, m.n, m.mastery])),
    'heatmap.csv': toCsv(
      ['learner', 'name', 'email', 'outcome', 'passed_at_attempt', 'exam_attempts', 'lms_score', 'module', 'right', 'n', 'mastery'],
      r.learners.flatMap((l) => l.modules.map((m) => [l.id, l.name, l.email, OUTCOME_LABELS[l.outcome], l.passedAt, l.examAttempts, l.score, m.module, m.right, m.n, m.mastery])),
    ),
    'rules.csv': toCsv(['rule', 'title', 'module', 'right', 'n', 'mastery', 'items', 'ranked', 'link', 'text'], r.rules.map((x) => [x.id, x.title, x.module, x.right, x.n, x.mastery, x.items, x.enough, x.link, x.text])),
    'items.csv': toCsv(
      ['item', 'module', 'type', 'rules', 'n', 'right', 'p', 'p_low95', 'p_high95', 'rpb_item_rest', 'd_27', 'upper_n', 'lower_n', 'judged', 'flags', 'signals', 'question', 'correct_answer'],
      r.items.map((i) => [i.id, i.module, i.type, i.rules.join(' '), i.n, i.right, i.p, i.pLow, i.pHigh, i.rpb, i.d, i.upperN, i.lowerN, i.judged, i.flags.join(' '), i.signals.join(' '), i.question, i.correct]),
    ),
    'distractors.csv': toCsv(
      ['item', 'mode', 'n', 'response', 'label', 'is_key', 'count', 'share', 'upper', 'lower', 'mean_score'],
      r.distractors.flatMap((d) => d.rows.map((x) => [d.itemId, d.mode, d.n, x.code, x.label, x.key, x.count, x.share, x.upper, x.lower, x.meanScore])),
    ),
    'restudy.csv': toCsv(
      ['learner', 'name', 'outcome', 'exam_attempts', 'rule', 'title', 'wrong', 'n', 'focus', 'link'],
      r.restudy.flatMap((l): Cell[][] => (l.rules.length ? l.rules.map((x) => [l.id, l.name, OUTCOME_LABELS[l.outcome], l.examAttempts, x.id, x.title, x.wrong, x.n, x.focus, x.link]) : [[l.id, l.name, OUTCOME_LABELS[l.outcome], l.examAttempts, null, null, null, null, null, null]])),
    ),
  };
}
