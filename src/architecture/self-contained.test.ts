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
