import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { decodeResponse, encodeResponse } from './response-codec.ts';
import { decodeExamState, encodeExamState, initialExamState, type ExamState } from './exam-state.ts';
import { attemptsLeft, availability, isFinalOutcome, mayReview, secondsLeft, type ExamRules } from './policy.ts';
import { certificateNumber, displayName, formatChineseDate, verifyCertificate } from './certificate.ts';
import { buildExamReport } from './report.ts';
import { makeMatching, makeMultiple, makeOrdering, makeSingle, makeSpotting, makeTrueFalse } from '../quizzes/fixtures/items.ts';
import type { BankItem } from '../quizzes/schema.ts';
import { createScorm12Driver } from '../scorm/scorm12/driver.ts';
import { createScorm2004Driver } from '../scorm/scorm2004/driver.ts';
import type { Scorm12Api } from '../scorm/scorm12/api.ts';
import type { Scorm2004Api } from '../scorm/scorm2004/api.ts';
import type { LmsError } from '../scorm/driver.ts';

const rules: ExamRules = { passMark: 80, attempts: 3, timeLimitMinutes: 30, requireAllModules: true, review: 'after-pass' };

test('response codec round-trips every response shape', () => {
  for (const raw of [null, 0, 7, 35, true, false, [0, 2, 5], [3, 1, 0, 2], [1, null, 0]]) {
    assert.deepEqual(decodeResponse(encodeResponse(raw)), raw, JSON.stringify(raw));
  }
  assert.equal(encodeResponse([]), '');
  assert.equal(encodeResponse(99), '', 'out of range is not encoded');
  for (const text of ['n3', 'l012', 'p1_0', 't', 'f', '']) assert.equal(encodeResponse(decodeResponse(text)), text);
  for (const bad of ['x1', 'n', 'l', 'nZZ', 'l1~2']) assert.equal(decodeResponse(bad), null, bad);
});

