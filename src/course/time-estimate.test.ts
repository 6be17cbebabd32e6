import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countHan, countTryReplies, examMinutes, lessonReadingChars, lessonTime, timeModel } from './time-estimate.ts';
import { ruleById } from '../rules/index.ts';

test('time: reading at 300 汉字 per minute (rounded up) plus fixed minutes per activity', () => {
  assert.equal(timeModel.readingCharsPerMinute, 300);
  assert.deepEqual(lessonTime({ readingChars: 3000, checkItems: 0, tryReplies: 0, roleplays: 0 }), { reading: 10, practice: 0, total: 10 });
  assert.deepEqual(lessonTime({ readingChars: 3001, checkItems: 5, tryReplies: 2, roleplays: 1 }), {
    reading: 11,
    practice: 5 * 1 + 2 * 3 + 6,
    total: 11 + 17,
  });
  // Even an almost empty lesson takes a minute to open and read.
  assert.equal(lessonTime({ readingChars: 0, checkItems: 0, tryReplies: 0, roleplays: 0 }).reading, 1);
});

test('time: the exam takes its time limit, else size × 1.5 minutes', () => {
  assert.equal(examMinutes(20, 30), 30);
  assert.equal(examMinutes(20, 0), 30);
  assert.equal(examMinutes(25, 0), 38);
});

test('time: 汉字 are counted, markup and ASCII are not; rules add the standard’s text; prompts are counted', () => {
  assert.equal(countHan('<Rule id="s3-1">您好，abc 请坐。</Rule>'), 4);
  const source = '<Rule id="s3-1" />\n<TryReply title="打电话">情景</TryReply>\n<TryReply title="接电话">情景</TryReply>';
  const rule = ruleById('s3-1');
  assert.ok(rule);
  assert.equal(lessonReadingChars(source, (id) => ruleById(id)?.text), countHan(source) + countHan(rule.text));
  assert.equal(countTryReplies(source), 2);
});

test('time: every lesson’s estimate comes from its source (no hand-written minutes in the frontmatter)', () => {
  const dir = fileURLToPath(new URL('../modules/', import.meta.url));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(dir + file, 'utf8');
    assert.doesNotMatch(source, /^minutes:/m, `${file}: minutes are computed (src/course/time-estimate.ts), not written`);
    const chars = lessonReadingChars(source, (id) => ruleById(id)?.text);
    assert.ok(chars > 1000, `${file}: ${chars} 汉字`);
  }
});
