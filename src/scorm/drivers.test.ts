import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { InteractionRecord, LmsError } from './driver.ts';
import type { Scorm12Api } from './scorm12/api.ts';
import type { Scorm2004Api } from './scorm2004/api.ts';
import { createScorm12Driver } from './scorm12/driver.ts';
import { createScorm2004Driver } from './scorm2004/driver.ts';
import { createLocalDriver } from './local/driver.ts';

// The drivers run against scorm-again's real runtime (strict errors on), not a mock.
const quiet = { logLevel: 5 } as const;

const interactions: InteractionRecord[] = [
  { id: 'm05-o5-01', type: 'choice', learner: [1], correct: [0], result: 'incorrect', weighting: 1, latencyMs: 12_300, timestamp: new Date(2026, 0, 5, 10, 0, 0), description: '材料不全时应怎样说？', objectiveId: 'm05-language' },
  { id: 'm05-f-02', type: 'choice', learner: [0, 2], correct: [0, 2], result: 'correct', weighting: 1, latencyMs: 5_000, timestamp: new Date(), objectiveId: 'm05-language' },
  { id: 'm03-order-01', type: 'sequencing', learner: [0, 1, 2, 3], correct: [0, 1, 2, 3], result: 'correct', weighting: 1, latencyMs: 9_000, timestamp: new Date() },
  { id: 'm05-match-01', type: 'matching', learner: [[0, 1], [1, 0]], correct: [[0, 0], [1, 1]], result: 'incorrect', weighting: 1, latencyMs: 9_000, timestamp: new Date() },
  { id: 'm04-tf-01', type: 'true-false', learner: false, correct: false, result: 'correct', weighting: 1, latencyMs: 1_000, timestamp: new Date() },
];

test('SCORM 1.2 driver: a full session against scorm-again with no error', () => {
  const api = new Scorm12API(quiet);
  api.cmi.core.student_id = 'u1';
  api.cmi.core.student_name = 'Zhang, San';
  const errors: LmsError[] = [];
  const driver = createScorm12Driver(api as unknown as Scorm12Api, (error) => errors.push(error));
  assert.equal(driver.initialize(), true);
  const launch = driver.readLaunch();
  assert.equal(launch.learnerId, 'u1');
  assert.equal(launch.learnerName, 'Zhang, San');
  assert.equal(launch.mode, 'normal');
  assert.equal(launch.credit, true);
  driver.setLocation('modules/03-telephone.html');
  driver.setSuspendData('1~abc~def~3300000');
  driver.setScore({ raw: 85, min: 0, max: 100 });
  driver.setCompletion('incomplete');
  assert.equal(api.cmi.core.lesson_status, 'incomplete');
  driver.setSuccess('passed');
  assert.equal(api.cmi.core.lesson_status, 'passed', 'passed wins over completion in 1.2');
  interactions.forEach((interaction, index) => driver.recordInteraction(index, interaction));
  driver.setObjective({ id: 'm05-language', score: { raw: 50, min: 0, max: 100 }, success: 'failed' });
  driver.setSessionTime(62_500);
  driver.setExit('suspend');
  assert.equal(driver.commit(), true);
  assert.deepEqual(errors, []);
  const cmi = JSON.parse(JSON.stringify(api.cmi));
  assert.equal(cmi.core.lesson_location, 'modules/03-telephone.html');
  assert.equal(cmi.core.score.raw, '85');
  assert.equal(cmi.interactions['0'].id, 'm05-o5-01');
  assert.equal(cmi.interactions['0'].student_response, 'b');
  assert.equal(cmi.interactions['0'].correct_responses['0'].pattern, 'a');
  assert.equal(cmi.interactions['0'].result, 'wrong');
  assert.equal(cmi.interactions['0'].latency, '00:00:12.30');
  assert.equal(cmi.interactions['1'].student_response, 'a,c');
  assert.equal(cmi.interactions['3'].student_response, 'a.b,b.a');
  assert.equal(cmi.interactions['4'].student_response, 'f');
  assert.equal(cmi.objectives['0'].status, 'failed');
  assert.equal(driver.terminate(), true);
  assert.deepEqual(errors, []);
});

