import type { BankItem } from '../quizzes/schema.ts';
import { isAnsweredOf, optionOrder, subSeed } from '../quizzes/engine/index.ts';
import { drawExamFor, examSeed } from './exam-draw.ts';
import { localDateStamp, type ExamState } from './exam-state.ts';
import { attemptsLeft, availability, type ExamRules } from './policy.ts';
import { buildExamReport, type AnswerTiming, type ExamReport } from './report.ts';

/**
 * One learner's certification exam as a pure state machine: start, answer, navigate, submit, expire, restore. The
 * exam page (src/pages-client/exam.ts) only renders a session and wires events to these functions; every decision
 * — which questions, in which order, when time is up, what is reported — is made here and unit-tested.
 *
 * The state that must survive reloads is `ExamState` (saved by the shell in suspend_data); the rest of a session
 * (which question is shown, time spent per question) is per page view.
 */

/** What a session needs from the course: the rules, the items an attempt draws, how options are ordered. */
export interface ExamSetup {
  readonly rules: ExamRules;
  readonly moduleTitles: Readonly<Record<string, string>>;
  /** The questions of an attempt, in order: a seeded draw, so the attempt number recreates it. */
  drawFor(attempt: number): BankItem[];
  /** The order an item's options are shown in during an attempt (authored indexes). */
  orderFor(attempt: number, item: BankItem): number[];
}

export interface ExamSession {
  readonly state: ExamState;
  /** The running or last submitted attempt's questions ([] before the first). */
  readonly draw: readonly BankItem[];
  /** Index of the question on screen. */
  readonly current: number;
  /** When the current question was shown, epoch ms (for the interaction latency). */
  readonly shownAt: number;
  readonly timings: Readonly<Record<string, AnswerTiming>>;
}

export type ExamView = 'intro' | 'running' | 'result';

/**
 * The course's exam setup for one learner: the certification exam or the refresher (`rules.kind`), drawn from
 * `items` with the configured size, quotas and required topics (src/exam/exam-draw.ts owns the seeds).
 */
export function examSetup(options: {
  items: readonly BankItem[];
  learnerId: string;
  edition: number;
  size: number;
  quotas?: Readonly<Record<string, number>>;
  require?: Readonly<Record<string, number>>;
  rules: ExamRules;
  moduleTitles: Readonly<Record<string, string>>;
}): ExamSetup {
  const { items, learnerId, edition, size, quotas, require, rules, moduleTitles } = options;
  const kind = rules.kind ?? 'certification';
  return {
    rules,
    moduleTitles,
    drawFor: (attempt) => drawExamFor({ items: [...items] }, { size, quotas, require, edition }, learnerId, kind, attempt),
    orderFor: (attempt, item) => optionOrder(item, subSeed(examSeed(learnerId, kind, edition, attempt), item.id)),
  };
}

const fresh = (state: ExamState, draw: readonly BankItem[], nowMs: number): ExamSession => ({
  state,
  draw,
  current: 0,
  shownAt: nowMs,
  timings: {},
});

export function viewOf(session: ExamSession): ExamView {
  if (session.state.phase === 'running') return 'running';
  return session.state.last ? 'result' : 'intro';
}

/** Seconds since the epoch, as the deadline is stored. */
const seconds = (nowMs: number) => Math.floor(nowMs / 1000);

/**
 * A session from saved state (page load, reload, relaunch). A running attempt whose deadline has passed while the
 * window was closed is submitted now, as it stood: the result and its report come back for the shell.
 */
export function restore(setup: ExamSetup, state: ExamState, nowMs: number): { session: ExamSession; report?: ExamReport } {
  const draw = state.attempt > 0 ? setup.drawFor(state.attempt) : [];
  const session = fresh(state, draw, nowMs);
  if (state.phase === 'running' && state.deadline > 0 && seconds(nowMs) >= state.deadline) {
    return submit(setup, session, nowMs);
  }
  return { session };
}

/** Starts the next attempt when the rules allow one now; otherwise returns the session unchanged. */
export function start(setup: ExamSetup, session: ExamSession, allModulesCompleted: boolean, nowMs: number): ExamSession {
  if (availability(session.state, setup.rules, allModulesCompleted).kind !== 'available') return session;
  const attempt = session.state.attempt + 1;
  const limit = setup.rules.timeLimitMinutes;
  const state: ExamState = {
    ...session.state,
    attempt,
    phase: 'running',
    deadline: limit > 0 ? seconds(nowMs) + limit * 60 : 0,
    answers: [],
  };
  return fresh(state, setup.drawFor(attempt), nowMs);
}

