import { createHmac } from 'node:crypto';
import { ruleById, sectionOf } from '../rules/index.ts';
import { AnalyticsError } from './errors.ts';
import type { ItemMap, MappedItem } from './item-map.ts';
import type { OptionTexts } from './option-texts.ts';
import { codesOf, optionIndex } from './responses.ts';
import { scanSource } from './sources.ts';
import type { LearnerFact, ResponseRecord, SourceSummary } from './sources.ts';
import {
  addPair,
  difficulty,
  discriminationIndex,
  emptySums,
  fisherUpper,
  groupCutoffs,
  kr20,
  median,
  pearsonFromSums,
  populationVariance,
  wilson,
} from './stats.ts';
import type { PairSums } from './stats.ts';

/**
 * The analysis: two streaming passes over the export files (pass 1: learners and per-attempt totals; pass 2: item,
 * module, rule and distractor sums that need those totals), then the report model that report.json, the CSV files
 * and the HTML page are written from. Memory grows with learners, attempts and items, never with rows.
 */

/** Where the line is before a figure is judged; the report prints these with their reasons. */
export const THRESHOLDS = {
  /**
   * An item is called too easy / too hard / negatively discriminating only with ≥ 20 responses. Below that the 95 %
   * interval of p is wider than ±0.22 and the standard error of r_pb (≈ 1/√n) is above 0.22, so "bad item" and
   * "ordinary item" cannot be told apart; a small sample would otherwise condemn a good item on two unlucky answers.
   */
  minItemN: 20,
  /** A rule's mastery is ranked among the weakest only with ≥ 10 responses to items citing it (±0.3 at n = 10). */
  minRuleN: 10,
  /** KR-20 is stated as the exam's reliability only with ≥ 30 complete attempts; below that, as an indication. */
  minKr20Attempts: 30,
  /** p > 0.90: almost everyone right, the item tells little (Crocker & Algina §14.1 recommend 0.30–0.90 in general). */
  tooEasy: 0.9,
  /** p < 0.30: most learners wrong: a hard rule, a misleading text, or a wrong key. */
  tooHard: 0.3,
  /** r_pb below 0.20 is weak discrimination (Ebel 1954 for D; the same band is customary for r_pb). */
  lowDiscrimination: 0.2,
} as const;

export interface AnalyzeOptions {
  readonly files: ReadonlyArray<{ path: string; name: string }>;
  readonly itemMap: ItemMap;
  readonly passMark: number;
  readonly maxAttempts: number;
  readonly courseIdentifier?: string;
  /** Replace names and e-mail addresses by stable pseudonyms keyed with this salt. */
  readonly pseudonymize?: { salt: string; defaultSalt: boolean };
  readonly generatedAt?: Date;
  /** Option texts by item id (option-texts.ts), for the distractor labels. */
  readonly optionTexts?: OptionTexts;
  /** Where the option texts came from, shown with the distractor analysis. */
  readonly optionTextsNote?: string;
}

export interface Share {
  right: number;
  n: number;
  /** right / n, `null` when n = 0. */
  mastery: number | null;
}

export type OutcomeKey = 'passed' | 'failed-final' | 'not-finished' | 'not-started' | 'unknown';

export interface LearnerRow {
  id: string;
  name: string;
  email: string;
  outcome: OutcomeKey;
  /** Exam attempt the learner passed at, when item data tells. */
  passedAt: number | null;
  examAttempts: number;
  score: number | null;
  modules: Array<{ module: string } & Share>;
  overall: Share;
}

export interface ItemRow {
  id: string;
  module: string;
  type: string;
  question: string;
  correct: string;
  rules: string[];
  n: number;
  right: number;
  p: number | null;
  pLow: number | null;
  pHigh: number | null;
  /** Corrected point-biserial: item score vs rest score (proportion right on the attempt's other items). */
  rpb: number | null;
  d: number | null;
  upperN: number;
  lowerN: number;
  judged: boolean;
  flags: Array<'too-easy' | 'too-hard' | 'negative' | 'low-discrimination'>;
  signals: Array<'likely-hard' | 'likely-easy' | 'likely-negative'>;
}

