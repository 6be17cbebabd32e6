import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSuspendData, encodeSuspendData, ModuleFlag, shortHash } from './suspend-data.ts';

const tag = shortHash('yks-service-conduct');
const hash = shortHash('content-v1');

test('round trip keeps module flags and feature segments', () => {
  const state = { modules: [7, 3, 1, 0, 0, 0, 0], segments: { ex: 'a1b2', rp: '0.1.2' } };
  const text = encodeSuspendData(state, tag, hash);
  assert.match(text, /^1~[0-9a-z]+~[0-9a-z]+~7310000~ex=a1b2~rp=0\.1\.2$/);
  const decoded = decodeSuspendData(text, tag, hash, 7);
  assert.equal(decoded.status, 'ok');
  assert.deepEqual(decoded.state, state);
});

test('empty, corrupt and foreign data start fresh', () => {
  assert.equal(decodeSuspendData('', tag, hash, 7).status, 'empty');
  for (const corrupt of ['{"json":true}', '1~', '2~a~b~000', '1~x~y~zz!', `1~${tag}~${hash}~1000000~novalue`]) {
    const result = decodeSuspendData(corrupt, tag, hash, 7);
    assert.equal(result.status, 'corrupt', corrupt);
    assert.deepEqual(result.state.modules, [0, 0, 0, 0, 0, 0, 0], corrupt);
  }
  const other = encodeSuspendData({ modules: [7, 7, 7, 7, 7, 7, 7], segments: {} }, shortHash('another-course'), hash);
  assert.equal(decodeSuspendData(other, tag, hash, 7).status, 'other-course');
  assert.deepEqual(decodeSuspendData(other, tag, hash, 7).state.modules, [0, 0, 0, 0, 0, 0, 0]);
});

test('data from an older content version keeps module progress and drops feature segments', () => {
  const old = encodeSuspendData({ modules: [7, 3, 0, 0, 0, 0, 0], segments: { ex: 'draw' } }, tag, shortHash('content-v0'));
  const result = decodeSuspendData(old, tag, hash, 7);
  assert.equal(result.status, 'older-content');
  assert.deepEqual(result.state, { modules: [7, 3, 0, 0, 0, 0, 0], segments: {} });
  assert.deepEqual(result.previousSegments, { ex: 'draw' }, 'features may carry part of their state over');
});

test('module flags fit one base-36 digit each', () => {
  const all = ModuleFlag.visited | ModuleFlag.reachedEnd | ModuleFlag.checkAnswered;
  const text = encodeSuspendData({ modules: Array(7).fill(all), segments: {} }, tag, hash);
  assert.ok(text.length < 40, text);
});
