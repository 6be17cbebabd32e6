import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECK_MAX, CHECK_MIN, bankHash, getRoleplays, knowledgeCheckItems, practiceItemsOf, ruleHref } from './bank-data.ts';
import { isEligible } from './engine/draw.ts';
import { MODULE_IDS } from './schema.ts';

test('knowledge checks: 3–5 practice items of the module, a spread of types, easy to hard, deterministic', () => {
  for (const module of MODULE_IDS) {
    const pool = practiceItemsOf(module);
    const check = knowledgeCheckItems(module);
    assert.equal(check.length, Math.min(pool.length, CHECK_MAX), module);
    if (pool.length >= CHECK_MIN) assert.ok(check.length >= CHECK_MIN, module);
    for (const item of check) {
      assert.equal(item.module, module);
      assert.ok(isEligible(item, 'practice'), `${item.id} is not a practice item`);
    }
    assert.equal(new Set(check.map((i) => i.id)).size, check.length, `${module}: an item twice`);
    const typesInPool = new Set(pool.map((i) => i.type)).size;
    assert.ok(new Set(check.map((i) => i.type)).size >= Math.min(typesInPool, check.length), `${module}: types not spread`);
    assert.deepEqual(
      check.map((i) => i.difficulty),
      [...check.map((i) => i.difficulty)].sort(),
      `${module}: not easy to hard`,
    );
    assert.deepEqual(knowledgeCheckItems(module).map((i) => i.id), check.map((i) => i.id), `${module}: not deterministic`);
  }
});

test('bank hash is short base 36; role-plays load; rule links point at the lesson anchors', () => {
  assert.match(bankHash(), /^[0-9a-z]{1,7}$/);
  assert.ok(Array.isArray(getRoleplays()));
  assert.equal(ruleHref('s3-2'), '/modules/03-telephone.html#s3-2');
  assert.equal(ruleHref('s2-a1-3'), '/modules/02-reception.html#s2-a1-3');
});
