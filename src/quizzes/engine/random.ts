import { fnv1a32 } from '../../util/hash.ts';

/**
 * Seeded randomness, so a draw or a shuffle can be reproduced from a seed stored with the attempt (e.g. in
 * suspend_data) instead of storing the order itself. Not cryptographic — it only needs to be stable and well spread.
 */

/**
 * A stable 32-bit hash of the parts (FNV-1a over UTF-16 code units, parts separated by U+0000 so
 * ('ab','c') ≠ ('a','bc'), then the murmur3 finaliser to spread nearby strings). Same parts → same seed, on every
 * engine and every run.
 */
export function seedFrom(...parts: string[]): number {
  return fmix32(fnv1a32(parts.join('\u0000')) ^ parts.length);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new array with the elements in a seeded order (Fisher–Yates); the input is not changed. */
export function shuffle<T>(array: readonly T[], seed: number): T[] {
  const out = [...array];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A seed derived from another seed and a label, for independent sub-streams (e.g. one per module). */
export function subSeed(seed: number, label: string): number {
  return seedFrom(String(seed >>> 0), label);
}
