import type { Completion, ErrorSink, InteractionRecord, LaunchData as CourseLaunch, LmsDriver, LmsProblem, Score, Success } from '../driver.ts';
import type { Cmi5Launch } from './launch-params.ts';
import { createOutbox, type LrsClient, type Outbox, type OutboxItem } from './lrs.ts';
import { writeSession, type KeyValueStore, type SessionRecord } from './session-store.ts';
import { courseStateId, stateParams, type CourseState, type LaunchData } from './state.ts';
import {
  answeredStatement,
  completedStatement,
  outcomeStatement,
  sessionStatement,
  type StatementBase,
} from './statements.ts';

export interface Cmi5DriverOptions {
  launch: Cmi5Launch;
  launchData: LaunchData;
  /** Our State document as the LRS (or this browser, after a refusal) holds it; undefined on a first launch. */
  courseState?: CourseState;
  client: LrsClient;
  session: SessionRecord;
  sessionKey: string;
  sessionStore?: KeyValueStore;
  /** Where the driver keeps what the LRS refused (401/403), so the learner's answers are not lost. */
  keepStore?: KeyValueStore;
  onError: ErrorSink;
  now?: () => number;
  /** Goes to LMS.LaunchData returnURL after terminated (10.2.6.0-1). */
  navigate?: (url: string) => void;
  outbox?: Outbox;
  newId?: () => string;
}

/** Where the driver keeps the State document and unsent statements after the LRS refused them. */
export const keptKey = (registration: string) => `yks-cmi5-kept:${registration}`;

/**
 * The cmi5 AU behind the course's LmsDriver interface. The launch work (token, LaunchData, preferences, our State)
 * is done before the driver exists (connect.ts), so every method stays synchronous: writes are queued in the outbox
 * (lrs.ts), which sends them in order and retries. Mapping:
 * - initialize → `initialized` (once per session, 9.3.2), readLaunch ← actor, LaunchData and our State document;
 * - setCompletion('completed') → `completed`, setSuccess + setScore → `passed`/`failed` with the score (each at
 *   most once per registration, flags kept in our State document; none outside Normal launchMode, 10.2.2);
 * - recordInteraction → `answered` (a cmi5 allowed statement, 7.1.3);
 * - setLocation/setSuspendData → our State document (PUT on commit);
 * - terminate → State, then `terminated` with the session duration, keepalive (9.3.8), then returnURL.
 */
