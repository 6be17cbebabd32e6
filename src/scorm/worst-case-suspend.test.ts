import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSuspendData, ModuleFlag, shortHash } from './suspend-data.ts';
import { encodeExamState } from '../exam/exam-state.ts';
import {
  encodeRoleplaySegment,
  roleplaySegmentKey,
  roleplayStatusKey,
  withRoleplayStatus,
} from '../components/quiz/roleplay-segment.ts';
import { loadBank, loadRoleplays } from '../quizzes/load-bank.ts';
import { rules } from '../rules/index.ts';
import { loadCourseConfig } from '../config/load-config.ts';
import { kindOf } from '../quizzes/engine/index.ts';
import type { BankItem, Roleplay } from '../quizzes/schema.ts';

/**
 * SCORM 1.2 allows 4096 characters of suspend_data and some LMSs cut it silently (docs/lms-behaviour.md), so the course keeps the
 * largest state a learner can produce under half of that: every module done, the last exam attempt running with
 * the longest possible answer to every question, both results kept, the deepest role-play path, and every role-play
 * finished (the `rs` standings, one character each).
 */
const known = new Set(rules.map((rule) => rule.id));
const bank = loadBank('src/quizzes/bank', known);
const roleplays = loadRoleplays('src/quizzes/roleplays', known);
const config = loadCourseConfig();

/** The response with the most characters an item allows: every option marked / placed / matched. */
function longestResponse(item: BankItem): unknown {
  const count = kindOf(item).optionCount(item);
  const all = Array.from({ length: count }, (_, index) => index);
  switch (item.type) {
    case 'single':
      return 0;
    case 'truefalse':
      return true;
    case 'matching':
      return item.pairs.map((_, index) => (index + 1) % count);
    default:
      return all;
  }
}

function deepestPath(roleplay: Roleplay): number[] {
  const walk = (nodeId: string): number[] => {
    const node = roleplay.nodes[nodeId];
    if (!node?.choices) return [];
    return node.choices
      .map((choice, index) => [index, ...walk(choice.next)])
      .reduce((longest, path) => (path.length > longest.length ? path : longest), [] as number[]);
  };
  return walk(roleplay.start);
}

function worstCase(examSize: number): string {
  const longest = [...bank.items].sort(
    (a, b) => JSON.stringify(longestResponse(b)).length - JSON.stringify(longestResponse(a)).length,
  );
  const answers = longest.slice(0, examSize).map(longestResponse);
  const result = { score: 100, passed: true, date: '20991231' };
  const exam = encodeExamState({
    attempt: config.exam.attempts,
    phase: 'running',
    deadline: 4_102_444_800, // 2100-01-01
    answers,
    last: result,
    passed: result,
  });
  const roleplayIndex = roleplays.length - 1;
  const path = roleplays.map(deepestPath).reduce((a, b) => (b.length > a.length ? b : a), []);
  const all = ModuleFlag.visited | ModuleFlag.reachedEnd | ModuleFlag.checkAnswered | ModuleFlag.roleplayDone;
  const standings = roleplays.reduce((value, _, index) => withRoleplayStatus(value, index, 'good'), '');
  return encodeSuspendData(
    {
      modules: Array(7).fill(all),
      segments: {
        ex: exam,
        [roleplaySegmentKey]: encodeRoleplaySegment(roleplayIndex, path),
        [roleplayStatusKey]: standings,
      },
    },
    shortHash('a-course-identifier-of-the-longest-kind-allowed-48'),
    'zzzzzzz',
  );
}

test('the worst-case suspend_data of the configured course stays within 2048 characters', () => {
  assert.ok(roleplays.length >= 8, `the worst case covers every role-play (${roleplays.length})`);
  const text = worstCase(config.exam.size);
  assert.ok(text.includes(`~rs=${'g'.repeat(roleplays.length)}`), 'every role-play finished');
  assert.ok(text.length <= 2048, `worst case is ${text.length} characters`);
  assert.match(text, /^[\x21-\x7e]+$/, 'ASCII only');
  console.log(`worst-case suspend_data: ${text.length} characters (exam size ${config.exam.size})`);
});

test('even the largest allowed exam (60 questions) fits SCORM 1.2’s 4096 characters', () => {
  const text = worstCase(Math.min(60, bank.items.length));
  assert.ok(text.length <= 4096, `worst case is ${text.length} characters`);
});
