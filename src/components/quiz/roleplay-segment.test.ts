import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeRoleplaySegment, encodeRoleplaySegment } from './roleplay-segment.ts';

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
