import { sectionOf } from '../rules/index.ts';
import { outcomesOf, passByAttemptOf, scoresOf, spread } from './cohort.ts';
import { AnalyticsError } from './errors.ts';
import { distractorTables, itemRowsOf, reliabilityOf } from './item-analysis.ts';
import type { ItemState } from './item-analysis.ts';
import { distractorMode, privacyOf, pseudonym } from './labels.ts';
import { THRESHOLDS, share } from './report-model.ts';
import type { AnalyzeOptions, LearnerRow, OutcomeKey, Report } from './report-model.ts';
import { codesOf } from './responses.ts';
import { restudyOf, ruleRowsOf } from './rule-analysis.ts';
import { scanSource } from './sources.ts';
import type { LearnerFact, ResponseRecord, SourceSummary } from './sources.ts';
import { addPair, emptySums, groupCutoffs } from './stats.ts';

export type { AnalyzeOptions, Report } from './report-model.ts';

/**
 * The analysis: two streaming passes over the export files (pass 1: learners and per-attempt totals; pass 2: item,
 * module, rule and distractor sums that need those totals), then the report model that report.json, the CSV files
 * and the HTML page are written from. Memory grows with learners, attempts and items, never with rows.
 */

interface LearnerState {
  key: string;
  name: string;
  email: string;
  attempted: boolean | null;
  score: number | null;
  lmsAttempts: Set<number>;
  minutes: number[];
}

interface AttemptState {
  learner: string;
  attempt: number;
  right: number;
  n: number;
  score: number | null;
  first: number | null;
  last: number | null;
  /** Items already seen in this attempt (a bitset over the item map), to catch the same data given twice. */
  seen: Uint8Array;
}

