import type { LearnerRow, Report } from './report-model.ts';
import { difficulty, median } from './stats.ts';

/** The cohort figures of the report: pass rate by attempt, outcomes, score distribution, time. */

type Cohort = Report['cohort'];

/** Pass rate at attempt 1, 2, 3 … among learners with item data (`withItems`). */
export function passByAttemptOf(withItems: readonly LearnerRow[], maxAttempts: number): Cohort['passByAttempt'] {
  return Array.from({ length: Math.max(maxAttempts, ...withItems.map((l) => l.examAttempts)) }, (_, i) => {
    const attempt = i + 1;
    const takers = withItems.filter((l) => l.examAttempts >= attempt).length;
    const passed = withItems.filter((l) => l.passedAt === attempt).length;
    const cumulative = withItems.filter((l) => l.passedAt !== null && l.passedAt <= attempt).length;
    return { attempt, takers, passed, rate: difficulty(passed, takers), cumulative, cumulativeRate: difficulty(cumulative, withItems.length) };
  });
}

/** How the learners who started ended: passed at each attempt, passed (attempt unknown), failed, not finished. */
export function outcomesOf(started: readonly LearnerRow[], passByAttempt: Cohort['passByAttempt']): Cohort['outcomes'] {
  return [
    ...passByAttempt.map((p) => ({ key: `passed-${p.attempt}`, label: `第 ${p.attempt} 次考试通过`, count: p.passed })),
    { key: 'passed-unknown', label: '已通过（无逐题数据，不知第几次）', count: started.filter((l) => l.outcome === 'passed' && l.passedAt === null).length },
    { key: 'failed-final', label: '未通过，考试次数已用完', count: started.filter((l) => l.outcome === 'failed-final').length },
    { key: 'not-finished', label: '未通过且没有再考（或尚未考试）', count: started.filter((l) => l.outcome === 'not-finished').length },
  ];
}

const BIN_EDGES: ReadonlyArray<readonly [number, number]> = [[0, 50], [50, 60], [60, 70], [70, 80], [80, 90], [90, 101]];

/** The score distribution of the learners with a score; `started`: how many learners started. */
export function scoresOf(learnerRows: readonly LearnerRow[], started: number): Cohort['scores'] {
  const scores = learnerRows.flatMap((l) => (l.score !== null && l.outcome !== 'not-started' ? [l.score] : []));
  return {
    n: scores.length,
    noScore: started - scores.length,
    mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    median: median(scores),
    bins: BIN_EDGES.map(([from, to]) => ({ label: to > 100 ? `${from}–100` : `${from}–${to - 1}`, from, to: Math.min(to, 100), count: scores.filter((s) => s >= from && s < to).length })),
  };
}

/** Median, least and most of a list of minutes; `null` when empty. */
export const spread = (values: number[]) => (values.length ? { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) } : null);
