import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../rules/index.ts';
import { loadBank } from '../load-bank.ts';
import type { BankItem, ModuleId } from '../schema.ts';
import { makeMatching, makeMultiple, makeOrdering, makeSingle, makeTrueFalse } from '../fixtures/items.ts';
import { forbiddenIn, sharedBigrams, verbatimRun } from './item-texts.ts';
import { type CheckId, formatFinding, lintBank } from './lint.ts';
import { bankStats, formatStats } from './stats.ts';

// ─── the real bank ──────────────────────────────────────────────────────────────────────────────────────────────────

test('the bank passes the lint (thresholds: src/quizzes/lint/thresholds.ts)', () => {
  const bank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));
  const findings = lintBank(bank.items, rules);
  const table = formatStats(bankStats(bank.items, rules));
  assert.equal(
    findings.length,
    0,
    `\n${table}\n\n${findings.length} lint finding(s), file › item › field: [check] why\n${findings.map((f) => `  ${formatFinding(f)}`).join('\n')}\n`,
  );
});

// ─── each check on small fixtures ───────────────────────────────────────────────────────────────────────────────────

const catalog = [
  { id: 's3-2', text: '接电话时，要在电话铃响三声内尽快接听，先报单位名称。' },
  { id: 's5-o5', text: '手续（材料）不全时：您的手续（材料）还缺少××项，请您准备齐全再来。' },
  { id: 's5-f', text: '禁忌用语。' },
];
const inModule = (item: object, module: ModuleId = '03-telephone') => ({ ...item, module }) as BankItem;
const only = (check: CheckId, items: BankItem[]) => lintBank(items, catalog).filter((f) => f.check === check);
const opt = (text: string) => ({ text, feedback: '说明。' });

function single(id: string, key: string, distractors: string[]): BankItem {
  return inModule({ ...makeSingle(distractors.length, id), answer: opt(key), distractors: distractors.map(opt) });
}

test('key-length: a key far longer than the distractors is named at answer.text; within ±25 % passes', () => {
  const bad = only('key-length', [single('m03-a-01', '这是一个很长很长很长很长的正确答案', ['短一', '短二'])]);
  assert.equal(bad.length, 1);
  assert.equal(bad[0]?.field, 'answer.text');
  assert.equal(bad[0]?.file, 'src/quizzes/bank/03-telephone.yaml');
  assert.equal(bad[0]?.item, 'm03-a-01');
  assert.match(formatFinding(bad[0]!), /^src\/quizzes\/bank\/03-telephone\.yaml › m03-a-01 › answer\.text: \[key-length\]/);
  assert.deepEqual(only('key-length', [single('m03-a-02', '甲乙丙丁戊', ['甲乙丙丁', '甲乙丙丁戊己'])]), []);
  // Too SHORT a key is a cue as well.
  assert.equal(only('key-length', [single('m03-a-03', '好', ['甲乙丙丁戊', '甲乙丙丁戊'])]).length, 1);
});

test('key-longest: more than a third of a module, or a quarter of the bank, is named', () => {
  const longest = (i: number) => single(`m03-l-${i}`, '甲乙丙丁戊', ['甲乙丙丁', '甲乙丙丁']);
  const notLongest = (i: number) => single(`m03-n-${i}`, '甲乙丙丁', ['甲乙丙丁戊', '甲乙丙丁']);
  const bad = only('key-longest', [longest(1), longest(2), notLongest(1), notLongest(2)]);
  assert.deepEqual(bad.map((f) => f.item).sort(), ['(bank)', '(module)']);
  assert.deepEqual(only('key-longest', [longest(1), notLongest(1), notLongest(2), notLongest(3)]), []);
});

test('multiple-key-length and right-vs-distractors', () => {
  const long = inModule({ ...makeMultiple(1, 2, 'm03-m-01'), answers: [opt('很长很长很长很长很长的答案')], distractors: [opt('短'), opt('短句')] });
  assert.equal(only('multiple-key-length', [long]).length, 1);
  const more = inModule({ ...makeMultiple(3, 2, 'm03-m-02') });
  const found = only('right-vs-distractors', [more]);
  assert.ok(found.some((f) => f.item === 'm03-m-02' && f.field === 'answers'));
  assert.ok(found.some((f) => f.item === '(bank)'), 'the share of items with fewer answers is too low');
  const fewer = [1, 2, 3, 4].map((i) => inModule(makeMultiple(1, 3, `m03-f-${i}`)));
  assert.deepEqual(only('right-vs-distractors', fewer), []);
  // 3 of 4 = 75 % ≥ 70 %, with one equal item: fine; 2 of 4: too few.
  assert.deepEqual(only('right-vs-distractors', [...fewer.slice(0, 3), inModule(makeMultiple(2, 2, 'm03-e-1'))]), []);
  assert.equal(only('right-vs-distractors', [...fewer.slice(0, 2), inModule(makeMultiple(2, 2, 'm03-e-1')), inModule(makeMultiple(2, 2, 'm03-e-2'))]).length, 1);
});

