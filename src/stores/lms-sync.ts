import { atom } from 'nanostores';
import type { Completion, LmsDriver, LmsError, LmsProblem, Success } from '../scorm/driver.ts';
import { createDriver } from '../scorm/runtime/create-driver.ts';
import type { WantedVersion } from '../scorm/runtime/profiles.ts';
import { decodeSuspendData, encodeSuspendData } from '../scorm/suspend-data.ts';
import { carryOverExamState, decodeExamState } from '../exam/exam-state.ts';
import { isFinalOutcome, type ExamRules } from '../exam/policy.ts';
import type { ExamReport } from '../exam/report.ts';
import { resumablePage } from '../bridge/location.ts';
import { $allModulesCompleted, $location, $moduleFlags, $outline, $segments } from './course.ts';

/**
 * The only module that touches both the stores and the LMS driver. It restores state at launch, writes
 * changes through the driver, commits on meaningful changes (progress, navigation, an exam submit) at most every
 * few seconds, commits when the page is hidden, and finishes exactly once when the page goes away or the learner
 * exits.
 *
 * Reporting policy (README "Reporting"): completion is `completed` once every module is done and the exam has a
 * final outcome; pass/fail and the score are reported only for a final outcome (a pass, or a fail with no attempt
 * left), status first, then score (Moodle runs its completion check when the score arrives: see driver.ts).
 */

export interface SyncInfo {
  courseTag: string;
  contentHash: string;
  exam: ExamRules;
  /** Every page of this course: a restored location must be one of them. */
  coursePages: readonly string[];
}

export interface SessionState {
  connection: 'pending' | 'lms' | 'standalone';
  recording: boolean;
  learnerId: string;
  learnerName: string;
  finished: boolean;
  /** Set when the LMS refused to save; the shell tells the learner politely. */
  saveProblem: boolean;
  /** What the driver reports (cmi5: a refused launch, saves retried or refused); the shell words it. */
  lmsProblem?: LmsProblem;
  /** The pass mark (percent) the LMS imposes (cmi5 masteryScore × 100); the exam follows it over the config's. */
  passMark?: number;
}

export const $session = atom<SessionState>({
  connection: 'pending',
  recording: true,
  learnerId: '',
  learnerName: '',
  finished: false,
  saveProblem: false,
});
/** Every refused call goes to the console with the LMS's own code and text (the preview LMS shows its log too). */
export const recordLmsError = (error: LmsError) => {
  console.warn(`[LMS] ${error.call}${error.element ? ` ${error.element}` : ''} → ${error.code} ${error.message}`);
};

/** Fewer commits than SetValues: chatty commits freeze some LMS UIs (docs/lms-behaviour.md: LMS failure modes). */
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

/**
 * The course's decision, derived from the stores: nothing is stored twice. `completionAlone`: the LMS tracks
 * completion apart from the outcome (cmi5), so completion is reported when the modules are done (in the refresher,
 * which has none, once an exam attempt was submitted) rather than with the final outcome.
 */
function currentOutcome(rules: ExamRules, completionAlone: boolean, moduleCount: number): Outcome {
  const exam = decodeExamState($segments.get().ex);
  const passed = exam.passed;
  const last = exam.last;
  const final = passed !== undefined || (last !== undefined && exam.phase === 'idle' && isFinalOutcome(false, exam.attempt, rules));
  const modulesDone = $allModulesCompleted.get();
  const experienced = final || (completionAlone && (moduleCount > 0 || last !== undefined));
  return {
    completion: modulesDone && experienced ? 'completed' : 'incomplete',
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
  // The content frame loads before the LMS session exists (API discovery may take seconds): what the learner did
  // meanwhile is already in the stores and is merged with the restored state, not overwritten by it.
  const during = { modules: $moduleFlags.get(), segments: $segments.get(), location: $location.get() };
  $moduleFlags.set(decoded.state.modules.map((flags, index) => flags | (during.modules[index] ?? 0)));
  $segments.set({ ...decoded.state.segments, ...during.segments });
  // After a content update the exam draw may no longer fit, but attempts used and a pass must survive it:
  // otherwise republishing the course would hand out fresh attempts.
  const carried = carryOverExamState(decoded.previousSegments?.ex);
  if (carried) $segments.setKey('ex', carried);
  const restoredLocation = resumablePage(launch.location, info.coursePages);
  if (restoredLocation && !during.location) $location.set(restoredLocation);
  $session.set({
    ...$session.get(),
    connection: driver.reportsToLms ? 'lms' : 'standalone',
    recording,
    learnerId: launch.learnerId,
    learnerName: launch.learnerName,
    // masteryScore is 0–1; rounded to 4 places so 0.85 gives 85, not 85.00000000000001.
    passMark: launch.masteryScore === undefined ? undefined : Math.round(launch.masteryScore * 1e6) / 1e4,
  });
  driver.watchProblems?.((problem) => $session.set({ ...$session.get(), lmsProblem: problem }));

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
    const outcome = currentOutcome(info.exam, driver.reportsCompletionAlone === true, moduleCount);
    // Status first, then score, in the same commit: Moodle compares the stored status when the score arrives and
    // would never mark a passed 1.2 activity complete otherwise (driver.ts, setScore).
    if (outcome.completion !== written?.completion) driver.setCompletion(outcome.completion);
    if (outcome.success !== written?.success && outcome.success !== 'unknown') driver.setSuccess(outcome.success);
    if (outcome.score !== undefined && outcome.score !== written?.score) {
      driver.setScore({ raw: outcome.score, min: 0, max: 100 });
    }
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
  } else if (initialized && launch.mode === 'browse') {
    // Browse records nothing of the learner's, but tells a 1.2 LMS the learner only browsed (driver.markBrowsed).
    if (driver.markBrowsed()) driver.commit();
  }

  $moduleFlags.listen(scheduleCommit);
  $location.listen(scheduleCommit);
  $segments.listen(scheduleCommit);

  const reportExam = (report: ExamReport) => {
    if (finished || !recording || !initialized) return;
    const first = driver.interactionCount();
    report.interactions.forEach((interaction, index) => driver.recordInteraction(first + index, interaction));
    // One objective per section of the standard; the driver finds each by id next to the LMS's own objectives.
    for (const objective of report.objectives) driver.setObjective(objective);
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

/**
 * Finds the LMS (or falls back to standalone mode) and starts syncing. The shell calls this once; it never sees the
 * driver, so the stores and the LMS meet only here.
 */
export async function connectLms(
  win: Window,
  wanted: WantedVersion,
  localStorageKey: string,
  info: SyncInfo,
): Promise<{ sync: LmsSync; version: LmsDriver['version'] }> {
  const driver = await createDriver(win, wanted, localStorageKey, recordLmsError);
  return { sync: startLmsSync(driver, info), version: driver.version };
}
