import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import '../fixtures/property.ts';
import { arbBank, arbItem, bankOf, makeOrdering, makeSpotting, makeTrueFalse } from '../fixtures/items.ts';
import type { Bank, ModuleId } from '../schema.ts';
import { DrawError, drawExam, isEligible, optionOrder, proportionalQuotas } from './draw.ts';
import { kindOf } from './registry.ts';

const isPermutationOf = (order: number[], n: number) =>
  order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);
const seedArb = fc.nat({ max: 2 ** 32 - 1 });

test('optionOrder: a permutation of authored indexes, same seed same order', () => {
  fc.assert(
    fc.property(arbItem, seedArb, (item, seed) => {
      const order = optionOrder(item, seed);
      return (
        isPermutationOf(order, kindOf(item).optionCount(item)) &&
        JSON.stringify(optionOrder(item, seed)) === JSON.stringify(order)
      );
    }),
    { numRuns: 300 },
  );
});

test('optionOrder: dialogue lines and 对/错 keep their order; ordering steps never start solved', () => {
  fc.assert(
    fc.property(seedArb, (seed) => {
      assert.deepEqual(optionOrder(makeSpotting([true, false, true, false, false]), seed), [0, 1, 2, 3, 4]);
      assert.deepEqual(optionOrder(makeTrueFalse(), seed), [0, 1]);
      const order = optionOrder(makeOrdering(3), seed);
      assert.notDeepEqual(order, [0, 1, 2]);
    }),
    { numRuns: 300 },
  );
});

test('optionOrder: different items get different orders under one seed', () => {
  const a = optionOrder(makeOrdering(8, 'm03-a-01'), 7);
  const b = optionOrder(makeOrdering(8, 'm03-b-01'), 7);
  assert.notDeepEqual(a, b);
});

test('proportionalQuotas: at least one each, proportional, sums to size', () => {
  const available = new Map<ModuleId, number>([
    ['01-appearance', 20],
    ['02-reception', 10],
    ['03-telephone', 2],
  ]);
  assert.deepEqual(Object.fromEntries(proportionalQuotas(available, 16)), {
    '01-appearance': 10,
    '02-reception': 5,
    '03-telephone': 1,
  });
  assert.deepEqual(Object.fromEntries(proportionalQuotas(available, 3)), {
    '01-appearance': 1,
    '02-reception': 1,
    '03-telephone': 1,
  });
  assert.deepEqual(Object.fromEntries(proportionalQuotas(available, 32)), {
    '01-appearance': 20,
    '02-reception': 10,
    '03-telephone': 2,
  });
  assert.throws(() => proportionalQuotas(available, 2), /at least one from each of 3 modules/);
  assert.throws(() => proportionalQuotas(available, 33), /only 32 are eligible/);
});

/** Eligible ids of a bank for a pool. */
const eligible = (bank: Bank, use: 'exam' | 'practice') => bank.items.filter((i) => isEligible(i, use));

test('isEligible: the pool or both', () => {
  assert.deepEqual(
    (['practice', 'exam', 'both'] as const).map((use) => [
      isEligible({ use }, 'exam'),
      isEligible({ use }, 'practice'),
    ]),
    [
      [false, true],
      [true, false],
      [true, true],
    ],
  );
});

test('drawExam (property): right size, no duplicates, eligible only, every module ≥ 1, deterministic', () => {
  fc.assert(
    fc.property(
      arbBank,
      seedArb,
      fc.nat(),
      fc.constantFrom<'exam' | 'practice'>('exam', 'practice'),
      (bank, seed, sizePick, use) => {
        const pool = eligible(bank, use);
        const modules = new Set(pool.map((i) => i.module));
        if (pool.length === 0 || modules.size === 0) return true;
        const size = modules.size + (sizePick % (pool.length - modules.size + 1));
        const drawn = drawExam(bank, { size, seed, use });
        const ids = drawn.map((i) => i.id);
        assert.equal(drawn.length, size);
        assert.equal(new Set(ids).size, size);
        assert.ok(drawn.every((i) => pool.includes(i)));
        assert.deepEqual(new Set(drawn.map((i) => i.module)), modules);
        assert.deepEqual(
          drawExam(bank, { size, seed, use }).map((i) => i.id),
          ids,
        );
        return true;
      },
    ),
    { numRuns: 300 },
  );
});

