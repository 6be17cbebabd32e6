import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../quizzes/fixtures/property.ts';
import { loadBank } from '../quizzes/load-bank.ts';
import { rules } from '../rules/index.ts';
import { parseCourseConfig } from '../config/load-config.ts';
import { readFileSync } from 'node:fs';
import { bankOf } from '../quizzes/fixtures/items.ts';
import { isEligible, seedFrom } from '../quizzes/engine/index.ts';
import type { Bank, BankItem, ModuleId } from '../quizzes/schema.ts';
import { drawExamFor, examDrawProblems, examSeed, type ExamDrawSettings } from './exam-draw.ts';

const config = parseCourseConfig(readFileSync('course.config.yaml', 'utf8'));
const realBank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));
const settings: ExamDrawSettings = {
  size: config.exam.size,
  quotas: config.exam.quotas,
  require: config.exam.require,
  edition: config.edition,
};
const learnerArb = fc.string({ minLength: 1, maxLength: 24 });
const required = Object.entries(settings.require ?? {});
const holds = (items: readonly BankItem[]) =>
  required.every(([tag, n]) => items.filter((item) => item.tags?.includes(tag)).length >= n);
const overlap = (a: readonly BankItem[], b: readonly BankItem[]) => {
  const ids = new Set(a.map((item) => item.id));
  return b.filter((item) => ids.has(item.id)).length;
};

/** A generated bank as big as the rewritten one should be: 30 exam items per module, a few tagged, some refresher: false. */
function generatedBank(): Bank {
  const base = bankOf({
    '01-appearance': 30,
    '02-reception': 30,
    '03-telephone': 30,
    '04-conduct': 30,
    '05-language': 30,
    '06-facilities': 30,
    '07-efficiency': 30,
  });
  return {
    items: base.items.map((item, i) => ({
      ...item,
      ...((item.module === '05-language' || item.module === '07-efficiency') && i % 5 === 0
        ? { tags: ['incomplete-materials'] }
        : {}),
      ...(i % 11 === 0 ? { refresher: false } : {}),
    })),
  };
}

test('the configured exam requires incomplete-materials and the real bank can satisfy it', () => {
  assert.ok((settings.require?.['incomplete-materials'] ?? 0) >= 1);
  assert.deepEqual(examDrawProblems(realBank, settings), []);
});

test('every certification and refresher draw (real bank, many learners) holds the required tags', () => {
  fc.assert(
    fc.property(learnerArb, fc.integer({ min: 1, max: 3 }), (learner, attempt) => {
      const exam = drawExamFor(realBank, settings, learner, 'certification', attempt);
      const refresher = drawExamFor(realBank, settings, learner, 'refresher', attempt);
      assert.equal(exam.length, settings.size);
      assert.equal(refresher.length, settings.size);
      assert.ok(holds(exam), `exam of ${learner}: ${exam.map((i) => i.id).join()}`);
      assert.ok(holds(refresher), `refresher of ${learner}`);
      assert.ok(refresher.every((item) => item.refresher !== false));
      return true;
    }),
    { numRuns: 400 },
  );
});

/** Whether the real bank is big enough for the refresher to avoid the exam: each module holds twice its quota. */
const realBankRoomy = Object.entries(settings.quotas ?? {}).every(
  ([module, quota]) =>
    realBank.items.filter((item) => item.module === module && isEligible(item, 'exam') && item.refresher !== false)
      .length >=
    2 * (quota ?? 0),
);

for (const [name, bank] of [
  ['the real bank', realBank],
  ['a generated 210-item bank', generatedBank()],
] as const) {
  test(`refresher vs certification attempt 1, same learner and edition: at most 5 of 20 shared (${name})`, (t) => {
    if (bank === realBank && !realBankRoomy) {
      // Not a skip: the generated bank below runs the same property; this says why the real bank cannot.
      t.diagnostic('the real bank has fewer than twice the quota in some module; see the generated bank');
      return;
    }
    const s = bank === realBank ? settings : { ...settings, require: { 'incomplete-materials': 1 } };
    fc.assert(
      fc.property(learnerArb, fc.integer({ min: 1, max: 3 }), (learner, attempt) => {
        const exam = drawExamFor(bank, s, learner, 'certification', 1);
        const refresher = drawExamFor(bank, s, learner, 'refresher', attempt);
        assert.ok(overlap(exam, refresher) <= 5, `${learner}: ${overlap(exam, refresher)} shared`);
        assert.ok(holds(refresher) && holds(exam));
        assert.ok(refresher.every((item) => item.refresher !== false));
        return true;
      }),
      { numRuns: 300 },
    );
  });
}

test('the refresher seed is its own domain; the certification seed is unchanged (saved attempts keep their draw)', () => {
  assert.notEqual(examSeed('u1', 'refresher', 2026, 1), examSeed('u1', 'certification', 2026, 1));
  assert.notEqual(examSeed('u1', 'refresher', 2026, 1), examSeed('u1', 'refresher', 2027, 1));
  // The seed the exam page used before issue 11: seedFrom(learner, attempt, edition).
  assert.equal(examSeed('u1', 'certification', 2026, 2), seedFrom('u1', '2', '2026'));
});

test('a draw is deterministic for a learner, kind and attempt, and attempts differ', () => {
  const ids = (kind: 'certification' | 'refresher', attempt: number) =>
    drawExamFor(realBank, settings, 'learner-7', kind, attempt).map((item) => item.id).join();
  assert.equal(ids('certification', 1), ids('certification', 1));
  assert.equal(ids('refresher', 2), ids('refresher', 2));
  assert.notEqual(ids('certification', 1), ids('certification', 2));
  assert.notEqual(ids('certification', 1), ids('refresher', 1));
});

test('examDrawProblems: a typo in a required tag names the file, field and tag', () => {
  const problems = examDrawProblems(realBank, { ...settings, require: { 'incomplete-materals': 1 } });
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /course\.config\.yaml › exam\.require\.incomplete-materals: 没有任何考试题带有标签“incomplete-materals”/);
  assert.match(problems[0] ?? '', /incomplete-materials/, 'lists the tags that exist');
});

test('examDrawProblems: a requirement the quotas cannot hold fails for the exam and the refresher', () => {
  const tight = { ...settings, require: { 'incomplete-materials': 20 } };
  const problems = examDrawProblems(realBank, tight);
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? '', /认证考试无法按此配置抽题.*incomplete-materials: at least 20 required/);
  assert.match(problems[1] ?? '', /年度复训考试/);
  // Only the refresher fails when its pool (refresher: false left out) lacks the tag.
  const onlyExam: Bank = {
    items: realBank.items.map((item) => (item.tags?.includes('incomplete-materials') ? { ...item, refresher: false } : item)),
  };
  const refresherOnly = examDrawProblems(onlyExam, settings);
  assert.equal(refresherOnly.length, 1);
  assert.match(refresherOnly[0] ?? '', /年度复训考试/);
  // Quotas the pool cannot fill are named too.
  const quotas = { ...(settings.quotas as Record<ModuleId, number>), '01-appearance': 60, '02-reception': 0 };
  assert.match(examDrawProblems(realBank, { ...settings, size: 74, quotas }).join('\n'), /module 01-appearance has \d+ eligible exam items, quota asks for 60/);
});
