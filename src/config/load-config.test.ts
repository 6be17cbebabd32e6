import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, parseCourseConfig } from './load-config.ts';

const good = readFileSync('course.config.yaml', 'utf8');

test('the shipped course.config.yaml is valid', () => {
  const config = parseCourseConfig(good);
  assert.equal(config.course.identifier, 'yks-service-conduct');
  assert.deepEqual(config.packages, ['scorm12', 'scorm2004']);
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
  const bad = good.replace('packages:\n  - scorm12', 'pakages: 1\npackages:\n  - scorm13');
  assert.throws(() => parseCourseConfig(bad), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /packages\[0\]/);
    assert.match(error.message, /pakages/);
    return true;
  });
});

test('YAML syntax errors name the file and line', () => {
  assert.throws(() => parseCourseConfig('course:\n  title: [unclosed\n', 'x.yaml'), /x\.yaml:\d+: YAML 语法错误/);
});
