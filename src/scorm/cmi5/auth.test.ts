import assert from 'node:assert/strict';
import test from 'node:test';
import { obtainToken } from './auth.ts';
import { fakeLrs, launch, memoryStore } from './fake-lrs.test-support.ts';
import { readSession, writeSession } from './session-store.ts';

test('POSTs the fetch URL exactly once; a reload within the session takes the token from sessionStorage (cmi5 8.2)', async () => {
  const lrs = fakeLrs();
  const store = memoryStore();
  const first = await obtainToken(launch, lrs.fetchFn, store);
  assert.equal(first.kind, 'ok');
  if (first.kind !== 'ok') return;
  assert.equal(first.session.token, 'dG9rZW4=');
  assert.equal(first.reused, false);
  assert.equal(lrs.requests[0]!.method, 'POST');
  const reload = await obtainToken(launch, lrs.fetchFn, store);
  assert.equal(reload.kind, 'ok');
  if (reload.kind === 'ok') assert.equal(reload.reused, true);
  assert.equal(lrs.fetchCount(), 1, 'no second POST to the one-time fetch URL');
});

test('a new session (new fetch URL, same registration) fetches its own token', async () => {
  const lrs = fakeLrs();
  const store = memoryStore();
  writeSession(store, `yks-cmi5:${launch.registration}:https://lms.example.invalid/fetch/old`, { token: 'old', initialized: true, terminated: true });
  const result = await obtainToken(launch, lrs.fetchFn, store);
  assert.equal(result.kind, 'ok');
  if (result.kind === 'ok') assert.equal(result.session.token, 'dG9rZW4=');
});

test('a refused or reused fetch URL (error-code JSON, HTTP error, network) is a clear refusal', async () => {
  const reused = fakeLrs();
  await obtainToken(launch, reused.fetchFn, memoryStore());
  const second = await obtainToken(launch, reused.fetchFn, memoryStore());
  assert.equal(second.kind, 'refused');
  if (second.kind === 'refused') assert.match(second.problem, /error-code 1/);
  const http = await obtainToken(launch, fakeLrs({ answer: () => 500 }).fetchFn, memoryStore());
  assert.equal(http.kind, 'refused');
  const offline = await obtainToken(launch, fakeLrs({ answer: () => 'throw' }).fetchFn, memoryStore());
  assert.equal(offline.kind, 'refused');
});

test('the session record survives a JSON round trip and ignores junk', () => {
  const store = memoryStore();
  writeSession(store, 'k', { token: 't', initialized: true, terminated: false });
  assert.deepEqual(readSession(store, 'k'), { token: 't', initialized: true, terminated: false });
  store.setItem('junk', '{not json');
  assert.equal(readSession(store, 'junk'), undefined);
  assert.equal(readSession(undefined, 'k'), undefined);
});
