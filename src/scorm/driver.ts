/**
 * The one interface between the course and an LMS. The course speaks a learner vocabulary
 * (location, suspend data, score, completion, success, interactions, objectives); each driver maps it to its
 * SCORM version's data model, formats and quirks. Which driver runs is chosen once, from the per-version profile
 * table (src/scorm/profiles.ts); code outside src/scorm/ sees only this interface.
 */

export type ScormVersion = '1.2' | '2004' | 'cmi5' | 'local';

/**
 * Trouble the learner should hear about (the shell words it): the LMS launch could not be used (a malformed cmi5
 * launch URL, a refused token), saves are being retried, the LMS refused saves (cmi5: 401/403), or the session
 * already ended (a reloaded cmi5 page after `terminated`).
 */
export type LmsProblem = 'launch-refused' | 'saving-retried' | 'saving-refused' | 'session-ended';

/** SCORM 2004 RTE 4.2.4 cmi.completion_status; the 1.2 driver folds it into cmi.core.lesson_status. */
export type Completion = 'completed' | 'incomplete';
/** SCORM 2004 RTE 4.2.22 cmi.success_status. */
export type Success = 'passed' | 'failed' | 'unknown';
/** How the learner is leaving: `suspend` keeps the attempt open so the next launch resumes (the only exit used). */
export type ExitKind = 'suspend';
/** SCORM 2004 RTE 4.2.13 cmi.mode; 1.2 cmi.core.lesson_mode. Empty or unknown values are treated as normal. */
export type LaunchMode = 'normal' | 'review' | 'browse';

export interface Score {
  /** Raw score, 0–100 in this course. */
  raw: number;
  min: number;
  max: number;
}

export interface LaunchData {
  learnerId: string;
  /** As the LMS gives it, e.g. "Zhang, San" or "张三"; display code decides how to show it. */
  learnerName: string;
  /** `resume` when the LMS resumes a suspended attempt. */
  entry: 'ab-initio' | 'resume' | '';
  mode: LaunchMode;
  /** `false` only when the LMS says no-credit; an empty value counts as credit (docs/lms-behaviour.md: LMS failure modes). */
  credit: boolean;
  location: string;
  suspendData: string;
  /**
   * The pass mark the LMS imposes, 0–1 (cmi5 LMS.LaunchData masteryScore, spec 10.2.3); when present the exam's
   * pass mark follows it (masteryScore × 100), so the course's decision and the LMS's agree.
   */
  masteryScore?: number;
}

/** Version-neutral interaction (from the quiz engine); drivers format responses per version. */
export interface InteractionRecord {
  /** ASCII, unique per attempt. */
  id: string;
  type: 'choice' | 'true-false' | 'sequencing' | 'matching';
  /** Authored option indexes (choice, sequencing), `true/false`, or [left, right] index pairs (matching); null = not answered. */
  learner: number[] | boolean | null | Array<[number, number]>;
  correct: number[] | boolean | Array<[number, number]>;
  result: 'correct' | 'incorrect';
  weighting: number;
  latencyMs: number;
  timestamp: Date;
  /** Question text, shown by LMS reports (2004 only; 1.2 has no description). */
  description?: string;
  /** Objective (module) this interaction belongs to. */
  objectiveId?: string;
}

export interface ObjectiveRecord {
  /** ASCII, e.g. `m03-telephone`. */
  id: string;
  score?: Score;
  completion?: Completion;
  success?: Success;
  description?: string;
}

export interface LmsError {
  call: string;
  element?: string;
  code: number;
  message: string;
  diagnostic?: string;
}

export interface LmsDriver {
  readonly version: ScormVersion;
  /** True when results reach an LMS (false in standalone mode). */
  readonly reportsToLms: boolean;
  /**
   * True when the LMS tracks completion apart from pass/fail and must hear `completed` as soon as the modules are
   * done (cmi5 9.3.3.0-1), not only with the final outcome as the SCORM drivers are told (README "Reporting policy").
   */
  readonly reportsCompletionAlone?: boolean;
  /** Tells the listener about problems as they start and end (undefined = none now); drivers without any omit it. */
  watchProblems?(listener: (problem: LmsProblem | undefined) => void): void;
  initialize(): boolean;
  readLaunch(): LaunchData;
  setLocation(location: string): void;
  setSuspendData(data: string): void;
  /**
   * Callers write the final status first, then the score, in one commit: Moodle stores one commit's elements in the
   * order received and runs its completion check when the score arrives, so a score before the status leaves a
   * passed learner's activity "To do" (measured in Moodle 4.3, SCORM 1.2).
   */
  setScore(score: Score): void;
  setCompletion(completion: Completion): void;
  setSuccess(success: Success): void;
  setSessionTime(milliseconds: number): void;
  setExit(exit: ExitKind): void;
  /** How many interactions the LMS already holds (cmi.interactions._count), so new ones are appended. */
  interactionCount(): number;
  recordInteraction(index: number, interaction: InteractionRecord): void;
  /**
   * Writes one objective, found by id among those the LMS holds or appended after them (never at a fixed index:
   * an LMS may pre-fill objectives from the manifest, SCORM 2004 RTE 4.2.17, and an id cannot be changed, error 351).
   */
  setObjective(objective: ObjectiveRecord): void;
  /**
   * A browse launch (1.2 lesson_mode browse): records that the learner only looked, so the LMS does not turn
   * "not attempted" into "completed" at the end (Moodle 4.3 does). No-op where the version has no such status.
   * Returns whether anything was written (then it needs a commit).
   */
  markBrowsed(): boolean;
  commit(): boolean;
  terminate(): boolean;
}

/** Receives every failed call; drivers never throw into the UI. */
export type ErrorSink = (error: LmsError) => void;
