import type { BankItem } from '../quizzes/schema.ts';
import { interactionOf, scoreAttempt } from '../quizzes/engine/index.ts';
import type { InteractionRecord, ObjectiveRecord } from '../scorm/driver.ts';
import { isFinalOutcome, isPass, type ExamRules } from './policy.ts';

/**
 * What one submitted attempt tells the LMS, in the version-neutral vocabulary of src/scorm/driver.ts.
 * The shell's sync module writes it through the driver; nothing here knows the SCORM version.
 */
export interface ExamReport {
  attempt: number;
  /** 0–100. */
  score: number;
  passed: boolean;
  /** Passed, or no attempt left: only then are score and pass/fail reported (see policy.ts). */
  final: boolean;
  interactions: InteractionRecord[];
  objectives: ObjectiveRecord[];
  perModule: Array<{ module: string; title: string; score: number; max: number; percent: number }>;
}

/** `m03-telephone`: the SCORM objective id of a module (one per section of the standard). */
import { objectiveIdOf } from '../rules/objective-id.ts';

export { objectiveIdOf };

/** `a2-m03-ring-01`: unique per attempt, ASCII, within SCORM 1.2's 255 characters. */
export const interactionIdOf = (attempt: number, itemId: string) => `a${attempt}-${itemId}`;

export interface AnswerTiming {
  /** When the learner last changed the answer, epoch ms (the interaction timestamp). */
  answeredAt?: number;
  /** Time spent on the question, ms (the interaction latency). */
  latencyMs?: number;
}

export function buildExamReport(options: {
  attempt: number;
  items: readonly BankItem[];
  /** Raw responses by item id. */
  responses: Readonly<Record<string, unknown>>;
  timings?: Readonly<Record<string, AnswerTiming>>;
  rules: ExamRules;
  moduleTitles: Readonly<Record<string, string>>;
  submittedAt: Date;
}): ExamReport {
  const { attempt, items, responses, timings = {}, rules, moduleTitles, submittedAt } = options;
  const result = scoreAttempt(items, responses);
  const passed = isPass(result.raw, rules);
  const interactions: InteractionRecord[] = items.map((item) => {
    const interaction = interactionOf(item, responses[item.id]);
    const timing = timings[item.id] ?? {};
    return {
      ...interaction,
      id: interactionIdOf(attempt, item.id),
      latencyMs: Math.max(0, Math.round(timing.latencyMs ?? 0)),
      timestamp: new Date(timing.answeredAt ?? submittedAt.getTime()),
      description: `${item.situation ? `${item.situation} ` : ''}${item.prompt}`,
      objectiveId: objectiveIdOf(item.module),
    };
  });
  const perModule = Object.entries(result.perModule)
    .flatMap(([module, entry]) => (entry ? [{ module, ...entry }] : []))
    .sort((a, b) => a.module.localeCompare(b.module))
    .map(({ module, score, max }) => ({
      module,
      title: moduleTitles[module] ?? module,
      score,
      max,
      percent: max > 0 ? Math.round((100 * score) / max) : 0,
    }));
  const objectives: ObjectiveRecord[] = perModule.map((entry) => ({
    id: objectiveIdOf(entry.module),
    score: { raw: entry.percent, min: 0, max: 100 },
    success: entry.percent >= rules.passMark ? 'passed' : 'failed',
    completion: 'completed',
    description: entry.title,
  }));
  return {
    attempt,
    score: result.raw,
    passed,
    final: isFinalOutcome(passed, attempt, rules),
    interactions,
    objectives,
    perModule,
  };
}
