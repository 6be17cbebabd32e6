import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildItemMap } from '../exam/item-map.ts';
import { loadBank } from '../quizzes/load-bank.ts';
import { rules, sections } from '../rules/index.ts';
import { analyze } from './analyze.ts';
import { parseItemMap } from './item-map.ts';
import { loadOptionTexts, optionTextsFromBank } from './option-texts.ts';
import { fixture, fixtureItemMap } from './test-support.ts';

const bank = loadBank(path.join(process.cwd(), 'src/quizzes/bank'), new Set(rules.map((r) => r.id)));
const titles = Object.fromEntries(sections.map((s) => [s.module, s.title]));

test('option texts come from the bank only for items whose question and key equal the item map\'s', () => {
  const map = parseItemMap(buildItemMap(bank.items, titles), 'built.csv');
  const texts = optionTextsFromBank(bank.items, map);
  const single = bank.items.find((i) => i.type === 'single' && map.items.has(i.id));
  assert.ok(single && single.type === 'single');
  // Authored order: the answer is option a, then the distractors in the bank's order.
  assert.deepEqual(texts.get(single.id), [single.answer.text, ...single.distractors.map((d) => d.text)]);
  // The same id with another question (another edition) gets no texts.
  const changed = buildItemMap(bank.items, titles).replace(single.prompt, `${single.prompt}（改）`);
  assert.equal(optionTextsFromBank(bank.items, parseItemMap(changed, 'changed.csv')).has(single.id), false);
});

test('distractor labels use the texts where the fixture\'s build and today\'s bank agree, codes elsewhere', async () => {
  const itemMap = fixtureItemMap();
  const { texts, note } = loadOptionTexts(path.join(process.cwd(), 'src/quizzes/bank'), itemMap);
  assert.match(note, new RegExp(`${texts.size} 道题`));
  const r = await analyze({ files: [{ path: fixture('scorm12-interactions.txt'), name: 'x.txt' }], itemMap, passMark: 80, maxAttempts: 3, optionTexts: texts, optionTextsNote: note });
  for (const d of r.distractors.filter((x) => x.type === 'single')) {
    const options = texts.get(d.itemId);
    for (const row of d.rows.filter((x) => !x.key && x.code)) {
      const index = 'abcdefghij'.indexOf(row.code);
      assert.equal(row.label, options?.[index] ? `${options[index]}（干扰项）` : `选项 ${row.code}（干扰项）`);
    }
  }
});
