import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { validateManifest } from '../package/validate-manifest.ts';
import { buildCmi5Manifest, cmi5Iris, cmi5Namespace } from './manifest.ts';
import { cmi5Package } from './package-profile.ts';

const schemas = new Map(
  (cmi5Package.validationOnlySchemaFiles ?? []).map((file) => [file, readFileSync(`${cmi5Package.schemaDir}/${file}`, 'utf8')] as const),
);
const course = {
  identifier: 'yks-service-conduct',
  title: '牙克石市社会局服务行为规范培训',
  version: '1.0.0',
  launch: 'index.html',
  files: ['index.html'],
  masteryScore: 80,
  description: '帮助一线工作人员掌握服务行为规范。',
  mode: 'course' as const,
};

test('cmi5.xml validates against the vendored CourseStructure.xsd read in the w3id namespace', async () => {
  const xml = buildCmi5Manifest(course);
  const result = await validateManifest('cmi5', xml, schemas);
  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);
  // The check can fail: an unknown moveOn, a masteryScore above 1, or the old namespace are rejected.
  for (const broken of [
    xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Done"'),
    xml.replace('masteryScore="0.8"', 'masteryScore="80"'),
    xml.replace(cmi5Namespace, 'http://aicc.org/CMI5/CourseStructure.xsd'),
    xml.replace(/<url>[^<]*<\/url>/, ''),
  ]) {
    assert.equal((await validateManifest('cmi5', broken, schemas)).valid, false);
  }
});

test('cmi5.xml: one AU, relative url, IRIs from the identifier, zh-CN texts, moveOn per course, masteryScore = pass mark / 100', async () => {
  const xml = buildCmi5Manifest(course);
  assert.equal(xml.match(/<au /g)?.length, 1);
  assert.match(xml, /<url>index\.html<\/url>/);
  const ids = cmi5Iris('yks-service-conduct');
  assert.match(xml, new RegExp(`<course id="${ids.course}">`));
  assert.match(xml, new RegExp(`<au id="${ids.au}" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">`));
  assert.match(xml, /<title><langstring lang="zh-CN">牙克石市社会局服务行为规范培训<\/langstring><\/title>/);
  const refresher = buildCmi5Manifest({ ...course, identifier: 'yks-service-conduct-refresher-2027', launch: 'refresher.html', mode: 'refresher', masteryScore: 85 });
  assert.match(refresher, /moveOn="Passed" masteryScore="0.85"/);
  assert.match(refresher, /<url>refresher\.html<\/url>/);
  assert.match(refresher, /https:\/\/course\.invalid\/yks-service-conduct-refresher-2027\/au/);
  assert.equal((await validateManifest('cmi5', refresher, schemas)).valid, true);
  assert.match(buildCmi5Manifest({ ...course, title: 'A & B <c>' }), /A &amp; B &lt;c&gt;/);
});