/** Records the learner's response to a question of the running attempt (unknown items are ignored). */
export function answer(session: ExamSession, itemId: string, response: unknown, nowMs: number): ExamSession {
  if (session.state.phase !== 'running') return session;
  const index = session.draw.findIndex((item) => item.id === itemId);
  if (index === -1) return session;
  const answers = session.draw.map((_, position) => (position === index ? response : (session.state.answers[position] ?? null)));
  const timing = { ...session.timings[itemId], answeredAt: nowMs };
  return { ...session, state: { ...session.state, answers }, timings: { ...session.timings, [itemId]: timing } };
}

/** Shows another question; the time spent on the one left is added to its latency. */
export function navigate(session: ExamSession, index: number, nowMs: number): ExamSession {
  if (session.draw.length === 0) return session;
  const target = Math.max(0, Math.min(index, session.draw.length - 1));
  const leaving = session.draw[session.current];
  const timings = { ...session.timings };
  if (leaving) {
    const spent = Math.max(0, nowMs - session.shownAt);
    timings[leaving.id] = { ...timings[leaving.id], latencyMs: (timings[leaving.id]?.latencyMs ?? 0) + spent };
  }
  return { ...session, current: target, shownAt: nowMs, timings };
}

/** Question numbers (1-based) without an answer, for the submit dialog. */
export function unansweredNumbers(session: ExamSession): number[] {
  return session.draw.flatMap((item, index) => (isAnsweredOf(item, session.state.answers[index] ?? null) ? [] : [index + 1]));
}

/** The report of the session's draw and answers: what submit sends, and what the result page shows. */
export function reportOf(setup: ExamSetup, session: ExamSession, nowMs: number): ExamReport {
  const responses: Record<string, unknown> = {};
  session.draw.forEach((item, index) => (responses[item.id] = session.state.answers[index] ?? null));
  return buildExamReport({
    attempt: session.state.attempt,
    items: session.draw,
    responses,
    timings: session.timings,
    rules: setup.rules,
    moduleTitles: setup.moduleTitles,
    submittedAt: new Date(nowMs),
  });
}

/**
 * Ends the running attempt (the learner's submit, or time up). An ordering question left as shown counts as the order
 * the learner saw and accepted. The new state is what the shell must save before it reports (it derives the
 * reported status from the saved state).
 */
export function submit(setup: ExamSetup, session: ExamSession, nowMs: number): { session: ExamSession; report?: ExamReport } {
  if (session.state.phase !== 'running') return { session };
  const answers = session.draw.map((item, index) => {
    const given = session.state.answers[index] ?? null;
    return item.type === 'ordering' && !isAnsweredOf(item, given) ? setup.orderFor(session.state.attempt, item) : given;
  });
  const answered = navigate({ ...session, state: { ...session.state, answers } }, session.current, nowMs);
  const report = reportOf(setup, answered, nowMs);
  const outcome = { score: report.score, passed: report.passed, date: localDateStamp(new Date(nowMs)) };
  const state: ExamState = {
    ...answered.state,
    phase: 'idle',
    deadline: 0,
    last: outcome,
    passed: report.passed ? outcome : answered.state.passed,
  };
  return { session: { ...answered, state }, report };
}

/** Time is up: the same as a submit (the page tells the learner it was automatic). */
export function expire(setup: ExamSetup, session: ExamSession, nowMs: number): { session: ExamSession; report?: ExamReport } {
  const left = session.state.deadline > 0 ? session.state.deadline - seconds(nowMs) : 1;
  return left <= 0 ? submit(setup, session, nowMs) : { session };
}

/** What the exam's intro says and whether it offers to start (the wording HR and learners see). */
export function introOf(
  state: ExamState,
  rules: ExamRules,
  allModulesCompleted: boolean,
): { canStart: boolean; startLabel: string; message: string } {
  const available = availability(state, rules, allModulesCompleted);
  const left = attemptsLeft(state, rules);
  const startLabel = state.attempt === 0 ? '开始考试' : '重新考试';
  switch (available.kind) {
    case 'locked':
      return { canStart: false, startLabel, message: '请先学完全部单元（每个单元读到最后并完成知识检查），再参加认证考试。' };
    case 'available':
      return { canStart: true, startLabel, message: state.attempt === 0 ? `您共有 ${left} 次考试机会。` : `您还有 ${left} 次考试机会。` };
    case 'exhausted':
      return { canStart: false, startLabel, message: '您的考试机会已用完，未能通过认证。请联系人力资源部门安排补考。' };
    default:
      return { canStart: false, startLabel, message: '' };
  }
}
