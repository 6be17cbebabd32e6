import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasRequirement, requirementText } from './requirements.ts';
import { body, cmi5Xml, failedResult, FakeAu, newLms, origin, passedResult, text } from './test-helpers.ts';
import { categories, extensions, verbs } from './vocabulary.ts';
import type { Cmi5Lms } from './lms.ts';

async function launched(lms: Cmi5Lms = newLms(), launchMode: 'Normal' | 'Browse' | 'Review' = 'Normal', registration?: string) {
  const reg = registration ?? lms.createRegistration('pkg', 'learner-1', 'Zhang San').id;
  const { url, sessionId } = lms.launch(reg, origin, { launchMode });
  return { lms, au: new FakeAu(lms, url), url, sessionId, reg };
}
const requirementIds = (reply: { body?: unknown }) =>
  (JSON.parse(String(reply.body)) as { requirements: Array<{ id: string }> }).requirements.map((r) => r.id);

test('every requirement id the rules name exists in @cmi5/requirements', () => {
  const sources = ['rules.ts', 'lms.ts', 'course-structure.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');
  const ids = [...sources.matchAll(/'(\d+\.\d+\.\d+\.\d+-\d+(?: \(d\d?\))?)'/g)].map((m) => m[1]!);
  assert.ok(ids.length > 40, `found ${ids.length} ids`);
  for (const id of ids) assert.ok(hasRequirement(id), id);
  assert.match(requirementText('9.3.0.0-4 (d2)'), /initialized/);
});

test('launch URL carries the five spec 8.1 parameters, URL-encoded, and launched is stored first', async () => {
  const { lms, url, reg, au } = await launched();
  const u = new URL(url);
  assert.equal(u.origin + u.pathname, `${origin}/content/pkg/index.html`);
  assert.deepEqual([...u.searchParams.keys()].sort(), ['activityId', 'actor', 'endpoint', 'fetch', 'registration']);
  assert.equal(au.endpoint, `${origin}/cmi5/xapi/`);
  assert.equal(au.registration, reg);
  assert.notEqual(au.activityId, 'https://course.example.invalid/au/1', 'activityId is not the publisher id (8.1.5.0-3)');
  assert.deepEqual(au.actor, { objectType: 'Agent', account: { homePage: 'https://lms.cmi5-test.invalid', name: 'learner-1' }, name: 'Zhang San' });
  const [first] = lms.query({ registration: reg });
  assert.equal((first!.verb as { id: string }).id, verbs.launched);
  const ext = (first!.context as { extensions: Record<string, unknown> }).extensions;
  assert.equal(ext[extensions.launchMode], 'Normal');
  assert.equal(ext[extensions.moveOn], 'CompletedAndPassed');
  assert.equal(ext[extensions.masteryScore], 0.8);
  assert.equal(ext[extensions.launchUrl], `${origin}/content/pkg/index.html`);
  // The same activityId on a relaunch of the registration (8.1.5.0-4).
  assert.equal(new FakeAu(lms, lms.launch(reg, origin).url).activityId, au.activityId);
});

test('the fetch URL answers the token once, then the spec error JSON (cmi5 8.2)', async () => {
  const { au } = await launched();
  const first = await au.fetchToken();
  assert.equal(first.status, 200);
  assert.match(first.headers!['content-type']!, /^application\/json/);
  assert.ok(body(first)['auth-token']);
  const second = await au.request('POST', au.fetchUrl);
  assert.equal(second.status, 200);
  assert.equal(body(second)['error-code'], '1');
  assert.equal((await au.request('GET', au.fetchUrl)).status, 405);
});