export interface DistractorRow {
  code: string;
  label: string;
  key: boolean;
  count: number;
  share: number;
  upper: number;
  lower: number;
  /** Mean proportion right on the attempt of those who gave this response. */
  meanScore: number | null;
}

export interface DistractorTable {
  itemId: string;
  question: string;
  type: string;
  mode: 'option' | 'mark' | 'pattern';
  n: number;
  upperN: number;
  lowerN: number;
  keyLabel: string;
  rows: DistractorRow[];
}

export interface RuleRow extends Share {
  id: string;
  title: string;
  text: string;
  module: string;
  moduleTitle: string;
  link: string;
  items: number;
  enough: boolean;
}

export interface Report {
  generatedAt: string;
  course: { identifier: string | null; passMark: number; maxAttempts: number };
  itemMap: { file: string; items: number };
  sources: SourceSummary[];
  notices: string[];
  privacy: { pseudonymized: boolean; defaultSalt: boolean; statement: string };
  thresholds: typeof THRESHOLDS;
  cohort: {
    enrolled: number;
    learners: number;
    notStarted: number;
    lmsAttempts: number;
    learnersWithItems: number;
    examAttempts: number;
    responses: number;
    itemsSeen: number;
    finalPass: Share;
    outcomes: Array<{ key: string; label: string; count: number }>;
    passByAttempt: Array<{ attempt: number; takers: number; passed: number; rate: number | null; cumulative: number; cumulativeRate: number | null }>;
    scores: { n: number; noScore: number; mean: number | null; median: number | null; bins: Array<{ label: string; from: number; to: number; count: number }> };
    time: {
      lms: { n: number; median: number | null; min: number | null; max: number | null } | null;
      exam: { n: number; median: number | null; min: number | null; max: number | null } | null;
    };
  };
  modules: Array<{ module: string; title: string } & Share>;
  learners: LearnerRow[];
  rules: RuleRow[];
  items: ItemRow[];
  distractors: DistractorTable[];
  reliability: { kr20: number | null; attempts: number; k: number; enough: boolean };
  optionTextsNote: string;
  restudy: Array<{ id: string; name: string; outcome: OutcomeKey; examAttempts: number; score: number | null; rules: Array<{ id: string; title: string; wrong: number; n: number; focus: boolean; link: string }>; note: string }>;
}

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

interface ItemState {
  n: number;
  right: number;
  rest: PairSums;
  upperN: number;
  upperRight: number;
  lowerN: number;
  lowerRight: number;
  /** Responses in attempts counted for KR-20. */
  krN: number;
  responses: Map<string, { count: number; upper: number; lower: number; sumScore: number }>;
}

const share = (right: number, n: number): Share => ({ right, n, mastery: difficulty(right, n) });

export function pseudonym(key: string, salt: string): string {
  return `学员-${createHmac('sha256', salt).update(key).digest('hex').slice(0, 8).toUpperCase()}`;
}

export const OUTCOME_LABELS: Readonly<Record<OutcomeKey, string>> = {
  passed: '已通过',
  'failed-final': '未通过（次数已用完）',
  'not-finished': '未通过，未再考（或仍在学习）',
  'not-started': '未开始',
  unknown: '不详（只有成绩簿的 “-”）',
};

function distractorMode(type: string): DistractorTable['mode'] {
  if (type === 'multiple' || type === 'spotting') return 'mark';
  if (type === 'matching' || type === 'ordering') return 'pattern';
  return 'option';
}

