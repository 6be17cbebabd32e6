import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkFileName, isOtherDriverChunk, scormFolderOf } from './driver-chunks.ts';
import { loadedFiles } from './package-files.ts';

const kinds = ['scorm12', 'scorm2004', 'cmi5'] as const;

test('an on-demand chunk of a src/scorm/ folder is named after the folder; every other chunk as Astro names it', () => {
  assert.equal(scormFolderOf('/repo/src/scorm/scorm12/driver.ts'), 'scorm12');
  assert.equal(scormFolderOf('repo\\src\\scorm\\cmi5\\connect.ts'), 'cmi5');
  assert.equal(scormFolderOf('/repo/src/scorm/suspend-data.ts'), undefined);
  assert.equal(scormFolderOf(null), undefined);
  assert.equal(chunkFileName({ name: 'driver', facadeModuleId: '/repo/src/scorm/scorm2004/driver.ts' }), '_astro/lms-scorm2004.[hash].js');
  assert.equal(chunkFileName({ name: 'page-client', facadeModuleId: null }), '_astro/page-client.[hash].js');
  assert.equal(chunkFileName({ name: 'Shell?x=1', facadeModuleId: '/repo/src/shell/shell.ts' }), '_astro/Shell_x_1.[hash].js');
});

test("a package leaves out another protocol's driver chunk, and only that", () => {
  assert.equal(isOtherDriverChunk('_astro/lms-scorm2004.BQueNMxF.js', 'scorm12', kinds), true);
  assert.equal(isOtherDriverChunk('_astro/lms-cmi5.2_5wsUfd.js', 'scorm12', kinds), true);
  assert.equal(isOtherDriverChunk('_astro/lms-scorm12.BMzVZpcT.js', 'scorm12', kinds), false);
  assert.equal(isOtherDriverChunk('_astro/lms-local.X1.js', 'scorm12', kinds), false, 'not a package kind');
  assert.equal(isOtherDriverChunk('_astro/page-client.D_cducJj.js', 'cmi5', kinds), false);
});

test('what a left-out chunk alone imports is left out too; what the kept files import stays', () => {
  const sources: Record<string, string> = {
    'index.html': '<script type="module" src="_astro/shell.a.js"></script>',
    '_astro/shell.a.js': 'import("./lms-scorm12.b.js");import("./lms-cmi5.c.js");import "./shared.d.js";',
    '_astro/lms-scorm12.b.js': 'import "./shared.d.js";',
    '_astro/lms-cmi5.c.js': 'import "./xapi.e.js";',
    '_astro/shared.d.js': '',
    '_astro/xapi.e.js': '',
  };
  const read = (file: string) => sources[file]!;
  const available = new Set(Object.keys(sources));
  assert.deepEqual(loadedFiles(['index.html'], available, read, (file) => isOtherDriverChunk(file, 'scorm12', kinds)), [
    '_astro/lms-scorm12.b.js',
    '_astro/shared.d.js',
    '_astro/shell.a.js',
    'index.html',
  ]);
  assert.equal(loadedFiles(['index.html'], available, read).length, 6);
});