export function createCmi5Driver(options: Cmi5DriverOptions): LmsDriver {
  const { launch, launchData, client, session, onError } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const normal = launchData.launchMode === 'Normal';
  const base: StatementBase = {
    actor: launch.actor,
    activityId: launch.activityId,
    registration: launch.registration,
    contextTemplate: launchData.contextTemplate,
    masteryScore: launchData.masteryScore,
    newId: options.newId,
  };
  const listeners: Array<(problem: LmsProblem | undefined) => void> = [];
  /** After a refusal: keep the State document and every unsent statement in this browser (never lose answers). */
  function keepLocally() {
    try {
      options.keepStore?.setItem(keptKey(launch.registration), JSON.stringify({ state, unsent: outbox.pending() }));
    } catch {
      // Nothing more can be done without storage; the shell has told the learner.
    }
  }
  let problem: LmsProblem | undefined = session.terminated ? 'session-ended' : undefined;
  const tell = (next: LmsProblem | undefined) => {
    problem = next;
    for (const listener of listeners) listener(next);
  };
  const outbox =
    options.outbox ??
    createOutbox({
      client,
      onProblem(outboxProblem) {
        // Refused: keep what the LRS would not take at once, not only at the next commit (the page may close first).
        if (outboxProblem === 'refused') keepLocally();
        tell(outboxProblem === 'refused' ? 'saving-refused' : outboxProblem === 'retrying' ? 'saving-retried' : undefined);
      },
      onRejected: (item, status, text) =>
        onError({ call: item.kind === 'statements' ? 'POST statements' : 'PUT state', code: status, message: text.slice(0, 300) }),
    });

  const state: CourseState = options.courseState ? { ...options.courseState } : { location: '', suspendData: '', completed: false };
  let stateDirty = false;
  let pendingCompletion: Completion | undefined;
  let pendingSuccess: Success | undefined;
  let pendingScore: Score | undefined;
  let sessionMs: number | undefined;
  let terminated = session.terminated;

  const saveSession = () => writeSession(options.sessionStore, options.sessionKey, session);
  const stateItem = (): OutboxItem => ({
    kind: 'state',
    params: stateParams(launch, courseStateId),
    body: JSON.stringify({ ...state, savedAt: new Date(now()).toISOString() }),
  });
  const elapsed = () => now() - startedAt;

  return {
    version: 'cmi5',
    reportsToLms: true,
    reportsCompletionAlone: true,
    watchProblems(listener) {
      listeners.push(listener);
      if (problem) listener(problem);
    },
    initialize() {
      if (terminated) return false;
      if (!session.initialized) {
        // The first statement of the session (9.3.2.0-2); a reload within the session does not repeat it (9.3.2.0-3).
        outbox.push({ kind: 'statements', statements: [sessionStatement(base, 'initialized')] });
        session.initialized = true;
        saveSession();
      }
      return true;
    },
    readLaunch(): CourseLaunch {
      const name = launch.actor.name;
      return {
        learnerId: launch.actor.account.name,
        learnerName: typeof name === 'string' ? name : '',
        entry: options.courseState ? 'resume' : 'ab-initio',
        mode: launchData.launchMode === 'Browse' ? 'browse' : launchData.launchMode === 'Review' ? 'review' : 'normal',
        credit: true,
        location: state.location,
        suspendData: state.suspendData,
        masteryScore: launchData.masteryScore,
      };
    },
    setLocation(location) {
      if (location !== state.location) (state.location = location), (stateDirty = true);
    },
    setSuspendData(data) {
      if (data !== state.suspendData) (state.suspendData = data), (stateDirty = true);
    },
    setScore: (score) => void (pendingScore = score),
    setCompletion: (completion) => void (pendingCompletion = completion),
    setSuccess: (success) => void (pendingSuccess = success),
    setSessionTime: (ms) => void (sessionMs = ms),
    setExit: () => {},
    interactionCount: () => 0,
    recordInteraction(_index: number, interaction: InteractionRecord) {
      if (terminated || !normal) return;
      outbox.push({ kind: 'statements', statements: [answeredStatement(base, interaction)] });
    },
    // cmi5 has no run-time objectives: the module scores are in the suspend data and the answered statements.
    setObjective: () => {},
    markBrowsed: () => false,
    commit() {
      if (terminated) return false;
      const statements = [];
      if (normal && pendingCompletion === 'completed' && !state.completed) {
        statements.push(completedStatement(base, elapsed()));
        state.completed = true;
        stateDirty = true;
      }
      // passed at most once, failed never after passed nor twice (9.3.0.0-2/-3/-7/-8).
      const outcome = pendingSuccess === 'passed' || pendingSuccess === 'failed' ? pendingSuccess : undefined;
      if (normal && outcome && state.outcome !== 'passed' && state.outcome !== outcome) {
        statements.push(outcomeStatement(base, outcome, elapsed(), pendingScore));
        state.outcome = outcome;
        stateDirty = true;
      }
      if (statements.length > 0) outbox.push({ kind: 'statements', statements });
      if (stateDirty && normal) outbox.push(stateItem());
      stateDirty = false;
      if (outbox.refused) keepLocally();
      return !outbox.refused;
    },
    terminate() {
      if (terminated) return false;
      terminated = true;
      session.terminated = true;
      saveSession();
      const last: OutboxItem[] = [];
      if (stateDirty && normal) last.push(stateItem());
      stateDirty = false;
      // The last statement of the session, with its duration (9.3.8.0-2, 9.5.4.1-1).
      last.push({ kind: 'statements', statements: [sessionStatement(base, 'terminated', sessionMs ?? elapsed())] });
      const sent = outbox.finish(last);
      void sent.then((ok) => {
        if (!ok && outbox.refused) keepLocally();
        if (launchData.returnURL && options.navigate) options.navigate(launchData.returnURL);
      });
      return true;
    },
  };
}
