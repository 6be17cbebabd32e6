import type {
  Completion,
  ErrorSink,
  ExitKind,
  InteractionRecord,
  LaunchData,
  LmsDriver,
  ObjectiveRecord,
  Score,
  Success,
} from '../driver.ts';
import { checkedCall, checkedGet, type ErrorReader } from '../checked-call.ts';
import { scorm12Errors, scorm12Limits, type Scorm12Api } from './api.ts';
import { formatScorm12TimeOfDay, formatScorm12Timespan } from './time.ts';
import { formatScorm12Response } from './responses.ts';
import { createObjectiveIndex } from '../objective-index.ts';

/**
 * SCORM 1.2 driver. 1.2 has one status for completion and success (cmi.core.lesson_status, RTE 3.4.2), so the
 * driver keeps both and writes the status that combines them: passed/failed win over completed/incomplete.
 */
export function createScorm12Driver(api: Scorm12Api, onError: ErrorSink): LmsDriver {
  const errors: ErrorReader = {
    lastErrorCode: () => Number(api.LMSGetLastError()) || 0,
    errorString: (code) => api.LMSGetErrorString(String(code)) || scorm12Errors[code] || '',
    diagnostic: (code) => api.LMSGetDiagnostic(String(code)),
  };
  const set = (element: string, value: string) =>
    checkedCall('LMSSetValue', element, () => api.LMSSetValue(element, value), errors, onError);
  const get = (element: string) => checkedGet('LMSGetValue', element, () => api.LMSGetValue(element), errors, onError);

  const objectives = createObjectiveIndex(
    () => Number(get('cmi.objectives._count')),
    (index) => get(`cmi.objectives.${index}.id`),
  );
  /** What the LMS held at launch: `browsed` is only written over a status nobody has set yet. */
  let launchStatus = '';
  let completion: Completion = 'incomplete';
  let success: Success = 'unknown';
  const writeStatus = () =>
    set('cmi.core.lesson_status', success !== 'unknown' ? success : completion);

  return {
    version: '1.2',
    reportsToLms: true,
    initialize: () => checkedCall('LMSInitialize', undefined, () => api.LMSInitialize(''), errors, onError),
    readLaunch(): LaunchData {
      const entry = get('cmi.core.entry');
      const mode = get('cmi.core.lesson_mode');
      const status = get('cmi.core.lesson_status');
      launchStatus = status;
      // Resume the status the LMS holds, so a relaunch never downgrades passed/completed.
      if (status === 'passed' || status === 'failed') success = status;
      if (status === 'completed' || status === 'passed') completion = 'completed';
      return {
        learnerId: get('cmi.core.student_id'),
        learnerName: get('cmi.core.student_name'),
        entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
        mode: mode === 'review' || mode === 'browse' ? mode : 'normal',
        credit: get('cmi.core.credit') !== 'no-credit',
        location: get('cmi.core.lesson_location'),
        suspendData: get('cmi.suspend_data'),
      };
    },
    setLocation: (location) => void set('cmi.core.lesson_location', location.slice(0, scorm12Limits.location)),
    setSuspendData: (data) => void set('cmi.suspend_data', data),
    setScore(score: Score) {
      set('cmi.core.score.min', String(score.min));
      set('cmi.core.score.max', String(score.max));
      set('cmi.core.score.raw', String(score.raw));
    },
    setCompletion(value) {
      completion = value;
      writeStatus();
    },
    setSuccess(value) {
      success = value;
      writeStatus();
    },
    markBrowsed() {
      // RTE 3.4.2 cmi.core.lesson_status "browsed": the learner launched in browse mode. Only over "not attempted",
      // so a browse launch never downgrades a real result.
      if (launchStatus !== 'not attempted' && launchStatus !== '') return false;
      return set('cmi.core.lesson_status', 'browsed');
    },
    setSessionTime: (ms) => void set('cmi.core.session_time', formatScorm12Timespan(ms)),
    setExit: (exit: ExitKind) => void set('cmi.core.exit', exit),
    interactionCount: () => Number(get('cmi.interactions._count')) || 0,
    recordInteraction(index: number, interaction: InteractionRecord) {
      // cmi.interactions are write-only in 1.2 and appended by index (RTE 3.4.2).
      const base = `cmi.interactions.${index}`;
      set(`${base}.id`, interaction.id.slice(0, scorm12Limits.interactionId));
      set(`${base}.type`, interaction.type);
      if (interaction.objectiveId) set(`${base}.objectives.0.id`, interaction.objectiveId);
      set(`${base}.time`, formatScorm12TimeOfDay(interaction.timestamp));
      set(`${base}.weighting`, String(interaction.weighting));
      set(`${base}.correct_responses.0.pattern`, formatScorm12Response(interaction.type, interaction.correct));
      // An unanswered question has no response to record (an empty string is not a valid response).
      const learnerResponse = formatScorm12Response(interaction.type, interaction.learner);
      if (learnerResponse) set(`${base}.student_response`, learnerResponse);
      set(`${base}.result`, interaction.result === 'correct' ? 'correct' : 'wrong');
      set(`${base}.latency`, formatScorm12Timespan(interaction.latencyMs));
    },
    setObjective(objective: ObjectiveRecord) {
      const { index, isNew } = objectives.findOrAppend(objective.id);
      const base = `cmi.objectives.${index}`;
      if (isNew) set(`${base}.id`, objective.id);
      if (objective.score) {
        set(`${base}.score.min`, String(objective.score.min));
        set(`${base}.score.max`, String(objective.score.max));
        set(`${base}.score.raw`, String(objective.score.raw));
      }
      const status = objective.success && objective.success !== 'unknown' ? objective.success : objective.completion;
      if (status) set(`${base}.status`, status);
    },
    commit: () => checkedCall('LMSCommit', undefined, () => api.LMSCommit(''), errors, onError),
    terminate: () => checkedCall('LMSFinish', undefined, () => api.LMSFinish(''), errors, onError),
  };
}
