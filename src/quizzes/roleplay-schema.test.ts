import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertRejects, issues } from './fixtures/schema-issues.ts';
import { RoleplaySchema } from './schema.ts';

/** The role-play schema's graph checks (roleplay-schema.ts): each problem is named at its path. */

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
/** A decision node: each choice is [text, next, its other fields]. */
function decision(text: string, ...choices: Array<[string, string, Record<string, unknown>?]>) {
  return { speaker: '旁白', text, choices: choices.map(([label, next, fields]) => ({ text: label, next, feedback: 'x', ...fields })) };
}
const end = (kind: string) => ({ speaker: '旁白', text: kind, ending: { kind, summary: `${kind} 结局。` } });
const goodRoleplay = () =>
  roleplay({
    a: decision('开始', ['好', 'g', { keeps: ['s3-2'] }], ['坏', 'b', { breaks: ['s3-2'] }]),
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
      a: decision('x', ['唯一', 'g', { keeps: ['s3-2'] }]),
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
    a: decision('a', ['去 b', 'b', { keeps: ['s3-2'] }], ['结束', 'g']),
    b: decision('b', ['回 a', 'a'], ['坏', 'x', { breaks: ['s3-2'] }]),
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
    a: decision('a', ['一', 'g', { keeps: ['s3-2'] }], ['二', 'h']),
    g: end('good'),
    h: end('good'),
  });
  assertRejects(noBad, 'nodes', /no reachable ending of kind "bad" or "mixed"/, RoleplaySchema);
  const noGood = roleplay({
    a: decision('a', ['一', 'g', { breaks: ['s3-2'] }], ['二', 'h']),
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
      a: decision('开始', ['好', 'g', { keeps: ['s3-2'] }], ['不知道。', 'b', { breaks: ['s3-2'], spotting: true }]),
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
