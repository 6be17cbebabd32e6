import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTrueFalse } from '../../fixtures/items.ts';
import { trueFalseFeedback, truefalse } from './truefalse.ts';

const item = makeTrueFalse(false);

test('truefalse: all or nothing', () => {
  assert.deepEqual(truefalse.score(item, false), { score: 1, max: 1 });
  assert.deepEqual(truefalse.score(item, true), { score: 0, max: 1 });
  assert.deepEqual(truefalse.score(item, null), { score: 0, max: 1 });
  assert.equal(truefalse.isCorrect(makeTrueFalse(true), true), true);
});

test('truefalse: answered once judged', () => {
  assert.equal(truefalse.isAnswered(item, truefalse.emptyResponse(item)), false);
  assert.equal(truefalse.isAnswered(item, true), true);
});

test('truefalse: true-false interaction; null before answering', () => {
  assert.deepEqual(truefalse.interaction(item, true), {
    type: 'true-false',
    learner: true,
    correct: false,
    result: 'incorrect',
    weighting: 1,
  });
  assert.deepEqual(truefalse.interaction(item, false).result, 'correct');
  assert.equal(truefalse.interaction(item, null).learner, null);
});

test('truefalse: feedback follows the learner’s judgement', () => {
  assert.equal(trueFalseFeedback(item, true), item.feedbackTrue);
  assert.equal(trueFalseFeedback(item, false), item.feedbackFalse);
  assert.equal(trueFalseFeedback(item, null), undefined);
});

test('truefalse: parseResponse', () => {
  assert.equal(truefalse.parseResponse(item, true), true);
  assert.equal(truefalse.parseResponse(item, null), null);
  assert.equal(truefalse.parseResponse(item, 'true'), undefined);
  assert.equal(truefalse.parseResponse(item, 1), undefined);
});
