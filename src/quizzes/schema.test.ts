import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import './fixtures/property.ts';
import { moduleIds } from '../rules/index.ts';
import {
  arbItem,
  makeMatching,
  makeMultiple,
  makeOrdering,
  makeSingle,
  makeSpotting,
  makeTrueFalse,
} from './fixtures/items.ts';
import { assertRejects, issues } from './fixtures/schema-issues.ts';
import { ITEM_TYPES, ItemSchema, MODULE_IDS, isScenario } from './schema.ts';

test('module ids match the rule catalogue sections', () => {
  assert.deepEqual([...MODULE_IDS], [...moduleIds]);
});

test('every factory item and every generated item validates', () => {
  for (const item of [
    makeSingle(),
    makeMultiple(),
    makeTrueFalse(),
    makeOrdering(),
    makeMatching(),
    makeMatching(2, 0),
    makeSpotting(),
  ]) {
    assert.deepEqual(issues(item), [], item.type);
  }
  fc.assert(
    fc.property(arbItem, (item) => issues(item).length === 0),
    { numRuns: 100 },
  );
});

test('ITEM_TYPES lists the six types', () => {
  assert.deepEqual([...ITEM_TYPES].sort(), ['matching', 'multiple', 'ordering', 'single', 'spotting', 'truefalse']);
});

test('isScenario: items with a situation are scenario items', () => {
  assert.equal(isScenario(makeSingle()), false);
  assert.equal(isScenario({ ...makeSingle(), situation: '一位老人走到窗口前。' }), true);
});

test('texts are trimmed (YAML block scalars end in a newline)', () => {
  const parsed = ItemSchema.parse({ ...makeSingle(), prompt: '请选择。\n' });
  assert.equal(parsed.prompt, '请选择。');
});

test('common fields: id pattern, rule pattern, duplicate rules, difficulty, use, unknown field, empty text', () => {
  assertRejects({ ...makeSingle(), id: 'M03_Ring' }, 'id', /a-z, 0-9/);
  assertRejects({ ...makeSingle(), id: 'ab' }, 'id', /3–40/);
  assertRejects({ ...makeSingle(), rules: [] }, 'rules', /at least one rule/);
  assertRejects({ ...makeSingle(), rules: ['3-2'] }, 'rules.0', /s3-2/);
  assertRejects({ ...makeSingle(), rules: ['s8-1'] }, 'rules.0', /section 1–7/);
  assertRejects({ ...makeSingle(), rules: ['s3-2', 's3-2'] }, 'rules', /twice/);
  assertRejects({ ...makeSingle(), difficulty: 4 }, 'difficulty', /1\|2\|3/);
  assertRejects({ ...makeSingle(), use: 'quiz' }, 'use', /practice/);
  assertRejects({ ...makeSingle(), distractor: [] }, '', /Unrecognized key: "distractor"/);
  assertRejects({ ...makeSingle(), prompt: '   ' }, 'prompt', /must not be empty/);
  assertRejects({ ...makeSingle(), type: 'essay' }, 'type', /discriminator/i);
});

test('single: ≥ 2 distractors, answer not also a distractor, no repeated options, ≤ 36 options', () => {
  assertRejects(makeSingle(1), 'distractors', /at least 2/);
  const item = makeSingle(2);
  assertRejects(
    { ...item, distractors: [item.distractors[0], { text: ' 正确  1 ', feedback: '重复。' }] },
    'distractors.1.text',
    /repeats the answer.*must not also be a distractor/,
  );
  assertRejects(
    { ...item, distractors: [item.distractors[0], item.distractors[0]] },
    'distractors.1.text',
    /repeats distractors\[0\]/,
  );
  assertRejects(
    { ...item, distractors: [item.distractors[0], { text: '干扰 2' }] },
    'distractors.1.feedback',
    /expected string/,
  );
  assert.deepEqual(issues(makeSingle(35)), []);
  assertRejects(makeSingle(36), 'distractors', /37 options; at most 36/);
});

test('multiple: ≥ 1 answer and ≥ 1 distractor, answers not among distractors, ≤ 36 options', () => {
  assertRejects(makeMultiple(0, 2), 'answers', /at least 1 correct answer/);
  assertRejects(makeMultiple(2, 0), 'distractors', /at least 1 distractor/);
  const item = makeMultiple(2, 1);
  assertRejects(
    { ...item, distractors: [{ text: '正确 2', feedback: 'x' }] },
    'distractors.0.text',
    /repeats answers\[1\].*must not also be a distractor/,
  );
  assertRejects(makeMultiple(20, 17), 'distractors', /37 options/);
});

test('truefalse: boolean answer and two different feedbacks', () => {
  assertRejects({ ...makeTrueFalse(), answer: 'false' }, 'answer', /expected boolean/);
  assertRejects({ ...makeTrueFalse(), feedbackTrue: undefined }, 'feedbackTrue', /expected string/);
  assertRejects({ ...makeTrueFalse(), feedbackFalse: '选“对”的反馈。' }, 'feedbackFalse', /must differ/);
});

test('ordering: ≥ 3 distinct steps, ≤ 36', () => {
  assertRejects(makeOrdering(2), 'steps', /at least 3/);
  const item = makeOrdering(3);
  assertRejects({ ...item, steps: [...item.steps, item.steps[0]] }, 'steps.3.text', /repeats steps\[0\]/);
  assertRejects(makeOrdering(37), 'steps', /37 steps/);
});

test('matching: ≥ 2 pairs, unique lefts, unique rights across pairs and extraRights', () => {
  assertRejects(makeMatching(1, 0), 'pairs', /at least 2/);
  const item = makeMatching(2, 1);
  const [p0, p1] = item.pairs;
  assert.ok(p0 && p1);
  assertRejects(
    { ...item, pairs: [p0, { ...p1, left: p0.left }] },
    'pairs.1.left',
    /left text repeats pairs\[0\]\.left/,
  );
  assertRejects(
    { ...item, pairs: [p0, { ...p1, right: p0.right }] },
    'pairs.1.right',
    /right text repeats pairs\[0\]\.right/,
  );
  assertRejects(
    { ...item, extraRights: [{ text: p1.right, feedback: 'x' }] },
    'extraRights.0.text',
    /right text repeats pairs\[1\]\.right/,
  );
  assertRejects(makeMatching(30, 7), 'extraRights', /37 targets/);
});

test('spotting: ≥ 1 breaking and ≥ 1 fine line, no repeated lines', () => {
  assertRejects(makeSpotting([false, false]), 'lines', /no line has breaks: true/);
  assertRejects(makeSpotting([true, true]), 'lines', /every line has breaks: true/);
  assertRejects(makeSpotting([true]), 'lines', /at least 2/);
  const item = makeSpotting([true, false]);
  assertRejects({ ...item, lines: [...item.lines, item.lines[1]] }, 'lines.2.text', /repeats lines\[1\]/);
});
