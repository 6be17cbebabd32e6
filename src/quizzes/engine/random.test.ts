import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import '../fixtures/property.ts';
import { mulberry32, seedFrom, shuffle, subSeed } from './random.ts';

test('seedFrom and shuffle: pinned values (changing them reorders every stored attempt)', () => {
  assert.equal(seedFrom('learner-1', 'exam'), 1080095148);
  assert.equal(seedFrom('a'), 711464985);
  assert.equal(seedFrom(), 2872998923);
  assert.equal(seedFrom('学员'), 2893783836);
  assert.deepEqual(shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 12345), [6, 4, 8, 0, 1, 7, 5, 3, 2, 9]);
});

test('seedFrom: parts are separated, and results are 32-bit unsigned', () => {
  assert.notEqual(seedFrom('ab', 'c'), seedFrom('a', 'bc'));
  assert.notEqual(seedFrom('a', ''), seedFrom('a'));
  assert.notEqual(seedFrom(''), seedFrom());
  fc.assert(
    fc.property(fc.array(fc.string()), (parts) => {
      const s = seedFrom(...parts);
      return Number.isInteger(s) && s >= 0 && s < 2 ** 32 && s === seedFrom(...parts);
    }),
  );
});

test('seedFrom: nearby strings give well-spread seeds', () => {
  const seeds = new Set(Array.from({ length: 1000 }, (_, i) => seedFrom('learner', String(i))));
  assert.equal(seeds.size, 1000);
});

test('mulberry32: deterministic floats in [0, 1)', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('shuffle: a permutation of the input, input untouched, same seed same order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), fc.nat({ max: 2 ** 32 - 1 }), (array, seed) => {
      const before = [...array];
      const out = shuffle(array, seed);
      assert.deepEqual(array, before);
      assert.deepEqual(
        [...out].sort((x, y) => x - y),
        [...array].sort((x, y) => x - y),
      );
      assert.deepEqual(shuffle(array, seed), out);
    }),
  );
});

test('shuffle: every position reachable, roughly uniform', () => {
  const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  for (let seed = 0; seed < 4000; seed += 1) {
    shuffle([0, 1, 2, 3], seedFrom(String(seed))).forEach((v, pos) => {
      (counts[v] as number[])[pos] = ((counts[v] as number[])[pos] ?? 0) + 1;
    });
  }
  for (const row of counts) for (const c of row) assert.ok(c > 850 && c < 1150, `count ${c}`);
});

test('subSeed: depends on both seed and label', () => {
  assert.notEqual(subSeed(1, 'a'), subSeed(2, 'a'));
  assert.notEqual(subSeed(1, 'a'), subSeed(1, 'b'));
  assert.equal(subSeed(1, 'a'), subSeed(1, 'a'));
});
