// The AU requirements of the cmi5 specification, checked on every statement an AU sends (spec sections 7.1, 8.1,
// 9 and 10: the "(d)" entries of @cmi5/requirements say what the LMS must reject). Pure: the LMS keeps the facts
// of each session and registration and asks `checkStatement` before it stores anything.
import { auDefinedVerbs, categories, extensions, interactionTypes, activityTypes, verbs, type LaunchMode } from './vocabulary.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ContextTemplate {
  contextActivities?: Record<string, JsonObject[]>;
  extensions?: Record<string, Json>;
}

/** What the LMS knows of one AU session (from the launch) and what it has seen in it. */
export interface SessionFacts {
  sessionId: string;
  registration: string;
  activityId: string;
  actor: JsonObject;
  launchMode: LaunchMode;
  masteryScore?: number;
  contextTemplate: ContextTemplate;
  prefsRetrieved: boolean;
  initialized: boolean;
  terminated: boolean;
  abandoned: boolean;
  /** cmi5 defined verbs already used in this session (9.3.0.0-2). */
  verbsUsed: string[];
}

/** What the LMS has seen across every session of a registration. */
export interface RegistrationFacts {
  completed: boolean;
  passed: boolean;
  failed: boolean;
}

export interface Violation {
  id: string;
  detail: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** ISO 8601 date-time as xAPI needs it, in UTC (Z or a zero offset: spec 9.7.0.0-2). */
const isoTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
const utc = /(Z|[+-]00:?00)$/;
/** ISO 8601 duration (xAPI Data 4.6: the time-interval format, e.g. PT1H2M3.5S). */
const isoDuration = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const iri = /^[a-z][a-z0-9+.-]*:\S+$/i;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values, key order ignored (xAPI compares Agents and contexts by content). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

const list = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);
const ids = (v: Json | undefined) => list(v).map((a) => a.id);

/** A statement is "cmi5 defined" when it carries the cmi5 category (spec 9.6.2.1) or uses an AU cmi5 verb on the AU. */
export function isCmi5Defined(statement: JsonObject, activityId: string): boolean {
  const context = isObject(statement.context) ? statement.context : {};
  const contextActivities = isObject(context.contextActivities) ? context.contextActivities : {};
  const verbId = isObject(statement.verb) ? statement.verb.id : undefined;
  const objectId = isObject(statement.object) ? statement.object.id : undefined;
  return ids(contextActivities.category).includes(categories.cmi5) || (typeof verbId === 'string' && auDefinedVerbs.has(verbId) && objectId === activityId);
}

/**
 * Every requirement the statement breaks, given the session and registration as they are before it. An empty
 * list means the LMS may store it.
 */
