import assert from 'node:assert/strict';
import test from 'node:test';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { Scorm12Api } from '../scorm/scorm12/api.ts';
import type { Scorm2004Api } from '../scorm/scorm2004/api.ts';
import { createScorm12Driver } from '../scorm/scorm12/driver.ts';
import { createScorm2004Driver } from '../scorm/scorm2004/driver.ts';
import { encodeSuspendData, ModuleFlag } from '../scorm/suspend-data.ts';
import { encodeExamState } from '../exam/exam-state.ts';
import type { ExamRules } from '../exam/policy.ts';
import { $location, $moduleFlags, $outline, $segments, reachModuleEnd } from './course.ts';
import { $session, startLmsSync, type SyncInfo } from './lms-sync.ts';

// lms-sync against scorm-again's real runtimes; only the SetValue calls are listened to, to see their order.
const quiet = { logLevel: 5 } as const;
const rules: ExamRules = { passMark: 80, attempts: 3, timeLimitMinutes: 0, requireAllModules: true, review: 'after-pass' };
const outline = ['01-a', '02-b'].map((id) => ({ id, title: id, page: `modules/${id}.html`, hasCheck: false }));
const info: SyncInfo = { courseTag: 'tag', contentHash: 'hash', exam: rules, coursePages: outline.map((m) => m.page) };
const done = ModuleFlag.visited | ModuleFlag.reachedEnd;
const passedExam = encodeExamState({ attempt: 1, phase: 'idle', deadline: 0, answers: [], last: { score: 90, passed: true, date: '20261201' }, passed: { score: 90, passed: true, date: '20261201' } });

function reset() {
  $outline.set(outline);
  $moduleFlags.set(outline.map(() => 0));
  $segments.set({});
  $location.set('');
}

function scorm12(setup: (api: Scorm12API) => void) {
  const api = new Scorm12API(quiet);
  setup(api);
  const sets: string[] = [];
  const real = api.LMSSetValue.bind(api);
  api.LMSSetValue = (name: string, value: string) => (sets.push(`${name}=${value}`), real(name, value));
  const errors: unknown[] = [];
  return { api, sets, errors, driver: createScorm12Driver(api as unknown as Scorm12Api, (error) => errors.push(error)) };
}

test('SCORM 1.2: a final pass writes the status before the score, in one commit', () => {
  reset();
  const lms = scorm12((api) => {
    api.cmi.core.entry = 'resume';
    api.cmi.suspend_data = encodeSuspendData({ modules: [done, done], segments: { ex: passedExam } }, 'tag', 'hash');
  });
  const sync = startLmsSync(lms.driver, info);
  const status = lms.sets.findIndex((set) => set === 'cmi.core.lesson_status=passed');
  const score = lms.sets.findIndex((set) => set === 'cmi.core.score.raw=90');
  assert.ok(status >= 0 && score > status, lms.sets.join('\n'));
  assert.deepEqual(lms.errors, []);
  sync.finish();
});

test('SCORM 1.2: a browse launch leaves "browsed" and records nothing else', () => {
  reset();
  const lms = scorm12((api) => {
    api.cmi.core.lesson_mode = 'browse';
  });
  const sync = startLmsSync(lms.driver, info);
  reachModuleEnd(0);
  sync.flush();
  sync.finish();
  assert.deepEqual(lms.sets, ['cmi.core.lesson_status=browsed']);
  assert.equal(lms.api.cmi.core.lesson_status, 'browsed');
});

test('what the learner did while the API was being looked for is merged with the restored state', () => {
  reset();
  const restored = encodeSuspendData({ modules: [done, 0], segments: { rp: 'x1' } }, 'tag', 'hash');
  // Before the session: the learner opened lesson 2 and finished it.
  reachModuleEnd(1);
  $segments.setKey('tc', '3');
  $location.set('modules/02-b.html');
  const lms = scorm12((api) => {
    api.cmi.core.entry = 'resume';
    api.cmi.core.lesson_location = 'modules/01-a.html';
    api.cmi.suspend_data = restored;
  });
  const sync = startLmsSync(lms.driver, info);
  assert.deepEqual($moduleFlags.get(), [done, done]);
  assert.deepEqual($segments.get(), { rp: 'x1', tc: '3' });
  assert.equal($location.get(), 'modules/02-b.html', 'where the learner is now wins over the saved place');
  sync.finish();
});

