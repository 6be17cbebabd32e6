import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSingle } from '../../fixtures/items.ts';
import { single, singleOptions } from './single.ts';

const item = makeSingle(3); // options: 0 = answer, 1–3 = distractors

test('single: options in authored order, answer first', () => {
  assert.deepEqual(
    singleOptions(item).map((o) => o.text),
    ['正确 1', '干扰 1', '干扰 2', '干扰 3'],
  );
  assert.equal(single.optionCount(item), 4);
});

test('single: all or nothing', () => {
  assert.deepEqual(single.score(item, 0), { score: 1, max: 1 });
  assert.deepEqual(single.score(item, 2), { score: 0, max: 1 });
  assert.deepEqual(single.score(item, null), { score: 0, max: 1 });
  assert.equal(single.isCorrect(item, 0), true);
  assert.equal(single.isCorrect(item, 3), false);
});

test('single: answered only with an index in range', () => {
  assert.equal(single.isAnswered(item, single.emptyResponse(item)), false);
  assert.equal(single.isAnswered(item, 3), true);
  assert.equal(single.isAnswered(item, 4), false);
});

test('single: choice interaction by authored index', () => {
  assert.deepEqual(single.interaction(item, 2), {
    type: 'choice',
    learner: [2],
    correct: [0],
    result: 'incorrect',
    weighting: 1,
  });
  assert.deepEqual(single.interaction(item, 0), {
    type: 'choice',
    learner: [0],
    correct: [0],
    result: 'correct',
    weighting: 1,
  });
  assert.deepEqual(single.interaction(item, null).learner, []);
});

test('single: parseResponse accepts null or an index in range only', () => {
  assert.equal(single.parseResponse(item, null), null);
  assert.equal(single.parseResponse(item, 3), 3);
  for (const bad of [4, -1, 1.5, '1', [1], true, undefined])
    assert.equal(single.parseResponse(item, bad), undefined, String(bad));
});
