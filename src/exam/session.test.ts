import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import type { BankItem } from '../quizzes/schema.ts';
import { makeMatching, makeMultiple, makeOrdering, makeSingle, makeTrueFalse } from '../quizzes/fixtures/items.ts';
import { scoreAttempt } from '../quizzes/engine/index.ts';
import { initialExamState } from './exam-state.ts';
import type { ExamRules } from './policy.ts';
import { answer, examSetup, expire, navigate, restore, start, submit, unansweredNumbers, viewOf, type ExamSession } from './session.ts';

const rules: ExamRules = { passMark: 80, attempts: 3, timeLimitMinutes: 30, requireAllModules: true, review: 'after-pass' };
const items: BankItem[] = [
  { ...makeSingle(2, 'm01-s-01', 'exam'), module: '01-appearance' },
  { ...makeSingle(3, 'm01-s-02', 'exam'), module: '01-appearance' },
  { ...makeMultiple(1, 2, 'm02-m-01'), module: '02-reception', use: 'exam' },
  { ...makeTrueFalse(true, 'm03-t-01'), module: '03-telephone', use: 'exam' },
  { ...makeOrdering(4, 'm04-o-01'), module: '04-conduct', use: 'exam' },
  { ...makeMatching(3, 1, 'm05-x-01'), module: '05-language', use: 'exam' },
  { ...makeSingle(2, 'm05-s-01', 'practice'), module: '05-language' },
];
const setup = examSetup({ items, learnerId: 'u1', edition: 2026, size: 5, rules, moduleTitles: {} });
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const right = (item: BankItem): unknown =>
  item.type === 'single' ? 0 : item.type === 'multiple' ? [0] : item.type === 'truefalse' ? item.answer : item.type === 'ordering' ? [0, 1, 2, 3] : item.type === 'matching' ? [0, 1, 2] : [];
const begin = (): ExamSession => start(setup, restore(setup, initialExamState, t0).session, true, t0);

test('start opens the next attempt with a stored deadline, only when the rules allow it', () => {
  const idle = restore(setup, initialExamState, t0).session;
  assert.equal(viewOf(idle), 'intro');
  assert.equal(start(setup, idle, false, t0), idle, 'locked until every module is done');
  const running = start(setup, idle, true, t0);
  assert.equal(viewOf(running), 'running');
  assert.equal(running.state.attempt, 1);
  assert.equal(running.state.deadline, t0 / 1000 + 30 * 60);
  assert.equal(running.draw.length, 5);
  assert.ok(running.draw.every((item) => item.use !== 'practice'));
  assert.deepEqual(setup.drawFor(1).map((i) => i.id), running.draw.map((i) => i.id), 'the attempt number recreates the draw');
});

test('answers are kept by position; unknown items and answers after submit are ignored', () => {
  let session = begin();
  const [first, second] = session.draw;
  session = answer(session, first!.id, right(first!), t0 + 1000);
  session = answer(session, 'not-drawn', 1, t0 + 2000);
  assert.deepEqual(session.state.answers[0], right(first!));
  assert.equal(session.state.answers.length, session.draw.length);
  assert.deepEqual(unansweredNumbers(session).includes(1), false);
  assert.ok(unansweredNumbers(session).includes(2));
  const done = submit(setup, session, t0 + 3000).session;
  assert.equal(answer(done, second!.id, 0, t0 + 4000), done);
});

test('navigate clamps and adds the time spent to the question left', () => {
  let session = begin();
  session = navigate(session, 2, t0 + 5_000);
  session = navigate(session, 99, t0 + 8_000);
  assert.equal(session.current, session.draw.length - 1);
  assert.equal(session.timings[session.draw[0]!.id]?.latencyMs, 5_000);
  assert.equal(session.timings[session.draw[2]!.id]?.latencyMs, 3_000);
});

test('submit scores the attempt, fills an ordering left as shown, and passes or fails by the pass mark', () => {
  let session = begin();
  for (const item of session.draw) if (item.type !== 'ordering') session = answer(session, item.id, right(item), t0);
  const { session: done, report } = submit(setup, session, t0 + 60_000);
  assert.ok(report);
  assert.equal(viewOf(done), 'result');
  assert.equal(done.state.phase, 'idle');
  const ordering = done.draw.findIndex((item) => item.type === 'ordering');
  if (ordering >= 0) assert.deepEqual(done.state.answers[ordering], setup.orderFor(1, done.draw[ordering]!));
  assert.equal(done.state.last?.score, report.score);
  assert.equal(done.state.passed !== undefined, report.passed);
  assert.equal(report.interactions.length, 5);
  assert.equal(submit(setup, done, t0 + 70_000).report, undefined, 'a second submit reports nothing');
});

test('a reload before the deadline restores the running attempt; after it, restore submits what was answered', () => {
  let session = begin();
  session = answer(session, session.draw[0]!.id, right(session.draw[0]!), t0 + 1000);
  const before = restore(setup, session.state, t0 + 10 * 60_000);
  assert.equal(viewOf(before.session), 'running');
  assert.equal(before.report, undefined);
  assert.deepEqual(before.session.state.answers, session.state.answers);
  const after = restore(setup, session.state, t0 + 31 * 60_000);
  assert.equal(viewOf(after.session), 'result');
  assert.ok(after.report);
  assert.equal(expire(setup, session, t0 + 29 * 60_000).report, undefined, 'not yet');
  assert.ok(expire(setup, session, t0 + 30 * 60_000).report, 'time is up');
});

test('property: any sequence of actions keeps the state consistent and never exceeds the attempts', () => {
  const action = fc.oneof(
    fc.record({ kind: fc.constant('start' as const) }),
    fc.record({ kind: fc.constant('answer' as const), at: fc.nat(9), right: fc.boolean() }),
    fc.record({ kind: fc.constant('navigate' as const), to: fc.integer({ min: -2, max: 9 }) }),
    fc.record({ kind: fc.constant('submit' as const) }),
    fc.record({ kind: fc.constant('reload' as const), minutes: fc.nat(40) }),
  );
  fc.assert(
    fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
      let now = t0;
      let session = restore(setup, initialExamState, now).session;
      for (const step of actions) {
        now += 1000;
        if (step.kind === 'start') session = start(setup, session, true, now);
        if (step.kind === 'answer' && session.draw[step.at]) {
          const item = session.draw[step.at]!;
          session = answer(session, item.id, step.right ? right(item) : null, now);
        }
        if (step.kind === 'navigate') session = navigate(session, step.to, now);
        if (step.kind === 'submit') {
          const { session: next, report } = submit(setup, session, now);
          if (report) {
            const responses = Object.fromEntries(next.draw.map((item, i) => [item.id, next.state.answers[i] ?? null]));
            assert.equal(report.score, scoreAttempt(next.draw, responses).raw);
          }
          session = next;
        }
        if (step.kind === 'reload') {
          now += step.minutes * 60_000;
          session = restore(setup, session.state, now).session;
        }
        assert.ok(session.state.attempt <= rules.attempts);
        if (session.state.phase === 'running') assert.equal(session.state.answers.length <= session.draw.length, true);
        assert.ok(session.current >= 0 && (session.draw.length === 0 || session.current < session.draw.length));
        if (session.state.passed) assert.ok(session.state.passed.score >= rules.passMark);
      }
    }),
    { numRuns: 300, seed: 20261201 },
  );
});
