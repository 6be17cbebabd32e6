import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../rules/index.ts';
import { parseCitations, parseNumeral } from './citations.ts';

const known = new Set(rules.map((rule) => rule.id));
const ids = (text: string) => parseCitations(text, known).map((c) => c.id);

test('numerals: Arabic and Chinese up to the tens', () => {
  assert.deepEqual(
    ['5', '10', '一', '六', '十', '十一', '二十', '二十三'].map(parseNumeral),
    [5, 10, 1, 6, 10, 11, 20, 23],
  );
  assert.ok(Number.isNaN(parseNumeral('')));
  assert.ok(Number.isNaN(parseNumeral('三四')));
});

test('every form of the citation format maps to its rule id (Arabic and Chinese numerals)', () => {
  const cases: [string, string][] = [
    ['第一部分仪表规范第3条', 's1-y3'],
    ['第一部分仪表规范第三条', 's1-y3'],
    ['第一部分举止规范第5条', 's1-j5'],
    ['第二部分第一条', 's2-a1-0'],
    ['第二部分第一条第4项', 's2-a1-4'],
    ['第二部分第一条第四项', 's2-a1-4'],
    ['第二部分第3条第2项', 's2-a3-2'],
    ['第二部分第五条', 's2-a5'],
    ['第二部分第7条', 's2-a7'],
    ['第三部分第二条', 's3-2'],
    ['第三部分第1条', 's3-1'],
    ['第四部分行为规范第6条', 's4-x6'],
    ['第四部分服务态度第二条', 's4-t2'],
    ['第五部分总则', 's5-p0'],
    ['第五部分办公用语第5条', 's5-o5'],
    ['第五部分办公用语第十条', 's5-o10'],
    ['第五部分电话用语第1条', 's5-t1'],
    ['第五部分禁忌用语', 's5-f'],
    ['第六部分第3条', 's6-3'],
    ['第七部分基本要求（三）', 's7-b3'],
    ['第七部分工作规范（六）', 's7-w6'],
    ['第七部分工作规范(四)', 's7-w4'],
  ];
  for (const [text, id] of cases) {
    assert.deepEqual(ids(`正确。${text}：……`), [id], text);
    assert.ok(known.has(id), `${id} is a rule of the catalog`);
  }
});

test('several citations in one text, in order; short forms after a full one are not counted', () => {
  assert.deepEqual(
    ids('第五部分办公用语第5条……第6条；又见第七部分工作规范（六）和第二部分第一条第4项。'),
    ['s5-o5', 's7-w6', 's2-a1-4'],
  );
});

test('texts that only name a part, or an unknown combination, cite nothing; unknown numbers still map', () => {
  assert.deepEqual(ids('第五部分列出的禁忌用语'), []);
  assert.deepEqual(ids('第四部分第2条'), [], 'section four needs 行为规范 or 服务态度');
  assert.deepEqual(ids('第七部分工作规范'), []);
  // An id that is not in the catalog is returned, so the lint can report it.
  assert.deepEqual(ids('第五部分办公用语第12条'), ['s5-o12']);
});
