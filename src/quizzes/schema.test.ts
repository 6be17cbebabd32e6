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
import { ITEM_TYPES, ItemSchema, MODULE_IDS, RoleplaySchema, isScenario } from './schema.ts';

/** "path: message" for each issue, for compact assertions. */
function issues(
  value: unknown,
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  } = ItemSchema,
): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

function assertRejects(value: unknown, path: string, message: RegExp, schema?: Parameters<typeof issues>[1]): void {
  const found = issues(value, schema);
  assert.ok(
    found.some((f) => f.startsWith(`${path}: `) && message.test(f)),
    `expected an issue at "${path}" matching ${message}, got:\n${found.join('\n') || '(none)'}`,
  );
}

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

// ─── Role-plays ───

function roleplay(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id: 'rp-test-01',
    title: '测试',
    module: '03-telephone',
    rules: ['s3-2'],
    intro: '测试。',
    start: 'a',
    nodes,
    ...extra,
  };
}
const end = (kind: string) => ({ speaker: '旁白', text: kind, ending: { kind, summary: `${kind} 结局。` } });
const goodRoleplay = () =>
  roleplay({
    a: {
      speaker: '旁白',
      text: '开始',
      choices: [
        { text: '好', next: 'g', keeps: ['s3-2'], feedback: '好。' },
        { text: '坏', next: 'b', breaks: ['s3-2'], feedback: '坏。' },
      ],
    },
    g: end('good'),
    b: end('bad'),
  });

test('role-play: a well-formed graph validates', () => {
  assert.deepEqual(issues(goodRoleplay(), RoleplaySchema), []);
});

test('role-play: missing start, dangling next, one-choice node, choices + ending, rules not cited / not listed', () => {
  assertRejects({ ...goodRoleplay(), start: 'zz' }, 'start', /no node "zz"/, RoleplaySchema);
  const rp = goodRoleplay();
  const a = rp.nodes.a as { choices: { next: string; keeps?: string[] }[] };
  a.choices[1]!.next = 'nowhere';
  assertRejects(rp, 'nodes.a.choices.1.next', /no node "nowhere"/, RoleplaySchema);
  assertRejects(
    roleplay({
      a: { speaker: '旁白', text: 'x', choices: [{ text: '唯一', next: 'g', keeps: ['s3-2'], feedback: 'x' }] },
      g: end('good'),
    }),
    'nodes.a.choices',
    /at least 2 choices/,
    RoleplaySchema,
  );
  assertRejects(
    roleplay({ a: { ...end('good'), choices: [] } }),
    'nodes.a.choices',
    /ending node has no choices/,
    RoleplaySchema,
  );
  assertRejects({ ...goodRoleplay(), rules: ['s3-2', 's3-3'] }, 'rules.1', /not cited/, RoleplaySchema);
  const rp2 = goodRoleplay();
  (rp2.nodes.a as { choices: { keeps?: string[] }[] }).choices[0]!.keeps = ['s3-2', 's5-t1'];
  assertRejects(rp2, 'nodes.a.choices.0.keeps.1', /not listed in the role-play's rules/, RoleplaySchema);
});

test('role-play: cycles, unreachable nodes and missing ending kinds are rejected', () => {
  const cyclic = roleplay({
    a: {
      speaker: '旁白',
      text: 'a',
      choices: [
        { text: '去 b', next: 'b', keeps: ['s3-2'], feedback: 'x' },
        { text: '结束', next: 'g', feedback: 'x' },
      ],
    },
    b: {
      speaker: '旁白',
      text: 'b',
      choices: [
        { text: '回 a', next: 'a', feedback: 'x' },
        { text: '坏', next: 'x', breaks: ['s3-2'], feedback: 'x' },
      ],
    },
    g: end('good'),
    x: end('bad'),
  });
  assertRejects(cyclic, 'nodes.b.choices.0.next', /cycle \(a → b → a\)/, RoleplaySchema);
  assertRejects(
    { ...goodRoleplay(), nodes: { ...goodRoleplay().nodes, lost: end('mixed') } },
    'nodes.lost',
    /cannot be reached/,
    RoleplaySchema,
  );
  const noBad = roleplay({
    a: {
      speaker: '旁白',
      text: 'a',
      choices: [
        { text: '一', next: 'g', keeps: ['s3-2'], feedback: 'x' },
        { text: '二', next: 'h', feedback: 'x' },
      ],
    },
    g: end('good'),
    h: end('good'),
  });
  assertRejects(noBad, 'nodes', /no reachable ending of kind "bad" or "mixed"/, RoleplaySchema);
  const noGood = roleplay({
    a: {
      speaker: '旁白',
      text: 'a',
      choices: [
        { text: '一', next: 'g', breaks: ['s3-2'], feedback: 'x' },
        { text: '二', next: 'h', feedback: 'x' },
      ],
    },
    g: end('mixed'),
    h: end('bad'),
  });
  assertRejects(noGood, 'nodes', /no reachable ending of kind "good"/, RoleplaySchema);
});

test('role-play: a node id that is not ASCII is rejected', () => {
  assertRejects(roleplay({ ...goodRoleplay().nodes, 开始: end('good') }), 'nodes.开始', /Invalid key/, RoleplaySchema);
});

test('role-play: a spotting choice breaks s5-f, and a decision has at most one', () => {
  const rp = roleplay(
    {
      a: {
        speaker: '旁白',
        text: '开始',
        choices: [
          { text: '好', next: 'g', keeps: ['s3-2'], feedback: '好。' },
          { text: '不知道。', next: 'b', breaks: ['s3-2'], spotting: true, feedback: '坏。' },
        ],
      },
      g: end('good'),
      b: end('bad'),
    },
    { rules: ['s3-2', 's5-f'] },
  );
  assertRejects(rp, 'nodes.a.choices.1.spotting', /breaks s5-f/, RoleplaySchema);
  const a = rp.nodes.a as { choices: { breaks?: string[]; spotting?: boolean; text: string; next: string; feedback: string }[] };
  a.choices[1]!.breaks = ['s5-f'];
  a.choices.push({ text: '我不管。', next: 'b', breaks: ['s5-f', 's3-2'], spotting: true, feedback: '坏。' });
  assertRejects(rp, 'nodes.a.choices', /at most one spotting/, RoleplaySchema);
  a.choices.pop();
  assert.deepEqual(issues(rp, RoleplaySchema), []);
});

test('role-play: severe endings and required role-plays are literal flags', () => {
  const rp = goodRoleplay();
  (rp.nodes.b as { ending: Record<string, unknown> }).ending.severe = true;
  assert.deepEqual(issues({ ...rp, required: true }, RoleplaySchema), []);
  (rp.nodes.b as { ending: Record<string, unknown> }).ending.severe = false;
  assertRejects(rp, 'nodes.b.ending.severe', /./, RoleplaySchema);
  assertRejects({ ...goodRoleplay(), required: 'yes' }, 'required', /./, RoleplaySchema);
});