test('truefalse-balance: the exam pool keyed true 45–55 %', () => {
  const tf = (answer: boolean, i: number) => inModule(makeTrueFalse(answer, `m03-t-${i}`));
  assert.equal(only('truefalse-balance', [tf(false, 1), tf(false, 2), tf(false, 3), tf(true, 4)]).length, 1);
  assert.deepEqual(only('truefalse-balance', [tf(false, 1), tf(true, 2)]), []);
  // Practice items do not count.
  const practice = { ...tf(false, 5), use: 'practice' as const };
  assert.deepEqual(only('truefalse-balance', [tf(false, 1), tf(true, 2), practice]), []);
});

test('verbatim-rule: 12 shared characters (punctuation ignored) is a copy; 11 is not', () => {
  assert.equal(verbatimRun('接电话时要在电话铃响三声内尽快接听。', catalog[0]!.text)?.length, 17);
  assert.equal(verbatimRun('在电话铃响三声内尽快接？', catalog[0]!.text), undefined); // 11 characters
  const copy = inModule({ ...makeTrueFalse(true, 'm03-v-01'), statement: '接电话时，要在电话铃响三声内尽快接听。' });
  const paraphrase = inModule({ ...makeTrueFalse(true, 'm03-v-02'), statement: '电话响了第三声还没接起，就已经超出规范的要求。' });
  const found = only('verbatim-rule', [copy, paraphrase]);
  assert.deepEqual(found.map((f) => [f.item, f.field]), [['m03-v-01', 'statement']]);
});

test('forbidden-phrases: two options with a 禁忌用语 are named, one is allowed, 不知道 inside a sentence counts', () => {
  assert.deepEqual(forbiddenIn('这个我也不知道怎么办'), ['不知道']);
  assert.deepEqual(forbiddenIn('有牌子自己看'), ['有牌子，自己看']);
  const two = single('m05-x-01', '您好，请坐。', ['有牌子，自己看。', '这事我不管。']);
  const one = single('m05-x-02', '您好，请坐。', ['有牌子，自己看。', '请您稍等。']);
  assert.deepEqual(only('forbidden-phrases', [two, one]).map((f) => f.item), ['m05-x-01']);
  const matching = inModule({ ...makeMatching(2, 2, 'm05-x-03'), extraRights: [opt('不知道。'), opt('我不管。')] });
  assert.equal(only('forbidden-phrases', [matching]).length, 1);
});

test('matching-overlap and matching-extras', () => {
  assert.deepEqual(sharedBigrams('服务对象找错窗口时', '请您到三号窗口办理'), ['窗口']);
  const overlap = inModule({
    ...makeMatching(2, 1, 'm05-p-01'),
    pairs: [
      { left: '服务对象办理完业务时', right: '业务办理完毕，请慢走', feedback: '。' },
      { left: '甲乙', right: '丙丁', feedback: '。' },
    ],
  });
  const found = only('matching-overlap', [overlap]);
  assert.deepEqual(found.map((f) => f.field), ['pairs[0]']);
  assert.deepEqual(only('matching-extras', [inModule(makeMatching(2, 0, 'm05-p-02'))]).map((f) => f.field), ['extraRights']);
  assert.deepEqual(only('matching-extras', [inModule(makeMatching(2, 1, 'm05-p-03'))]), []);
});

test('ordering-rule: only rules whose order the standard fixes', () => {
  const ok = inModule({ ...makeOrdering(3, 'm03-o-01'), rules: ['s3-2'] });
  const bad = inModule({ ...makeOrdering(3, 'm03-o-02'), rules: ['s5-o5'] });
  assert.deepEqual(only('ordering-rule', [ok, bad]).map((f) => f.item), ['m03-o-02']);
});

