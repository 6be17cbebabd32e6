import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatScorm12Response } from '../scorm/scorm12/responses.ts';
import { formatScorm2004Response } from '../scorm/scorm2004/responses.ts';
import { codesOf, normalizeResponse, optionIndex } from './responses.ts';

test('SCORM 1.2 codes stay as they are', () => {
  for (const code of ['a', 'b,c,d', 't', 'f', 'a.a,b.c', 'a,c,b,d', '']) assert.equal(normalizeResponse(code), code);
});

test('a SCORM 2004 response becomes the 1.2 code of the same option (both writers of the course agree)', () => {
  const cases = [
    ['choice', [1]],
    ['choice', [0, 2, 3]],
    ['sequencing', [0, 2, 1, 3]],
    ['matching', [[0, 1], [1, 0], [2, 2]]],
    ['true-false', true],
    ['true-false', false],
  ] as const;
  for (const [type, value] of cases) {
    const v = value as never;
    assert.equal(normalizeResponse(formatScorm2004Response(type, v)), formatScorm12Response(type, v), `${type} ${JSON.stringify(value)}`);
  }
});

test('codes and option indexes', () => {
  assert.deepEqual(codesOf('b,c,d'), ['b', 'c', 'd']);
  assert.deepEqual(codesOf(''), []);
  assert.equal(optionIndex('a'), 0);
  assert.equal(optionIndex('d'), 3);
});