test('SCORM 2004 driver: a full session against scorm-again with no error', () => {
  const api = new Scorm2004API(quiet);
  api.cmi.learner_id = 'u2';
  api.cmi.learner_name = '李四';
  api.cmi.entry = 'ab-initio';
  const errors: LmsError[] = [];
  const driver = createScorm2004Driver(api as unknown as Scorm2004Api, (error) => errors.push(error));
  assert.equal(driver.initialize(), true);
  const launch = driver.readLaunch();
  assert.deepEqual([launch.learnerId, launch.learnerName, launch.entry, launch.location], ['u2', '李四', 'ab-initio', '']);
  driver.setLocation('modules/05-language.html');
  driver.setSuspendData('1~abc~def~7700000');
  driver.setScore({ raw: 72, min: 0, max: 100 });
  driver.setCompletion('completed');
  driver.setSuccess('failed');
  interactions.forEach((interaction, index) => driver.recordInteraction(index, interaction));
  driver.setObjective({
    id: 'm05-language',
    score: { raw: 50, min: 0, max: 100 },
    success: 'failed',
    completion: 'completed',
    description: '文明服务用语规范',
  });
  driver.setSessionTime(3_723_000);
  driver.setExit('suspend');
  assert.equal(driver.commit(), true);
  assert.deepEqual(errors, []);
  const cmi = JSON.parse(JSON.stringify(api.cmi));
  assert.equal(cmi.score.scaled, '0.72');
  assert.equal(cmi.completion_status, 'completed');
  assert.equal(cmi.success_status, 'failed');
  assert.equal(cmi.interactions['0'].learner_response, 'o2');
  assert.equal(cmi.interactions['1'].learner_response, 'o1[,]o3');
  assert.equal(cmi.interactions['2'].correct_responses['0'].pattern, 's1[,]s2[,]s3[,]s4');
  assert.equal(cmi.interactions['3'].learner_response, 'l1[.]r2[,]l2[.]r1');
  assert.equal(cmi.interactions['4'].learner_response, 'false');
  assert.equal(cmi.interactions['0'].description, '{lang=zh-CN}材料不全时应怎样说？');
  assert.equal(cmi.interactions['0'].latency, 'PT12.3S');
  assert.equal(cmi.objectives['0'].score.scaled, '0.5');
  assert.equal(driver.terminate(), true);
  assert.deepEqual(errors, []);
});

test('a refused value is reported with the LMS error code, never thrown', () => {
  const api = new Scorm2004API(quiet);
  const errors: LmsError[] = [];
  const driver = createScorm2004Driver(api as unknown as Scorm2004Api, (error) => errors.push(error));
  driver.initialize();
  driver.setCompletion('bogus' as 'completed');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.element, 'cmi.completion_status');
  assert.equal(errors[0]?.code, 406);
  driver.terminate();
  assert.equal(driver.commit(), false, 'commit after terminate fails');
  assert.equal(errors.at(-1)?.code, 143);
});

test('an LMS wrapper that throws is logged, not propagated', () => {
  const broken = new Proxy({}, { get: () => () => { throw new Error('boom'); } }) as Scorm12Api;
  const errors: LmsError[] = [];
  const driver = createScorm12Driver(broken, (error) => errors.push(error));
  assert.equal(driver.initialize(), false);
  assert.doesNotThrow(() => driver.readLaunch());
  assert.ok(errors.length > 0);
  assert.match(errors[0]!.message, /boom/);
});

test('empty lesson_mode and credit are treated as normal and credit', () => {
  const real = new Scorm12API(quiet) as unknown as Scorm12Api;
  // What some LMSs answer (scorm-again itself refuses to hold these values): empty strings.
  const lms: Scorm12Api = {
    ...real,
    LMSInitialize: (p) => real.LMSInitialize(p),
    LMSGetLastError: () => real.LMSGetLastError(),
    LMSGetValue: (name) => (name === 'cmi.core.lesson_mode' || name === 'cmi.core.credit' ? '' : real.LMSGetValue(name)),
  };
  const driver = createScorm12Driver(lms, () => {});
  driver.initialize();
  const launch = driver.readLaunch();
  assert.equal(launch.mode, 'normal');
  assert.equal(launch.credit, true);
});