test('fault switches: token refused, token reused, LRS status for the next N, unreachable, slow', async () => {
  const lms = newLms();
  const refusedReg = lms.createRegistration('pkg', 'a').id;
  await lms.handle({ method: 'POST', path: '/api/faults', query: new URLSearchParams(), headers: {}, body: new TextEncoder().encode(JSON.stringify({ registration: refusedReg, faults: { tokenRefused: true } })), origin });
  const refused = new FakeAu(lms, lms.launch(refusedReg, origin).url);
  assert.equal(body(await refused.fetchToken())['error-code'], '2');

  const reusedReg = lms.createRegistration('pkg', 'b');
  reusedReg.faults.tokenReused = true;
  assert.equal(body(await new FakeAu(lms, lms.launch(reusedReg.id, origin).url).fetchToken())['error-code'], '1');

  const { au, reg } = await launched(lms);
  await au.start();
  const registration = lms.registrations.get(reg)!;
  registration.faults.lrs = { status: 503, count: 2 };
  assert.equal((await au.send(au.statement('initialized'))).status, 503);
  assert.equal((await au.send(au.statement('initialized'))).status, 503);
  registration.faults.unreachable = 1;
  assert.equal((await au.send(au.statement('initialized'))).drop, true);
  registration.faults.slowMs = 250;
  const ok = await au.send(au.statement('initialized'));
  assert.equal(ok.status, 200);
  assert.equal(ok.delayMs, 250);
  assert.equal(lms.query({ registration: reg, verb: verbs.initialized }).length, 1, 'faulted requests store nothing');
});

test('a whole Normal session: 0 rejected, satisfied per moveOn CompletedAndPassed, written once', async () => {
  const { lms, au, reg, sessionId } = await launched();
  await au.start();
  assert.equal(au.launchData.launchMode, 'Normal');
  assert.equal(au.launchData.moveOn, 'CompletedAndPassed');
  assert.equal(au.launchData.masteryScore, 0.8);
  assert.deepEqual(au.launchData.contextTemplate, {
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://course.example.invalid/au/1' }] },
    extensions: { [extensions.sessionId]: sessionId },
  });
  for (const s of [
    au.statement('initialized'),
    {
      ...au.statement('initialized', { category: [] }),
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: {
        id: `${au.activityId}/interactions/q1`,
        definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: ['a'] },
      },
      result: { response: 'a', success: true },
    },
    au.statement('completed', { result: { completion: true, duration: 'PT3M2.5S' } }),
  ]) {
    const reply = await au.send(s);
    assert.equal(reply.status, 200, text(reply));
  }
  assert.equal(lms.summary(reg).satisfied, false, 'completed alone does not meet CompletedAndPassed');
  assert.equal((await au.send(au.statement('passed', { result: passedResult(0.8) }))).status, 200);
  assert.equal(lms.summary(reg).satisfied, true);
  const put = au.statement('terminated', { result: { duration: 'PT10M' } });
  assert.equal((await au.request('PUT', `${au.endpoint}statements?statementId=${put.id}`, put)).status, 204);
  const summary = lms.summary(reg);
  assert.deepEqual(summary.verbs, ['launched', 'initialized', 'http://adlnet.gov/expapi/verbs/answered', 'completed', 'passed', 'satisfied', 'satisfied', 'terminated']);
  assert.equal(summary.rejections.length, 0);
  assert.ok(summary.terminatedBodies[0]!.bytes > 0);
  assert.equal(summary.terminatedBodies[0]!.statements, 1);
  const [block, satisfied] = lms.query({ registration: reg, verb: verbs.satisfied });
  assert.equal((block!.object as { definition: { type: string } }).definition.type, 'https://w3id.org/xapi/cmi5/activitytype/block');
  assert.notEqual((block!.object as { id: string }).id, 'https://course.example.invalid/block', 'an LMS-generated block id (9.3.9.0-4)');
  assert.equal((satisfied!.object as { definition: { type: string } }).definition.type, 'https://w3id.org/xapi/cmi5/activitytype/course');
  assert.equal((satisfied!.context as { extensions: Record<string, string> }).extensions[extensions.sessionId], sessionId);
  // A retry of a statement already held (its answer was lost) is a no-op, not a second "terminated".
  assert.equal((await au.send(put)).status, 200);
  assert.equal(lms.query({ registration: reg, verb: verbs.terminated }).length, 1);
});

