import { atom } from 'nanostores';
import type { LmsDriver, LmsError } from '../scorm/driver.ts';
import { decodeSuspendData, encodeSuspendData, type DecodeStatus } from '../scorm/suspend-data.ts';
import { $allModulesCompleted, $location, $moduleFlags, $outline, $segments } from './course.ts';

/**
 * The only module that touches both the stores and the LMS driver. It restores state at launch, writes
 * changes through the driver, commits on meaningful changes (progress, navigation) at most every few seconds,
 * commits when the page is hidden, and finishes exactly once when the page goes away or the learner exits.
 */

export interface SyncInfo {
  courseTag: string;
  contentHash: string;
}

export interface SessionState {
  connection: 'pending' | 'lms' | 'standalone';
  recording: boolean;
  learnerName: string;
  restored: DecodeStatus | 'none';
  finished: boolean;
  /** Set when the LMS refused to save; the shell tells the learner politely. */
  saveProblem: boolean;
}

export const $session = atom<SessionState>({
  connection: 'pending',
  recording: true,
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
  /** Ends the session once: session time, exit, commit, terminate. Safe to call repeatedly. */
  finish(): void;
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
  if (launch.location) $location.set(launch.location);
  $session.set({
    ...$session.get(),
    connection: driver.reportsToLms ? 'lms' : 'standalone',
    recording,
    learnerName: launch.learnerName,
    restored: decoded.status,
  });

  let finished = false;
  let dirty = false;
  let lastCommitAt = 0;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  let retryIndex = 0;
  let lastCompletion: 'completed' | 'incomplete' | undefined;

  const writeState = () => {
    driver.setSuspendData(
      encodeSuspendData({ modules: $moduleFlags.get(), segments: $segments.get() }, info.courseTag, info.contentHash),
    );
    if ($location.get()) driver.setLocation($location.get());
    const completion = $allModulesCompleted.get() ? 'completed' : 'incomplete';
    if (completion !== lastCompletion) {
      driver.setCompletion(completion);
      lastCompletion = completion;
    }
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

  return { flush: commitNow, finish };
}
