import type { Completion, LaunchData, LmsDriver, LmsProblem, Score, Success } from '../driver.ts';

/** What standalone mode keeps between visits: the learner's place, nothing that would pretend to be a report. */
interface LocalRecord {
  location: string;
  suspendData: string;
  completion?: Completion;
  success?: Success;
  score?: Score;
}

/**
 * Standalone mode (no LMS API found): progress is kept in this browser's localStorage so a reload or a later
 * visit resumes, and the shell tells the learner that results are not being reported. `problem` says why when an
 * LMS launch was attempted but could not be used (e.g. a malformed cmi5 launch URL), so the notice can say so.
 */
export function createLocalDriver(
  storageKey: string,
  storage: Storage | undefined = safeLocalStorage(),
  problem?: LmsProblem,
): LmsDriver {
  let record: LocalRecord = { location: '', suspendData: '' };
  let stored = false;
  try {
    const saved = storage?.getItem(storageKey);
    if (saved) {
      record = { ...record, ...(JSON.parse(saved) as Partial<LocalRecord>) };
      stored = true;
    }
  } catch {
    // Unreadable saved progress: start fresh rather than fail to open the course.
  }
  const save = () => {
    try {
      storage?.setItem(storageKey, JSON.stringify(record));
      return true;
    } catch {
      return false; // Private mode or a full quota: the course still runs, it just cannot remember.
    }
  };
  return {
    version: 'local',
    reportsToLms: false,
    watchProblems: (listener) => void (problem && listener(problem)),
    initialize: () => true,
    readLaunch: (): LaunchData => ({
      learnerId: '',
      learnerName: '',
      entry: stored ? 'resume' : 'ab-initio',
      mode: 'normal',
      credit: true,
      location: record.location,
      suspendData: record.suspendData,
    }),
    setLocation: (location) => void (record.location = location),
    setSuspendData: (data) => void (record.suspendData = data),
    setScore: (score) => void (record.score = score),
    setCompletion: (completion) => void (record.completion = completion),
    setSuccess: (success) => void (record.success = success),
    setSessionTime: () => {},
    setExit: () => {},
    interactionCount: () => 0,
    recordInteraction: () => {},
    setObjective: () => {},
    markBrowsed: () => false,
    commit: save,
    terminate: save,
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // Some sandboxed iframes throw on access.
  }
}
