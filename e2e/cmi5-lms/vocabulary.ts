// The IRIs of the cmi5 profile the test LMS reads and writes (cmi5 specification, Quartz edition, sections 9.3,
// 9.6 and 10). Kept in one place so the rules and the LMS statements cannot drift apart.

export const verbs = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;

export type VerbName = keyof typeof verbs;

/** The verbs an AU may use in "cmi5 defined" statements (spec 9.3: the others are the LMS's). */
export const auDefinedVerbs: ReadonlySet<string> = new Set([
  verbs.initialized,
  verbs.completed,
  verbs.passed,
  verbs.failed,
  verbs.terminated,
]);

export const verbName = (id: string): string =>
  (Object.keys(verbs) as VerbName[]).find((name) => verbs[name] === id) ?? id;

export const categories = {
  cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
} as const;

export const extensions = {
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  reason: 'https://w3id.org/xapi/cmi5/result/extensions/reason',
} as const;

export const activityTypes = {
  course: 'https://w3id.org/xapi/cmi5/activitytype/course',
  block: 'https://w3id.org/xapi/cmi5/activitytype/block',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** xAPI 1.0.3 Data 2.4.4.1 interaction types. */
export const interactionTypes: ReadonlySet<string> = new Set([
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
]);

export const launchModes = ['Normal', 'Browse', 'Review'] as const;
export type LaunchMode = (typeof launchModes)[number];

export const moveOnValues = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type MoveOn = (typeof moveOnValues)[number];

export const launchDataStateId = 'LMS.LaunchData';
export const learnerPreferencesProfileId = 'cmi5LearnerPreferences';
export const xapiVersion = '1.0.3';