test('a hostile lesson_location from the LMS is ignored', () => {
  for (const hostile of ['javascript:alert(1)', '//evil.example/x.html', '../../x', 'modules/01-a.html#"><b>']) {
    reset();
    const lms = scorm12((api) => {
      api.cmi.core.entry = 'resume';
      api.cmi.core.lesson_location = hostile;
    });
    const sync = startLmsSync(lms.driver, info);
    assert.ok(['', 'modules/01-a.html'].includes($location.get()), `${hostile} → ${$location.get()}`);
    sync.finish();
  }
});

test('SCORM 2004: module objectives never land on the LMS primary objective; it gets only the final result', () => {
  reset();
  const api = new Scorm2004API(quiet);
  api.cmi.entry = 'ab-initio';
  const initialize = api.Initialize.bind(api);
  // The LMS pre-fills the manifest's primary objective during Initialize (Moodle 4.3 does).
  api.Initialize = (parameter?: string) => {
    const answer = initialize(parameter);
    api.SetValue('cmi.objectives.0.id', 'course-pass');
    return answer;
  };
  const errors: unknown[] = [];
  const driver = createScorm2004Driver(api as unknown as Scorm2004Api, (error) => errors.push(error));
  const sync = startLmsSync(driver, info);
  sync.reportExam({
    attempt: 1,
    score: 60,
    passed: false,
    interactions: [],
    objectives: [
      { id: 'm01-a', score: { raw: 50, min: 0, max: 100 }, success: 'failed', description: 'A' },
      { id: 'm02-b', score: { raw: 70, min: 0, max: 100 }, success: 'failed', description: 'B' },
    ],
  } as never);
  assert.deepEqual(errors, []);
  assert.equal(api.GetValue('cmi.objectives.0.id'), 'course-pass');
  assert.equal(api.GetValue('cmi.objectives.0.success_status'), 'unknown', 'a failed attempt with retakes left');
  assert.equal(api.GetValue('cmi.objectives.1.id'), 'm01-a');
  assert.equal(api.GetValue('cmi.objectives.2.id'), 'm02-b');
  sync.finish();
});

test('a refused commit is retried after 2 s, 5 s and 15 s, then no more; the learner is told', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
  reset();
  const lms = scorm12(() => {});
  let refuse = false;
  const commits: number[] = [];
  const realCommit = lms.api.LMSCommit.bind(lms.api);
  lms.api.LMSCommit = (parameter?: string) => {
    commits.push(Date.now());
    return refuse ? "false" : realCommit(parameter ?? "");
  };
  const sync = startLmsSync(lms.driver, info, () => Date.now());
  refuse = true;
  reachModuleEnd(0);
  // node's mock clock schedules a timer set inside a tick from the tick's end, so time advances in small steps.
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += 100) t.mock.timers.tick(100);
  };
  advance(3_000); // the throttled commit
  const failedAt = commits.at(-1)!;
  assert.equal($session.get().saveProblem, true);
  advance(200_000);
  assert.deepEqual(commits.slice(-4).map((at) => at - failedAt), [0, 2_000, 7_000, 22_000]);
  refuse = false;
  sync.finish();
  assert.equal(lms.api.cmi.core.lesson_status, 'incomplete');
});

test('cmi5: completed as soon as the modules are done (not only with a final outcome); the LMS masteryScore sets the pass mark', async () => {
  reset();
  const { createCmi5Driver } = await import('../scorm/cmi5/driver.ts');
  const { fakeLrs, launch, launchDataDoc, settle, verbOf } = await import('../scorm/cmi5/fake-lrs.test-support.ts');
  const lrs = fakeLrs();
  const failedOnce = encodeExamState({ attempt: 1, phase: 'idle', deadline: 0, answers: [], last: { score: 50, passed: false, date: '20261201' } });
  const driver = createCmi5Driver({
    launch,
    launchData: { ...launchDataDoc, launchMode: 'Normal', masteryScore: 0.85 },
    courseState: {
      location: '',
      suspendData: encodeSuspendData({ modules: [done, done], segments: { ex: failedOnce } }, 'tag', 'hash'),
      completed: false,
    },
    client: { endpoint: launch.endpoint, token: 't', fetchFn: lrs.fetchFn },
    session: { token: 't', initialized: false, terminated: false },
    sessionKey: 'k',
    onError: () => {},
  });
  const sync = startLmsSync(driver, info);
  assert.equal($session.get().passMark, 85, 'masteryScore 0.85 → pass mark 85 (not 85.00000000000001)');
  sync.finish();
  await settle(40);
  // A failed attempt with retakes left: completed (the modules are done), no failed (not final), terminated last.
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'completed', 'terminated']);
});
