import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { columnLetter, formatWhere } from './errors.ts';
import { parseMoodleDate } from './moodle-dates.ts';
import { displayName } from './sources.ts';
import { tempDir } from './test-support.ts';
import { writeAtomically } from './write-output.ts';

test('Moodle dates in the text and the Excel form read as the same time', () => {
  const text = parseMoodleDate('Tuesday, 1 December 2026, 10:33 AM');
  assert.equal(text, Date.UTC(2026, 11, 1, 10, 33));
  assert.equal(parseMoodleDate('1 December 2026, 10:33 AM'), text);
  assert.equal(parseMoodleDate('1 December 2026, 12:05 PM'), Date.UTC(2026, 11, 1, 12, 5));
  assert.equal(parseMoodleDate('1 December 2026, 12:05 AM'), Date.UTC(2026, 11, 1, 0, 5));
  assert.equal(parseMoodleDate('-'), null);
});

test('names: Moodle "firstname lastname" reads 赵敏 for Chinese names', () => {
  assert.equal(displayName('敏', '赵'), '赵敏');
  assert.equal(displayName('Sam', 'Student'), 'Sam Student');
});

test('places: column letters and the message prefix', () => {
  assert.deepEqual([1, 26, 27, 247].map(columnLetter), ['A', 'Z', 'AA', 'IM']);
  assert.equal(formatWhere({ file: 'a.txt', row: 3, column: 8, header: 'Question 0' }), '文件 a.txt，第 3 行，第 8 列（H，“Question 0”）');
});

test('writeAtomically: all files appear together, no temporary directory remains, old files are replaced', () => {
  const dir = tempDir();
  const out = path.join(dir, 'out');
  mkdirSync(out);
  writeFileSync(path.join(out, 'report.json'), 'old');
  writeAtomically(out, { 'report.json': 'new', 'csv/a.csv': 'x' });
  assert.equal(readFileSync(path.join(out, 'report.json'), 'utf8'), 'new');
  assert.equal(readFileSync(path.join(out, 'csv/a.csv'), 'utf8'), 'x');
  assert.deepEqual(readdirSync(dir), ['out']);
});

test('the HR guide states the same lines as the code', async () => {
  const { THRESHOLDS } = await import('./report-model.ts');
  const guide = readFileSync(path.join(process.cwd(), 'docs/hr-guide.md'), 'utf8');
  assert.ok(guide.includes(`至少 ${THRESHOLDS.minItemN} 次作答`));
  assert.ok(guide.includes(`少于 ${THRESHOLDS.minRuleN} 次的条款不参加排名`));
  assert.ok(guide.includes(`少于 ${THRESHOLDS.minKr20Attempts} 次时只作参考`));
  assert.ok(guide.includes('](analytics-report.png)'));
});