export async function analyze(options: AnalyzeOptions): Promise<Report> {
  const { itemMap, passMark, maxAttempts } = options;
  const itemIds = [...itemMap.items.keys()];
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const learners = new Map<string, LearnerState>();
  const attempts = new Map<string, AttemptState>();
  const keys = new Map<string, { key: string; where: ResponseRecord['where'] }>();
  const seenIn = new Map<string, string>();

  const learnerOf = (key: string, name: string, email: string): LearnerState => {
    let state = learners.get(key);
    if (!state) {
      state = { key, name, email, attempted: null, score: null, lmsAttempts: new Set(), minutes: [] };
      learners.set(key, state);
    }
    if (!state.name && name) state.name = name;
    if (!state.email && email) state.email = email;
    return state;
  };

  // Pass 1: learners, per-attempt totals, the key of every item.
  const summaries: SourceSummary[] = [];
  for (const file of options.files) {
    const summary = await scanSource(file.path, file.name, itemMap, {
      learner(fact: LearnerFact) {
        const state = learnerOf(fact.key, fact.name, fact.email);
        if (fact.attempted === true) state.attempted = true;
        else if (fact.attempted === false && state.attempted === null) state.attempted = false;
        // Moodle's grading method here is "highest grade"; several files about one learner agree or the highest counts.
        if (fact.score !== null && (state.score === null || fact.score > state.score)) state.score = fact.score;
        if (fact.lmsAttempt !== null && !state.lmsAttempts.has(fact.lmsAttempt)) {
          state.lmsAttempts.add(fact.lmsAttempt);
          if (fact.minutes !== null) state.minutes.push(fact.minutes);
        }
      },
      response(record: ResponseRecord) {
        const state = learnerOf(record.learner.key, record.learner.name, record.learner.email);
        state.attempted = true;
        const id = `${record.learner.key}\u0000${record.attempt}`;
        let attempt = attempts.get(id);
        if (!attempt) {
          attempt = { learner: record.learner.key, attempt: record.attempt, right: 0, n: 0, score: null, first: null, last: null, seen: new Uint8Array(Math.ceil(itemIds.length / 8)) };
          attempts.set(id, attempt);
          seenIn.set(id, file.name);
        }
        const index = itemIndex.get(record.itemId)!;
        if (attempt.seen[index >> 3]! & (1 << (index & 7))) {
          throw new AnalyticsError(
            record.where,
            `学员 ${options.pseudonymize ? pseudonym(record.learner.key, options.pseudonymize.salt) : record.learner.name} 第 ${record.attempt} 次考试的题目 ${record.itemId} 已经在 ${seenIn.get(id)} 里出现过：` +
              '同一份数据给了两次（例如同一报表的 text 和 Excel 两种格式）。每份报表只需给一种格式。',
          );
        }
        attempt.seen[index >> 3]! |= 1 << (index & 7);
        attempt.n += 1;
        if (record.correct) attempt.right += 1;
        if (record.score !== null) attempt.score = record.score;
        if (record.timestamp !== null) {
          attempt.first = Math.min(attempt.first ?? record.timestamp, record.timestamp);
          attempt.last = Math.max(attempt.last ?? record.timestamp, record.timestamp);
        }
        const key = record.key || (record.correct ? record.response : '');
        const known = keys.get(record.itemId);
        if (key && known && record.key && known.key !== key) {
          throw new AnalyticsError(
            record.where,
            `题目 ${record.itemId} 的正确答案在这里是 “${key}”，在 ${known.where.file} 第 ${known.where.row} 行是 “${known.key}”：导出混有这道题的两个版本（不同年度或不同构建）。请分开分析。`,
          );
        }
        if (key && (!known || (record.key && !known.key))) keys.set(record.itemId, { key, where: record.where });
      },
    });
    summaries.push(summary);
  }

  // Between the passes: totals, the 27 % groups, the complete forms for KR-20.
  const totals = [...attempts.values()].map((a) => (a.n > 0 ? a.right / a.n : 0));
  const cut = groupCutoffs(totals);
  const formSizes = new Map<number, number>();
  for (const a of attempts.values()) formSizes.set(a.n, (formSizes.get(a.n) ?? 0) + 1);
  const k = [...formSizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const complete = [...attempts.values()].filter((a) => a.n === k);

  // Learners whose re-study list is needed: no pass so far (the course reports a score only with the final outcome,
  // and a pass is always the last attempt). Per-learner rule counts are kept only for them.
  const needsRestudy = new Set(
    [...learners.values()]
      .filter((state) => !(state.score !== null && state.score >= passMark))
      .map((state) => state.key),
  );
  for (const a of attempts.values()) if (a.score !== null && a.score >= passMark) needsRestudy.delete(a.learner);

  // Pass 2: item, module, rule and distractor sums.
  const items = new Map<string, ItemState>();
  const modules = new Map<string, { right: number; n: number }>();
  const rules = new Map<string, { right: number; n: number; items: Set<string> }>();
  const learnerModule = new Map<string, { right: number; n: number }>();
  const learnerRule = new Map<string, { wrong: number; n: number }>();
  const bump = <T extends { right: number; n: number }>(map: Map<string, T>, id: string, correct: boolean, make: () => T): T => {
    const entry = map.get(id) ?? make();
    entry.n += 1;
    if (correct) entry.right += 1;
    map.set(id, entry);
    return entry;
  };
  for (const file of options.files) {
    await scanSource(file.path, file.name, itemMap, {
      response(record: ResponseRecord) {
        const attempt = attempts.get(`${record.learner.key}\u0000${record.attempt}`)!;
        const item = itemMap.items.get(record.itemId)!;
        const state = items.get(record.itemId) ?? {
          n: 0, right: 0, rest: emptySums(), upperN: 0, upperRight: 0, lowerN: 0, lowerRight: 0, krN: 0, responses: new Map(),
        };
        items.set(record.itemId, state);
        const x = record.correct ? 1 : 0;
        const total = attempt.right / attempt.n;
        state.n += 1;
        state.right += x;
        if (attempt.n > 1) addPair(state.rest, x, (attempt.right - x) / (attempt.n - 1));
        const upper = cut !== null && total >= cut.upperMin;
        const lower = cut !== null && total <= cut.lowerMax;
        if (upper) {
          state.upperN += 1;
          state.upperRight += x;
        }
        if (lower) {
          state.lowerN += 1;
          state.lowerRight += x;
        }
        if (attempt.n === k) state.krN += 1;
        const codes = distractorMode(item.type) === 'mark' ? (codesOf(record.response).length ? codesOf(record.response) : ['']) : [record.response];
        for (const code of codes) {
          const entry = state.responses.get(code) ?? { count: 0, upper: 0, lower: 0, sumScore: 0 };
          entry.count += 1;
          if (upper) entry.upper += 1;
          if (lower) entry.lower += 1;
          entry.sumScore += total;
          state.responses.set(code, entry);
        }
        bump(modules, item.module, record.correct, () => ({ right: 0, n: 0 }));
        bump(learnerModule, `${record.learner.key}\u0000${item.module}`, record.correct, () => ({ right: 0, n: 0 }));
        for (const rule of item.rules) {
          bump(rules, rule, record.correct, () => ({ right: 0, n: 0, items: new Set<string>() })).items.add(record.itemId);
          if (!needsRestudy.has(record.learner.key)) continue;
          const lr = learnerRule.get(`${record.learner.key}\u0000${rule}`) ?? { wrong: 0, n: 0 };
          lr.n += 1;
          if (!record.correct) lr.wrong += 1;
          learnerRule.set(`${record.learner.key}\u0000${rule}`, lr);
        }
      },
    });
  }

  // Learners and outcomes.
  const salt = options.pseudonymize?.salt;
  const display = (state: LearnerState) => (salt !== undefined ? pseudonym(state.key, salt) : state.name || state.email || state.key);
  const byLearner = new Map<string, AttemptState[]>();
  for (const a of attempts.values()) byLearner.set(a.learner, [...(byLearner.get(a.learner) ?? []), a]);
  const moduleIds = [...new Set([...itemMap.items.values()].map((i) => i.module))].sort();
  const moduleTitle = (module: string) => [...itemMap.items.values()].find((i) => i.module === module)?.moduleTitle || sectionOf(module)?.title || module;
  const learnerRows: LearnerRow[] = [...learners.values()].map((state) => {
    const own = (byLearner.get(state.key) ?? []).sort((a, b) => a.attempt - b.attempt);
    const examAttempts = own.length ? Math.max(...own.map((a) => a.attempt)) : 0;
    const scoredPass = own.find((a) => a.score !== null && a.score >= passMark);
    const lastScore = own.length ? own[own.length - 1]!.score : null;
    const score = state.score ?? lastScore;
    const passed = scoredPass !== undefined || (score !== null && score >= passMark);
    // The course allows a retake only after a failed attempt (src/exam/policy.ts), so a pass is the last attempt.
    const passedAt = scoredPass ? scoredPass.attempt : passed && examAttempts > 0 ? examAttempts : null;
    const outcome: OutcomeKey = passed
      ? 'passed'
      : score !== null
        ? 'failed-final'
        : state.attempted === true
          ? 'not-finished'
          : state.attempted === false
            ? 'not-started'
            : 'unknown';
    const modulesOf = moduleIds.map((module) => {
      const entry = learnerModule.get(`${state.key}\u0000${module}`) ?? { right: 0, n: 0 };
      return { module, ...share(entry.right, entry.n) };
    });
    const overall = share(own.reduce((s, a) => s + a.right, 0), own.reduce((s, a) => s + a.n, 0));
    return { id: salt !== undefined ? pseudonym(state.key, salt) : state.key, name: display(state), email: salt !== undefined ? '' : state.email, outcome, passedAt, examAttempts, score, modules: modulesOf, overall };
  });
  const collator = new Intl.Collator('zh-CN');
  learnerRows.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const started = learnerRows.filter((l) => l.outcome !== 'not-started' && l.outcome !== 'unknown');
  const withItems = learnerRows.filter((l) => l.examAttempts > 0);
  const passByAttempt = passByAttemptOf(withItems, maxAttempts);
  const minutes = [...learners.values()].flatMap((s) => s.minutes);
  const examMinutes = [...attempts.values()].flatMap((a) => (a.first !== null && a.last !== null ? [(a.last - a.first) / 60_000] : []));

  const itemRows = itemRowsOf(items, itemMap);
  const distractors = distractorTables(itemRows, items, itemMap, keys, options.optionTexts);

  const ruleRows = ruleRowsOf(rules);

  const kr = reliabilityOf(items, k, complete.map((a) => a.right));

  const stateById = new Map([...learners.values()].map((state) => [salt !== undefined ? pseudonym(state.key, salt) : state.key, state]));
  const restudy = restudyOf(learnerRows, (id) => stateById.get(id)!.key, learnerRule, [...rules.keys()]);
  const notices = summaries.flatMap((s) => s.notices);
  if (attempts.size === 0) {
    notices.unshift('这些文件里没有任何逐题数据：报告只有总体情况，没有题目、条款和单元的分析。');
  }
  return {
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    course: { identifier: options.courseIdentifier ?? null, passMark, maxAttempts },
    itemMap: { file: itemMap.file, items: itemMap.items.size },
    sources: summaries,
    notices,
    privacy: privacyOf(options.pseudonymize),
    thresholds: THRESHOLDS,
    cohort: {
      enrolled: learnerRows.length,
      learners: started.length,
      notStarted: learnerRows.filter((l) => l.outcome === 'not-started').length,
      lmsAttempts: [...learners.values()].reduce((s, l) => s + l.lmsAttempts.size, 0),
      learnersWithItems: withItems.length,
      examAttempts: attempts.size,
      responses: [...attempts.values()].reduce((s, a) => s + a.n, 0),
      itemsSeen: items.size,
      finalPass: share(started.filter((l) => l.outcome === 'passed').length, started.length),
      outcomes: outcomesOf(started, passByAttempt),
      passByAttempt,
      scores: scoresOf(learnerRows, started.length),
      time: { lms: spread(minutes), exam: spread(examMinutes) },
    },
    modules: moduleIds.map((module) => ({ module, title: moduleTitle(module), ...share(modules.get(module)?.right ?? 0, modules.get(module)?.n ?? 0) })),
    learners: learnerRows,
    rules: ruleRows,
    items: itemRows,
    distractors,
    reliability: { kr20: kr, attempts: complete.length, k, enough: complete.length >= THRESHOLDS.minKr20Attempts },
    optionTextsNote: options.optionTextsNote ?? '干扰项只显示选项代号（没有读取题库）。',
    restudy,
  };
}
