import assert from 'node:assert/strict';
import test from 'node:test';
import type { ImportEdge } from './import-graph.ts';
import { folderCycles } from './import-graph.ts';
import { findViolations, layerRules } from './layer-rules.ts';

// Each rule catches the violation it exists for (so architecture.test.ts cannot pass by accident).
const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, specifier: to, to: to.startsWith('src/') ? to : undefined, typeOnly });
const rule = (name: string) => layerRules.find((r) => r.name.startsWith(name))!;

const cases: Array<{ rule: string; file: string; edges?: ImportEdge[]; text?: string; expected: string }> = [
  { rule: 'quizzes/engine and exam', file: 'src/exam/score.ts', edges: [edge('src/exam/score.ts', 'src/course/outline.ts')], expected: 'src/exam/score.ts → src/course/outline.ts' },
  { rule: 'quizzes/engine and exam', file: 'src/quizzes/engine/draw.ts', edges: [edge('src/quizzes/engine/draw.ts', 'node:fs')], expected: 'src/quizzes/engine/draw.ts → node:fs' },
  { rule: 'quizzes/engine and exam', file: 'src/exam/timer.ts', text: 'const t = window.setTimeout(f, 1);', expected: 'src/exam/timer.ts: window.' },
  { rule: 'scorm/ never imports', file: 'src/scorm/driver.ts', edges: [edge('src/scorm/driver.ts', 'src/components/quiz/roleplay-segment.ts')], expected: 'src/scorm/driver.ts → src/components/quiz/roleplay-segment.ts' },
  { rule: 'version-specific', file: 'src/stores/lms-sync.ts', text: "const name = version === '1.2' ? 'a' : 'b';", expected: "src/stores/lms-sync.ts: === '1.2'" },
  { rule: 'version-specific', file: 'src/shell/shell.ts', text: "api.SetValue('cmi.location', x)", expected: "src/shell/shell.ts: 'cmi." },
  { rule: 'pages and components', file: 'src/pages-client/home.ts', edges: [edge('src/pages-client/home.ts', 'src/stores/course.ts')], expected: 'src/pages-client/home.ts → src/stores/course.ts' },
  { rule: 'only stores/lms-sync.ts', file: 'src/shell/shell.ts', edges: [edge('src/shell/shell.ts', 'src/scorm/runtime/create-driver.ts')], expected: 'src/shell/shell.ts → src/scorm/runtime/create-driver.ts' },
];

for (const c of cases) {
  test(`layer rule "${c.rule}…" catches ${c.expected}`, () => {
    const found = findViolations(rule(c.rule), [c.file], c.edges ?? [], () => c.text ?? '');
    assert.deepEqual(found, [c.expected]);
  });
}

test('type-only imports and comments are not violations', () => {
  const found = findViolations(rule('quizzes/engine and exam'), ['src/exam/a.ts'], [edge('src/exam/a.ts', 'src/course/outline.ts', true)], () => '// window.open()');
  assert.deepEqual(found, []);
});

test('folderCycles finds a cycle between two folders and ignores type-only edges', () => {
  const cycle = [edge('src/a/x.ts', 'src/b/y.ts'), edge('src/b/y.ts', 'src/a/z.ts')];
  assert.deepEqual(folderCycles(cycle), [['src/a', 'src/b']]);
  assert.deepEqual(folderCycles([cycle[0]!, edge('src/b/y.ts', 'src/a/z.ts', true)]), []);
});
