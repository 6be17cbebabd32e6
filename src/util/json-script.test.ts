import assert from 'node:assert/strict';
import test from 'node:test';
import { jsonForScript } from './json-script.ts';

test('jsonForScript cannot close the script element and reads back unchanged', () => {
  const value = { title: '</script><script>alert(1)</script>', note: '<!-- & -->', line: 'a\u2028b' };
  const text = jsonForScript(value);
  assert.doesNotMatch(text, /<|>|&|\u2028/);
  assert.deepEqual(JSON.parse(text), value);
});
