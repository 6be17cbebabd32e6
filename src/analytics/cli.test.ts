import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { runAnalyze } from './cli.ts';
import { fixture, fixtureText, tempDir } from './test-support.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { log: (m: string) => out.push(m), error: (m: string) => err.push(m) } };
}

const now = new Date('2026-12-01T12:00:00Z');

test('writes report.html, report.json and one CSV per table; exit 0', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'report');
  const t = io();
  const code = await runAnalyze([fixture('scorm12-interactions.txt'), fixture('gradebook.csv'), '--item-map', fixture('item-map.csv'), '--out', out], t.io, now);
  assert.equal(code, 0, t.err.join('\n'));
  assert.deepEqual(readdirSync(out).sort(), ['csv', 'report.html', 'report.json']);
  assert.deepEqual(readdirSync(path.join(out, 'csv')).sort(), [
    'cohort.csv', 'distractors.csv', 'heatmap.csv', 'items.csv', 'modules.csv', 'outcomes.csv', 'pass-by-attempt.csv', 'restudy.csv', 'rules.csv', 'scores.csv',
  ]);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  assert.equal(report.cohort.responses, 280);
  // The CSV carries the same figure as the JSON, with its n.
  const items = readFileSync(path.join(out, 'csv/items.csv'), 'utf8');
  assert.ok(items.startsWith('\uFEFFitem,module,type,rules,n,right,p,'));
  const rows = parse(items, { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, report.items.length);
  for (const [i, item] of report.items.entries()) {
    assert.equal(rows[i]!.item, item.id);
    assert.equal(Number(rows[i]!.n), item.n);
    assert.ok(Math.abs(Number(rows[i]!.p) - item.p) < 1e-4, item.id);
    if (item.rpb !== null) assert.ok(Math.abs(Number(rows[i]!.rpb_item_rest) - item.rpb) < 1e-4, item.id);
  }
  assert.match(t.out.join('\n'), /报告已写入/);
  // No temporary directory is left behind.
  assert.deepEqual(readdirSync(dir), ['report']);
});

test('bad input: exit 2, the message names file, row and column, nothing is written', async () => {
  const dir = tempDir();
  const bad = path.join(dir, 'bad.txt');
  writeFileSync(bad, fixtureText('scorm12-interactions.txt').replace('a1-m02-handshake-01', 'a1-m99-x-01'));
  const out = path.join(dir, 'report');
  const t = io();
  const code = await runAnalyze([fixture('gradebook.csv'), bad, '--item-map', fixture('item-map.csv'), '--out', out], t.io, now);
  assert.equal(code, 2);
  assert.match(t.err.join('\n'), /没有写出任何文件[\s\S]*文件 bad\.txt，第 2 行，第 8 列（H，“Question 0”）/);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), ['bad.txt']);
});

test('an existing report is left untouched when the new analysis fails', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'report');
  const ok = await runAnalyze([fixture('scorm12-basic.txt'), '--item-map', fixture('item-map.csv'), '--out', out], io().io, now);
  assert.equal(ok, 0);
  const before = readFileSync(path.join(out, 'report.json'), 'utf8');
  const code = await runAnalyze([fixture('item-map.csv'), '--item-map', fixture('item-map.csv'), '--out', out], io().io, now);
  assert.equal(code, 2);
  assert.equal(readFileSync(path.join(out, 'report.json'), 'utf8'), before);
});

test('arguments: no files, unknown option, missing item map, bad pass mark, --help', async () => {
  let t = io();
  assert.equal(await runAnalyze([], t.io), 2);
  assert.match(t.err.join(''), /没有给出导出文件/);
  t = io();
  assert.equal(await runAnalyze(['x.txt', '--colour'], t.io), 2);
  assert.match(t.err.join(''), /参数错误/);
  t = io();
  assert.equal(await runAnalyze([fixture('scorm12-basic.txt'), '--item-map', 'nowhere/item-map.csv'], t.io), 2);
  assert.match(t.err.join(''), /找不到考题对照表 nowhere\/item-map\.csv/);
  t = io();
  assert.equal(await runAnalyze([fixture('scorm12-basic.txt'), '--item-map', fixture('item-map.csv'), '--pass-mark', '800'], t.io), 2);
  assert.match(t.err.join(''), /--pass-mark/);
  t = io();
  assert.equal(await runAnalyze(['--help'], t.io), 0);
  assert.match(t.out.join(''), /npm run analyze -- <导出文件…>/);
});

test('--pseudonymize without --salt warns that the default key is public', async () => {
  const dir = tempDir();
  const t = io();
  const saved = process.env.ANALYTICS_SALT;
  delete process.env.ANALYTICS_SALT;
  try {
    const code = await runAnalyze([fixture('scorm12-interactions.txt'), '--item-map', fixture('item-map.csv'), '--out', dir, '--pseudonymize'], t.io, now);
    assert.equal(code, 0);
  } finally {
    if (saved !== undefined) process.env.ANALYTICS_SALT = saved;
  }
  assert.match(t.out.join('\n'), /没有指定 --salt/);
  const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  assert.doesNotMatch(html, /林晓东|@example\.com/);
  assert.match(html, /公开的默认密钥/);
});
