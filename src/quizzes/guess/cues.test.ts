import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeMatching, makeOrdering, makeSingle, makeTrueFalse } from '../fixtures/items.ts';
import { mulberry32, scoreOf } from '../engine/index.ts';
import type { BankItem } from '../schema.ts';
import { bestOfCues, respond } from './cues.ts';

const opt = (text: string) => ({ text, feedback: '。' });
const asBank = (item: object) => ({ ...item, module: '03-telephone' }) as BankItem;

test('longest: picks the longest option by text; ties are broken at random, not by authored position', () => {
  const item = asBank({ ...makeSingle(2, 'm03-g-01'), answer: opt('短'), distractors: [opt('很长很长的选项'), opt('中等长度')] });
  for (let s = 0; s < 20; s += 1) assert.equal(respond('longest', item, mulberry32(s), s), 1);
  const tied = asBank({ ...makeSingle(2, 'm03-g-02'), answer: opt('甲乙'), distractors: [opt('丙丁'), opt('戊己')] });
  const picks = new Set(Array.from({ length: 60 }, (_, s) => respond('longest', tied, mulberry32(s), s)));
  assert.deepEqual([...picks].sort(), [0, 1, 2], 'every tied option is picked sometimes (the key is authored first)');
});

test('true/false constants and matching by shared characters', () => {
  const tf = asBank(makeTrueFalse(false, 'm03-g-03'));
  assert.equal(respond('always-false', tf, mulberry32(1), 1), false);
  assert.equal(respond('always-true', tf, mulberry32(1), 1), true);
  const matching = asBank({
    ...makeMatching(2, 1, 'm03-g-04'),
    pairs: [
      { left: '服务对象找错窗口时', right: '请您到三号窗口办理', feedback: '。' },
      { left: '来电找的人不在时', right: '他不在，请您留言', feedback: '。' },
    ],
    extraRights: [opt('甲乙丙')],
  });
  assert.deepEqual(respond('shared-characters', matching, mulberry32(3), 3), [0, 1]);
});

test('chronology: 先 first, 最后 last, unmarked steps keep their shown order', () => {
  const ordering = asBank({
    ...makeOrdering(3, 'm03-g-05'),
    steps: [opt('先敲门'), opt('等待对方同意'), opt('最后轻轻关门')],
  });
  for (let s = 0; s < 10; s += 1) assert.deepEqual(respond('chronology', ordering, mulberry32(s), s), [0, 1, 2]);
});

test('best of cues: chooses, per type, the cue that scores best on the pool', () => {
  const keyLongest = [1, 2, 3].map((i) =>
    asBank({ ...makeSingle(2, `m03-b-${i}`), answer: opt('很长很长的正确答案'), distractors: [opt('短'), opt('短句')] }),
  );
  const falseItems = [1, 2].map((i) => asBank(makeTrueFalse(false, `m03-f-${i}`)));
  const { strategy, means } = bestOfCues([...keyLongest, ...falseItems], 3);
  assert.equal(strategy.single, 'longest');
  assert.equal(strategy.truefalse, 'always-false');
  assert.equal(means['single:longest'], 1);
  for (const item of keyLongest) assert.equal(scoreOf(item, respond('longest', item, mulberry32(0), 0)).score, 1);
});
