import { atom } from 'nanostores';
import type { Completion, LmsDriver, LmsError, Success } from '../scorm/driver.ts';
import { decodeSuspendData, encodeSuspendData, type DecodeStatus } from '../scorm/suspend-data.ts';
import { carryOverExamState, decodeExamState } from '../exam/exam-state.ts';
import { isFinalOutcome, type ExamRules } from '../exam/policy.ts';
import type { ExamReport } from '../exam/report.ts';
import { $allModulesCompleted, $location, $moduleFlags, $outline, $segments } from './course.ts';

/**
 * The only module that touches both the stores and the LMS driver. It restores state at launch, writes
 * changes through the driver, commits on meaningful changes (progress, navigation, an exam submit) at most every
 * few seconds, commits when the page is hidden, and finishes exactly once when the page goes away or the learner
 * exits.
 *
 * Reporting policy (README "Reporting"): completion is `completed` once every module is done and the exam has a
 * final outcome; pass/fail and the score are reported only for a final outcome (a pass, or a fail with no attempt
 * left), score first, then status.
 */

export interface SyncInfo {
  courseTag: string;
  contentHash: string;
  exam: ExamRules;
}

export interface SessionState {
  connection: 'pending' | 'lms' | 'standalone';
  recording: boolean;
  learnerId: string;
  learnerName: string;
  restored: DecodeStatus | 'none';
  finished: boolean;
  /** Set when the LMS refused to save; the shell tells the learner politely. */
  saveProblem: boolean;
}

export const $session = atom<SessionState>({
  connection: 'pending',
  recording: true,
  learnerId: '',
  learnerName: '',
  restored: 'none',
  finished: false,
  saveProblem: false,
});
export const $lmsErrors = atom<LmsError[]>([]);

export const recordLmsError = (error: LmsError) => {
  $lmsErrors.set([...$lmsErrors.get().slice(-49), error]);
  console.warn(`[LMS] ${error.call}${error.element ? ` ${error.element}` : ''} → ${error.code} ${error.message}`);
};

/** Fewer commits than SetValues: chatty commits freeze some LMS UIs (GUIDE: LMS failure modes). */
const minCommitIntervalMs = 3000;
const commitRetryDelaysMs = [2000, 5000, 15000];

export interface LmsSync {
  /** Writes pending values and commits now (page hidden, explicit save). */
  flush(): boolean;
  /** Reports a submitted exam attempt: interactions, objectives, then score/status if final; commits at once. */
  reportExam(report: ExamReport): void;
  /** Ends the session once: session time, exit, commit, terminate. Safe to call repeatedly. */
  finish(): void;
}

interface Outcome {
  completion: Completion;
  success: Success;
  score?: number;
}

/** The course's decision, derived from the stores: nothing is stored twice. */
function currentOutcome(rules: ExamRules): Outcome {
  const exam = decodeExamState($segments.get().ex);
  const passed = exam.passed;
  const last = exam.last;
  const final = passed !== undefined || (last !== undefined && exam.phase === 'idle' && isFinalOutcome(false, exam.attempt, rules));
  const modulesDone = $allModulesCompleted.get();
  return {
    completion: modulesDone && final ? 'completed' : 'incomplete',
    success: !final ? 'unknown' : passed ? 'passed' : 'failed',
    score: !final ? undefined : (passed ?? last)?.score,
  };
}