test('citations: a cited rule missing from rules:, or not in the standard, is named with its field', () => {
  const item = inModule({
    ...makeSingle(2, 'm03-c-01'),
    rules: ['s3-2'],
    answer: { text: '正确 1', feedback: '第三部分第二条：三声内接听。' },
    distractors: [
      { text: '干扰 1', feedback: '违反第五部分办公用语第5条。' },
      { text: '干扰 2', feedback: '见第五部分办公用语第12条。' },
    ],
  });
  const found = only('citations', [item]);
  assert.deepEqual(found.map((f) => f.field), ['distractors[0].feedback', 'distractors[1].feedback']);
  assert.match(found[0]!.message, /s5-o5.*does not list it/);
  assert.match(found[1]!.message, /not a rule of the standard/);
});

test('situation and advice: exam items only', () => {
  const recall = inModule(makeSingle(2, 'm03-s-01', 'exam'));
  const practice = inModule(makeSingle(2, 'm03-s-02', 'practice'));
  assert.deepEqual(only('situation', [recall, practice]).map((f) => f.item), ['m03-s-01']);
  // A key that only advice supports (its feedback cites no rule) is flagged; a key on the standard that adds a 建议 tip is not.
  const advice = { ...recall, situation: '情景。', explanation: '这是建议，不是规范。' } as BankItem;
  const standardWithTip = {
    ...advice,
    id: 'm03-s-04',
    rules: ['s3-2'],
    answer: { text: advice.type === 'single' ? advice.answer.text : '', feedback: '正确。第三部分第二条：三声内接听。另：先报姓名是课程建议。' },
  } as BankItem;
  assert.deepEqual(
    only('advice', [advice, { ...advice, id: 'm03-s-03', use: 'practice' } as BankItem, standardWithTip]).map((f) => [f.item, f.field]),
    [['m03-s-01', 'answer.feedback']],
  );
});

test('exam-items-per-rule, pool-size (size and difficulty spread)', () => {
  const items = [1, 2].map((i) => inModule({ ...makeSingle(2, `m03-r-${i}`), rules: ['s3-2'], difficulty: 1 }));
  const perRule = only('exam-items-per-rule', items);
  assert.ok(perRule.some((f) => f.item === '(rule s3-2)' && /2 exam item/.test(f.message)));
  const three = [...items, inModule({ ...makeSingle(2, 'm03-r-3'), rules: ['s3-2'] })];
  assert.ok(!only('exam-items-per-rule', three).some((f) => f.item === '(rule s3-2)'));
  const pool = only('pool-size', items);
  assert.ok(pool.some((f) => f.item === '(bank)' && /2 exam items; at least 180/.test(f.message)));
  assert.ok(pool.some((f) => f.item === '(module)' && /no difficulty 2, 3/.test(f.message)));
});

test('tag: items keyed on s5-o5 carry incomplete-materials; enough tagged exam items in 05 and 07', () => {
  const base = makeSingle(2, 'm05-g-01');
  const keyedOnIt = { ...base, rules: ['s5-o5'], answer: { ...base.answer, feedback: '正确。第五部分办公用语第5条。' } };
  const untagged = inModule(keyedOnIt, '05-language');
  const quotesIt = inModule({ ...makeSingle(2, 'm05-g-02'), rules: ['s5-o5'] }, '05-language');
  const found = only('tag', [untagged, quotesIt]);
  assert.ok(found.some((f) => f.item === 'm05-g-01' && f.field === 'tags'));
  assert.ok(!found.some((f) => f.item === 'm05-g-02'), 'an item that only quotes the phrase as a wrong choice needs no tag');
  assert.ok(found.some((f) => f.item === '(bank)' && /0 exam items carry/.test(f.message)));
  const tagged = (i: number, module: ModuleId) =>
    inModule({ ...makeSingle(2, `m0-g-${i}`), rules: ['s5-o5'], tags: ['incomplete-materials'] }, module);
  const twelve = Array.from({ length: 12 }, (_, i) => tagged(i, i % 2 ? '05-language' : '07-efficiency'));
  assert.deepEqual(only('tag', twelve), []);
  const onlyFive = Array.from({ length: 12 }, (_, i) => tagged(i, '05-language'));
  assert.deepEqual(only('tag', onlyFive).map((f) => f.file), ['src/quizzes/bank/07-efficiency.yaml']);
});