/** A label for a response code, from the item map's right answer and the course's 1.2 response format. */
export function responseLabel(item: MappedItem, code: string, key: string, options?: readonly string[]): string {
  if (code === '') return '（未作答）';
  if (item.type === 'truefalse') return code === 't' ? '对' : code === 'f' ? '错' : code;
  const keyCodes = codesOf(key).sort((a, b) => optionIndex(a) - optionIndex(b));
  const text = options?.[optionIndex(code)];
  if (item.type === 'single') return code === key ? item.correct : text ? `${text}（干扰项）` : `选项 ${code}（干扰项）`;
  if (item.type === 'multiple' || item.type === 'spotting') {
    const texts = item.correct.split('；');
    const at = keyCodes.indexOf(code);
    const noun = item.type === 'spotting' ? `第 ${optionIndex(code) + 1} 句` : `选项 ${code}`;
    if (at >= 0) return texts.length === keyCodes.length ? texts[at]! : (text ?? `${noun}（正确项）`);
    if (text) return item.type === 'spotting' ? `${text}（没有违规）` : `${text}（干扰项）`;
    return item.type === 'spotting' ? `${noun}（没有违规）` : `${noun}（干扰项）`;
  }
  return code === key ? `${code}（正确）` : code;
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
  const passByAttempt = Array.from({ length: Math.max(maxAttempts, ...withItems.map((l) => l.examAttempts)) }, (_, i) => {
    const attempt = i + 1;
    const takers = withItems.filter((l) => l.examAttempts >= attempt).length;
    const passed = withItems.filter((l) => l.passedAt === attempt).length;
    const cumulative = withItems.filter((l) => l.passedAt !== null && l.passedAt <= attempt).length;
    return { attempt, takers, passed, rate: difficulty(passed, takers), cumulative, cumulativeRate: difficulty(cumulative, withItems.length) };
  });
  const outcomes = [
    ...passByAttempt.map((p) => ({ key: `passed-${p.attempt}`, label: `第 ${p.attempt} 次考试通过`, count: p.passed })),
    { key: 'passed-unknown', label: '已通过（无逐题数据，不知第几次）', count: started.filter((l) => l.outcome === 'passed' && l.passedAt === null).length },
    { key: 'failed-final', label: '未通过，考试次数已用完', count: started.filter((l) => l.outcome === 'failed-final').length },
    { key: 'not-finished', label: '未通过且没有再考（或尚未考试）', count: started.filter((l) => l.outcome === 'not-finished').length },
  ];
  const scores = learnerRows.flatMap((l) => (l.score !== null && l.outcome !== 'not-started' ? [l.score] : []));
  const binEdges: Array<[number, number]> = [[0, 50], [50, 60], [60, 70], [70, 80], [80, 90], [90, 101]];
  const minutes = [...learners.values()].flatMap((s) => s.minutes);
  const examMinutes = [...attempts.values()].flatMap((a) => (a.first !== null && a.last !== null ? [(a.last - a.first) / 60_000] : []));
  const spread = (values: number[]) => (values.length ? { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) } : null);

  // Items.
  const itemRows: ItemRow[] = [...items.entries()].map(([id, s]) => {
    const item = itemMap.items.get(id)!;
    const p = difficulty(s.right, s.n);
    const interval = wilson(s.right, s.n);
    const rpb = pearsonFromSums(s.rest);
    const d = discriminationIndex(s.upperRight, s.upperN, s.lowerRight, s.lowerN);
    const judged = s.n >= THRESHOLDS.minItemN;
    const flags: ItemRow['flags'] = [];
    const signals: ItemRow['signals'] = [];
    if (judged && p !== null && p > THRESHOLDS.tooEasy) flags.push('too-easy');
    if (judged && p !== null && p < THRESHOLDS.tooHard) flags.push('too-hard');
    if (judged && ((rpb !== null && rpb < 0) || (d !== null && d < 0))) flags.push('negative');
    else if (judged && rpb !== null && rpb < THRESHOLDS.lowDiscrimination) flags.push('low-discrimination');
    // Below the line an item is not judged, but a result the 95 % interval already confirms is shown as a signal.
    if (!judged && interval && interval.high < 0.5) signals.push('likely-hard');
    if (!judged && interval && interval.low > THRESHOLDS.tooEasy) signals.push('likely-easy');
    if (!judged && rpb !== null && fisherUpper(rpb, s.rest.n) < 0) signals.push('likely-negative');
    return {
      id, module: item.module, type: item.type, question: item.question, correct: item.correct, rules: [...item.rules],
      n: s.n, right: s.right, p, pLow: interval?.low ?? null, pHigh: interval?.high ?? null, rpb, d, upperN: s.upperN, lowerN: s.lowerN,
      judged, flags, signals,
    };
  });
  itemRows.sort((a, b) => (a.p ?? 1) - (b.p ?? 1) || b.n - a.n || a.id.localeCompare(b.id));

  const distractors: DistractorTable[] = itemRows
    .filter((row) => row.right < row.n)
    .map((row) => {
      const item = itemMap.items.get(row.id)!;
      const s = items.get(row.id)!;
      const key = keys.get(row.id)?.key ?? '';
      const mode = distractorMode(item.type);
      const keyCodes = new Set(mode === 'mark' ? codesOf(key) : [key]);
      // The key is listed even when nobody chose it: "0 chose the right answer" is the finding.
      const entries = new Map(s.responses);
      for (const code of keyCodes) if (code && !entries.has(code)) entries.set(code, { count: 0, upper: 0, lower: 0, sumScore: 0 });
      const rowsOut = [...entries.entries()]
        .map(([code, e]) => ({
          code,
          label: responseLabel(item, code, key, options.optionTexts?.get(row.id)),
          key: keyCodes.has(code),
          count: e.count,
          share: e.count / s.n,
          upper: e.upper,
          lower: e.lower,
          meanScore: e.count ? e.sumScore / e.count : null,
        }))
        .sort((a, b) => Number(b.key) - Number(a.key) || b.count - a.count || a.code.localeCompare(b.code));
      return { itemId: row.id, question: item.question, type: item.type, mode, n: s.n, upperN: s.upperN, lowerN: s.lowerN, keyLabel: key, rows: rowsOut };
    });

  // Rules, weakest first among those with enough responses.
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

  // Reliability over complete forms.
  let sumPq = 0;
  for (const [, s] of items) {
    const p = s.right / s.n;
    sumPq += s.krN * p * (1 - p);
  }
  const kr = complete.length >= 2 ? kr20(k, sumPq / complete.length, populationVariance(complete.map((a) => a.right))) : null;

  // For each learner who did not pass: the rules answered wrong, most often first.
  const stateById = new Map([...learners.values()].map((state) => [salt !== undefined ? pseudonym(state.key, salt) : state.key, state]));
  const ruleIdsSeen = [...rules.keys()];
  const restudy = learnerRows
    .filter((l) => l.outcome === 'failed-final' || l.outcome === 'not-finished')
    .map((l) => {
      const state = stateById.get(l.id)!;
      const ruleList = ruleIdsSeen
        .flatMap((id) => {
          const lr = learnerRule.get(`${state.key}\u0000${id}`);
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

  const notices = summaries.flatMap((s) => s.notices);
  if (attempts.size === 0) {
    notices.unshift('这些文件里没有任何逐题数据：报告只有总体情况，没有题目、条款和单元的分析。');
  }
  const pseudo = options.pseudonymize;
  return {
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    course: { identifier: options.courseIdentifier ?? null, passMark, maxAttempts },
    itemMap: { file: itemMap.file, items: itemMap.items.size },
    sources: summaries,
    notices,
    privacy: {
      pseudonymized: pseudo !== undefined,
      defaultSalt: pseudo?.defaultSalt ?? false,
      statement: pseudo
        ? `本报告已化名：学员姓名和邮箱换成了 “学员-XXXXXXXX” 形式的化名（同一学员、同一密钥总得到同一化名）。报告仍含每名化名学员的成绩、各单元掌握情况和需复习的条款。${pseudo.defaultSalt ? '注意：这次没有指定 --salt，使用的是公开的默认密钥，知道学员邮箱的人可以推算出化名对应谁；对外提供前请用 --salt 指定只有 HR 知道的密钥。' : '化名用 HR 指定的密钥生成，不知道密钥无法从邮箱推算出化名。'}`
        : '本报告含个人信息：学员姓名、邮箱（report.json 和 CSV）、成绩、各单元掌握情况、需复习的条款。请按单位的个人信息管理规定保存和传阅；对外提供时请加 --pseudonymize 生成化名版本。',
    },
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
      outcomes,
      passByAttempt,
      scores: {
        n: scores.length,
        noScore: started.length - scores.length,
        mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        median: median(scores),
        bins: binEdges.map(([from, to]) => ({ label: to > 100 ? `${from}–100` : `${from}–${to - 1}`, from, to: Math.min(to, 100), count: scores.filter((s) => s >= from && s < to).length })),
      },
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