test('order: nothing before initialized or before the learner preferences, nothing after terminated', async () => {
  const { lms, au, reg } = await launched();
  await au.fetchToken();
  au.launchData = body(await au.request('GET', au.stateUrl('LMS.LaunchData')));
  assert.deepEqual(requirementIds(await au.send(au.statement('initialized'))), ['11.0.0.0-3 (d2)']);
  await au.start();
  assert.deepEqual(requirementIds(await au.send(au.statement('passed', { result: passedResult() }))), ['9.3.0.0-4 (d2)']);
  assert.equal((await au.send(au.statement('initialized'))).status, 200);
  assert.ok(requirementIds(await au.send(au.statement('initialized'))).includes('9.3.2.0-3 (d)'));
  assert.equal((await au.send(au.statement('terminated', { result: { duration: 'PT1S' } }))).status, 200);
  assert.deepEqual(requirementIds(await au.send(au.statement('completed', { result: { completion: true, duration: 'PT1S' } }))), ['9.3.0.0-5 (d2)']);
  assert.equal(lms.summary(reg).rejections.length, 4, 'every rejection is recorded');
  assert.equal(lms.summary(reg).rejections[0]!.requirements[0]!.txt.includes('initialized'), true);
});

test('statement shape: UUID id, UTC timestamp, actor, registration, session id, template, categories, duration', async () => {
  const { au } = await launched();
  await au.start();
  const init = au.statement('initialized');
  const cases: Array<[unknown, string]> = [
    [{ ...init, id: 'not-a-uuid' }, '9.1.0.0-1'],
    [{ ...init, id: undefined }, '9.1.0.0-1 (d)'],
    [{ ...init, timestamp: undefined }, '9.7.0.0-1 (d)'],
    [{ ...init, timestamp: '2026-12-01T10:00:00+08:00' }, '9.7.0.0-2 (d)'],
    [{ ...init, actor: { ...au.actor, name: 'someone else' } }, '8.1.3.0-3 (d)'],
    [{ ...init, context: { ...(init.context as object), registration: crypto.randomUUID() } }, '9.6.1.0-1 (d)'],
    [{ ...init, context: { ...(init.context as object), extensions: {} } }, '9.6.3.1-4 (d)'],
    [{ ...init, context: { ...(init.context as object), contextActivities: { category: [{ id: categories.cmi5 }] } } }, '9.6.2.0-1 (d)'],
    [{ ...init, context: undefined }, '10.2.1.0-6 (d)'],
    [au.statement('initialized', { category: [categories.cmi5, categories.moveOn] }), '9.6.2.2-2 (d)'],
    [{ ...init, object: { id: 'https://elsewhere.invalid/a' } }, '8.1.5.0-6 (d)'],
    [au.statement('initialized', { result: { success: true } }), '9.5.2.0-3 (d)'],
    [au.statement('initialized', { result: { duration: '5 minutes' } }), '4.1.0.0-1'],
  ];
  for (const [statement, id] of cases) {
    const reply = await au.send(statement);
    assert.equal(reply.status, 400, `${id}: ${text(reply)}`);
    assert.ok(requirementIds(reply).includes(id), `${id} expected, got ${requirementIds(reply).join(', ')}`);
  }
  const noVersion = await au.request('POST', `${au.endpoint}statements`, init, { 'x-experience-api-version': '' });
  assert.deepEqual(requirementIds(noVersion), ['4.1.0.0-1']);
  const noAuth = await au.request('POST', `${au.endpoint}statements`, init, { authorization: '' });
  assert.equal(noAuth.status, 401);
  assert.deepEqual(requirementIds(noAuth), ['8.1.2.0-5 (d)']);
});

