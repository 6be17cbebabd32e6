import assert from 'node:assert/strict';
import test from 'node:test';
import { fnv1a32, shortHash } from './hash.ts';

test('fnv1a32 gives the published FNV-1a test vectors', () => {
  // From the FNV reference (draft-eastlake-fnv): "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
  assert.equal(fnv1a32(''), 0x811c9dc5);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.equal(fnv1a32('foobar'), 0xbf9cf968);
});

test('shortHash is base 36 of the same value', () => {
  assert.equal(shortHash('foobar'), (0xbf9cf968).toString(36));
});