test('drawExam (property): quotas are respected exactly', () => {
  const arbCase = arbBank.chain((bank) => {
    const counts = new Map<ModuleId, number>();
    for (const i of eligible(bank, 'exam')) counts.set(i.module, (counts.get(i.module) ?? 0) + 1);
    const entries = [...counts];
    return fc.tuple(
      fc.constant(bank),
      fc.tuple(...entries.map(([m, n]) => fc.integer({ min: 0, max: n }).map((q) => [m, q] as const))),
      seedArb,
    );
  });
  fc.assert(
    fc.property(arbCase, ([bank, quotaEntries, seed]) => {
      const quotas = Object.fromEntries(quotaEntries) as Partial<Record<ModuleId, number>>;
      const size = quotaEntries.reduce((s, [, q]) => s + q, 0);
      if (size === 0) return true;
      const drawn = drawExam(bank, { size, quotas, seed });
      for (const [m, q] of quotaEntries) assert.equal(drawn.filter((i) => i.module === m).length, q, m);
      assert.equal(new Set(drawn.map((i) => i.id)).size, size);
      return true;
    }),
    { numRuns: 200 },
  );
});

test('drawExam: different seeds usually give different draws or orders', () => {
  const bank = bankOf({ '01-appearance': 10, '02-reception': 10, '03-telephone': 10, '04-conduct': 10 });
  const draws = new Set(
    Array.from({ length: 50 }, (_, seed) =>
      drawExam(bank, { size: 12, seed })
        .map((i) => i.id)
        .join(),
    ),
  );
  assert.ok(draws.size >= 49, `only ${draws.size} distinct draws from 50 seeds`);
  const sets = new Set(
    Array.from({ length: 50 }, (_, seed) =>
      drawExam(bank, { size: 12, seed })
        .map((i) => i.id)
        .sort()
        .join(),
    ),
  );
  assert.ok(sets.size >= 45, `only ${sets.size} distinct item sets from 50 seeds`);
});

test('drawExam: practice-only items never reach the exam', () => {
  const bank: Bank = {
    items: [...bankOf({ '01-appearance': 5 }, 'practice').items, ...bankOf({ '02-reception': 3 }, 'exam').items],
  };
  const drawn = drawExam(bank, { size: 3, seed: 1 });
  assert.ok(drawn.every((i) => i.module === '02-reception'));
  assert.throws(() => drawExam(bank, { size: 4, seed: 1 }), /only 3 are eligible/);
});

test('drawExam: errors name the problem', () => {
  const bank = bankOf({ '01-appearance': 2, '02-reception': 5 });
  assert.throws(
    () => drawExam(bank, { size: 4, seed: 1, quotas: { '01-appearance': 3, '02-reception': 1 } }),
    (e: unknown) =>
      e instanceof DrawError && /module 01-appearance has 2 eligible exam items, quota asks for 3/.test(e.message),
  );
  assert.throws(
    () => drawExam(bank, { size: 5, seed: 1, quotas: { '01-appearance': 1, '02-reception': 1 } }),
    /quotas add up to 2, size is 5/,
  );
  assert.throws(() => drawExam(bank, { size: 0, seed: 1 }), /positive integer/);
  assert.throws(() => drawExam(bank, { size: 1, seed: 1 }), /at least one from each of 2 modules/);
});

// ─── required tags, avoided items, the refresher pool (issue 11 points 4–5) ──────────────────────────────────────

/** A bank of `bankOf` items where the listed ids carry tags / refresher flags. */
function tagged(bank: Bank, tags: Record<string, string[]>, noRefresher: string[] = []): Bank {
  return {
    items: bank.items.map((item) => ({
      ...item,
      ...(tags[item.id] ? { tags: tags[item.id] } : {}),
      ...(noRefresher.includes(item.id) ? { refresher: false } : {}),
    })),
  };
}

const countTag = (items: readonly { tags?: string[] }[], tag: string) => items.filter((i) => i.tags?.includes(tag)).length;

test('drawExam (property): required tags are held in every draw, within the quotas, deterministically', () => {
  const base = bankOf({ '01-appearance': 8, '02-reception': 8, '05-language': 8, '07-efficiency': 8 });
  const bank = tagged(base, {
    'm05-q-0': ['incomplete-materials'],
    'm07-q-3': ['incomplete-materials', 'phone'],
    'm02-q-5': ['phone'],
  });
  const quotas = { '01-appearance': 3, '02-reception': 3, '05-language': 2, '07-efficiency': 2 } as const;
  const require = { 'incomplete-materials': 2, phone: 1 };
  fc.assert(
    fc.property(seedArb, (seed) => {
      const drawn = drawExam(bank, { size: 10, quotas, seed, require });
      assert.ok(countTag(drawn, 'incomplete-materials') >= 2);
      assert.ok(countTag(drawn, 'phone') >= 1);
      for (const [m, q] of Object.entries(quotas)) assert.equal(drawn.filter((i) => i.module === m).length, q);
      assert.equal(new Set(drawn.map((i) => i.id)).size, 10);
      assert.deepEqual(
        drawExam(bank, { size: 10, quotas, seed, require }).map((i) => i.id),
        drawn.map((i) => i.id),
      );
      return true;
    }),
    { numRuns: 300 },
  );
});

