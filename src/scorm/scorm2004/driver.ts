import type {
  ErrorSink,
  InteractionRecord,
  LaunchData,
  LmsDriver,
  ObjectiveRecord,
  Score,
} from '../driver.ts';
import { checkedCall, checkedGet, type ErrorReader } from '../checked-call.ts';
import { scorm2004Errors, scorm2004Limits, type Scorm2004Api } from './api.ts';
import { formatScorm2004Duration, formatScorm2004Timestamp } from './time.ts';
import { formatScorm2004Response } from './responses.ts';
import { createObjectiveIndex } from '../objective-index.ts';
import { primaryObjectiveId } from './manifest.ts';

/** 403: "value not initialized" — expected when reading location/suspend_data of a first attempt (RTE 3.1.7.4). */
const notInitialized = 403;

/** scaled = raw mapped to −1…1 via min/max (RTE 4.2.20 cmi.score.scaled). */
function scaled(score: Score): string {
  const span = score.max - score.min;
  const value = span > 0 ? (score.raw - score.min) / span : 0;
  return String(Math.round(Math.min(1, Math.max(-1, value)) * 10000) / 10000);
}

/** `{lang=zh-CN}text` localized_string_type (RTE 4.1.1.6), cut to the 250-character SPM. */
function localized(text: string): string {
  return `{lang=zh-CN}${text.slice(0, scorm2004Limits.description)}`;
}

/** SCORM 2004 4th edition driver: completion and success are separate elements (RTE 4.2.4, 4.2.22). */
export function createScorm2004Driver(api: Scorm2004Api, onError: ErrorSink): LmsDriver {
  const errors: ErrorReader = {
    lastErrorCode: () => Number(api.GetLastError()) || 0,
    errorString: (code) => api.GetErrorString(String(code)) || scorm2004Errors[code] || '',
    diagnostic: (code) => api.GetDiagnostic(String(code)),
  };
  const set = (element: string, value: string) =>
    checkedCall('SetValue', element, () => api.SetValue(element, value), errors, onError);
  const get = (element: string) =>
    checkedGet('GetValue', element, () => api.GetValue(element), errors, onError, [notInitialized]);
  const objectives = createObjectiveIndex(
    () => Number(get('cmi.objectives._count')),
    (index) => get(`cmi.objectives.${index}.id`),
  );
  const writeObjectiveScore = (base: string, score: Score) => {
    set(`${base}.score.min`, String(score.min));
    set(`${base}.score.max`, String(score.max));
    set(`${base}.score.raw`, String(score.raw));
    set(`${base}.score.scaled`, scaled(score));
  };
  /**
   * The manifest's primary objective (SN 5.1.6), when the LMS put it in cmi.objectives, mirrors the course's own
   * result. The course only ever writes a final success and score (README "Reporting policy"), so the primary
   * objective stays untouched until the outcome is final and never carries a module's data.
   */
  const primaryObjectiveBase = () => {
    const index = objectives.find(primaryObjectiveId);
    return index >= 0 ? `cmi.objectives.${index}` : undefined;
  };

  return {
    version: '2004',
    reportsToLms: true,
    initialize: () => checkedCall('Initialize', undefined, () => api.Initialize(''), errors, onError),
    readLaunch(): LaunchData {
      const entry = get('cmi.entry');
      const mode = get('cmi.mode');
      const resuming = entry !== 'ab-initio';
      return {
        learnerId: get('cmi.learner_id'),
        learnerName: get('cmi.learner_name'),
        entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
        mode: mode === 'review' || mode === 'browse' ? mode : 'normal',
        credit: get('cmi.credit') !== 'no-credit',
        // A first attempt has nothing to read; skipping the reads avoids 403s in the LMS log.
        location: resuming ? get('cmi.location') : '',
        suspendData: resuming ? get('cmi.suspend_data') : '',
      };
    },
    setLocation: (location) => void set('cmi.location', location.slice(0, scorm2004Limits.location)),
    setSuspendData: (data) => void set('cmi.suspend_data', data),
    setScore(score) {
      set('cmi.score.min', String(score.min));
      set('cmi.score.max', String(score.max));
      set('cmi.score.raw', String(score.raw));
      set('cmi.score.scaled', scaled(score));
      const primary = primaryObjectiveBase();
      if (primary) writeObjectiveScore(primary, score);
    },
    setCompletion: (completion) => void set('cmi.completion_status', completion),
    setSuccess(success) {
      set('cmi.success_status', success);
      const primary = primaryObjectiveBase();
      if (primary && success !== 'unknown') set(`${primary}.success_status`, success);
    },
    // 2004 has no "browsed" status: cmi.mode browse already tells the LMS (RTE 4.2.13), and it records nothing.
    markBrowsed: () => false,
    setSessionTime: (ms) => void set('cmi.session_time', formatScorm2004Duration(ms)),
    setExit: (exit) => void set('cmi.exit', exit),
    interactionCount: () => Number(get('cmi.interactions._count')) || 0,
    recordInteraction(index: number, interaction: InteractionRecord) {
      const base = `cmi.interactions.${index}`;
      // The id must be set first: every other interaction element depends on it (RTE 4.2.9, error 408).
      set(`${base}.id`, interaction.id);
      set(`${base}.type`, interaction.type);
      if (interaction.objectiveId) set(`${base}.objectives.0.id`, interaction.objectiveId);
      set(`${base}.timestamp`, formatScorm2004Timestamp(interaction.timestamp));
      set(`${base}.weighting`, String(interaction.weighting));
      set(`${base}.correct_responses.0.pattern`, formatScorm2004Response(interaction.type, interaction.correct));
      // An unanswered question has no response to record (an empty string is not a valid response).
      const learnerResponse = formatScorm2004Response(interaction.type, interaction.learner);
      if (learnerResponse) set(`${base}.learner_response`, learnerResponse);
      set(`${base}.result`, interaction.result);
      set(`${base}.latency`, formatScorm2004Duration(interaction.latencyMs));
      if (interaction.description) set(`${base}.description`, localized(interaction.description));
    },
    setObjective(objective: ObjectiveRecord) {
      const { index, isNew } = objectives.findOrAppend(objective.id);
      const base = `cmi.objectives.${index}`;
      if (isNew) set(`${base}.id`, objective.id);
      if (objective.score) writeObjectiveScore(base, objective.score);
      if (objective.success) set(`${base}.success_status`, objective.success);
      if (objective.completion) set(`${base}.completion_status`, objective.completion);
      if (objective.description) set(`${base}.description`, localized(objective.description));
    },
    commit: () => checkedCall('Commit', undefined, () => api.Commit(''), errors, onError),
    terminate: () => checkedCall('Terminate', undefined, () => api.Terminate(''), errors, onError),
  };
}
