import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeMultiple } from '../../fixtures/items.ts';
import { multiple, multipleOptions } from './multiple.ts';

const item = makeMultiple(3, 2); // 0–2 answers, 3–4 distractors

test('multiple: options in authored order, answers first', () => {
  assert.deepEqual(
    multipleOptions(item).map((o) => `${o.text}:${o.correct}`),
    ['正确 1:true', '正确 2:true', '正确 3:true', '干扰 1:false', '干扰 2:false'],
  );
});

test('multiple: (correct − wrong) / answers, floored at 0; correct only when exact', () => {
  const s = (r: number[]) => multiple.score(item, r).score;
  assert.equal(s([0, 1, 2]), 1);
  assert.equal(s([0, 1]), 2 / 3);
  assert.equal(s([0, 1, 2, 3]), 2 / 3);
  assert.equal(s([0, 3]), 0);
  assert.equal(s([0, 3, 4]), 0, 'floored at 0, never negative');
  assert.equal(s([0, 1, 2, 3, 4]), 1 / 3, 'marking everything does not earn full credit');
  assert.equal(s([]), 0);
  assert.equal(multiple.isCorrect(item, [2, 0, 1]), true);
  assert.equal(multiple.isCorrect(item, [0, 1]), false);
  assert.equal(multiple.isCorrect(item, [0, 1, 2, 4]), false);
});

test('multiple: damaged responses only lose credit (repeats and out-of-range marks ignored)', () => {
  assert.equal(multiple.score(item, [0, 0, 0]).score, 1 / 3);
  assert.equal(multiple.score(item, [0, 1, 2, 9, -1]).score, 1);
});

test('multiple: answered when at least one valid mark', () => {
  assert.equal(multiple.isAnswered(item, multiple.emptyResponse(item)), false);
  assert.equal(multiple.isAnswered(item, [9]), false);
  assert.equal(multiple.isAnswered(item, [4]), true);
});

test('multiple: choice interaction with sorted authored indexes', () => {
  assert.deepEqual(multiple.interaction(item, [4, 0, 1]), {
    type: 'choice',
    learner: [0, 1, 4],
    correct: [0, 1, 2],
    result: 'incorrect',
    weighting: 1,
  });
  assert.equal(multiple.interaction(item, [2, 1, 0]).result, 'correct');
});

test('multiple: parseResponse wants unique indexes in range and sorts them', () => {
  assert.deepEqual(multiple.parseResponse(item, [3, 0]), [0, 3]);
  assert.deepEqual(multiple.parseResponse(item, []), []);
  for (const bad of [[0, 0], [5], [-1], 'x', null, 1])
    assert.equal(multiple.parseResponse(item, bad), undefined, JSON.stringify(bad));
});
