import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, loadCourseConfig, parseCourseConfig } from './load-config.ts';

// The checks below edit a fixed copy (fixtures/course.config.yaml), never the file HR edits: HR's changes must not
// break them. The live file is only required to be valid.
const good = readFileSync(new URL('./fixtures/course.config.yaml', import.meta.url), 'utf8');

test('the course.config.yaml HR edits is valid', () => {
  assert.doesNotThrow(() => loadCourseConfig());
});

test('the fixture config parses to its values', () => {
  const config = parseCourseConfig(good);
  assert.equal(config.course.identifier, 'yks-service-conduct');
  assert.deepEqual(config.packages.course, ['scorm12', 'scorm2004']);
  assert.equal(config.exam.passMark, 80);
});

test('a wrong value fails naming the file and the field', () => {
  const bad = good.replace('identifier: yks-service-conduct', 'identifier: 服务规范');
  assert.throws(() => parseCourseConfig(bad, 'course.config.yaml'), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /course\.config\.yaml › course\.identifier: /);
    return true;
  });
});

test('an unknown field and a bad list entry are both reported', () => {
  const bad = good.replace('  course:\n    - scorm12', '  course:\n    - scorm13').replace('edition:', 'pakages: 1\nedition:');
  assert.throws(() => parseCourseConfig(bad), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /packages\.course\[0\]/);
    assert.match(error.message, /pakages/);
    return true;
  });
});

test('YAML syntax errors name the file and line', () => {
  assert.throws(() => parseCourseConfig('course:\n  title: [unclosed\n', 'x.yaml'), /x\.yaml:\d+: YAML 语法错误/);
});

test('exam quotas must add up to the exam size', () => {
  const bad = good.replace('07-efficiency: 3', '07-efficiency: 9');
  assert.throws(() => parseCourseConfig(bad), /course\.config\.yaml › exam\.quotas: 各单元题数之和为 26，应等于 size（20）/);
});

test('a pass mark out of range is named', () => {
  assert.throws(() => parseCourseConfig(good.replace('passMark: 80', 'passMark: 180')), /exam\.passMark/);
});

test('exam.require: defaults to one incomplete-materials item; bad tags and counts are named', () => {
  const withoutRequire = good.replace(/\n  require:\n    incomplete-materials: 1\n/, '\n');
  assert.notEqual(withoutRequire, good, 'the fixture config should set exam.require');
  assert.deepEqual(parseCourseConfig(withoutRequire).exam.require, { 'incomplete-materials': 1 });
  assert.deepEqual(parseCourseConfig(good.replace('    incomplete-materials: 1', '    incomplete-materials: 2')).exam.require, {
    'incomplete-materials': 2,
  });
  assert.throws(
    () => parseCourseConfig(good.replace('    incomplete-materials: 1', '    Incomplete_Materials: 1')),
    /course\.config\.yaml › exam\.require\.Incomplete_Materials: 标签只能用小写英文字母/,
  );
  assert.throws(
    () => parseCourseConfig(good.replace('    incomplete-materials: 1', '    incomplete-materials: 25')),
    /course\.config\.yaml › exam\.require\.incomplete-materials: 要求 25 题，超过了每次考试的题数 size（20）/,
  );
  assert.throws(() => parseCourseConfig(good.replace('    incomplete-materials: 1', '    incomplete-materials: -1')), /exam\.require\.incomplete-materials: 不能小于 0/);
});
