import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildItemMap } from '../exam/item-map.ts';
import { loadBank } from '../quizzes/load-bank.ts';
import { rules, sections } from '../rules/index.ts';
import { AnalyticsError } from './errors.ts';
import { parseItemMap } from './item-map.ts';
import { fixtureItemMap } from './test-support.ts';

test('the fixture item map: every row, module, rules and key', () => {
  const map = fixtureItemMap();
  assert.equal(map.items.size, 104);
  for (const item of map.items.values()) {
    assert.match(item.module, /^0[1-7]-[a-z]+$/);
    assert.ok(item.rules.length > 0 && item.rules.every((r) => /^s[1-7]-/.test(r)), item.id);
    assert.ok(item.question && item.correct, item.id);
  }
});

test('reads the map the current build writes (src/exam/item-map.ts), whatever its item ids are', () => {
  const bank = loadBank(path.join(process.cwd(), 'src/quizzes/bank'), new Set(rules.map((r) => r.id)));
  const titles = Object.fromEntries(sections.map((s) => [s.module, s.title]));
  const map = parseItemMap(buildItemMap(bank.items, titles), 'built.csv');
  assert.ok(map.items.size > 0);
  for (const item of bank.items.filter((i) => map.items.has(i.id))) {
    const row = map.items.get(item.id)!;
    assert.equal(row.module, item.module);
    assert.deepEqual(row.rules, item.rules);
    assert.equal(row.type, item.type);
  }
});

test('a file that is not an item map, duplicate ids and ragged rows are refused with file and row', () => {
  assert.throws(() => parseItemMap('Name,Score\nx,1\n', 'x.csv'), (e: unknown) => e instanceof AnalyticsError && /不是课程的考题对照表/.test(e.message));
  const head = 'item_id,lms_interaction_id,module,objective_id,rule_ids,type,question,correct_answer\n';
  const row = 'm01-a-01,a<次数>-m01-a-01,01-appearance 仪容仪表规范,m01-appearance,s1-y1,single,问,答\n';
  assert.throws(() => parseItemMap(head + row + row, 'dup.csv'), (e: unknown) => e instanceof AnalyticsError && e.where.row === 3 && /重复/.test(e.message));
  assert.throws(() => parseItemMap(`${head}m01-a-01,x\n`, 'ragged.csv'), (e: unknown) => e instanceof AnalyticsError && e.where.row === 2);
});