test('results: passed/failed vs masteryScore, success/completion/duration/moveOn, once per registration', async () => {
  const { lms, au, reg } = await launched();
  await au.start();
  await au.send(au.statement('initialized'));
  const rejectedWith = async (statement: unknown, id: string) => {
    const reply = await au.send(statement);
    assert.equal(reply.status, 400, id);
    assert.ok(requirementIds(reply).includes(id), `${id} expected, got ${requirementIds(reply).join(', ')}`);
  };
  await rejectedWith(au.statement('passed', { result: passedResult(0.7) }), '9.3.4.0-2 (d2)');
  await rejectedWith(au.statement('failed', { result: failedResult(0.8) }), '9.3.5.0-2 (d)');
  const noMastery = au.statement('passed', { result: passedResult() });
  (noMastery.context as { extensions: Record<string, unknown> }).extensions = { [extensions.sessionId]: au.launchData.contextTemplate.extensions[extensions.sessionId] };
  await rejectedWith(noMastery, '9.6.3.2-2 (d)');
  await rejectedWith(au.statement('passed', { result: { ...passedResult(), success: false } }), '9.5.2.0-1 (d1)');
  await rejectedWith(au.statement('failed', { result: { ...failedResult(), success: true } }), '9.5.2.0-2 (d)');
  await rejectedWith(au.statement('passed', { result: { success: true } }), '9.5.4.1-3 (d)');
  await rejectedWith(au.statement('passed', { result: passedResult(), category: [categories.cmi5] }), '9.6.2.2-1 (d2)');
  await rejectedWith(au.statement('completed', { result: { completion: false, duration: 'PT1S' } }), '9.5.3.0-1 (d1)');
  await rejectedWith(au.statement('completed', { result: { completion: true, duration: 'PT1S', score: { scaled: 1 } } }), '9.5.1.0-2 (d)');
  await rejectedWith(au.statement('completed', { result: { completion: true } }), '9.5.4.1-2 (d)');
  await rejectedWith(au.statement('passed', { result: { ...passedResult(), score: { raw: 90 } } }), '9.5.1.0-3 (d1)');
  await rejectedWith(au.statement('terminated', { result: {} }), '9.5.4.1-1 (d)');
  await rejectedWith(au.statement('terminated', { result: { duration: 'PT1S', completion: true }, category: [categories.cmi5, categories.moveOn] }), '9.5.3.0-2 (d)');
  // Two statements in one batch: "passed" then "failed" (9.3.0.0-3/8); the batch is refused whole.
  await rejectedWith([au.statement('passed', { result: passedResult() }), au.statement('failed', { result: failedResult() })], '9.3.0.0-8 (d)');
  assert.equal(lms.query({ registration: reg, verb: verbs.passed }).length, 0, 'nothing of a refused batch is stored');
  assert.equal((await au.send(au.statement('passed', { result: passedResult() }))).status, 200);
  await rejectedWith(au.statement('failed', { result: failedResult() }), '9.3.0.0-8 (d)');
  await au.send(au.statement('terminated', { result: { duration: 'PT1S' } }));
  // Relaunch, same registration: a second completed/passed is refused across sessions (9.3.0.0-6/7).
  const again = new FakeAu(lms, lms.launch(reg, origin).url);
  await again.start();
  await again.send(again.statement('initialized'));
  assert.equal((await again.send(again.statement('completed', { result: { completion: true, duration: 'PT1S' } }))).status, 200);
  await (async () => {
    const reply = await again.send(again.statement('completed', { result: { completion: true, duration: 'PT1S' } }));
    assert.ok(requirementIds(reply).includes('9.3.0.0-6 (d2)'));
  })();
  const reply = await again.send(again.statement('passed', { result: passedResult() }));
  assert.ok(requirementIds(reply).includes('9.3.0.0-7 (d2)'));
});

test('Browse and Review: no completed/passed/failed (10.2.2.0-2/3)', async () => {
  for (const mode of ['Browse', 'Review'] as const) {
    const { au } = await launched(newLms(), mode);
    await au.start();
    assert.equal(au.launchData.launchMode, mode);
    await au.send(au.statement('initialized'));
    const reply = await au.send(au.statement('completed', { result: { completion: true, duration: 'PT1S' } }));
    assert.deepEqual(requirementIds(reply), [mode === 'Browse' ? '10.2.2.0-2 (d)' : '10.2.2.0-3 (d)']);
    assert.equal((await au.send(au.statement('terminated', { result: { duration: 'PT1S' } }))).status, 200);
  }
});

test('a relaunch abandons a session left without terminated, and its token stops working', async () => {
  const { lms, au, reg } = await launched();
  await au.start();
  await au.send(au.statement('initialized'));
  const next = new FakeAu(lms, lms.launch(reg, origin).url);
  assert.deepEqual(lms.summary(reg).verbs, ['launched', 'initialized', 'abandoned', 'launched']);
  const abandoned = lms.query({ registration: reg, verb: verbs.abandoned })[0]!;
  assert.match((abandoned.result as { duration: string }).duration, /^PT\d+\.\d\dS$/);
  assert.ok(requirementIds(await au.send(au.statement('terminated', { result: { duration: 'PT1S' } }))).includes('9.3.6.0-2 (d2)'));
  assert.equal((await au.request('PUT', au.stateUrl('course-state'), { a: 1 })).status, 401);
  await next.start();
  assert.equal((await next.send(next.statement('initialized'))).status, 200);
});

