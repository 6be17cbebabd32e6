/**
 * Classical test theory, as pure functions on counts and sums so the analysis can accumulate them while streaming.
 * References: Crocker & Algina, Introduction to Classical and Modern Test Theory (1986), ch. 14 (item analysis);
 * Kuder & Richardson (1937), formula 20; Kelley (1939) for the 27 % groups; Ebel (1954) for the D bands;
 * Wilson (1927) for the score interval.
 */

/** Item difficulty (facility) p = R / n: the proportion of responses that are right (Crocker & Algina §14.1). */
export function difficulty(right: number, n: number): number | null {
  return n > 0 ? right / n : null;
}

/** Running sums for a Pearson correlation between x and y. */
export interface PairSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export function emptySums(): PairSums {
  return { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
}

export function addPair(sums: PairSums, x: number, y: number): void {
  sums.n += 1;
  sums.sx += x;
  sums.sy += y;
  sums.sxx += x * x;
  sums.syy += y * y;
  sums.sxy += x * y;
}

/**
 * Pearson's r from sums: r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)). With x the item score (0/1) this is
 * the point-biserial correlation r_pb = (M₁ − M₀)/s · √(pq) (Crocker & Algina §14.3). `null` when either side has no
 * variance (everyone right, or every rest score equal): the correlation is undefined, not zero.
 */
export function pearsonFromSums(s: PairSums): number | null {
  if (s.n < 2) return null;
  const vx = s.n * s.sxx - s.sx * s.sx;
  const vy = s.n * s.syy - s.sy * s.sy;
  // Relative tolerance: sums of fractions leave rounding dust where the true variance is 0.
  if (vx <= 1e-9 * Math.max(1, s.n * s.sxx) || vy <= 1e-9 * Math.max(1, s.n * s.syy)) return null;
  return (s.n * s.sxy - s.sx * s.sy) / Math.sqrt(vx * vy);
}

/**
 * Upper–lower discrimination index D = p_U − p_L (Kelley 1939): the difficulty among the top 27 % of test takers by
 * total score minus that among the bottom 27 %. Ebel (1954): D ≥ 0.40 very good, 0.30–0.39 good, 0.20–0.29 marginal,
 * below 0.20 poor, negative = the item favours weaker learners.
 */
export function discriminationIndex(upperRight: number, upperN: number, lowerRight: number, lowerN: number): number | null {
  if (upperN === 0 || lowerN === 0) return null;
  return upperRight / upperN - lowerRight / lowerN;
}

/**
 * The 27 % groups by score, without an arbitrary tie-break: g = round(0.27·N) (at least 1); the upper group is every
 * attempt scoring at least the g-th highest score, the lower group every attempt scoring at most the g-th lowest.
 * Ties at a cut-off therefore make a group a little larger than 27 %. Returns the two cut-off scores.
 */
export function groupCutoffs(scores: readonly number[]): { upperMin: number; lowerMax: number; g: number } | null {
  if (scores.length < 2) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const g = Math.max(1, Math.round(0.27 * sorted.length));
  return { upperMin: sorted[sorted.length - g]!, lowerMax: sorted[g - 1]!, g };
}

/**
 * KR-20 (Kuder & Richardson 1937, formula 20): ρ = k/(k−1) · (1 − Σ pᵢqᵢ / σ²_X), with σ²_X the population variance
 * of the total scores (number right). For this course each attempt draws its own k items, so Σ pᵢqᵢ is taken per
 * attempt over the items it drew and averaged over attempts (`meanSumPq`), with each pᵢ estimated from all responses
 * to item i. When every attempt has the same items this is exactly the classical KR-20. For dichotomous items KR-20
 * equals Cronbach's α.
 */
export function kr20(k: number, meanSumPq: number, totalVariance: number): number | null {
  if (k < 2 || totalVariance <= 0) return null;
  return (k / (k - 1)) * (1 - meanSumPq / totalVariance);
}

/** Population variance Σ(x − x̄)²/N, the σ² of KR-20. */
export function populationVariance(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}

/**
 * Wilson score interval for a proportion (Wilson 1927), 95 % (z = 1.96): unlike p ± 1.96·√(pq/n) it stays inside
 * [0, 1] and is honest at small n, which is what decides whether a handful of responses already says something.
 */
export function wilson(right: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = right / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Upper end of the 95 % interval of a correlation by Fisher's z (z = atanh r, SE = 1/√(n−3)): when even that end is
 * below 0, a negative discrimination is not a chance result of a few responses.
 */
export function fisherUpper(r: number, n: number, z = 1.96): number {
  if (n <= 3) return 1;
  const clipped = Math.max(-0.999999, Math.min(0.999999, r));
  return Math.tanh(Math.atanh(clipped) + z / Math.sqrt(n - 3));
}
