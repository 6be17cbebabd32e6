import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeMatching } from '../../fixtures/items.ts';
import { matching, matchingTargets } from './matching.ts';

const item = makeMatching(3, 2); // lefts 0–2; targets 0–2 = pairs' rights, 3–4 = extraRights

test('matching: targets are the pairs’ rights then the extra rights', () => {
  assert.deepEqual(
    matchingTargets(item).map((t) => t.text),
    ['用语 1', '用语 2', '用语 3', '多余 1', '多余 2'],
  );
  assert.equal(matching.optionCount(item), 5);
});

test('matching: fraction of lefts matched to their own right', () => {
  const s = (r: (number | null)[]) => matching.score(item, r).score;
  assert.equal(s([0, 1, 2]), 1);
  assert.equal(s([0, 2, 1]), 1 / 3);
  assert.equal(s([0, 1, 3]), 2 / 3, 'an extra right is simply wrong');
  assert.equal(s([0, null, null]), 1 / 3);
  assert.equal(s([0, 0, 0]), 1 / 3, 'one target used for every left earns at most that pair');
  assert.equal(s([null, null, null]), 0);
  assert.equal(matching.isCorrect(item, [0, 1, 2]), true);
  assert.equal(matching.isCorrect(item, [0, 1, 4]), false);
});

test('matching: answered when every left has a target', () => {
  assert.deepEqual(matching.emptyResponse(item), [null, null, null]);
  assert.equal(matching.isAnswered(item, [0, 1, null]), false);
  assert.equal(matching.isAnswered(item, [4, 3, 1]), true);
  assert.equal(matching.isAnswered(item, [0, 1, 5]), false);
});

test('matching: interaction pairs [left, target] by authored index', () => {
  assert.deepEqual(matching.interaction(item, [1, null, 4]), {
    type: 'matching',
    learner: [
      [0, 1],
      [2, 4],
    ],
    correct: [
      [0, 0],
      [1, 1],
      [2, 2],
    ],
    result: 'incorrect',
    weighting: 1,
  });
  assert.equal(matching.interaction(item, [0, 1, 2]).result, 'correct');
});

test('matching: parseResponse needs one entry per left, each null or a target index', () => {
  assert.deepEqual(matching.parseResponse(item, [null, 4, 0]), [null, 4, 0]);
  for (const bad of [[0, 1], [0, 1, 2, 3], [0, 1, 5], [0, 1, -1], {}, null])
    assert.equal(matching.parseResponse(item, bad), undefined, JSON.stringify(bad));
});
