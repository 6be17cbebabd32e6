/**
 * Which questions a learner gets, for the certification exam and the annual refresher: one pure function used by the
 * exam page (src/pages-client/exam.ts), the build's check (src/exam/exam-bank.ts), the e2e helpers and the guessing
 * simulation (scripts/guess-sim.ts), so all of them see the same draw.
 *
 * - The certification exam keeps its seed domain (learner, attempt, edition): attempts saved before this change keep
 *   their questions.
 * - The refresher draws from its own domain (learner, 'refresher', edition, attempt), leaves out items marked
 *   `refresher: false`, and avoids the items of the same learner's first certification attempt of that edition
 *   whenever quotas and required tags allow (issue 11 point 5: "the refresher is a different exam").
 * - Both honour `exam.require` (tag → minimum count) within the module quotas.
 */
import { DrawError, drawExam, isEligible, seedFrom, type DrawOptions } from '../quizzes/engine/index.ts';
import type { Bank, BankItem, ModuleId } from '../quizzes/schema.ts';

export type ExamKind = 'certification' | 'refresher';

export interface ExamDrawSettings {
  size: number;
  quotas?: Readonly<Partial<Record<ModuleId, number>>> | Readonly<Record<string, number>>;
  /** Tag → fewest items carrying it (course.config.yaml › exam.require). */
  require?: Readonly<Record<string, number>>;
  edition: number;
}

/** The seed of one attempt; the option order of each question is derived from it too (`subSeed(seed, item.id)`). */
export function examSeed(learnerId: string, kind: ExamKind, edition: number, attempt: number): number {
  return kind === 'refresher'
    ? seedFrom(learnerId, 'refresher', String(edition), String(attempt))
    : seedFrom(learnerId, String(attempt), String(edition));
}

/** The questions of one attempt, in the order shown. (Compact: it ships in the exam page, ≤ 12 KB of JavaScript.) */
export function drawExamFor(
  bank: Bank,
  settings: ExamDrawSettings,
  learnerId: string,
  kind: ExamKind,
  attempt: number,
): BankItem[] {
  const draw = (k: ExamKind, a: number, extra?: Partial<DrawOptions>) =>
    drawExam(bank, {
      ...(settings as Omit<ExamDrawSettings, 'quotas'>),
      quotas: settings.quotas as DrawOptions['quotas'],
      use: 'exam',
      seed: examSeed(learnerId, k, settings.edition, a),
      ...extra,
    });
  return kind === 'certification'
    ? draw(kind, attempt)
    : draw(kind, attempt, { refresher: true, avoid: new Set(draw('certification', 1).map((item) => item.id)) });
}

/**
 * Build-time check that every learner can get an exam and a refresher with these settings (so a bad configuration
 * fails `npm run package`, not a learner): every required tag is carried by some exam item (a typo names the tag),
 * and both pools can fill the size and quotas while holding the required tags. The draw's search is exact and its
 * success does not depend on the seed, so one draw per pool decides it. Returns the problems (empty = fine).
 */
export function examDrawProblems(bank: Bank, settings: ExamDrawSettings, file = 'course.config.yaml'): string[] {
  const problems: string[] = [];
  const examPool = bank.items.filter((item) => isEligible(item, 'exam'));
  for (const [tag, count] of Object.entries(settings.require ?? {})) {
    if (count > 0 && !examPool.some((item) => item.tags?.includes(tag))) {
      const known = [...new Set(examPool.flatMap((item) => item.tags ?? []))].sort();
      problems.push(
        `${file} › exam.require.${tag}: 没有任何考试题带有标签“${tag}”（题库中考试题的标签：${known.join('、') || '无'}）`,
      );
    }
  }
  if (problems.length > 0) return problems;
  for (const kind of ['certification', 'refresher'] as const) {
    const what = kind === 'certification' ? '认证考试' : '年度复训考试（不含 refresher: false 的题）';
    const pool = examPool.filter((item) => kind === 'certification' || item.refresher !== false);
    // Each tag on its own first: at most Σ min(quota, tagged items) per module fit (and no hopeless search is run).
    const short = Object.entries(settings.require ?? {}).flatMap(([tag, count]) => {
      const tagged = pool.filter((item) => item.tags?.includes(tag));
      const modules = new Set(tagged.map((item) => item.module));
      const quotas = settings.quotas as Readonly<Record<string, number>> | undefined;
      const fit = [...modules].reduce(
        (sum, module) =>
          sum + Math.min(quotas ? (quotas[module] ?? 0) : settings.size, tagged.filter((i) => i.module === module).length),
        0,
      );
      return fit < count ? [`${tag}: at least ${count} required, the pool has ${tagged.length} item(s) with this tag, ${fit} of them fit the module quotas`] : [];
    });
    try {
      if (short.length > 0) throw new DrawError(short.join('; '));
      drawExamFor(bank, settings, 'build-check', kind, 1);
    } catch (error) {
      if (!(error instanceof DrawError)) throw error;
      problems.push(`${file} › exam (size / quotas / require): ${what}无法按此配置抽题: ${error.message}`);
    }
  }
  return problems;
}
