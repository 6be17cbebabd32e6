import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { packageProfiles } from './package-profiles.ts';

// The vendored schema files are the official ones, unchanged (src/scorm/SCHEMAS.md lists their SHA-256 sums).
const listed = new Map(
  [...readFileSync('src/scorm/SCHEMAS.md', 'utf8').matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1]!, m[2]!]),
);

test('every schema file a package ships is vendored, listed and unchanged', () => {
  for (const profile of Object.values(packageProfiles)) {
    for (const file of [...profile.schemaFiles, ...(profile.validationOnlySchemaFiles ?? [])]) {
      const relative = `${profile.schemaDir.replace(/^src\/scorm\//, '')}/${file}`;
      const sum = createHash('sha256').update(readFileSync(`${profile.schemaDir}/${file}`)).digest('hex');
      assert.equal(sum, listed.get(relative), `${relative} differs from the sum in SCHEMAS.md`);
    }
  }
  assert.equal(
    listed.size,
    Object.values(packageProfiles).reduce((n, p) => n + p.schemaFiles.length + (p.validationOnlySchemaFiles?.length ?? 0), 0),
  );
});
