import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { RoleplaySchema } from '../schema.ts';
import {
  RoleplayError,
  choose,
  currentNode,
  debrief,
  isFinished,
  lastChoice,
  resumeRoleplay,
  startRoleplay,
} from './roleplay.ts';

// nodes: ring → (0) asked → (0) good-end | (1) chat-end;  ring → (1) late (bad)
const rp = RoleplaySchema.parse(
  parse(readFileSync(new URL('../fixtures/roleplays-good/rp03-call.yaml', import.meta.url), 'utf8')),
);

test('roleplay: start, choose, finish along the good path', () => {
  let state = startRoleplay(rp);
  assert.equal(state.nodeId, 'ring');
  assert.deepEqual(state.path, []);
  assert.equal(isFinished(state), false);
  assert.equal(lastChoice(state), undefined);
  state = choose(state, 0);
  assert.equal(state.nodeId, 'asked');
  assert.equal(lastChoice(state)?.feedback, '三声内接听并先报单位名称。');
  state = choose(state, 0);
  assert.equal(state.nodeId, 'good-end');
  assert.equal(isFinished(state), true);
  assert.deepEqual(state.path, [0, 0]);
  assert.equal(currentNode(state).ending?.kind, 'good');
});

test('roleplay: choose returns a new state and never mutates the old one', () => {
  const start = startRoleplay(rp);
  const next = choose(start, 1);
  assert.deepEqual(start.path, []);
  assert.deepEqual(next.path, [1]);
});

test('roleplay: invalid choices and choosing after the end throw', () => {
  assert.throws(() => choose(startRoleplay(rp), 2), RoleplayError);
  const ended = choose(startRoleplay(rp), 1);
  assert.throws(() => choose(ended, 0), /has ended at "late"/);
});

test('roleplay: debrief lists kept and broken rules and the ending', () => {
  assert.deepEqual(
    { ...debrief(rp, [0, 0]), steps: undefined },
    {
      kept: ['s3-2', 's5-t1', 's3-3'],
      broken: [],
      ending: { kind: 'good', summary: '你及时接听、规范应答、言简意明。' },
      steps: undefined,
    },
  );
  const mixed = debrief(rp, [0, 1]);
  assert.deepEqual([mixed.kept, mixed.broken, mixed.ending?.kind], [['s3-2', 's5-t1'], ['s3-3'], 'mixed']);
  assert.deepEqual(
    mixed.steps.map((s) => `${s.nodeId}:${s.choiceIndex}`),
    ['ring:0', 'asked:1'],
  );
  const bad = debrief(rp, [1]);
  assert.deepEqual([bad.kept, bad.broken, bad.ending?.kind], [[], ['s3-2'], 'bad']);
});

test('roleplay: a rule kept early and broken later counts as broken only', () => {
  const custom = RoleplaySchema.parse({
    id: 'rp-test-01',
    title: '测试',
    module: '03-telephone',
    rules: ['s3-2'],
    intro: '测试。',
    start: 'a',
    nodes: {
      a: {
        speaker: '旁白',
        text: 'a',
        choices: [
          { text: '守', next: 'b', keeps: ['s3-2'], feedback: 'x' },
          { text: '好', next: 'g', feedback: 'x' },
        ],
      },
      b: {
        speaker: '旁白',
        text: 'b',
        choices: [
          { text: '破', next: 'x', breaks: ['s3-2'], feedback: 'x' },
          { text: '好', next: 'g', feedback: 'x' },
        ],
      },
      g: { speaker: '旁白', text: 'g', ending: { kind: 'good', summary: '好。' } },
      x: { speaker: '旁白', text: 'x', ending: { kind: 'mixed', summary: '一半。' } },
    },
  });
  const d = debrief(custom, [0, 0]);
  assert.deepEqual([d.kept, d.broken], [[], ['s3-2']]);
});

test('roleplay: debrief of an unfinished path has no ending yet', () => {
  assert.equal(debrief(rp, [0]).ending, null);
  assert.equal(debrief(rp, []).ending, null);
});

test('roleplay: resume restores a stored path; a stale path gives undefined', () => {
  const resumed = resumeRoleplay(rp, [0, 1]);
  assert.equal(resumed?.nodeId, 'chat-end');
  assert.equal(resumed && isFinished(resumed), true);
  assert.equal(resumeRoleplay(rp, [5]), undefined);
  assert.equal(resumeRoleplay(rp, [1, 0]), undefined, 'cannot choose past an ending');
  assert.throws(() => debrief(rp, [0, 9]), RoleplayError);
});

test('roleplay: every path terminates and ends at an ending (exhaustive walk)', () => {
  const endings: string[] = [];
  const walk = (state: ReturnType<typeof startRoleplay>, depth: number): void => {
    assert.ok(depth <= Object.keys(rp.nodes).length, 'path longer than the number of nodes');
    if (isFinished(state)) {
      endings.push(`${state.path.join('')}:${currentNode(state).ending?.kind}`);
      return;
    }
    currentNode(state).choices?.forEach((_, i) => walk(choose(state, i), depth + 1));
  };
  walk(startRoleplay(rp), 0);
  assert.deepEqual(endings, ['00:good', '01:mixed', '1:bad']);
});
