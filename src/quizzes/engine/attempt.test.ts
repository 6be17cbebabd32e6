import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeMultiple, makeOrdering, makeSingle, makeTrueFalse } from '../fixtures/items.ts';
import type { BankItem } from '../schema.ts';
import { scoreAttempt } from './attempt.ts';

const items: BankItem[] = [
  { ...makeSingle(2, 'm01-a-01'), module: '01-appearance' },
  { ...makeTrueFalse(false, 'm01-a-02'), module: '01-appearance' },
  { ...makeMultiple(2, 2, 'm03-a-01'), module: '03-telephone' },
  { ...makeOrdering(4, 'm03-a-02'), module: '03-telephone' },
];

test('scoreAttempt: sums per module and rounds raw to 0–100', () => {
  const result = scoreAttempt(items, { 'm01-a-01': 0, 'm01-a-02': true, 'm03-a-01': [0], 'm03-a-02': [0, 1, 2, 3] });
  assert.deepEqual(result.perModule, {
    '01-appearance': { score: 1, max: 2 },
    '03-telephone': { score: 1.5, max: 2 },
  });
  assert.equal(result.score, 2.5);
  assert.equal(result.max, 4);
  assert.equal(result.raw, 63); // 62.5 rounds up
});

test('scoreAttempt: all right is 100, nothing answered is 0, unreadable responses score 0', () => {
  assert.equal(
    scoreAttempt(items, { 'm01-a-01': 0, 'm01-a-02': false, 'm03-a-01': [1, 0], 'm03-a-02': [0, 1, 2, 3] }).raw,
    100,
  );
  assert.equal(scoreAttempt(items, {}).raw, 0);
  assert.equal(scoreAttempt(items, { 'm01-a-01': 'x', 'm03-a-01': [7, 7] }).raw, 0);
  assert.deepEqual(scoreAttempt([], {}), { raw: 0, score: 0, max: 0, perModule: {} });
});

test('scoreAttempt: thirds add up to a whole point without losing it to floating point', () => {
  const thirds: BankItem[] = [0, 1, 2].map((i) => ({
    ...makeMultiple(3, 1, `m03-t-0${i}`),
    module: '03-telephone' as const,
  }));
  const { raw } = scoreAttempt(thirds, { 'm03-t-00': [0], 'm03-t-01': [1], 'm03-t-02': [2] });
  assert.equal(raw, 33);
  assert.equal(scoreAttempt(thirds, { 'm03-t-00': [0, 1, 2], 'm03-t-01': [0, 1, 2], 'm03-t-02': [0, 1, 2] }).raw, 100);
});

test('scoreAttempt: a response keyed by an inherited property name is not picked up', () => {
  const item: BankItem = { ...makeSingle(2, 'constructor'), module: '01-appearance' };
  assert.equal(scoreAttempt([item], {}).raw, 0);
});
