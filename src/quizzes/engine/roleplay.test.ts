import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { RoleplaySchema } from '../schema.ts';
import type { Roleplay } from '../schema.ts';
import {
  RoleplayError,
  allPaths,
  choose,
  currentNode,
  debrief,
  idealPath,
  isFinished,
  kindForCost,
  lastChoice,
  resumeRoleplay,
  retryFrom,
  roleplayDesignProblems,
  startRoleplay,
  verdictOf,
} from './roleplay.ts';

// ring ─0→ asked ─0→ wrap ─0→ good-end            (the ideal path)
//  └─1→ late ─0→ asked (rejoins)  └─1→ cut-off (severe)
// asked ─1→ chatted ─0→ wrap (rejoins)  └─1→ queue-end (mixed)
// wrap ─1→ forgot-end (mixed)
const rp = RoleplaySchema.parse(
  parse(readFileSync(new URL('../fixtures/roleplays-good/rp03-call.yaml', import.meta.url), 'utf8')),
);
const clone = (): Roleplay => structuredClone(rp);

test('roleplay: start, choose, finish along the ideal path', () => {
  let state = startRoleplay(rp);
  assert.equal(state.nodeId, 'ring');
  assert.deepEqual(state.path, []);
  assert.equal(isFinished(state), false);
  assert.equal(lastChoice(state), undefined);
  state = choose(state, 0);
  assert.equal(state.nodeId, 'asked');
  assert.equal(lastChoice(state)?.feedback, '三声内接听并先报单位名称。');
  state = choose(choose(state, 0), 0);
  assert.equal(state.nodeId, 'good-end');
  assert.equal(isFinished(state), true);
  assert.deepEqual(state.path, [0, 0, 0]);
  assert.equal(currentNode(state).ending?.kind, 'good');
  assert.deepEqual(idealPath(rp), [0, 0, 0]);
});

test('roleplay: choose returns a new state and never mutates the old one', () => {
  const start = startRoleplay(rp);
  const next = choose(start, 1);
  assert.deepEqual(start.path, []);
  assert.deepEqual(next.path, [1]);
});

test('roleplay: invalid choices and choosing after the end throw', () => {
  assert.throws(() => choose(startRoleplay(rp), 2), RoleplayError);
  const ended = choose(choose(startRoleplay(rp), 1), 1);
  assert.throws(() => choose(ended, 0), /has ended at "cut-off"/);
});

test('roleplay: a recovery choice rejoins the main path, and the cost stays on the path', () => {
  const recovered = resumeRoleplay(rp, [1, 0]);
  assert.equal(recovered?.nodeId, 'asked', 'the apology leads back to the node the ideal path reaches');
  const d = debrief(rp, [1, 0, 0, 0]);
  assert.equal(d.ending?.kind, 'good', 'the same ending as the ideal path…');
  assert.equal(d.verdict, 'mixed', '…but the verdict counts the wrong decision');
  assert.equal(d.wrongDecisions, 1);
  assert.deepEqual([d.kept, d.broken], [['s5-t1', 's3-3'], ['s3-2']]);
  const ideal = debrief(rp, [0, 0, 0]);
  assert.deepEqual([ideal.verdict, ideal.wrongDecisions, ideal.broken], ['good', 0, []]);
  assert.deepEqual(ideal.kept, ['s3-2', 's5-t1', 's3-3']);
});

test('roleplay: severity follows the wrong decisions, and a severe ending is always bad', () => {
  assert.deepEqual([0, 1, 2, 3, 7].map(kindForCost), ['good', 'mixed', 'mixed', 'bad', 'bad']);
  assert.equal(verdictOf({ kind: 'bad', severe: true, summary: 'x' }, 1), 'bad');
  assert.equal(verdictOf({ kind: 'good', summary: 'x' }, 3), 'bad');
  assert.equal(debrief(rp, [1, 1]).verdict, 'bad');
  assert.equal(debrief(rp, [0, 1, 1]).verdict, 'mixed', 'two wrong decisions');
  assert.equal(debrief(rp, [1, 0, 1, 1]).verdict, 'bad', 'three wrong decisions, even at a mixed ending');
});

test('roleplay: the debrief shows the ideal path beside the learner’s', () => {
  const d = debrief(rp, [1, 0, 1, 0, 0]);
  assert.deepEqual(
    d.steps.map((s) => `${s.nodeId}:${s.choiceIndex}`),
    ['ring:1', 'late:0', 'asked:1', 'chatted:0', 'wrap:0'],
  );
  assert.deepEqual(
    d.ideal.map((s) => `${s.nodeId}:${s.choiceIndex}`),
    ['ring:0', 'asked:0', 'wrap:0'],
  );
  assert.deepEqual([d.verdict, d.wrongDecisions], ['mixed', 2]);
});

