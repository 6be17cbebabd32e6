import assert from 'node:assert/strict';
import test from 'node:test';
import type { InteractionRecord, LmsError, LmsProblem } from '../driver.ts';
import { connectCmi5 } from './connect.ts';
import { fakeLrs, launch, launchDataDoc, memoryStore, settle, verbOf } from './fake-lrs.test-support.ts';
import { keptKey } from './driver.ts';

const search = `?${new URLSearchParams({
  endpoint: launch.endpoint,
  fetch: launch.fetchUrl,
  actor: JSON.stringify(launch.actor),
  registration: launch.registration,
  activityId: launch.activityId,
}).toString()}`;

/** Enough of a window for connect.ts: the launch URL and a place to navigate. */
function fakeWindow(query = search) {
  const win = { location: { search: query, origin: 'https://content.example.invalid', href: 'https://content.example.invalid/pkg/index.html' + query }, top: null as unknown };
  win.top = win;
  return win;
}

const answer: InteractionRecord = { id: 'a1-m05-o5-01', type: 'choice', learner: [0], correct: [0], result: 'correct', weighting: 1, latencyMs: 3000, timestamp: new Date() };

async function connect(lrs = fakeLrs(), stores = { sessionStore: memoryStore(), keepStore: memoryStore() }, win = fakeWindow()) {
  const errors: LmsError[] = [];
  const connection = await connectCmi5(win as unknown as Window, (error) => errors.push(error), { fetchFn: lrs.fetchFn, ...stores });
  return { connection, errors, lrs, stores, win };
}

test('startup order: token, LaunchData, learner preferences and our State are read before the first statement (cmi5 10.2.1, 11)', async () => {
  const { connection, lrs } = await connect();
  assert.equal(connection.kind, 'driver');
  if (connection.kind !== 'driver') return;
  const driver = connection.driver;
  assert.equal(driver.version, 'cmi5');
  assert.equal(driver.initialize(), true);
  await settle();
  const order = lrs.requests.map((request) => `${request.method} ${request.url.pathname.split('/').slice(-2).join('/')}${request.url.searchParams.get('stateId') ? `:${request.url.searchParams.get('stateId')}` : ''}`);
  assert.deepEqual(order, [
    'POST fetch/abc',
    'GET activities/state:LMS.LaunchData',
    'GET agents/profile',
    'GET activities/state:yks-course-state',
    'POST xapi/statements',
  ]);
  const readLaunch = driver.readLaunch();
  assert.equal(readLaunch.learnerId, 'u-001');
  assert.equal(readLaunch.learnerName, '张三');
  assert.equal(readLaunch.entry, 'ab-initio');
  assert.equal(readLaunch.mode, 'normal');
  assert.equal(readLaunch.masteryScore, 0.8);
});

test('a full session maps to initialized → answered → completed → passed → terminated, State written, then returnURL', async () => {
  const { connection, lrs, win } = await connect();
  if (connection.kind !== 'driver') throw new Error('no driver');
  const driver = connection.driver;
  (win.location as { href: string }).href = '';
  driver.initialize();
  driver.setLocation('modules/03-telephone.html');
  driver.setSuspendData('1~abc');
  driver.setCompletion('incomplete');
  assert.equal(driver.commit(), true);
  driver.recordInteraction(driver.interactionCount(), answer);
  driver.setCompletion('completed');
  driver.setSuccess('passed');
  driver.setScore({ raw: 90, min: 0, max: 100 });
  driver.commit();
  driver.commit(); // A second commit repeats nothing.
  driver.setSessionTime(65_000);
  driver.setExit('suspend');
  assert.equal(driver.terminate(), true);
  assert.equal(driver.terminate(), false, 'terminate works once');
  await settle(40);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'answered', 'completed', 'passed', 'terminated']);
  const passed = lrs.statements[3] as { result: { score: { scaled: number } } };
  assert.equal(passed.result.score.scaled, 0.9);
  const terminated = lrs.statements[4] as { result: { duration: string } };
  assert.equal(terminated.result.duration, 'PT1M5S');
  const saved = JSON.parse(lrs.state.get('yks-course-state')!);
  assert.equal(saved.location, 'modules/03-telephone.html');
  assert.equal(saved.suspendData, '1~abc');
  assert.equal(saved.completed, true);
  assert.equal(saved.outcome, 'passed');
  assert.ok(lrs.requests.some((request) => request.keepalive && request.url.pathname.endsWith('/statements')), 'terminated with keepalive');
  assert.equal(win.location.href, launchDataDoc.returnURL, 'went to returnURL');
});

