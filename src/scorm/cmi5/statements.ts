import type { InteractionRecord, Score } from '../driver.ts';
import { formatScorm2004Duration } from '../scorm2004/time.ts';
import { formatScorm2004Response } from '../scorm2004/responses.ts';
import type { Agent } from './launch-params.ts';

/** xAPI 1.0.3 statement parts the AU writes (only what it uses). */
export type LanguageMap = Record<string, string>;
export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: Record<string, unknown>;
}
export interface Context {
  registration?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[]; other?: Activity[] };
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface Statement {
  id: string;
  timestamp: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
  };
  context: Context;
}

/** The verbs cmi5 defines for the AU (spec 9.3) and the one "allowed" verb the AU uses (answered, 7.1.3). */
export const verbs = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;
export type VerbName = keyof typeof verbs;

/** cmi5 context activities and extensions (spec 9.6.2.1, 9.6.2.2, 9.6.3.2). */
export const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const masteryScoreExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const interactionType = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** What every statement of the session shares. */
export interface StatementBase {
  actor: Agent;
  activityId: string;
  registration: string;
  /** LMS.LaunchData contextTemplate (10.2.1): copied into every statement, never changed (it holds the session id). */
  contextTemplate: Context;
  /** LMS.LaunchData masteryScore, 0–1, when the LMS gives one. */
  masteryScore?: number;
  newId?: () => string;
  now?: () => Date;
}

function category(id: string): Activity {
  return { objectType: 'Activity', id };
}

/** contextTemplate + registration (9.6.1, 9.6.2.0-1), plus categories; a deep copy so the template stays unchanged. */
function contextFor(base: StatementBase, categories: readonly string[], extensions?: Record<string, unknown>): Context {
  const context = JSON.parse(JSON.stringify(base.contextTemplate ?? {})) as Context;
  context.registration = base.registration;
  if (categories.length > 0) {
    const activities = (context.contextActivities ??= {});
    const list = (activities.category ??= []);
    for (const id of categories) if (!list.some((activity) => activity.id === id)) list.push(category(id));
  }
  if (extensions) context.extensions = { ...context.extensions, ...extensions };
  return context;
}

function envelope(base: StatementBase, verb: VerbName, object: Activity, context: Context, result?: Statement['result']): Statement {
  const statement: Statement = {
    id: (base.newId ?? (() => crypto.randomUUID()))(),
    // UTC, as xAPI recommends (4.1.7 timestamp) and so the LRS orders statements from every time zone alike.
    timestamp: (base.now ?? (() => new Date()))().toISOString(),
    actor: base.actor,
    verb: { id: verbs[verb], display: { 'en-US': verb } },
    object,
    context,
  };
  if (result) statement.result = result;
  return statement;
}

const au = (base: StatementBase): Activity => ({ objectType: 'Activity', id: base.activityId });

/** initialized (9.3.2) and terminated (9.3.8, with the session duration: 9.5.4.1-1): cmi5 defined, no result. */
export function sessionStatement(base: StatementBase, verb: 'initialized' | 'terminated', sessionMs?: number): Statement {
  const result = verb === 'terminated' ? { duration: formatScorm2004Duration(sessionMs ?? 0) } : undefined;
  return envelope(base, verb, au(base), contextFor(base, [cmi5Category]), result);
}

/** completed (9.3.3): result.completion true (9.5.3.0-1), duration (9.5.4.1-2), moveOn category (9.6.2.2-1). */
export function completedStatement(base: StatementBase, sessionMs: number): Statement {
  return envelope(base, 'completed', au(base), contextFor(base, [cmi5Category, moveOnCategory]), {
    completion: true,
    duration: formatScorm2004Duration(sessionMs),
  });
}

/** scaled = raw mapped to 0…1 by min/max, rounded to 4 places like the 2004 driver. */
export function scaledScore(score: Score): number {
  const span = score.max - score.min;
  const value = span > 0 ? (score.raw - score.min) / span : 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 10000) / 10000;
}

/**
 * passed / failed (9.3.4, 9.3.5): result.success (9.5.2), duration, moveOn category, the score with min and max
 * (9.5.1.0-3) and the masteryScore extension when the LMS gave one (9.6.3.2-2). A score that contradicts the verb
 * (9.3.4.0-2, 9.3.5.0-2) is left out rather than sent: the LMS would reject the whole statement.
 */
export function outcomeStatement(base: StatementBase, verb: 'passed' | 'failed', sessionMs: number, score?: Score): Statement {
  const result: NonNullable<Statement['result']> = { success: verb === 'passed', duration: formatScorm2004Duration(sessionMs) };
  if (score) {
    const scaled = scaledScore(score);
    const consistent = base.masteryScore === undefined || (verb === 'passed' ? scaled >= base.masteryScore : scaled < base.masteryScore);
    if (consistent) result.score = { scaled, raw: score.raw, min: score.min, max: score.max };
  }
  const extensions = base.masteryScore === undefined ? undefined : { [masteryScoreExtension]: base.masteryScore };
  return envelope(base, verb, au(base), contextFor(base, [cmi5Category, moveOnCategory], extensions), result);
}

/** The interaction's activity id: the AU's id + `/interactions/` + the interaction id (ASCII already). */
export function interactionActivityId(activityId: string, interactionId: string): string {
  return `${activityId}/interactions/${encodeURIComponent(interactionId)}`;
}

/**
 * One exam answer as a cmi5 "allowed" statement (7.1.3): verb answered, a cmi.interaction activity (xAPI 1.0.3
 * Data 2.4.4.1.1) whose correctResponsesPattern and response use the SCORM 2004 formats (RTE 4.2.9.1), which is what
 * xAPI's interaction activities take. No cmi5 or moveOn category: only cmi5 defined statements carry those (9.6.2.1).
 */
export function answeredStatement(base: StatementBase, interaction: InteractionRecord): Statement {
  const definition: Record<string, unknown> = {
    type: interactionType,
    interactionType: interaction.type,
    correctResponsesPattern: [formatScorm2004Response(interaction.type, interaction.correct)],
  };
  if (interaction.description) definition.description = { 'zh-CN': interaction.description };
  const result: NonNullable<Statement['result']> = {
    success: interaction.result === 'correct',
    response: formatScorm2004Response(interaction.type, interaction.learner),
    duration: formatScorm2004Duration(interaction.latencyMs),
  };
  const context = contextFor(base, []);
  // The AU as parent, so an LRS report groups the answers under the course (xAPI Data 2.4.6.2).
  const activities = (context.contextActivities ??= {});
  if (!activities.parent?.some((activity) => activity.id === base.activityId)) {
    activities.parent = [...(activities.parent ?? []), au(base)];
  }
  return envelope(
    { ...base, now: () => interaction.timestamp },
    'answered',
    { objectType: 'Activity', id: interactionActivityId(base.activityId, interaction.id), definition },
    context,
    result,
  );
}
