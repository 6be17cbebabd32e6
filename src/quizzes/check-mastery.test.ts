import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignVariants, createMastery, isMastered, masteredCount, recordCheck, retry } from './check-mastery.ts';

const item = (id: string, ...rules: string[]) => ({ id, rules });

test('assignVariants: items sharing a rule, each used once, most shared rules first, at most max per question', () => {
  const chosen = [item('a', 's3-1'), item('b', 's3-2', 's5-t1'), item('c', 's6-1')];
  const pool = [
    ...chosen,
    item('x', 's3-2'),
    item('y', 's3-2', 's5-t1'),
    item('z', 's3-1', 's3-2'),
    item('w', 's4-x1'),
  ];
  const ids = (max?: number) => assignVariants(chosen, pool, max).map((list) => list.map((i) => i.id));
  assert.deepEqual(ids(1), [['z'], ['x'], []]);
  assert.deepEqual(ids(3), [['z'], ['x', 'y'], []]);
  // Deterministic.
  assert.deepEqual(ids(2), ids(2));
});

test('a check is done only when every question has been answered right', () => {
  let state = createMastery([['a', 'x'], ['b']]);
  state = recordCheck(state, 'a', false);
  state = recordCheck(state, 'b', true);
  assert.equal(masteredCount(state), 1);
  assert.equal(isMastered(state), false, 'checked but wrong does not count');
  state = recordCheck(state, 'x', true); // the variant of a, answered right
  assert.equal(isMastered(state), true);
  // Practising again and getting it wrong later does not undo mastery.
  assert.equal(isMastered(recordCheck(state, 'a', false)), true);
  assert.equal(isMastered(createMastery([])), false);
  assert.equal(recordCheck(state, 'unknown', true), state);
});

test('retry after a wrong answer shows the next variant (cycling), else the same question', () => {
  let state = createMastery([['a', 'x', 'y'], ['b']]);
  let step = retry(state, 'a');
  assert.equal(step.show, 'x');
  state = step.state;
  step = retry(state, 'x');
  assert.equal(step.show, 'y');
  step = retry(step.state, 'y');
  assert.equal(step.show, 'a');
  assert.equal(retry(state, 'b').show, 'b', 'no variant: the same question');
  const mastered = recordCheck(state, 'x', true);
  assert.equal(retry(mastered, 'x').show, 'x', 'a mastered question is practised as it is');
});