test('relaunch (new session, same registration): resume from our State, no second completed/passed, no failed after passed', async () => {
  const lrs = fakeLrs();
  lrs.state.set('yks-course-state', JSON.stringify({ location: 'exam.html', suspendData: '3~s', completed: true, outcome: 'passed' }));
  const { connection } = await connect(lrs);
  if (connection.kind !== 'driver') throw new Error('no driver');
  const driver = connection.driver;
  driver.initialize();
  const resumed = driver.readLaunch();
  assert.equal(resumed.entry, 'resume');
  assert.equal(resumed.location, 'exam.html');
  assert.equal(resumed.suspendData, '3~s');
  driver.setCompletion('completed');
  driver.setSuccess('failed');
  driver.setScore({ raw: 10, min: 0, max: 100 });
  driver.commit();
  driver.terminate();
  await settle(40);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'terminated']);
});

test('a reload within the session: no second fetch, no second initialized; after terminated the session is over', async () => {
  const lrs = fakeLrs();
  const stores = { sessionStore: memoryStore(), keepStore: memoryStore() };
  const first = await connect(lrs, stores);
  if (first.connection.kind !== 'driver') throw new Error('no driver');
  first.connection.driver.initialize();
  await settle();
  const reload = await connect(lrs, stores);
  if (reload.connection.kind !== 'driver') throw new Error('no driver after reload');
  reload.connection.driver.initialize();
  reload.connection.driver.terminate();
  await settle(40);
  assert.equal(lrs.fetchCount(), 1);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'terminated']);
  const afterTerminated = await connect(lrs, stores);
  assert.deepEqual(afterTerminated.connection, { kind: 'problem', problem: 'session-ended' });
  assert.equal(lrs.fetchCount(), 1);
});

test('Browse and Review launches send initialized and terminated only (cmi5 10.2.2), and no State', async () => {
  for (const launchMode of ['Browse', 'Review']) {
    const lrs = fakeLrs({ launchData: { ...launchDataDoc, launchMode } });
    const { connection } = await connect(lrs);
    if (connection.kind !== 'driver') throw new Error('no driver');
    const driver = connection.driver;
    driver.initialize();
    assert.equal(driver.readLaunch().mode, launchMode.toLowerCase());
    driver.setLocation('home.html');
    driver.recordInteraction(0, answer);
    driver.setCompletion('completed');
    driver.setSuccess('passed');
    driver.commit();
    driver.terminate();
    await settle(40);
    assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'terminated']);
    assert.equal(lrs.state.has('yks-course-state'), false);
  }
});

test('failed only once and the masteryScore decides the score: passed at 80 with masteryScore 0.8', async () => {
  const lrs = fakeLrs();
  const { connection } = await connect(lrs);
  if (connection.kind !== 'driver') throw new Error('no driver');
  const driver = connection.driver;
  driver.initialize();
  driver.setSuccess('failed');
  driver.setScore({ raw: 50, min: 0, max: 100 });
  driver.commit();
  driver.setSuccess('failed');
  driver.commit();
  driver.setSuccess('passed');
  driver.setScore({ raw: 80, min: 0, max: 100 });
  driver.commit();
  driver.terminate();
  await settle(40);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'failed', 'passed', 'terminated']);
  assert.equal((lrs.statements[2] as { result: { score: { scaled: number } } }).result.score.scaled, 0.8);
});

