import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules, ruleById, sections } from './index.ts';
import { glossaryEntry } from './glossary.ts';
import { findHalfWidthPunctuation, findSlips } from './text-checks.ts';

// The lessons (src/modules/*.mdx) are checked from their sources, because the build renders each page
// on its own and cannot see that a rule is anchored on two pages: every <Rule id> once in the course,
// every id known, no slip of the standard, full-width punctuation in prose.
const modulesDir = fileURLToPath(new URL('../modules/', import.meta.url));
const lessons = existsSync(modulesDir)
  ? readdirSync(modulesDir)
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((file) => ({ file, source: readFileSync(modulesDir + file, 'utf8') }))
  : [];

/** Prose only: no frontmatter, import/export lines, code, JSX tags or attribute values. */
function prose(source: string): string {
  return source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/<[^>]*>/g, ' ');
}

const anchors = lessons.flatMap(({ file, source }) =>
  [...source.matchAll(/<Rule\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => ({ file, id: m[1] ?? '' })),
);

test('lessons: every <Rule id> exists and is anchored at most once in the course', () => {
  const seen = new Map<string, string>();
  for (const { file, id } of anchors) {
    assert.ok(ruleById(id), `${file}: <Rule id="${id}"> is not in the catalog`);
    const first = seen.get(id);
    assert.equal(first, undefined, `${file}: <Rule id="${id}"> already anchored in ${first}`);
    seen.set(id, file);
  }
});

test('lessons: rules are anchored in the lesson of their section', () => {
  for (const { file, id } of anchors) {
    const rule = ruleById(id);
    if (!rule) continue;
    const module = sections[rule.section - 1]?.module;
    assert.ok(file.startsWith(`${module}`), `${file}: <Rule id="${id}"> belongs to ${module}`);
  }
});

test('lessons: every rule is anchored', () => {
  assert.deepEqual(
    sections.filter((s) => !lessons.some((l) => l.file === `${s.module}.mdx`)).map((s) => s.module),
    [],
    'every section of the standard has its lesson',
  );
  const anchored = new Set(anchors.map((a) => a.id));
  assert.deepEqual(
    rules.filter((r) => !anchored.has(r.id)).map((r) => r.id),
    [],
    'rules without a <Rule> anchor',
  );
});

test('lessons: <Term id> and <KnowledgeCheck module> are known', () => {
  for (const { file, source } of lessons) {
    for (const m of source.matchAll(/<Term\b[^>]*?\bid=["']([^"']+)["']/g)) {
      assert.ok(glossaryEntry(m[1] ?? ''), `${file}: <Term id="${m[1]}"> is not in the glossary`);
    }
    for (const m of source.matchAll(/<KnowledgeCheck\b[^>]*?\bmodule=["']([^"']+)["']/g)) {
      assert.ok(sections.some((s) => s.module === m[1]), `${file}: <KnowledgeCheck module="${m[1]}">`);
    }
  }
});

test('lessons: no slip of the standard, full-width punctuation in prose', () => {
  for (const { file, source } of lessons) {
    assert.deepEqual(findSlips(source).map((s) => `${s.wrong} → ${s.correct}`), [], file);
    assert.deepEqual(findHalfWidthPunctuation(prose(source)), [], file);
  }
});
