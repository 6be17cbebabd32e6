import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeRoleplaySegment,
  decodeRoleplayStatuses,
  encodeRoleplaySegment,
  isFinishedStatus,
  withRoleplayStatus,
} from './roleplay-segment.ts';

test('rp segment: round trip, compact ASCII without ~ or =', () => {
  for (const [index, path] of [
    [0, []],
    [1, [0, 2, 1]],
    [37, [35, 0, 10]],
  ] as [number, number[]][]) {
    const value = encodeRoleplaySegment(index, path);
    assert.match(value, /^[0-9a-z]+\.[0-9a-z]*$/);
    assert.deepEqual(decodeRoleplaySegment(value), { index, path });
  }
  assert.equal(encodeRoleplaySegment(1, [0, 2, 1]), '1.021');
});

test('rp segment: anything else reads as nothing saved', () => {
  for (const bad of [undefined, '', '1', '1-02', 'x.0~', '1.0=2', '.01', '12345.0']) {
    assert.equal(decodeRoleplaySegment(bad), undefined, String(bad));
  }
});

test('rs segment: one character per role-play; finished stays finished with its best verdict', () => {
  assert.deepEqual(decodeRoleplayStatuses(undefined, 3), ['not-started', 'not-started', 'not-started']);
  let value = withRoleplayStatus('', 2, 'in-progress');
  assert.equal(value, '001');
  value = withRoleplayStatus(value, 0, 'mixed');
  assert.equal(value, 'm01');
  assert.equal(withRoleplayStatus(value, 0, 'in-progress'), 'm01', 'replaying does not undo a finish');
  assert.equal(withRoleplayStatus(value, 0, 'bad'), 'm01', 'a worse replay keeps the best verdict');
  assert.equal(withRoleplayStatus(value, 0, 'good'), 'g01');
  assert.equal(withRoleplayStatus(value, 2, 'bad'), 'm0b');
  assert.deepEqual(decodeRoleplayStatuses('m0b', 4), ['mixed', 'not-started', 'bad', 'not-started']);
  assert.deepEqual(decodeRoleplayStatuses('x~', 2), ['not-started', 'not-started'], 'unreadable reads as nothing');
  assert.deepEqual(['not-started', 'in-progress', 'bad', 'mixed', 'good'].map((s) => isFinishedStatus(s as never)), [
    false,
    false,
    true,
    true,
    true,
  ]);
  assert.match(withRoleplayStatus('', 7, 'good'), /^0{7}g$/);
});
