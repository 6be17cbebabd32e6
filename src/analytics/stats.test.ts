import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleCorrelation, sampleVariance, variance } from 'simple-statistics';
import {
  addPair,
  difficulty,
  discriminationIndex,
  emptySums,
  fisherUpper,
  groupCutoffs,
  kr20,
  median,
  pearsonFromSums,
  populationVariance,
  wilson,
} from './stats.ts';

const close = (actual: number | null, expected: number, digits = 9) => {
  assert.notEqual(actual, null);
  assert.ok(Math.abs(actual! - expected) < 10 ** -digits, `${actual} ≉ ${expected}`);
};

test('difficulty is the proportion right; undefined without responses', () => {
  assert.equal(difficulty(3, 4), 0.75);
  assert.equal(difficulty(0, 0), null);
});

test('point-biserial from running sums: a hand-computed case', () => {
  // x = item (1,1,0,0), y = rest (0.9,0.7,0.6,0.2): M1 = 0.8, M0 = 0.4, s_y (population) = √0.065, p = q = 0.5.
  // r_pb = (M1 − M0)/s · √(pq) = 0.4/0.254951 · 0.5 = 0.784465…
  const sums = emptySums();
  [[1, 0.9], [1, 0.7], [0, 0.6], [0, 0.2]].forEach(([x, y]) => addPair(sums, x!, y!));
  close(pearsonFromSums(sums), 0.784465, 6);
});

test('point-biserial agrees with simple-statistics sampleCorrelation on random data', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 20; round++) {
    const xs: number[] = [];
    const ys: number[] = [];
    const sums = emptySums();
    for (let i = 0; i < 30; i++) {
      const y = random();
      const x = random() < y ? 1 : 0;
      xs.push(x);
      ys.push(y);
      addPair(sums, x, y);
    }
    close(pearsonFromSums(sums), sampleCorrelation(xs, ys));
  }
});

test('no variance on either side gives no correlation (not 0)', () => {
  const allRight = emptySums();
  [[1, 0.2], [1, 0.8]].forEach(([x, y]) => addPair(allRight, x!, y!));
  assert.equal(pearsonFromSums(allRight), null);
  const one = emptySums();
  addPair(one, 1, 0.5);
  assert.equal(pearsonFromSums(one), null);
});

test('upper–lower index and the 27 % cut-offs, ties kept together', () => {
  close(discriminationIndex(9, 10, 3, 10), 0.6);
  assert.equal(discriminationIndex(1, 0, 1, 2), null);
  // 10 scores: g = round(2.7) = 3; third highest is 0.8, third lowest 0.4.
  assert.deepEqual(groupCutoffs([0.1, 0.2, 0.4, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]), { upperMin: 0.8, lowerMax: 0.4, g: 3 });
  assert.equal(groupCutoffs([0.5]), null);
});

test('KR-20: a hand-computed 4 × 3 case and equality with Cronbach α (simple-statistics variances)', () => {
  const matrix = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
  ];
  const k = 3;
  const ps = [0, 1, 2].map((j) => matrix.reduce((s, row) => s + row[j]!, 0) / matrix.length);
  const sumPq = ps.reduce((s, p) => s + p * (1 - p), 0); // 0.1875 + 0.25 + 0.1875 = 0.625
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0)); // 3,2,1,0 → σ² = 1.25
  close(populationVariance(totals), 1.25);
  close(kr20(k, sumPq, populationVariance(totals)), 1.5 * (1 - 0.625 / 1.25)); // 0.75
  // Cronbach's α with population variances from simple-statistics is the same number for 0/1 items.
  const itemVariances = [0, 1, 2].map((j) => variance(matrix.map((row) => row[j]!)));
  const alpha = (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / variance(totals));
  close(kr20(k, sumPq, populationVariance(totals)), alpha);
  // And with sample variances throughout (n − 1), α is unchanged: the factor cancels.
  const alphaSample = (k / (k - 1)) * (1 - [0, 1, 2].reduce((s, j) => s + sampleVariance(matrix.map((row) => row[j]!)), 0) / sampleVariance(totals));
  close(alpha, alphaSample);
  assert.equal(kr20(1, 0.2, 1), null);
  assert.equal(kr20(20, 1, 0), null);
});

test('Wilson interval: known values, stays in [0, 1]', () => {
  const w = wilson(0, 4)!;
  close(w.low, 0);
  close(w.high, 1.96 ** 2 / (4 + 1.96 ** 2), 6); // 0.4899 for 0 of 4
  const half = wilson(10, 20)!;
  close(half.low, 0.2993, 4);
  close(half.high, 0.7007, 4);
  assert.equal(wilson(0, 0), null);
});

test('Fisher z upper bound: strongly negative with enough n is below 0, few responses are not', () => {
  assert.ok(fisherUpper(-0.6, 40) < 0);
  assert.ok(fisherUpper(-0.73, 5) > 0);
  assert.equal(fisherUpper(-1, 3), 1);
});

test('median', () => {
  assert.equal(median([]), null);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
});
