import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeTryReplies,
  encodeTryReplies,
  markTryReplyDone,
  maxPromptsPerLesson,
  mergeTryReplies,
  tryReplySegmentKey,
} from './try-reply-segment.ts';
import { encodeSuspendData, shortHash } from '../../scorm/suspend-data.ts';

test('tr segment: marks a prompt of one lesson and keeps the others', () => {
  let value = markTryReplyDone(undefined, 7, 0, 1);
  assert.equal(value, '2000000');
  value = markTryReplyDone(value, 7, 2, 0);
  value = markTryReplyDone(value, 7, 0, 0);
  assert.equal(value, '3010000');
  assert.deepEqual(decodeTryReplies(value, 7), [3, 0, 1, 0, 0, 0, 0]);
  // Out of range: nothing changes (a stale page cannot write bits no lesson has).
  assert.equal(markTryReplyDone(value, 7, 7, 0), value);
  assert.equal(markTryReplyDone(value, 7, 1, maxPromptsPerLesson), value);
});

test('tr segment: merge is a union; foreign or short values decode as nothing done', () => {
  assert.equal(mergeTryReplies('1000000', '0200001', 7), '1200001');
  assert.equal(mergeTryReplies(undefined, '', 7), '0000000');
  assert.deepEqual(decodeTryReplies('z!', 7), [0, 0, 0, 0, 0, 0, 0]);
  assert.equal(encodeTryReplies([31, 31, 31, 31, 31, 31, 31]), 'vvvvvvv');
});

test('tr segment: ASCII, no "~", and its worst case adds at most 11 characters to suspend_data', () => {
  const full = encodeTryReplies(Array(7).fill(31));
  assert.match(full, /^[0-9a-v]{7}$/);
  const hash = shortHash('yks-service-conduct');
  const without = encodeSuspendData({ modules: Array(7).fill(7), segments: {} }, hash, 'zzzzzzz');
  const withTr = encodeSuspendData({ modules: Array(7).fill(7), segments: { [tryReplySegmentKey]: full } }, hash, 'zzzzzzz');
  assert.equal(withTr.length - without.length, `~${tryReplySegmentKey}=`.length + 7);
  assert.ok(withTr.length - without.length <= 11);
});
