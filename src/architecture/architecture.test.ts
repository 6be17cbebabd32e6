/**
 * The layering the README's Architecture section promises, enforced (the way Starlight guards its internals).
 * Rules are about what RUNS: type-only imports vanish at run time and are allowed across layers. Tests and test
 * fixtures may import anything and are left out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { folderCycles, importGraph, runtimeClosure, sourceFiles, type ImportEdge } from './import-graph.ts';
import { findViolations, layerRules } from './layer-rules.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const isProduct = (file: string) => !/\.test\.ts$/.test(file) && !file.includes('/fixtures/');
const edges: ImportEdge[] = importGraph(root).filter((edge) => isProduct(edge.from));
const files = sourceFiles(root).filter(isProduct);

test('architecture: the import graph is read (sanity: known edges are found)', () => {
  assert.ok(files.length > 80, `${files.length} source files`);
  assert.ok(edges.some((e) => e.from === 'src/shell/shell.ts' && e.to === 'src/stores/lms-sync.ts'));
  assert.ok(edges.some((e) => e.from === 'src/stores/lms-sync.ts' && e.to === 'src/scorm/driver.ts' && e.typeOnly));
});

for (const rule of layerRules) {
  test(`architecture: ${rule.name}`, () => {
    assert.deepEqual(findViolations(rule, files, edges, (file) => readFileSync(path.join(root, file), 'utf8')), []);
  });
}

test('architecture: no import cycle between folders of src/', () => {
  assert.deepEqual(folderCycles(edges), []);
});

test('architecture: the pure cores run without a browser, Astro or Node (checked through every run-time import)', () => {
  const impure = /^(node:|astro|nanostores$|zod$|yaml$)|^src\/(stores|scorm|components|pages|pages-client|layouts|shell|bridge|course|config)\/|\.astro$/;
  const problems = files
    .filter((file) => /^src\/(exam|quizzes\/engine)\//.test(file))
    .flatMap((file) => [...runtimeClosure(edges, file)].filter((target) => impure.test(target)).map((target) => `${file} → ${target}`));
  assert.deepEqual(problems, []);
});

test('architecture: the README names every folder of src/ and no folder that is gone', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const tree = readme.slice(readme.indexOf('## Architecture'));
  const folders = [...new Set(files.map((file) => path.posix.dirname(file)).filter((dir) => dir.split('/').length === 2))];
  for (const folder of folders) assert.ok(tree.includes(`${folder.slice('src/'.length)}/`), `README Architecture lacks ${folder}/`);
  for (const named of tree.matchAll(/^\s{2}([a-z-]+)\/\s/gm)) {
    assert.ok(folders.includes(`src/${named[1]}`), `README Architecture names src/${named[1]}/, which has no source file`);
  }
});
