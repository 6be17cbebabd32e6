import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSpotting } from '../../fixtures/items.ts';
import { breakingLines, spotting } from './spotting.ts';

const item = makeSpotting([false, true, false, true, false]); // lines 1 and 3 break the standard

test('spotting: breaking lines', () => {
  assert.deepEqual(breakingLines(item), [1, 3]);
});

test('spotting: (breaking marked − fine marked) / breaking, floored at 0', () => {
  const s = (r: number[]) => spotting.score(item, r).score;
  assert.equal(s([1, 3]), 1);
  assert.equal(s([1]), 1 / 2);
  assert.equal(s([1, 3, 0]), 1 / 2);
  assert.equal(s([1, 0]), 0);
  assert.equal(s([0, 2, 4]), 0, 'floored at 0');
  assert.equal(s([0, 1, 2, 3, 4]), 0, 'marking every line earns nothing here');
  assert.equal(spotting.isCorrect(item, [3, 1]), true);
  assert.equal(spotting.isCorrect(item, [1, 3, 4]), false);
});

test('spotting: answered once a line is marked', () => {
  assert.equal(spotting.isAnswered(item, spotting.emptyResponse(item)), false);
  assert.equal(spotting.isAnswered(item, [0]), true);
});

test('spotting: choice interaction, correct = the breaking lines', () => {
  assert.deepEqual(spotting.interaction(item, [3, 0]), {
    type: 'choice',
    learner: [0, 3],
    correct: [1, 3],
    result: 'incorrect',
    weighting: 1,
  });
  assert.equal(spotting.interaction(item, [1, 3]).result, 'correct');
});

test('spotting: never shuffled (a dialogue keeps its order)', () => {
  assert.equal(spotting.shuffle, 'none');
});