test('State and Agent Profile: LaunchData read-only, actor and registration checked, documents kept per registration', async () => {
  let clock = 1_000_000;
  const { lms, au, reg } = await launched(newLms(cmi5Xml(), () => clock));
  await au.start();
  assert.equal((await au.request('PUT', au.stateUrl('LMS.LaunchData'), {})).status, 403);
  assert.equal((await au.request('PUT', au.stateUrl('course-state', ''), { a: 1 })).status, 400);
  const big = { suspend: 'x'.repeat(5000) };
  assert.equal((await au.request('PUT', au.stateUrl('course-state'), big)).status, 204);
  assert.equal((await au.request('POST', au.stateUrl('course-state'), { b: 2 })).status, 204);
  assert.deepEqual(body(await au.request('GET', au.stateUrl('course-state'))), { ...big, b: 2 });
  assert.deepEqual(lms.summary(reg).maxState, { stateId: 'course-state', bytes: JSON.stringify(big).length });
  const wrongAgent = new URL(au.stateUrl('course-state'));
  wrongAgent.searchParams.set('agent', JSON.stringify({ mbox: 'mailto:x@example.invalid' }));
  assert.equal((await au.request('GET', wrongAgent.href)).status, 400);
  const prefs = new URLSearchParams({ agent: JSON.stringify(au.actor), profileId: 'cmi5LearnerPreferences' });
  assert.deepEqual(body(await au.request('GET', `${au.endpoint}agents/profile?${prefs}`)), { languagePreference: 'zh-CN', audioPreference: 'on' });
  assert.equal((await au.request('PUT', `${au.endpoint}agents/profile?${prefs}`, { languagePreference: 'zh CN!', audioPreference: 'on' })).status, 400);
  assert.equal((await au.request('PUT', `${au.endpoint}agents/profile?${prefs}`, { languagePreference: 'zh-CN,en-US', audioPreference: 'off' })).status, 204);
  // After terminated, state writes are taken for the grace period only (spec 9.3.8.0-4).
  await au.send(au.statement('initialized'));
  await au.send(au.statement('terminated', { result: { duration: 'PT1S' } }));
  assert.equal((await au.request('PUT', au.stateUrl('course-state'), { late: true })).status, 204);
  clock += 6_000;
  assert.equal((await au.request('PUT', au.stateUrl('course-state'), { later: true })).status, 401);
});

test('the admin API: courses, registrations, launch, summary; import errors name the requirement', async () => {
  const lms = newLms();
  const call = async (method: string, path: string, payload?: unknown) =>
    lms.handle({ method, path: new URL(path, origin).pathname, query: new URL(path, origin).searchParams, headers: {}, body: new TextEncoder().encode(payload ? JSON.stringify(payload) : ''), origin });
  assert.equal((await call('POST', '/api/courses', { package: 'pkg' })).status, 200);
  assert.equal((await call('POST', '/api/courses', { package: 'nope' })).status, 404);
  const { registration } = body(await call('POST', '/api/registrations', { package: 'pkg', learner: 'l-1' }));
  const launch = body(await call('POST', '/api/launch', { registration, launchMode: 'Browse', returnURL: `${origin}/lms/cmi5.html` }));
  assert.match(launch.url, /[?&]registration=/);
  assert.equal(body(await call('GET', `/api/registrations/${registration}`)).sessions[0].launchMode, 'Browse');
  const bad = newLms(cmi5Xml({ auId: 'relative-id' }));
  const reply = await bad.handle({ method: 'POST', path: '/api/courses', query: new URLSearchParams(), headers: {}, body: new TextEncoder().encode('{"package":"pkg"}'), origin });
  assert.equal(reply.status, 400);
  assert.equal(body(reply).requirement, '3.0.0.0-1 (d)');
  const page = await call('GET', `/returned.html?registration=${registration}`);
  assert.match(text(page), /您已退出课程/);
});