export function checkStatement(statement: unknown, session: SessionFacts, registration: RegistrationFacts): Violation[] {
  const out: Violation[] = [];
  const fail = (id: string, detail: string) => out.push({ id, detail });
  if (!isObject(statement)) {
    fail('4.1.0.0-1', 'a statement must be a JSON object (xAPI Data 2.2)');
    return out;
  }
  // xAPI shape (4.1.0.0-1: the AU conforms to xAPI) and the cmi5 additions on ids and time (9.1, 9.7).
  if (typeof statement.id !== 'string') fail('9.1.0.0-1 (d)', 'the statement has no id');
  else if (!uuid.test(statement.id)) fail('9.1.0.0-1', `the statement id is not a UUID: ${statement.id}`);
  if (typeof statement.timestamp !== 'string') fail('9.7.0.0-1 (d)', 'the statement has no timestamp');
  else if (!isoTimestamp.test(statement.timestamp) || Number.isNaN(Date.parse(statement.timestamp))) {
    fail('4.1.0.0-1', `the timestamp is not an ISO 8601 date-time: ${statement.timestamp}`);
  } else if (!utc.test(statement.timestamp)) fail('9.7.0.0-2 (d)', `the timestamp is not in UTC: ${statement.timestamp}`);
  if (!jsonEqual(statement.actor, session.actor)) fail('8.1.3.0-3 (d)', 'the actor is not the one the LMS gave in the launch URL');
  const verb = isObject(statement.verb) ? statement.verb : undefined;
  const verbId = typeof verb?.id === 'string' ? verb.id : '';
  if (!iri.test(verbId)) fail('4.1.0.0-1', 'the verb has no IRI id');
  const object = isObject(statement.object) ? statement.object : undefined;
  const objectId = typeof object?.id === 'string' ? object.id : '';
  if (!object || ((object.objectType ?? 'Activity') === 'Activity' && !iri.test(objectId))) fail('4.1.0.0-1', 'the object has no activity IRI id');
  if (verbId === verbs.voided) fail('6.3.0.0-1', 'an AU may not void statements');
  if ([verbs.launched, verbs.abandoned, verbs.waived, verbs.satisfied].includes(verbId as never)) {
    fail('9.3.0.0-1', `"${verbId}" is the LMS's verb, not the AU's`);
  }

  // Order within the session (7.1.1, 7.1.2, 9.3.0.0-4/5, 9.3.2, 9.3.6).
  if (session.abandoned) fail('9.3.6.0-2 (d2)', 'the session was abandoned: nothing more may be recorded for it');
  if (session.terminated) fail('9.3.0.0-5 (d2)', 'a statement after "terminated" in this session');
  const isInitialized = verbId === verbs.initialized;
  if (!session.initialized && !isInitialized) fail('9.3.0.0-4 (d2)', 'the first statement of a session must be "initialized"');
  if (isInitialized && session.initialized) fail('9.3.2.0-3 (d)', 'a second "initialized" in the session');
  if (isInitialized && !session.prefsRetrieved) {
    fail('11.0.0.0-3 (d2)', '"initialized" before the AU read the cmi5LearnerPreferences agent profile');
  }

  // Context: the template unchanged, the registration and session id (9.6, 10.2.1).
  const context = isObject(statement.context) ? statement.context : undefined;
  if (!context) fail('10.2.1.0-6 (d)', 'the statement has no context (the LaunchData contextTemplate is its template)');
  const contextActivities = context && isObject(context.contextActivities) ? context.contextActivities : {};
  const contextExtensions = context && isObject(context.extensions) ? context.extensions : {};
  if (context && context.registration !== session.registration) fail('9.6.1.0-1 (d)', 'context.registration is missing or not the launch registration');
  if (context && contextExtensions[extensions.sessionId] !== session.sessionId) {
    fail('9.6.3.1-4 (d)', 'the session id context extension is missing or not this session\'s');
  }
  if (context) {
    for (const [kind, activities] of Object.entries(session.contextTemplate.contextActivities ?? {})) {
      const sent = list(contextActivities[kind]);
      for (const wanted of activities) {
        if (!sent.some((a) => jsonEqual(a, wanted) || (a.id === wanted.id && jsonEqual({ ...a, objectType: 'Activity' }, { ...wanted, objectType: 'Activity' })))) {
          fail('9.6.2.0-1 (d)', `contextActivities.${kind} lacks the template's ${String(wanted.id)}`);
        }
      }
    }
    for (const [key, value] of Object.entries(session.contextTemplate.extensions ?? {})) {
      if (!jsonEqual(contextExtensions[key], value)) fail('10.2.1.0-7 (d)', `the template's extension ${key} was changed or dropped`);
    }
  }

  const result = statement.result === undefined ? undefined : isObject(statement.result) ? statement.result : undefined;
  if (statement.result !== undefined && !result) fail('4.1.0.0-1', 'result must be an object');
  const score = result && isObject(result.score) ? result.score : undefined;
  if (score) {
    if (score.raw !== undefined && score.min === undefined) fail('9.5.1.0-3 (d1)', 'score.raw without score.min');
    if (score.raw !== undefined && score.max === undefined) fail('9.5.1.0-3 (d2)', 'score.raw without score.max');
    const n = (v: Json | undefined) => (typeof v === 'number' ? v : undefined);
    const [scaled, raw, min, max] = [n(score.scaled), n(score.raw), n(score.min), n(score.max)];
    if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail('4.1.0.0-1', 'score.scaled must be in [-1, 1]');
    if (min !== undefined && max !== undefined && min > max) fail('4.1.0.0-1', 'score.min is above score.max');
    if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) fail('4.1.0.0-1', 'score.raw is outside [min, max]');
  }
  if (result?.duration !== undefined && (typeof result.duration !== 'string' || !isoDuration.test(result.duration))) {
    fail('4.1.0.0-1', `result.duration is not an ISO 8601 duration: ${String(result.duration)}`);
  }
  const categoryIds = ids(contextActivities.category);
  const hasMoveOn = categoryIds.includes(categories.moveOn);
  const hasSuccess = result?.success !== undefined;
  const hasCompletion = result?.completion !== undefined;

  // Interactions ("cmi5 allowed" answered statements): the xAPI interaction definition must be well formed.
  const definition = object && isObject(object.definition) ? object.definition : undefined;
  if (definition?.type === activityTypes.interaction) {
    if (typeof definition.interactionType !== 'string' || !interactionTypes.has(definition.interactionType)) {
      fail('4.1.0.0-1', `interactionType is not an xAPI value: ${String(definition.interactionType)}`);
    }
    const pattern = definition.correctResponsesPattern;
    if (pattern !== undefined && !(Array.isArray(pattern) && pattern.every((p) => typeof p === 'string'))) {
      fail('4.1.0.0-1', 'correctResponsesPattern must be an array of strings');
    }
  }

  if (!isCmi5Defined(statement, session.activityId)) {
    // "cmi5 allowed": between initialized and terminated (checked above), no moveOn category (9.6.2.2-2).
    if (hasMoveOn) fail('9.6.2.2-2 (d)', 'the moveOn category on a statement that is not cmi5 defined');
    return out;
  }

  // cmi5 defined statements (9.3 – 9.6).
  if (!categoryIds.includes(categories.cmi5)) fail('9.6.2.1-1', 'a cmi5 defined statement without the cmi5 category');
  if (objectId !== session.activityId) fail('8.1.5.0-6 (d)', 'a cmi5 defined statement whose object is not the launch activityId');
  if (!auDefinedVerbs.has(verbId)) fail('9.3.0.0-1', `"${verbId}" is not a cmi5 verb an AU may use`);
  if (session.verbsUsed.includes(verbId)) fail('9.3.0.0-2 (d)', `the verb is already used in this session: ${verbId}`);
  const isCompleted = verbId === verbs.completed;
  const isPassed = verbId === verbs.passed;
  const isFailed = verbId === verbs.failed;
  const judged = isPassed || isFailed;
  if ((isCompleted || judged) && session.launchMode !== 'Normal') {
    fail(session.launchMode === 'Browse' ? '10.2.2.0-2 (d)' : '10.2.2.0-3 (d)', `"${verbId}" in a ${session.launchMode} launch`);
  }
  if (isCompleted && registration.completed) fail('9.3.0.0-6 (d2)', 'a second "completed" in the registration');
  if (isPassed && registration.passed) fail('9.3.0.0-7 (d2)', 'a second "passed" in the registration');
  if (isFailed && registration.passed) fail('9.3.0.0-8 (d)', '"failed" after "passed" in the registration');
  if (judged && (session.verbsUsed.includes(verbs.passed) || session.verbsUsed.includes(verbs.failed))) {
    fail('9.3.0.0-3 (d)', 'both "passed" and "failed" in one session');
  }
  if (score && !judged) fail('9.5.1.0-2 (d)', 'a score on a cmi5 defined statement other than passed/failed');
  if (judged && score) {
    const scaled = typeof score.scaled === 'number' ? score.scaled : undefined;
    if (session.masteryScore !== undefined) {
      if (contextExtensions[extensions.masteryScore] !== session.masteryScore) {
        fail('9.6.3.2-2 (d)', `a scored "${isPassed ? 'passed' : 'failed'}" without the LaunchData masteryScore (${session.masteryScore}) in the context`);
      }
      if (scaled !== undefined && isPassed && scaled < session.masteryScore) fail('9.3.4.0-2 (d2)', `passed with scaled ${scaled} < masteryScore ${session.masteryScore}`);
      if (scaled !== undefined && isFailed && scaled >= session.masteryScore) fail('9.3.5.0-2 (d)', `failed with scaled ${scaled} ≥ masteryScore ${session.masteryScore}`);
    }
  }
  if (isPassed && result?.success !== true) fail('9.5.2.0-1 (d1)', '"passed" needs result.success true');
  if (isFailed && result?.success !== false) fail('9.5.2.0-2 (d)', '"failed" needs result.success false');
  if (!judged && hasSuccess) fail('9.5.2.0-3 (d)', 'result.success on a cmi5 defined statement other than passed/failed');
  if (isCompleted && result?.completion !== true) fail('9.5.3.0-1 (d1)', '"completed" needs result.completion true');
  if (!isCompleted && hasCompletion) fail('9.5.3.0-2 (d)', 'result.completion on a cmi5 defined statement other than completed');
  const needsDuration: Record<string, string> = {
    [verbs.terminated]: '9.5.4.1-1 (d)',
    [verbs.completed]: '9.5.4.1-2 (d)',
    [verbs.passed]: '9.5.4.1-3 (d)',
    [verbs.failed]: '9.5.4.1-4 (d)',
  };
  if (needsDuration[verbId] && result?.duration === undefined) fail(needsDuration[verbId], `"${verbId}" needs result.duration`);
  if ((isCompleted || judged) && !hasMoveOn) {
    fail(isCompleted ? '9.6.2.2-1 (d1)' : isPassed ? '9.6.2.2-1 (d2)' : '9.6.2.2-1 (d3)', `"${verbId}" needs the moveOn category`);
  }
  if (hasMoveOn && !(hasSuccess || hasCompletion)) fail('9.6.2.2-2 (d)', 'the moveOn category on a statement without result.success or result.completion');
  return out;
}

/** Records an accepted statement in the facts (call only after `checkStatement` found nothing). */
export function applyStatement(statement: JsonObject, session: SessionFacts, registration: RegistrationFacts): void {
  const verbId = isObject(statement.verb) ? String(statement.verb.id) : '';
  if (verbId === verbs.initialized) session.initialized = true;
  if (verbId === verbs.terminated) session.terminated = true;
  if (!isCmi5Defined(statement, session.activityId)) return;
  session.verbsUsed.push(verbId);
  if (verbId === verbs.completed) registration.completed = true;
  if (verbId === verbs.passed) registration.passed = true;
  if (verbId === verbs.failed) registration.failed = true;
}
