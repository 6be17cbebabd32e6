import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import '../fixtures/property.ts';
import { arbItem, arbRawResponse, makeSingle } from '../fixtures/items.ts';
import { ITEM_TYPES } from '../schema.ts';
import { interactionOf, isAnsweredOf, isCorrectOf, kindOf, kinds, responseOf, scoreOf } from './registry.ts';

test('registry: one kind per item type, keyed by its own type', () => {
  assert.deepEqual(Object.keys(kinds).sort(), [...ITEM_TYPES].sort());
  for (const [type, kind] of Object.entries(kinds)) assert.equal(kind.type, type);
});

test('registry: every kind file in kinds/ is registered', () => {
  const dir = fileURLToPath(new URL('./kinds/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'shared.ts');
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), Object.keys(kinds).sort());
});

test('registry: for any item and any stored response, the contract holds', () => {
  fc.assert(
    fc.property(arbItem, arbRawResponse, (item, raw) => {
      const kind = kindOf(item);
      const response = responseOf(item, raw);
      const { score, max } = scoreOf(item, raw);
      const interaction = interactionOf(item, raw);
      const n = kind.optionCount(item);
      const inRange = (v: unknown) => typeof v !== 'number' || (Number.isInteger(v) && v >= 0 && v < n);
      const indexes = Array.isArray(interaction.learner) ? interaction.learner.flat() : [];
      const correctIndexes = Array.isArray(interaction.correct) ? interaction.correct.flat() : [];
      return (
        max === 1 &&
        score >= 0 &&
        score <= max &&
        isCorrectOf(item, raw) === (score === max) &&
        (interaction.result === 'correct') === isCorrectOf(item, raw) &&
        interaction.type === kind.interactionType &&
        interaction.weighting === max &&
        (isAnsweredOf(item, raw) || score === 0 || item.type === 'matching') &&
        // A parsed response parses to itself (stored → restored → stored is stable).
        JSON.stringify(kind.parseResponse(item, response)) === JSON.stringify(response) &&
        // Interactions name authored indexes that exist (targets for matching's right side; lefts < pairs).
        [...indexes, ...correctIndexes].every(inRange)
      );
    }),
    { numRuns: 400 },
  );
});

test('registry: the empty response is unanswered and scores 0 for every type', () => {
  fc.assert(
    fc.property(arbItem, (item) => {
      const kind = kindOf(item);
      const empty = kind.emptyResponse(item);
      return !kind.isAnswered(item, empty) && kind.score(item, empty).score === 0 && !kind.isCorrect(item, empty);
    }),
  );
});

test('registry: an unreadable stored response counts as no response', () => {
  const item = makeSingle();
  assert.equal(responseOf(item, 'garbage'), null);
  assert.equal(responseOf(item, undefined), null);
  assert.deepEqual(scoreOf(item, 99), { score: 0, max: 1 });
  assert.deepEqual(scoreOf(item, 0), { score: 1, max: 1 });
});

test('engine is pure: no DOM, no Node built-ins, no zod/yaml at run time', () => {
  const root = fileURLToPath(new URL('./', import.meta.url));
  const sources = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  assert.ok(sources.length >= 10);
  for (const file of sources) {
    const text = readFileSync(root + file, 'utf8');
    for (const [, typeOnly, from] of text.matchAll(/^import (type )?[^;]*?from '([^']+)';/gms)) {
      if (typeOnly) continue;
      assert.ok(from?.startsWith('./') || from?.startsWith('../'), `${file} imports ${from} at run time`);
      assert.ok(
        !from?.includes('schema.ts') && !from?.includes('load-bank'),
        `${file} imports ${from} at run time (types only, please)`,
      );
    }
    assert.doesNotMatch(text, /\b(document|window|localStorage)\./, `${file} touches the DOM`);
  }
});
