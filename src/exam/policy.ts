import type { ExamState } from './exam-state.ts';

/** The exam settings the policy needs (from course.config.yaml › exam). */
export interface ExamRules {
  passMark: number;
  attempts: number;
  timeLimitMinutes: number;
  requireAllModules: boolean;
  review: 'after-pass' | 'always' | 'never';
  /** Which exam this course gives: the certification exam, or the annual refresher (its own draw, exam-draw.ts). */
  kind?: 'certification' | 'refresher';
}

export type ExamAvailability =
  | { kind: 'locked' }
  | { kind: 'running' }
  | { kind: 'passed' }
  | { kind: 'exhausted' }
  | { kind: 'available'; attemptsLeft: number };

export function attemptsLeft(state: ExamState, rules: ExamRules): number {
  return Math.max(0, rules.attempts - state.attempt);
}

/** Whether a learner may start or continue the exam now. */
export function availability(state: ExamState, rules: ExamRules, allModulesCompleted: boolean): ExamAvailability {
  if (state.passed) return { kind: 'passed' };
  if (state.phase === 'running') return { kind: 'running' };
  const left = attemptsLeft(state, rules);
  if (left === 0) return { kind: 'exhausted' };
  if (rules.requireAllModules && !allModulesCompleted) return { kind: 'locked' };
  return { kind: 'available', attemptsLeft: left };
}

/**
 * An outcome is final when the learner passed or has no attempt left. Only a final outcome is reported as
 * pass/fail: a failed attempt with retakes left must not lock the learner out (docs/lms-behaviour.md: LMSs apply masteryscore
 * and may turn "failed" into a locked course).
 */
export function isFinalOutcome(passed: boolean, attempt: number, rules: ExamRules): boolean {
  return passed || attempt >= rules.attempts;
}

export function isPass(score: number, rules: ExamRules): boolean {
  return score >= rules.passMark;
}

export function mayReview(passed: boolean, rules: ExamRules): boolean {
  return rules.review === 'always' || (rules.review === 'after-pass' && passed);
}

/** Seconds left before the stored deadline; `undefined` without a time limit. */
export function secondsLeft(state: ExamState, nowSeconds: number): number | undefined {
  if (state.deadline === 0) return undefined;
  return Math.max(0, state.deadline - nowSeconds);
}
