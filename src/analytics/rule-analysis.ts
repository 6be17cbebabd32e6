import { ruleById, sectionOf } from '../rules/index.ts';
import { THRESHOLDS, share } from './report-model.ts';
import type { LearnerRow, Report, RuleRow } from './report-model.ts';

/** Mastery by rule of the standard, and the rules each learner who has not passed should re-study. */

/** Rules, weakest first among those with enough responses. */
export function ruleRowsOf(rules: ReadonlyMap<string, { right: number; n: number; items: ReadonlySet<string> }>): RuleRow[] {
  const ruleRows: RuleRow[] = [...rules.entries()].map(([id, r]) => {
    const rule = ruleById(id);
    const section = rule ? sectionOf(rule.section) : undefined;
    const module = section?.module ?? '';
    return {
      id, title: rule?.title ?? id, text: rule?.text ?? '（规范条款目录里没有这个编号）', module, moduleTitle: section?.title ?? '',
      link: module ? `modules/${module}.html#${id}` : '', items: r.items.size, ...share(r.right, r.n), enough: r.n >= THRESHOLDS.minRuleN,
    };
  });
  ruleRows.sort((a, b) => Number(b.enough) - Number(a.enough) || (a.mastery ?? 1) - (b.mastery ?? 1) || b.n - a.n || a.id.localeCompare(b.id));
  return ruleRows;
}

/**
 * For each learner who did not pass: the rules answered wrong, most often first. `keyOf` gives the learner key of a
 * row (its id may be a pseudonym); `learnerRule` counts by `${learner key}\u0000${rule id}`.
 */
export function restudyOf(
  learnerRows: readonly LearnerRow[],
  keyOf: (rowId: string) => string,
  learnerRule: ReadonlyMap<string, { wrong: number; n: number }>,
  ruleIdsSeen: readonly string[],
): Report['restudy'] {
  return learnerRows
    .filter((l) => l.outcome === 'failed-final' || l.outcome === 'not-finished')
    .map((l) => {
      const key = keyOf(l.id);
      const ruleList = ruleIdsSeen
        .flatMap((id) => {
          const lr = learnerRule.get(`${key}\u0000${id}`);
          if (!lr || lr.wrong === 0) return [];
          const rule = ruleById(id);
          const module = rule ? sectionOf(rule.section)?.module : undefined;
          // A rule to re-study first: answered wrong at least as often as right (the rest go to restudy.csv).
          return [{ id, title: rule?.title ?? id, wrong: lr.wrong, n: lr.n, focus: lr.wrong * 2 >= lr.n, link: module ? `modules/${module}.html#${id}` : '' }];
        })
        .sort((a, b) => b.wrong - a.wrong || b.wrong / b.n - a.wrong / a.n || a.id.localeCompare(b.id));
      return {
        id: l.id, name: l.name, outcome: l.outcome, examAttempts: l.examAttempts, score: l.score, rules: ruleList,
        note: l.examAttempts === 0 ? '没有这名学员的逐题数据（例如 SCORM 2004 活动的 Moodle 报表），无法列出条款；请对照其各单元的学习情况面谈。' : '',
      };
    });

}
