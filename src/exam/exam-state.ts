import { decodeResponse, encodeResponse } from './response-codec.ts';

/**
 * The certification exam's state, kept in suspend_data (segment `ex`) so a reload or relaunch shows the same
 * questions, the same answers and the same deadline. The questions themselves are not stored: the draw is seeded
 * from learner id, attempt number and edition, so the attempt number recreates it.
 */
export interface ExamResult {
  /** 0–100. */
  score: number;
  passed: boolean;
  /** yyyymmdd (local date of submission). */
  date: string;
}

export interface ExamState {
  /** Attempts started (0 before the first). */
  attempt: number;
  /** `running`: an attempt is open; `idle`: none open (before the first, or after a submit). */
  phase: 'idle' | 'running';
  /** Deadline of the running attempt, epoch seconds; 0 = no time limit. Stored as the deadline, not the time left. */
  deadline: number;
  /** Raw responses of the running attempt, by position in the draw. */
  answers: unknown[];
  /** The last submitted attempt's result. */
  last?: ExamResult;
  /** The passing result, kept once the learner has passed (for the certificate). */
  passed?: ExamResult;
}

export const initialExamState: ExamState = { attempt: 0, phase: 'idle', deadline: 0, answers: [] };

const encodeResult = (result?: ExamResult) =>
  result ? `${result.score.toString(36)}${result.passed ? 'p' : 'f'}${result.date}` : '';

function decodeResult(text: string): ExamResult | undefined {
  const match = /^([0-9a-z]{1,2})([pf])(\d{8})$/.exec(text);
  if (!match) return undefined;
  const score = parseInt(match[1]!, 36);
  if (score > 100) return undefined;
  return { score, passed: match[2] === 'p', date: match[3]! };
}

/** `<attempt>.<r|i>.<deadline36>.x<answers joined by ->.<last>.<passed>` — ASCII, no `~`. */
export function encodeExamState(state: ExamState): string {
  return [
    state.attempt.toString(36),
    state.phase === 'running' ? 'r' : 'i',
    state.deadline.toString(36),
    // `x` marks a present list, so one unanswered question (`x`) differs from no answers at all (``).
    state.answers.length === 0 ? '' : `x${state.answers.map(encodeResponse).join('-')}`,
    encodeResult(state.last),
    encodeResult(state.passed),
  ].join('.');
}

/** Unreadable input gives the initial state: a corrupt segment must never block the exam. */
export function decodeExamState(text: string | undefined): ExamState {
  if (!text) return initialExamState;
  const [attempt, phase, deadline, answers, last, passed, ...rest] = text.split('.');
  if (rest.length > 0 || attempt === undefined || !/^[0-9a-z]+$/.test(attempt) || (phase !== 'r' && phase !== 'i')) {
    return initialExamState;
  }
  if (deadline === undefined || !/^[0-9a-z]+$/.test(deadline)) return initialExamState;
  return {
    attempt: parseInt(attempt, 36),
    phase: phase === 'r' ? 'running' : 'idle',
    deadline: parseInt(deadline, 36),
    answers: answers?.startsWith('x') ? answers.slice(1).split('-').map(decodeResponse) : [],
    last: decodeResult(last ?? ''),
    passed: decodeResult(passed ?? ''),
  };
}

/**
 * What survives a content update (a new course version): attempts used, the last result and a pass. A running
 * attempt is closed (its draw may no longer exist); it still counts as used. `undefined` when there is nothing.
 */
export function carryOverExamState(previous: string | undefined): string | undefined {
  if (!previous) return undefined;
  const state = decodeExamState(previous);
  if (state.attempt === 0) return undefined;
  return encodeExamState({ ...state, phase: 'idle', deadline: 0, answers: [] });
}

/** yyyymmdd in the learner's local time: the date an attempt was submitted (kept in the state, shown on the certificate). */
export function localDateStamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
}