test('local driver keeps progress in storage between visits', () => {
  const backing = new Map<string, string>();
  const storage = {
    getItem: (key: string) => backing.get(key) ?? null,
    setItem: (key: string, value: string) => void backing.set(key, value),
  } as unknown as Storage;
  const first = createLocalDriver('k', storage);
  assert.equal(first.readLaunch().entry, 'ab-initio');
  first.setLocation('modules/02-reception.html');
  first.setSuspendData('1~a~b~1000000');
  assert.equal(first.commit(), true);
  const second = createLocalDriver('k', storage);
  const launch = second.readLaunch();
  assert.equal(launch.entry, 'resume');
  assert.equal(launch.location, 'modules/02-reception.html');
  assert.equal(launch.suspendData, '1~a~b~1000000');
  assert.equal(second.reportsToLms, false);
});

test('SCORM 2004: objectives go next to an objective the LMS pre-filled, which gets only the final result', () => {
  // What Moodle 4.3 does: cmi.objectives.0 holds the manifest's primary objective before the SCO starts.
  const api = new Scorm2004API(quiet);
  api.Initialize('');
  api.SetValue('cmi.objectives.0.id', 'course-pass');
  const sets: string[] = [];
  const lms = { ...api, Initialize: () => 'true', SetValue: (name: string, value: string) => (sets.push(name), api.SetValue(name, value)) };
  Object.setPrototypeOf(lms, Object.getPrototypeOf(api));
  const errors: LmsError[] = [];
  const driver = createScorm2004Driver(lms as unknown as Scorm2004Api, (error) => errors.push(error));
  driver.initialize();
  driver.readLaunch();
  driver.setObjective({ id: 'm01-appearance', score: { raw: 50, min: 0, max: 100 }, success: 'failed', description: '仪容仪表规范' });
  driver.setObjective({ id: 'm02-reception', score: { raw: 100, min: 0, max: 100 }, success: 'passed' });
  driver.setObjective({ id: 'm01-appearance', score: { raw: 100, min: 0, max: 100 }, success: 'passed' });
  assert.deepEqual(errors, []);
  assert.equal(api.GetValue('cmi.objectives._count'), '3');
  assert.equal(api.GetValue('cmi.objectives.0.id'), 'course-pass');
  assert.equal(api.GetValue('cmi.objectives.1.id'), 'm01-appearance');
  assert.equal(api.GetValue('cmi.objectives.1.success_status'), 'passed', 'found again by id on the second write');
  assert.equal(api.GetValue('cmi.objectives.2.id'), 'm02-reception');
  assert.ok(!sets.some((name) => name.startsWith('cmi.objectives.0.')), 'modules never touch the primary objective');
  driver.setSuccess('passed');
  driver.setScore({ raw: 90, min: 0, max: 100 });
  assert.equal(api.GetValue('cmi.objectives.0.success_status'), 'passed');
  assert.equal(api.GetValue('cmi.objectives.0.score.scaled'), '0.9');
  assert.deepEqual(errors, []);
});

test('SCORM 1.2: a browse launch leaves "browsed" over "not attempted", never over a result', () => {
  for (const [held, expected] of [
    ['not attempted', 'browsed'],
    ['completed', 'completed'],
    ['passed', 'passed'],
  ] as const) {
    const api = new Scorm12API(quiet);
    api.cmi.core.lesson_mode = 'browse';
    api.cmi.core.lesson_status = held;
    const errors: LmsError[] = [];
    const driver = createScorm12Driver(api as unknown as Scorm12Api, (error) => errors.push(error));
    driver.initialize();
    assert.equal(driver.readLaunch().mode, 'browse');
    driver.markBrowsed();
    assert.equal(api.cmi.core.lesson_status, expected, held);
    assert.deepEqual(errors, []);
  }
});
