import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnalyticsError } from './errors.ts';
import { detectKind, scanSource } from './sources.ts';
import type { SourceKind } from './sources.ts';
import { analyzeFiles, fixture, fixtureItemMap, fixtureText, tempDir } from './test-support.ts';

const dir = tempDir();
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function rejects(files: string[], pattern: RegExp, where?: { row?: number; column?: number; file?: string }): Promise<AnalyticsError> {
  let caught: unknown;
  try {
    await analyzeFiles(files);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AnalyticsError, `expected an AnalyticsError, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  if (where?.file) assert.equal(caught.where.file, where.file);
  if (where?.row !== undefined) assert.equal(caught.where.row, where.row, caught.message);
  if (where?.column !== undefined) assert.equal(caught.where.column, where.column, caught.message);
  assert.match(caught.message, /^文件 /);
  return caught;
}

test('every fixture file is recognised by its header', async () => {
  const expected: Record<string, SourceKind> = {
    'scorm12-interactions.txt': 'moodle-interactions',
    'scorm12-interactions-all-students.txt': 'moodle-interactions',
    'scorm12-interactions.xlsx': 'moodle-interactions',
    'scorm2004-interactions.txt': 'moodle-interactions',
    'scorm12-basic.txt': 'moodle-basic',
    'scorm2004-basic.xlsx': 'moodle-basic',
    'scorm12-objectives.txt': 'moodle-objectives',
    'scorm2004-objectives.xlsx': 'moodle-objectives',
    'gradebook.csv': 'moodle-gradebook',
  };
  for (const [name, kind] of Object.entries(expected)) {
    const summary = await scanSource(fixture(name), name, fixtureItemMap(), {});
    assert.equal(summary.kind, kind, name);
  }
  assert.equal(detectKind(['learner', 'attempt', 'item_id', 'response', 'result'], 'x.csv'), 'long');
});

test('the Objectives report\'s ragged rows (Moodle 4.3) are accepted, with a notice that it carries no values', async () => {
  const r = await analyzeFiles(['scorm2004-objectives.txt']);
  assert.equal(r.cohort.learners, 14);
  assert.match(r.notices.join(''), /Objectives 报表只写表头/);
});

test('a truncated export (download cut off mid-row) names the file and the row', async () => {
  const text = fixtureText('scorm12-interactions.txt');
  const lines = text.split('\n');
  const cut = `${lines.slice(0, 5).join('\n')}\n${lines[5]!.slice(0, 400)}`;
  await rejects([write('cut.txt', cut)], /第 6 行.*这一行有 \d+ 列，表头有 247 列.*截断/, { file: 'cut.txt', row: 6 });
});

test('a file cut inside a quoted field is reported, not silently read', async () => {
  const text = fixtureText('scorm12-basic.txt');
  const cut = text.slice(0, text.lastIndexOf('"Tuesday') + 12);
  await rejects([write('cut-quote.txt', cut)], /引号没有闭合/, { file: 'cut-quote.txt' });
});

test('a result cell that is cut or unknown names row and column', async () => {
  const text = fixtureText('scorm12-interactions.txt').replace('\twrong\ta1-m03-order-tf-01', '\twro\ta1-m03-order-tf-01');
  await rejects([write('bad-result.txt', text)], /结果 “wro” 无法识别/, { row: 2, column: 11 });
});

test('wrong course: an interaction id that is not in the item map', async () => {
  const text = fixtureText('scorm12-interactions.txt').replace('a1-m02-handshake-01', 'a1-m99-other-course-01');
  const error = await rejects([write('other-course.txt', text)], /题目 m99-other-course-01 不在考题对照表 item-map\.csv 里/, { row: 2, column: 8 });
  assert.match(error.message, /“Question 0”/);
});

test('wrong course: interaction ids without the course\'s a<n>- prefix', async () => {
  const text = fixtureText('scorm12-interactions.txt').replace('a1-m02-handshake-01', 'q_1');
  await rejects([write('no-prefix.txt', text)], /不是本课程考试的格式/, { row: 2, column: 8 });
});

test('another edition of an item: the recorded right answer does not fit the item map', async () => {
  // m03-order-tf-01 is a true/false item keyed 错 (f) in this map; an edition keyed 对 records `t`.
  const text = fixtureText('scorm12-interactions.txt').replace('a1-m03-order-tf-01\tf\tf\tcorrect', 'a1-m03-order-tf-01\tt\tt\tcorrect');
  assert.notEqual(text, fixtureText('scorm12-interactions.txt'));
  await rejects([write('edition.txt', text)], /正确答案 “t” 与考题对照表.*不符/, { row: 2, column: 14 });
});

test('the same report given in two forms is refused instead of counted twice', async () => {
  await rejects([fixture('scorm12-interactions.txt'), fixture('scorm12-interactions.xlsx')], /已经在 scorm12-interactions\.txt 里出现过/, {
    file: 'scorm12-interactions.xlsx',
    row: 2,
  });
});

test('unreadable Excel files: not a workbook, a cut workbook, Moodle\'s empty-report </div>', async () => {
  await rejects([write('junk.xlsx', 'not a workbook')], /无法作为 Excel 文件读取/, { file: 'junk.xlsx' });
  const xlsx = readFileSync(fixture('scorm12-interactions.xlsx'));
  await rejects([write('cut.xlsx', xlsx.subarray(0, xlsx.length >> 1))], /无法读取 Excel 工作簿/, { file: 'cut.xlsx' });
  await rejects([write('empty-report.xlsx', Buffer.concat([Buffer.from('</div>'), xlsx]))], /没有任何数据行时会在文件开头多写一个/);
  await rejects([write('report.ods', readFileSync(fixture('scorm12-basic.ods')))], /ODS 格式暂不支持/);
});

test('a text report with no rows and Moodle\'s stray </div> is read, with a notice', async () => {
  const header = fixtureText('scorm12-basic.txt').split('\n')[0]!;
  const r = await analyzeFiles([write('empty.txt', `</div>${header}\n`)]);
  assert.equal(r.cohort.learners, 0);
  assert.match(r.notices.join(''), /没有任何学员记录的空报表/);
});

test('wrong files: the item map itself, an unknown table, an empty file, another encoding', async () => {
  await rejects([fixture('item-map.csv')], /认不出这是哪种导出文件/, { row: 1 });
  await rejects([write('other.csv', 'a,b,c\n1,2,3\n')], /认不出/, { row: 1 });
  await rejects([write('empty.csv', '')], /文件是空的/);
  await rejects([write('gbk.csv', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a]))], /不是 UTF-8 编码/);
  await rejects([path.join(dir, 'missing.txt')], /无法读取文件（ENOENT）/);
});

test('gradebook: a grade that is not a number names its cell', async () => {
  const text = fixtureText('gradebook.csv').replace('95.00', 'A+');
  await rejects([write('grades.csv', text)], /成绩 “A\+” 不是数字/, { row: 3, column: 8 });
});

test('long format: attempt, score and timestamp are checked', async () => {
  const head = 'learner,attempt,interaction_id,response,result,score,timestamp\n';
  await rejects([write('l1.csv', `${head}u1,x,a1-m01-dress-01,a,correct,80,2026-12-01T10:00:00Z\n`)], /attempt.*正整数/, { row: 2, column: 2 });
  await rejects([write('l2.csv', `${head}u1,1,a1-m01-dress-01,a,correct,180,2026-12-01T10:00:00Z\n`)], /不是 0–100/, { row: 2, column: 6 });
  await rejects([write('l3.csv', `${head}u1,1,a1-m01-dress-01,a,correct,80,yesterday\n`)], /ISO 8601/, { row: 2, column: 7 });
  await rejects([write('l4.csv', `${head}u1,2,a1-m01-dress-01,a,correct,80,\n`)], /属于第 1 次考试/, { row: 2, column: 3 });
  const ok = await analyzeFiles([write('l5.csv', `${head}u1,1,m01-dress-01,a,correct,85,2026-12-01T10:00:00Z\nu1,1,m01-dress-02,"a,b",incorrect,85,2026-12-01T10:04:00Z\n`)]);
  assert.equal(ok.cohort.responses, 2);
  assert.equal(ok.cohort.finalPass.right, 1);
  assert.equal(ok.cohort.passByAttempt[0]!.passed, 1);
  assert.equal(ok.cohort.time.exam?.median, 4);
});
