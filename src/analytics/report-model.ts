import type { ItemMap } from './item-map.ts';
import type { OptionTexts } from './option-texts.ts';
import type { SourceSummary } from './sources.ts';
import { difficulty } from './stats.ts';

/** The report model that report.json, the CSV files and the HTML page are written from, and its thresholds. */

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

export const OUTCOME_LABELS: Readonly<Record<OutcomeKey, string>> = {
  passed: '已通过',
  'failed-final': '未通过（次数已用完）',
  'not-finished': '未通过，未再考（或仍在学习）',
  'not-started': '未开始',
  unknown: '不详（只有成绩簿的 “-”）',
};

export const share = (right: number, n: number): Share => ({ right, n, mastery: difficulty(right, n) });