test('drawExam: without require or avoid the draw is the same as before (saved attempts keep their questions)', () => {
  const bank = bankOf({ '01-appearance': 10, '02-reception': 10 });
  for (let seed = 0; seed < 20; seed += 1) {
    assert.deepEqual(
      drawExam(bank, { size: 6, seed, require: {}, avoid: new Set() }).map((i) => i.id),
      drawExam(bank, { size: 6, seed }).map((i) => i.id),
    );
  }
});

test('drawExam: a tag the quotas cannot hold is a DrawError naming the tag', () => {
  const bank = tagged(bankOf({ '01-appearance': 5, '05-language': 5 }), {
    'm05-q-0': ['incomplete-materials'],
    'm05-q-1': ['incomplete-materials'],
  });
  // Two tagged items exist, but the module that has them may only contribute one.
  assert.throws(
    () =>
      drawExam(bank, {
        size: 4,
        seed: 1,
        quotas: { '01-appearance': 3, '05-language': 1 },
        require: { 'incomplete-materials': 2 },
      }),
    (e: unknown) =>
      e instanceof DrawError && /required tags do not fit the quotas: \{"incomplete-materials":2\}/.test(e.message),
  );
  assert.throws(() => drawExam(bank, { size: 4, seed: 1, require: { missing: 1 } }), /"missing":1/);
  // The same pool with room for both is fine.
  const drawn = drawExam(bank, { size: 4, seed: 1, quotas: { '01-appearance': 2, '05-language': 2 }, require: { 'incomplete-materials': 2 } });
  assert.equal(countTag(drawn, 'incomplete-materials'), 2);
});

test('drawExam: two tags competing for one module slot are solved exactly (the search backtracks)', () => {
  // 01 may give one item: a (tag x) or b (tag y). 02 has a tag-x item. Only {b, c} satisfies both tags.
  const bank = tagged(bankOf({ '01-appearance': 3, '02-reception': 3 }), {
    'm01-q-0': ['x'],
    'm01-q-1': ['y'],
    'm02-q-0': ['x'],
  });
  for (let seed = 0; seed < 50; seed += 1) {
    const drawn = drawExam(bank, {
      size: 2,
      seed,
      quotas: { '01-appearance': 1, '02-reception': 1 },
      require: { x: 1, y: 1 },
    });
    assert.deepEqual(drawn.map((i) => i.id).sort(), ['m01-q-1', 'm02-q-0']);
  }
});

test('drawExam: avoided items are drawn only when the pool leaves no other choice', () => {
  const bank = bankOf({ '01-appearance': 6, '02-reception': 4 });
  const avoid = new Set(['m01-q-0', 'm01-q-1', 'm01-q-2', 'm02-q-0', 'm02-q-1', 'm02-q-2']);
  for (let seed = 0; seed < 50; seed += 1) {
    const drawn = drawExam(bank, { size: 4, seed, quotas: { '01-appearance': 3, '02-reception': 1 }, avoid });
    assert.ok(drawn.every((i) => !avoid.has(i.id)), drawn.map((i) => i.id).join());
    // 02 has one item not avoided; a quota of 2 must take one avoided item too.
    const two = drawExam(bank, { size: 5, seed, quotas: { '01-appearance': 3, '02-reception': 2 }, avoid });
    assert.equal(two.filter((i) => avoid.has(i.id)).length, 1);
  }
});

test('drawExam: the refresher pool leaves out refresher: false items', () => {
  const bank = tagged(bankOf({ '01-appearance': 4 }), {}, ['m01-q-0', 'm01-q-1']);
  for (let seed = 0; seed < 30; seed += 1) {
    const drawn = drawExam(bank, { size: 2, seed, refresher: true });
    assert.deepEqual(drawn.map((i) => i.id).sort(), ['m01-q-2', 'm01-q-3']);
  }
  assert.throws(() => drawExam(bank, { size: 3, seed: 1, refresher: true }), /only 2 are eligible/);
  assert.equal(drawExam(bank, { size: 4, seed: 1 }).length, 4);
});
