import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportError, readCourseStructure } from './course-structure.ts';
import { cmi5Xml } from './test-helpers.ts';

const has = (path: string) => path === 'index.html';
const refused = (xml: string, requirement: string, hasFile: ((p: string) => boolean) | 'bare' = has) =>
  assert.throws(() => readCourseStructure(xml, hasFile === 'bare' ? undefined : hasFile), (e: unknown) => e instanceof ImportError && e.requirement === requirement);

test('reads the course and its AU, trimming whitespace (cmi5 13.1.0.0-1) and decoding entities', () => {
  const course = readCourseStructure(cmi5Xml(), has);
  assert.equal(course.id, 'https://course.example.invalid/course');
  assert.equal(course.title, '服务行为规范 & 测试');
  assert.deepEqual(course.blocks, [{ id: 'https://course.example.invalid/block', title: '单元组', auIds: ['https://course.example.invalid/au/1'] }]);
  assert.deepEqual(course.aus, [
    { id: 'https://course.example.invalid/au/1', title: '课程', url: 'index.html', moveOn: 'CompletedAndPassed', launchMethod: 'AnyWindow', masteryScore: 0.8 },
  ]);
});

test('refuses what an LMS must refuse on import, naming the requirement', () => {
  refused(cmi5Xml({ auId: 'au-1' }), '3.0.0.0-1 (d)');
  refused(cmi5Xml({ url: 'index.html?registration=x' }), '8.1.0.0-6 (d)');
  refused(cmi5Xml({ url: 'missing.html' }), '14.1.0.0-3 (d)');
  refused(cmi5Xml(), '14.2.0.0-1 (d)', 'bare');
  refused(cmi5Xml({ moveOn: 'Finished' }), '13.2.0.0-1 (d)');
  refused(cmi5Xml({ masteryScore: '80' }), '13.2.0.0-1 (d)');
  refused(cmi5Xml().replace('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'urn:other'), '13.2.0.0-1 (d)');
  refused(cmi5Xml().replace('</au>', '</au><au id="https://course.example.invalid/au/1"><url>index.html</url></au>'), '13.1.4.0-1 (d)');
  refused(cmi5Xml().replace('</course>', ''), '13.2.0.0-1 (d)');
});

test('accepts the first-edition namespace and a fully qualified AU url without a zip', () => {
  const xml = cmi5Xml({ url: 'https://content.example.invalid/au.html' }).replace(
    'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
    'http://aicc.org/CMI5/CourseStructure.xsd',
  );
  assert.equal(readCourseStructure(xml).aus[0]!.url, 'https://content.example.invalid/au.html');
});
