import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModuleFlag } from '../scorm/suspend-data.ts';
import { moduleStatus } from './course.ts';

const read = ModuleFlag.visited | ModuleFlag.reachedEnd;

test('moduleStatus: a module with a required role-play is completed only once the role-play reached an ending', () => {
  assert.equal(moduleStatus(read | ModuleFlag.checkAnswered, true, true), 'in-progress');
  assert.equal(moduleStatus(read | ModuleFlag.checkAnswered | ModuleFlag.roleplayDone, true, true), 'completed');
  assert.equal(moduleStatus(read | ModuleFlag.roleplayDone, true, true), 'in-progress', 'the check is still needed');
  assert.equal(moduleStatus(ModuleFlag.roleplayDone, false, true), 'in-progress', 'played before reading');
  assert.equal(moduleStatus(read | ModuleFlag.checkAnswered, true), 'completed', 'other modules as before');
  assert.equal(moduleStatus(0, true, true), 'not-started');
});
