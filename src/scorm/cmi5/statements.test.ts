import assert from 'node:assert/strict';
import test from 'node:test';
import type { InteractionRecord } from '../driver.ts';
import { contextTemplate, launch } from './fake-lrs.test-support.ts';
import {
  answeredStatement,
  cmi5Category,
  completedStatement,
  masteryScoreExtension,
  moveOnCategory,
  outcomeStatement,
  sessionStatement,
  type StatementBase,
  type Statement,
} from './statements.ts';

const base: StatementBase = {
  actor: launch.actor,
  activityId: launch.activityId,
  registration: launch.registration,
  contextTemplate,
  masteryScore: 0.8,
  now: () => new Date(Date.UTC(2026, 11, 1, 6, 30, 0)),
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const categories = (statement: Statement) => (statement.context.contextActivities?.category ?? []).map((activity) => activity.id);

function assertCommon(statement: Statement) {
  assert.match(statement.id, uuid, 'UUID id (cmi5 9.1.0.0-1)');
  assert.equal(statement.timestamp, '2026-12-01T06:30:00.000Z', 'UTC timestamp');
  assert.deepEqual(statement.actor, launch.actor, 'actor exactly as given (8.1.3.0-3)');
  assert.equal(statement.context.registration, launch.registration, 'registration (9.6.1.0-1)');
  assert.deepEqual(statement.context.contextActivities?.grouping, contextTemplate.contextActivities.grouping, 'template grouping kept');
  assert.equal(statement.context.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'], 'session-1', 'session id (9.6.3.1-4)');
}

test('initialized and terminated: the AU as object, cmi5 category, no moveOn; terminated carries the duration', () => {
  const initialized = sessionStatement(base, 'initialized');
  assertCommon(initialized);
  assert.equal(initialized.verb.id, 'http://adlnet.gov/expapi/verbs/initialized');
  assert.deepEqual(initialized.object, { objectType: 'Activity', id: launch.activityId });
  assert.deepEqual(categories(initialized), [cmi5Category]);
  assert.equal(initialized.result, undefined);
  const terminated = sessionStatement(base, 'terminated', 3_723_500);
  assertCommon(terminated);
  assert.deepEqual(terminated.result, { duration: 'PT1H2M3.5S' });
  assert.deepEqual(categories(terminated), [cmi5Category]);
});

test('the context template is copied, never changed (cmi5 10.2.1.0-5)', () => {
  const before = JSON.stringify(contextTemplate);
  completedStatement(base, 1000);
  outcomeStatement(base, 'passed', 1000, { raw: 90, min: 0, max: 100 });
  assert.equal(JSON.stringify(contextTemplate), before);
});

test('completed: result.completion true and duration, cmi5 + moveOn categories, no score or success (9.5)', () => {
  const completed = completedStatement(base, 60_000);
  assertCommon(completed);
  assert.deepEqual(completed.result, { completion: true, duration: 'PT1M' });
  assert.deepEqual(categories(completed), [cmi5Category, moveOnCategory]);
});

test('passed / failed: success, duration, score with min and max, the masteryScore extension; a contradicting score is left out', () => {
  const passed = outcomeStatement(base, 'passed', 5000, { raw: 85, min: 0, max: 100 });
  assertCommon(passed);
  assert.deepEqual(passed.result, { success: true, duration: 'PT5S', score: { scaled: 0.85, raw: 85, min: 0, max: 100 } });
  assert.deepEqual(categories(passed), [cmi5Category, moveOnCategory]);
  assert.equal(passed.context.extensions?.[masteryScoreExtension], 0.8);
  const failed = outcomeStatement(base, 'failed', 5000, { raw: 60, min: 0, max: 100 });
  assert.deepEqual(failed.result, { success: false, duration: 'PT5S', score: { scaled: 0.6, raw: 60, min: 0, max: 100 } });
  // scaled 0.8 is not < 0.8: a failed statement with it would break 9.3.5.0-2, so the score is not sent.
  assert.equal(outcomeStatement(base, 'failed', 5000, { raw: 80, min: 0, max: 100 }).result?.score, undefined);
  assert.equal(outcomeStatement(base, 'passed', 5000, { raw: 79, min: 0, max: 100 }).result?.score, undefined);
  const noMastery = outcomeStatement({ ...base, masteryScore: undefined }, 'passed', 5000, { raw: 79, min: 0, max: 100 });
  assert.equal(noMastery.result?.score?.raw, 79);
  assert.equal(noMastery.context.extensions?.[masteryScoreExtension], undefined);
});

test('answered: a cmi.interaction activity under the AU, SCORM 2004 response formats, no cmi5 category (allowed statement)', () => {
  const answers: Array<[InteractionRecord, string, string]> = [
    [{ id: 'a1-m05-o5-01', type: 'choice', learner: [1], correct: [0], result: 'incorrect', weighting: 1, latencyMs: 12_300, timestamp: new Date(Date.UTC(2026, 11, 1, 7)), description: '材料不全时应怎样说？' }, 'o1', 'o2'],
    [{ id: 'a1-m03-order-01', type: 'sequencing', learner: [0, 1], correct: [0, 1], result: 'correct', weighting: 1, latencyMs: 1000, timestamp: new Date() }, 's1[,]s2', 's1[,]s2'],
    [{ id: 'a1-m05-match-01', type: 'matching', learner: [[0, 1]], correct: [[0, 0]], result: 'incorrect', weighting: 1, latencyMs: 1000, timestamp: new Date() }, 'l1[.]r1', 'l1[.]r2'],
    [{ id: 'a1-m04-tf-01', type: 'true-false', learner: false, correct: false, result: 'correct', weighting: 1, latencyMs: 1000, timestamp: new Date() }, 'false', 'false'],
  ];
  for (const [interaction, pattern, response] of answers) {
    const answered = answeredStatement(base, interaction);
    assert.match(answered.id, uuid);
    assert.equal(answered.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.equal(answered.object.id, `${launch.activityId}/interactions/${interaction.id}`);
    assert.equal(answered.object.definition?.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
    assert.equal(answered.object.definition?.interactionType, interaction.type);
    assert.deepEqual(answered.object.definition?.correctResponsesPattern, [pattern]);
    assert.equal(answered.result?.response, response);
    assert.equal(answered.result?.success, interaction.result === 'correct');
    assert.deepEqual(categories(answered), [], 'no cmi5 or moveOn category on an allowed statement (9.6.2.2-2)');
    assert.deepEqual(answered.context.contextActivities?.parent, [{ objectType: 'Activity', id: launch.activityId }]);
    assert.equal(answered.context.registration, launch.registration);
    assert.equal(answered.timestamp, interaction.timestamp.toISOString());
  }
  assert.deepEqual(answeredStatement(base, answers[0]![0]).object.definition?.description, { 'zh-CN': '材料不全时应怎样说？' });
  assert.equal(answeredStatement(base, answers[0]![0]).result?.duration, 'PT12.3S');
});
