import type { Cmi5Launch } from './launch-params.ts';
import { getDocument, type LrsClient } from './lrs.ts';
import type { Context } from './statements.ts';

/** The `LMS.LaunchData` State document (cmi5 spec 10.2): written by the LMS before launch, read-only for the AU. */
export interface LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  /** 0–1 (10.2.3); the pass mark the AU must use when present. */
  masteryScore?: number;
  moveOn: string;
  returnURL?: string;
  launchParameters?: string;
}

/** The learner preferences Agent Profile document (spec 11), `cmi5LearnerPreferences`; absent is normal. */
export interface LearnerPreferences {
  languagePreference?: string;
  audioPreference?: 'on' | 'off';
}

/**
 * The course's own State document: where the learner was and the course state (the same suspend data the SCORM
 * drivers write), and which once-per-registration statements were already sent (9.3.0.0-6/-7), so a relaunch
 * neither repeats `completed`/`passed` nor sends `failed` after `passed`.
 */
export interface CourseState {
  location: string;
  suspendData: string;
  completed: boolean;
  outcome?: 'passed' | 'failed';
}

export const launchDataStateId = 'LMS.LaunchData';
export const learnerPreferencesProfileId = 'cmi5LearnerPreferences';
/** Our State document's id; one per registration and AU (xAPI State API: activityId + agent + registration). */
export const courseStateId = 'yks-course-state';

export function stateParams(launch: Cmi5Launch, stateId: string): Record<string, string> {
  return { stateId, activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration };
}

const launchModes = ['Normal', 'Browse', 'Review'] as const;

export function parseLaunchData(body: unknown): LaunchData | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const data = body as Record<string, unknown>;
  const template = data.contextTemplate;
  const mode = data.launchMode;
  if (!template || typeof template !== 'object' || !launchModes.includes(mode as LaunchData['launchMode'])) return undefined;
  const mastery = data.masteryScore;
  return {
    contextTemplate: template as Context,
    launchMode: mode as LaunchData['launchMode'],
    masteryScore: typeof mastery === 'number' && mastery >= 0 && mastery <= 1 ? mastery : undefined,
    moveOn: typeof data.moveOn === 'string' ? data.moveOn : 'NotApplicable',
    returnURL: typeof data.returnURL === 'string' && data.returnURL ? data.returnURL : undefined,
    launchParameters: typeof data.launchParameters === 'string' ? data.launchParameters : undefined,
  };
}

export function parseCourseState(body: unknown): CourseState | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const data = body as Record<string, unknown>;
  return {
    location: typeof data.location === 'string' ? data.location : '',
    suspendData: typeof data.suspendData === 'string' ? data.suspendData : '',
    completed: data.completed === true,
    outcome: data.outcome === 'passed' || data.outcome === 'failed' ? data.outcome : undefined,
  };
}

export type StartupDocuments =
  | { kind: 'ok'; launchData: LaunchData; preferences: LearnerPreferences; courseState?: CourseState }
  | { kind: 'refused'; problem: string };

/**
 * What the AU reads before it sends anything (10.2.1.0-4, 11.0.0.0-3): LMS.LaunchData (required: without its
 * contextTemplate no statement can be right), the learner preferences (a 404 just means none) and our own State.
 */
export async function loadStartupDocuments(client: LrsClient, launch: Cmi5Launch): Promise<StartupDocuments> {
  try {
    const launchDoc = await getDocument(client, 'activities/state', stateParams(launch, launchDataStateId));
    const launchData = parseLaunchData(launchDoc.body);
    if (!launchData) return { kind: 'refused', problem: `LMS.LaunchData unusable (HTTP ${launchDoc.status})` };
    const prefsDoc = await getDocument(client, 'agents/profile', {
      agent: JSON.stringify(launch.actor),
      profileId: learnerPreferencesProfileId,
    });
    const prefs = (prefsDoc.body ?? {}) as Record<string, unknown>;
    const preferences: LearnerPreferences = {};
    if (typeof prefs.languagePreference === 'string') preferences.languagePreference = prefs.languagePreference;
    if (prefs.audioPreference === 'on' || prefs.audioPreference === 'off') preferences.audioPreference = prefs.audioPreference;
    const courseDoc = await getDocument(client, 'activities/state', stateParams(launch, courseStateId));
    if (courseDoc.status === 401 || courseDoc.status === 403) return { kind: 'refused', problem: `State API answered ${courseDoc.status}` };
    return { kind: 'ok', launchData, preferences, courseState: parseCourseState(courseDoc.body) };
  } catch (error) {
    return { kind: 'refused', problem: `LRS unreachable: ${String(error)}` };
  }
}
