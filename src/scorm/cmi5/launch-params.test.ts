import assert from 'node:assert/strict';
import test from 'node:test';
import { parseLaunchParams } from './launch-params.ts';

const actor = { objectType: 'Agent', name: '张三', account: { homePage: 'https://lms.example.invalid', name: 'u-001' } };
const params = {
  endpoint: 'https://lrs.example.invalid/xapi',
  fetch: 'https://lms.example.invalid/fetch/abc?x=1',
  actor: JSON.stringify(actor),
  registration: '5f0c9a3e-8b1d-4c6e-9a2f-0d3b7e1c4a55',
  activityId: 'https://course.invalid/yks-service-conduct/au',
};
const query = (values: Record<string, string>) => `?${new URLSearchParams(values).toString()}`;

test('reads the five launch parameters in any order (cmi5 8.1.0.0-7); the endpoint gets a trailing slash', () => {
  const reversed = Object.fromEntries(Object.entries(params).reverse());
  for (const search of [query(params), query(reversed)]) {
    const parsed = parseLaunchParams(search);
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind !== 'ok') return;
    assert.equal(parsed.launch.endpoint, 'https://lrs.example.invalid/xapi/');
    assert.equal(parsed.launch.fetchUrl, params.fetch, 'the fetch URL is used exactly as given');
    assert.deepEqual(parsed.launch.actor, actor, 'the actor exactly as given');
    assert.equal(parsed.launch.registration, params.registration);
    assert.equal(parsed.launch.activityId, params.activityId);
  }
});

test('no cmi5 parameter at all is not a cmi5 launch (standalone or SCORM)', () => {
  assert.deepEqual(parseLaunchParams(''), { kind: 'none' });
  assert.deepEqual(parseLaunchParams('?lang=zh-CN'), { kind: 'none' });
});

test('a malformed launch URL is reported with what is wrong, never half-used', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ ...params, fetch: '' }, /missing fetch/],
    [{ ...params, endpoint: 'not a url' }, /endpoint/],
    [{ ...params, endpoint: 'javascript:alert(1)' }, /endpoint/],
    [{ ...params, fetch: '/relative/fetch' }, /fetch/],
    [{ ...params, actor: '{"name":"no account"}' }, /actor/],
    [{ ...params, actor: '{broken' }, /actor/],
    [{ ...params, actor: JSON.stringify({ ...actor, objectType: 'Group' }) }, /actor/],
    [{ ...params, registration: 'abc' }, /registration/],
    [{ ...params, activityId: 'no iri' }, /activityId/],
  ];
  for (const [values, problem] of cases) {
    const parsed = parseLaunchParams(query(values));
    assert.equal(parsed.kind, 'malformed', JSON.stringify(values));
    if (parsed.kind === 'malformed') assert.match(parsed.problem, problem);
  }
});