test('faults: malformed URL, refused token and unusable LaunchData give a problem and no statement', async () => {
  const malformed = await connect(fakeLrs(), undefined, fakeWindow('?endpoint=x&fetch=y'));
  assert.deepEqual(malformed.connection, { kind: 'problem', problem: 'launch-refused' });
  assert.equal(malformed.lrs.requests.length, 0, 'nothing is sent to a malformed address');
  assert.match(malformed.errors[0]!.message, /malformed launch URL/);
  const refused = await connect(fakeLrs({ answer: (request) => (request.url.href === launch.fetchUrl ? 500 : undefined) }));
  assert.deepEqual(refused.connection, { kind: 'problem', problem: 'launch-refused' });
  const noLaunchData = await connect(fakeLrs({ launchData: { launchMode: 'Normal' } }));
  assert.deepEqual(noLaunchData.connection, { kind: 'problem', problem: 'launch-refused' });
  assert.equal(noLaunchData.lrs.statements.length, 0);
  const none = await connect(fakeLrs(), undefined, fakeWindow(''));
  assert.deepEqual(none.connection, { kind: 'none' });
});

test('LRS 401 mid-session: the learner is told, sending stops, State and unsent statements are kept in this browser', async () => {
  let refuse = false;
  const lrs = fakeLrs({ answer: (request) => (refuse && request.url.pathname.includes('/xapi/') ? 401 : undefined) });
  const stores = { sessionStore: memoryStore(), keepStore: memoryStore() };
  const { connection } = await connect(lrs, stores);
  if (connection.kind !== 'driver') throw new Error('no driver');
  const driver = connection.driver;
  const problems: Array<LmsProblem | undefined> = [];
  driver.watchProblems?.((problem) => problems.push(problem));
  driver.initialize();
  await settle();
  refuse = true;
  driver.recordInteraction(0, answer);
  driver.setSuspendData('4~kept');
  await settle();
  assert.ok(stores.keepStore.map.has(keptKey(launch.registration)), 'kept as soon as the LRS refused, before any commit');
  assert.equal(driver.commit(), false);
  assert.deepEqual(problems, ['saving-refused']);
  driver.terminate();
  await settle(40);
  const kept = JSON.parse(stores.keepStore.map.get(keptKey(launch.registration))!);
  assert.equal(kept.state.suspendData, '4~kept');
  const keptVerbs = kept.unsent.flatMap((item: { statements?: Array<{ verb: { display: Record<string, string> } }> }) => (item.statements ?? []).map((s) => s.verb.display['en-US']));
  assert.deepEqual(keptVerbs, ['answered', 'terminated']);
});

test('worst-case sizes: the State document with 4 KB of suspend data and the final keepalive body stay within 64 KiB', async () => {
  let down = true;
  const lrs = fakeLrs({ answer: (request) => (down && !request.keepalive && request.url.pathname.endsWith('/statements') ? 503 : undefined) });
  const { connection } = await connect(lrs);
  if (connection.kind !== 'driver') throw new Error('no driver');
  const driver = connection.driver;
  driver.initialize();
  driver.setLocation('roleplays/rp-phone-colleague-out.html#step-12');
  driver.setSuspendData('9'.repeat(4096));
  // Thirty answers with a 250-character question text each, all still unsent when the page goes away.
  for (let index = 0; index < 30; index++) {
    driver.recordInteraction(index, { ...answer, id: `a3-m05-item-${index}`, type: 'matching', learner: [[0, 1], [1, 2], [2, 3], [3, 0]], correct: [[0, 0], [1, 1], [2, 2], [3, 3]], description: '问'.repeat(250) });
  }
  driver.setCompletion('completed');
  driver.setSuccess('failed');
  driver.setScore({ raw: 40, min: 0, max: 100 });
  driver.commit();
  await settle(10);
  down = false;
  driver.terminate();
  await settle(60);
  const keepalive = lrs.requests.filter((request) => request.keepalive);
  const total = keepalive.reduce((sum, request) => sum + Buffer.byteLength(request.body ?? ''), 0);
  assert.ok(total <= 64 * 1024, `keepalive bodies ${total} bytes`);
  assert.equal(verbOf(lrs.statements.at(-1)!), 'terminated');
  assert.equal(lrs.statements.filter((statement) => verbOf(statement) === 'answered').length, 30, 'no answer lost');
});
