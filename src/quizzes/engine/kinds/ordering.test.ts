import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import '../../fixtures/property.ts';
import { makeOrdering } from '../../fixtures/items.ts';
import { ordering } from './ordering.ts';

const item = makeOrdering(4);
const s = (r: number[]) => ordering.score(item, r).score;

test('ordering: neighbouring pairs in the right relative order / (n − 1)', () => {
  assert.equal(s([0, 1, 2, 3]), 1);
  assert.equal(s([3, 2, 1, 0]), 0, 'reversed scores 0');
  assert.equal(s([0, 2, 1, 3]), 2 / 3, 'one swap of neighbours costs one pair');
  assert.equal(s([1, 2, 3, 0]), 2 / 3, 'first step moved to the end costs one pair');
  assert.equal(s([3, 0, 1, 2]), 2 / 3);
  assert.equal(s([1, 0, 3, 2]), 1 / 3);
});

test('ordering: 0 unless every step is placed exactly once', () => {
  assert.equal(s([]), 0);
  assert.equal(s([0, 1, 2]), 0);
  assert.equal(s([0, 1, 1, 2]), 0);
  assert.equal(s([0, 1, 2, 4]), 0);
  assert.equal(ordering.isAnswered(item, [0, 1, 2]), false);
  assert.equal(ordering.isAnswered(item, ordering.emptyResponse(item)), false);
  assert.equal(ordering.isAnswered(item, [2, 0, 3, 1]), true);
});

test('ordering: correct only in the authored order; score 1 iff correct', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 3, max: 9 })
        .chain((n) =>
          fc.tuple(
            fc.constant(makeOrdering(n)),
            fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          ),
        ),
      ([it, perm]) => {
        const { score, max } = ordering.score(it, perm);
        const identity = perm.every((v, i) => v === i);
        return ordering.isCorrect(it, perm) === identity && (score === max) === identity && score >= 0 && score <= max;
      },
    ),
    { numRuns: 200 },
  );
});

test('ordering: sequencing interaction with authored step indexes', () => {
  assert.deepEqual(ordering.interaction(item, [1, 0, 2, 3]), {
    type: 'sequencing',
    learner: [1, 0, 2, 3],
    correct: [0, 1, 2, 3],
    result: 'incorrect',
    weighting: 1,
  });
  assert.equal(ordering.interaction(item, [0, 1, 2, 3]).result, 'correct');
  assert.deepEqual(ordering.interaction(item, [0, 1]).learner, []);
});

test('ordering: parseResponse takes [] or a full permutation', () => {
  assert.deepEqual(ordering.parseResponse(item, []), []);
  assert.deepEqual(ordering.parseResponse(item, [3, 1, 0, 2]), [3, 1, 0, 2]);
  for (const bad of [[0, 1, 2], [0, 0, 1, 2], [0, 1, 2, 4], 'x', null])
    assert.equal(ordering.parseResponse(item, bad), undefined, JSON.stringify(bad));
});