export function startLmsSync(driver: LmsDriver, info: SyncInfo, now: () => number = Date.now): LmsSync {
  const startedAt = now();
  const moduleCount = $outline.get().length;
  const initialized = driver.initialize();
  const launch = driver.readLaunch();
  const recording = launch.mode === 'normal';
  const decoded = decodeSuspendData(launch.suspendData, info.courseTag, info.contentHash, moduleCount);
  $moduleFlags.set(decoded.state.modules);
  $segments.set(decoded.state.segments);
  // After a content update the exam draw may no longer fit, but attempts used and a pass must survive it:
  // otherwise republishing the course would hand out fresh attempts.
  const carried = carryOverExamState(decoded.previousSegments?.ex);
  if (carried) $segments.setKey('ex', carried);
  if (launch.location) $location.set(launch.location);
  $session.set({
    ...$session.get(),
    connection: driver.reportsToLms ? 'lms' : 'standalone',
    recording,
    learnerId: launch.learnerId,
    learnerName: launch.learnerName,
    restored: decoded.status,
  });

  let finished = false;
  let dirty = false;
  let lastCommitAt = 0;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  let retryIndex = 0;
  let written: Outcome | undefined;

  const writeState = () => {
    driver.setSuspendData(
      encodeSuspendData({ modules: $moduleFlags.get(), segments: $segments.get() }, info.courseTag, info.contentHash),
    );
    if ($location.get()) driver.setLocation($location.get());
    const outcome = currentOutcome(info.exam);
    // Score first, then status: some LMSs ignore a score that arrives after a final status.
    if (outcome.score !== undefined && outcome.score !== written?.score) {
      driver.setScore({ raw: outcome.score, min: 0, max: 100 });
    }
    if (outcome.success !== written?.success && outcome.success !== 'unknown') driver.setSuccess(outcome.success);
    if (outcome.completion !== written?.completion) driver.setCompletion(outcome.completion);
    written = outcome;
  };

  const commitNow = (): boolean => {
    if (finished || !recording || !initialized) return false;
    clearTimeout(commitTimer);
    commitTimer = undefined;
    if (dirty) writeState();
    dirty = false;
    lastCommitAt = now();
    const ok = driver.commit();
    if (ok) {
      retryIndex = 0;
      if ($session.get().saveProblem) $session.set({ ...$session.get(), saveProblem: false });
    } else {
      // Keep the state, warn, and retry with back-off a bounded number of times; never loop.
      $session.set({ ...$session.get(), saveProblem: true });
      const delay = commitRetryDelaysMs[retryIndex++];
      if (delay !== undefined) {
        dirty = true;
        commitTimer = setTimeout(commitNow, delay);
      }
    }
    return ok;
  };

  const scheduleCommit = () => {
    if (finished || !recording) return;
    dirty = true;
    if (commitTimer) return;
    const wait = Math.max(0, minCommitIntervalMs - (now() - lastCommitAt));
    commitTimer = setTimeout(commitNow, wait);
  };

  if (recording && initialized) {
    // A first launch reports "incomplete" at once, so the LMS shows the course as started.
    writeState();
    driver.commit();
    lastCommitAt = now();
  }

  $moduleFlags.listen(scheduleCommit);
  $location.listen(scheduleCommit);
  $segments.listen(scheduleCommit);

  const reportExam = (report: ExamReport) => {
    if (finished || !recording || !initialized) return;
    const first = driver.interactionCount();
    report.interactions.forEach((interaction, index) => driver.recordInteraction(first + index, interaction));
    for (const objective of report.objectives) {
      // One objective per section of the standard, at a fixed index: m01-… is 0, m07-… is 6.
      const index = Number(objective.id.slice(1, 3)) - 1;
      if (index >= 0) driver.setObjective(index, objective);
    }
    dirty = true;
    commitNow();
  };

  const finish = () => {
    if (finished) return;
    if (recording && initialized) {
      writeState();
      driver.setSessionTime(now() - startedAt);
      // Always suspend: the next launch resumes where the learner was, even after completion.
      driver.setExit('suspend');
      // Some LMSs fail Commit during unload; Terminate implies a commit (RTE 3.1.3.2), so finish does not depend on it.
      driver.commit();
    }
    clearTimeout(commitTimer);
    finished = true;
    if (initialized) driver.terminate();
    $session.set({ ...$session.get(), finished: true });
  };

  return { flush: commitNow, reportExam, finish };
}
