import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../util/files.ts';

// The repository stands alone: no code, test, script or doc reads a path of a developer's machine or a folder beside
// the repository. (The patterns are built from parts so this file does not match itself.)
const root = fileURLToPath(new URL('../../', import.meta.url));
const outside = new RegExp(['/' + 'work/', '\\.\\./' + 'shared', '/' + 'root/', '/' + 'home/[a-z]', '/' + 'Users/', 'C:' + '\\\\\\\\'].join('|'));
const skipped = /^(node_modules|dist|test-results|\.astro|\.git)\/|package-lock\.json$|\.(png|zip|xlsx|ods|bin)$/;

test('no file of the repository points outside it', () => {
  const offenders = listFiles(root)
    .filter((file) => !skipped.test(file))
    .flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => outside.test(line))
        .map(({ line, index }) => `${file}:${index + 1}: ${line.trim().slice(0, 100)}`);
    });
  assert.deepEqual(offenders, []);
});

// HR edits course.config.yaml (README "配置") and every test must stay green: browser tests and scripts take package
// names, URLs and storage keys from the config (e2e/support/packages.ts), never from a copy of today's values.
test('no browser test or script spells out the configured course identifier', async () => {
  const { loadCourseConfig } = await import('../config/load-config.ts');
  const { identifier } = loadCourseConfig().course;
  const offenders = listFiles(root)
    .filter((file) => /^(e2e|scripts)\/.*\.(ts|js|html)$/.test(file))
    .flatMap((file) =>
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => line.includes(identifier))
        .map(({ line, index }) => `${file}:${index + 1}: ${line.trim().slice(0, 100)}`),
    );
  assert.deepEqual(offenders, []);
});