test('exam state round-trips and never contains a segment separator', () => {
  const response = fc.oneof(fc.constant(null), fc.boolean(), fc.nat(35), fc.array(fc.nat(35), { minLength: 1, maxLength: 12 }));
  const result = fc.record({ score: fc.nat(100), passed: fc.boolean(), date: fc.constantFrom('20261127', '20270101') });
  fc.assert(
    fc.property(
      fc.record({
        attempt: fc.nat(10),
        phase: fc.constantFrom('idle' as const, 'running' as const),
        deadline: fc.nat(4_000_000_000),
        answers: fc.array(response, { maxLength: 60 }),
        last: fc.option(result, { nil: undefined }),
        passed: fc.option(result, { nil: undefined }),
      }),
      (state: ExamState) => {
        const text = encodeExamState(state);
        assert.doesNotMatch(text, /[~\s]/);
        const back = decodeExamState(text);
        assert.equal(back.attempt, state.attempt);
        assert.equal(back.phase, state.phase);
        assert.equal(back.deadline, state.deadline);
        assert.deepEqual(back.last, state.last && { ...state.last });
        assert.deepEqual(back.passed, state.passed && { ...state.passed });
        assert.deepEqual(back.answers, state.answers.map((a) => (Array.isArray(a) && a.length === 0 ? null : a)));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

test('a corrupt exam segment gives the initial state', () => {
  for (const bad of ['', 'garbage', '1.x.0..', '1.r.0....extra', '1.r.!!..']) assert.deepEqual(decodeExamState(bad), initialExamState, bad);
});

test('worst case: a 60-question attempt (the config maximum) of 20-option items stays below 1400 characters', () => {
  const answers = Array.from({ length: 60 }, () => Array.from({ length: 20 }, (_, i) => 19 - i));
  const text = encodeExamState({ attempt: 10, phase: 'running', deadline: 4_000_000_000, answers, last: { score: 100, passed: true, date: '20261127' }, passed: { score: 100, passed: true, date: '20261127' } });
  assert.ok(text.length < 1400, `${text.length}`);
});

test('attempt policy: locked, available, running, exhausted, passed', () => {
  assert.deepEqual(availability(initialExamState, rules, false), { kind: 'locked' });
  assert.deepEqual(availability(initialExamState, { ...rules, requireAllModules: false }, false), { kind: 'available', attemptsLeft: 3 });
  assert.deepEqual(availability({ ...initialExamState, attempt: 1, phase: 'running' }, rules, true), { kind: 'running' });
  assert.deepEqual(availability({ ...initialExamState, attempt: 3 }, rules, true), { kind: 'exhausted' });
  const passed = { score: 90, passed: true, date: '20261127' };
  assert.deepEqual(availability({ ...initialExamState, attempt: 2, passed }, rules, true), { kind: 'passed' });
  assert.equal(attemptsLeft({ ...initialExamState, attempt: 1 }, rules), 2);
});

test('only a pass or the last failed attempt is final', () => {
  assert.equal(isFinalOutcome(false, 1, rules), false);
  assert.equal(isFinalOutcome(false, 3, rules), true);
  assert.equal(isFinalOutcome(true, 1, rules), true);
});

test('review policy and deadline', () => {
  assert.equal(mayReview(false, rules), false);
  assert.equal(mayReview(true, rules), true);
  assert.equal(mayReview(false, { ...rules, review: 'always' }), true);
  assert.equal(mayReview(true, { ...rules, review: 'never' }), false);
  assert.equal(secondsLeft({ ...initialExamState, deadline: 1000 }, 400), 600);
  assert.equal(secondsLeft({ ...initialExamState, deadline: 1000 }, 2000), 0);
  assert.equal(secondsLeft(initialExamState, 2000), undefined);
});

test('certificate number: stable, verifiable, different for another learner or date', () => {
  const number = certificateNumber('u-001', 'yks-service-conduct', 2026, '20261127');
  assert.match(number, /^YKS-2026-[0-9A-HJKMNP-TV-Z]{10}$/);
  assert.equal(certificateNumber('u-001', 'yks-service-conduct', 2026, '20261127'), number);
  assert.ok(verifyCertificate(number.toLowerCase(), 'u-001', 'yks-service-conduct', 2026, '20261127'));
  assert.notEqual(certificateNumber('u-002', 'yks-service-conduct', 2026, '20261127'), number);
  assert.notEqual(certificateNumber('u-001', 'yks-service-conduct', 2026, '20261128'), number);
});

test('names from the LMS read naturally', () => {
  assert.equal(displayName('张, 三'), '张三');
  assert.equal(displayName('欧阳，娜娜'), '欧阳娜娜');
  assert.equal(displayName('Zhang, San'), 'San Zhang');
  assert.equal(displayName('李四'), '李四');
  assert.equal(displayName('<b>x</b>, y'), 'y <b>x</b>', 'text is returned as is, for textContent');
  assert.equal(formatChineseDate('20261127'), '2026 年 11 月 27 日');
});

const withModule = (item: object, module: string) => ({ ...item, module }) as BankItem;
const items: BankItem[] = [
  withModule(makeSingle(2, 'm01-a'), '01-appearance'),
  withModule(makeMultiple(2, 2, 'm05-b'), '05-language'),
  withModule(makeTrueFalse(false, 'm04-c'), '04-conduct'),
  withModule(makeOrdering(4, 'm03-d'), '03-telephone'),
  withModule(makeMatching(3, 1, 'm05-e'), '05-language'),
  withModule(makeSpotting([false, true], 'm05-f'), '05-language'),
];

test('exam report: interactions per question with result, objectives per module, final only on pass', () => {
  const allRight = { 'm01-a': 0, 'm05-b': [0, 1], 'm04-c': false, 'm03-d': [0, 1, 2, 3], 'm05-e': [0, 1, 2], 'm05-f': [1] };
  const report = buildExamReport({ attempt: 2, items, responses: allRight, rules, moduleTitles: { '05-language': '文明服务用语规范' }, submittedAt: new Date(2026, 10, 27) });
  assert.equal(report.score, 100);
  assert.equal(report.passed, true);
  assert.equal(report.final, true);
  assert.deepEqual(report.interactions.map((i) => i.id), ['a2-m01-a', 'a2-m05-b', 'a2-m04-c', 'a2-m03-d', 'a2-m05-e', 'a2-m05-f']);
  assert.ok(report.interactions.every((i) => i.result === 'correct'));
  assert.deepEqual(report.interactions.map((i) => i.type), ['choice', 'choice', 'true-false', 'sequencing', 'matching', 'choice']);
  assert.deepEqual(report.objectives.map((o) => o.id), ['m01-appearance', 'm03-telephone', 'm04-conduct', 'm05-language']);
  assert.equal(report.objectives.find((o) => o.id === 'm05-language')?.description, '文明服务用语规范');

  const wrong = buildExamReport({ attempt: 1, items, responses: { 'm01-a': 1 }, rules, moduleTitles: {}, submittedAt: new Date() });
  assert.equal(wrong.score, 0);
  assert.equal(wrong.final, false, 'a failed first attempt of three is not final');
  assert.ok(wrong.interactions.every((i) => i.result === 'incorrect'));
});

test('exam reports are accepted by the strict runtime in both versions', () => {
  const responses = { 'm01-a': 1, 'm05-b': [0], 'm04-c': true, 'm03-d': [1, 0, 2, 3], 'm05-e': [0, null, 3], 'm05-f': [] };
  const report = buildExamReport({ attempt: 3, items, responses, rules, moduleTitles: {}, submittedAt: new Date() });
  for (const make of [
    (sink: (e: LmsError) => void) => createScorm12Driver(new Scorm12API({ logLevel: 5 }) as unknown as Scorm12Api, sink),
    (sink: (e: LmsError) => void) => createScorm2004Driver(new Scorm2004API({ logLevel: 5 }) as unknown as Scorm2004Api, sink),
  ]) {
    const errors: LmsError[] = [];
    const driver = make((error) => errors.push(error));
    driver.initialize();
    report.interactions.forEach((interaction, index) => driver.recordInteraction(index, interaction));
    report.objectives.forEach((objective) => driver.setObjective(objective));
    driver.setScore({ raw: report.score, min: 0, max: 100 });
    assert.deepEqual(errors, [], driver.version);
  }
});

test('answers are described in words for the review and the item map', async () => {
  const { describeCorrect, describeResponse } = await import('./describe.ts');
  const [single, multiple, truefalse, ordering, matching, spotting] = items;
  assert.equal(describeResponse(single!, null), '（未作答）');
  assert.equal(describeResponse(single!, 0), describeCorrect(single!));
  assert.equal(describeResponse(truefalse!, false), '错');
  assert.equal(describeCorrect(truefalse!), '错');
  assert.match(describeCorrect(ordering!), / → /);
  assert.equal(describeResponse(ordering!, [0, 1, 2, 3]), describeCorrect(ordering!));
  assert.equal(describeResponse(multiple!, [0, 1]), describeCorrect(multiple!));
  assert.equal(describeResponse(matching!, [0, 1, 2]), describeCorrect(matching!));
  assert.equal(describeResponse(spotting!, [1]), describeCorrect(spotting!));
  assert.equal(describeResponse(spotting!, 'garbage'), '（未作答）', 'unreadable stored data reads as unanswered');
});

test('exam data is scrambled and decodes back', async () => {
  const { encodeExamData, decodeExamData } = await import('./exam-data-codec.ts');
  const data = { items: [{ id: 'm05-o5-01', answer: { text: '您的手续（材料）还缺少××项，请您准备齐全再来' } }] };
  const encoded = encodeExamData(data, 'yks-service-conduct');
  const asText = Buffer.from(encoded).toString('utf8');
  assert.doesNotMatch(asText, /手续|m05-o5-01|answer/);
  assert.deepEqual(decodeExamData(encoded, 'yks-service-conduct'), data);
  assert.deepEqual(decodeExamData(encoded.buffer as ArrayBuffer, 'yks-service-conduct'), data);
});

test('item map: one CSV row per exam-eligible item, quoted where needed', async () => {
  const { buildItemMap } = await import('./item-map.ts');
  const csv = buildItemMap([...items, { ...items[0]!, id: 'm01-practice-only', use: 'practice' } as BankItem], { '01-appearance': '仪容仪表规范' });
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'item_id,lms_interaction_id,module,objective_id,rule_ids,type,question,correct_answer');
  assert.equal(lines.length, 1 + items.length, 'practice-only items are not in the exam map');
  assert.ok(lines.some((line) => line.startsWith('m01-a,a<次数>-m01-a,01-appearance 仪容仪表规范,m01-appearance,')));
});

test('a content update keeps attempts used and a pass, and closes a running attempt', async () => {
  const { carryOverExamState } = await import('./exam-state.ts');
  const running = encodeExamState({ attempt: 2, phase: 'running', deadline: 99, answers: [1, true], last: { score: 60, passed: false, date: '20261101' } });
  const carried = decodeExamState(carryOverExamState(running));
  assert.equal(carried.attempt, 2);
  assert.equal(carried.phase, 'idle');
  assert.deepEqual(carried.answers, []);
  assert.equal(carried.last?.score, 60);
  assert.equal(carryOverExamState(undefined), undefined);
  assert.equal(carryOverExamState('garbage'), undefined);
});

test('item map cells cannot become spreadsheet formulas', async () => {
  const { csvField } = await import('./item-map.ts');
  assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-2'), "'-2");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('您好，请坐'), '您好，请坐');
  assert.equal(csvField('a,b'), '"a,b"');
});