test('roleplay: retry from a decision keeps the path before it', () => {
  const finished = resumeRoleplay(rp, [0, 1, 1])!;
  assert.equal(isFinished(finished), true);
  const retry = retryFrom(finished, 1);
  assert.deepEqual(retry.path, [0]);
  assert.equal(retry.nodeId, 'asked');
  assert.equal(isFinished(retry), false);
  assert.deepEqual(retryFrom(finished, 0).path, []);
  assert.equal(retryFrom(finished, 2).nodeId, 'chatted');
  assert.throws(() => retryFrom(finished, 4), RoleplayError);
  assert.throws(() => retryFrom(finished, -1), RoleplayError);
  assert.deepEqual(finished.path, [0, 1, 1], 'the old state is not changed');
});

test('roleplay: a rule kept early and broken later counts as broken only', () => {
  const d = debrief(rp, [0, 0, 1]);
  assert.deepEqual([d.kept, d.broken], [['s5-t1', 's3-3'], ['s3-2']]);
});

test('roleplay: debrief of an unfinished path has no ending yet', () => {
  assert.equal(debrief(rp, [0]).ending, null);
  assert.equal(debrief(rp, [0]).verdict, null);
  assert.equal(debrief(rp, []).ending, null);
});

test('roleplay: resume restores a stored path; a stale path gives undefined', () => {
  const resumed = resumeRoleplay(rp, [0, 1, 1]);
  assert.equal(resumed?.nodeId, 'queue-end');
  assert.equal(resumed && isFinished(resumed), true);
  assert.equal(resumeRoleplay(rp, [5]), undefined);
  assert.equal(resumeRoleplay(rp, [1, 1, 0]), undefined, 'cannot choose past an ending');
  assert.throws(() => debrief(rp, [0, 9]), RoleplayError);
});

test('roleplay: every path terminates at an ending; merged nodes are reached from several parents', () => {
  const endings = allPaths(rp).map((path) => {
    const state = resumeRoleplay(rp, path)!;
    assert.equal(isFinished(state), true);
    return `${path.join('')}:${debrief(rp, path).verdict}`;
  });
  assert.deepEqual(endings, [
    '000:good',
    '001:mixed',
    '0100:mixed',
    '0101:mixed',
    '011:mixed',
    '1000:mixed',
    '1001:mixed',
    '10100:mixed',
    '10101:bad',
    '1011:bad',
    '11:bad',
  ]);
});

test('roleplay design: the fixture is consistent', () => {
  assert.deepEqual(roleplayDesignProblems(rp), []);
});

test('roleplay design: an ending kind that contradicts the cost is reported', () => {
  const wrongKind = clone();
  wrongKind.nodes['queue-end']!.ending!.kind = 'bad'; // cheapest path there has 2 wrong decisions: mixed
  assert.deepEqual(roleplayDesignProblems(wrongKind).map((p) => p.path.join('.')), ['nodes.queue-end.ending.kind']);
  assert.match(roleplayDesignProblems(wrongKind)[0]!.message, /2 wrong decision\(s\), which makes it mixed/);

  const goodAfterBreak = clone();
  goodAfterBreak.nodes['forgot-end']!.ending!.kind = 'good';
  assert.match(roleplayDesignProblems(goodAfterBreak)[0]!.message, /kind good, but .* 1 wrong decision/);
});

test('roleplay design: a path ends before its third decision only at a severe ending', () => {
  const notSevere = clone();
  delete notSevere.nodes['cut-off']!.ending!.severe;
  const messages = roleplayDesignProblems(notSevere).map((p) => `${p.path.join('.')}: ${p.message}`);
  assert.ok(messages.some((m) => /^nodes\.cut-off\.ending: path \[1,1\] ends after 2 decision\(s\)/.test(m)), messages.join('\n'));

  const severeGood = clone();
  severeGood.nodes['cut-off']!.ending!.kind = 'mixed';
  assert.deepEqual(roleplayDesignProblems(severeGood).map((p) => p.message), ['a severe ending is of kind bad']);
});

test('roleplay design: exactly one rule-keeping choice per decision, and it names what it keeps', () => {
  const twoClean = clone();
  delete twoClean.nodes['wrap']!.choices![1]!.breaks;
  twoClean.nodes['wrap']!.choices![1]!.keeps = ['s3-2'];
  assert.deepEqual(
    roleplayDesignProblems(twoClean).map((p) => p.path.join('.')),
    ['nodes.wrap.choices', 'nodes.forgot-end.ending.kind'],
  );
  const noneClean = clone();
  noneClean.nodes['ring']!.choices![0]!.breaks = ['s3-3'];
  assert.ok(roleplayDesignProblems(noneClean).some((p) => p.path.join('.') === 'nodes.ring.choices' && /^0 choices/.test(p.message)));
  assert.throws(() => idealPath(noneClean), /no rule-keeping choice/);
  const silent = clone();
  delete silent.nodes['wrap']!.choices![0]!.keeps;
  assert.deepEqual(roleplayDesignProblems(silent).map((p) => p.path.join('.')), ['nodes.wrap.choices.0.keeps']);
});

test('roleplay design: a severe ending reached without a wrong decision is reported', () => {
  const unfair = clone();
  unfair.nodes['good-end']!.ending = { kind: 'bad', severe: true, summary: 'x' };
  assert.ok(
    roleplayDesignProblems(unfair).some(
      (p) => p.path.join('.') === 'nodes.good-end.ending.severe' && /without a wrong decision/.test(p.message),
    ),
  );
});
