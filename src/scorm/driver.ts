/**
 * The one interface between the course and an LMS. The course speaks a learner vocabulary
 * (location, suspend data, score, completion, success, interactions, objectives); each driver maps it to its
 * SCORM version's data model, formats and quirks. Nothing outside a driver knows which version is running.
 */

export type ScormVersion = '1.2' | '2004' | 'local';

/** SCORM 2004 RTE 4.2.4 cmi.completion_status; the 1.2 driver folds it into cmi.core.lesson_status. */
export type Completion = 'completed' | 'incomplete';
/** SCORM 2004 RTE 4.2.22 cmi.success_status. */
export type Success = 'passed' | 'failed' | 'unknown';
/** How the learner is leaving: `suspend` keeps the attempt open so the next launch resumes. */
export type ExitKind = 'suspend' | 'normal';
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
  /** `false` only when the LMS says no-credit; an empty value counts as credit (GUIDE: LMS failure modes). */
  credit: boolean;
  location: string;
  suspendData: string;
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
  initialize(): boolean;
  readLaunch(): LaunchData;
  setLocation(location: string): void;
  setSuspendData(data: string): void;
  /** Set the score before the status: some LMSs ignore a score that arrives after a final status. */
  setScore(score: Score): void;
  setCompletion(completion: Completion): void;
  setSuccess(success: Success): void;
  setSessionTime(milliseconds: number): void;
  setExit(exit: ExitKind): void;
  /** How many interactions the LMS already holds (cmi.interactions._count), so new ones are appended. */
  interactionCount(): number;
  recordInteraction(index: number, interaction: InteractionRecord): void;
  setObjective(index: number, objective: ObjectiveRecord): void;
  commit(): boolean;
  terminate(): boolean;
}

/** Receives every failed call; drivers never throw into the UI. */
export type ErrorSink = (error: LmsError) => void;
