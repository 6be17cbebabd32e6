import assert from 'node:assert/strict';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../quizzes/load-bank.ts';
import type { BankItem } from '../quizzes/schema.ts';
import { outboundCallOpening } from './canonical-models.ts';
import { rules } from './index.ts';

// Items teach the same canonical models as the lessons (lessons-canonical.test.ts) and the role-plays
// (quizzes/roleplays-canonical.test.ts): every keyed outbound-call opening is the canonical line with its ×× filled
// in. (Incomplete-materials items vary in form — a caller asking what to bring, a "which replies break the standard"
// item — so their model is checked by the bank lint's tag and by review, not by a phrase match.)
const bank = loadBank(fileURLToPath(new URL('../quizzes/bank', import.meta.url)), new Set(rules.map((r) => r.id)));

/** The texts an item keys as right. */
function keyedTexts(item: BankItem): string[] {
  switch (item.type) {
    case 'single':
      return [item.answer.text];
    case 'multiple':
      return item.answers.map((answer) => answer.text);
    case 'matching':
      return item.pairs.map((pair) => pair.right);
    case 'truefalse':
      return item.answer ? [item.statement] : [];
    default:
      return [];
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The canonical line with each ×× (and ××单位, the unit's name) as "anything but the sentence's end". */
const canonicalOpening = new RegExp(escape(outboundCallOpening).replace(/××单位|××/g, '[^。？]+'));

test('every keyed outbound-call opening is the canonical line (names filled in)', () => {
  const openings = bank.items.flatMap((item) =>
    keyedTexts(item)
      .filter((text) => /请问是/.test(text) && /社保局/.test(text))
      .map((text) => ({ id: item.id, text })),
  );
  assert.ok(openings.length >= 3, `${openings.length} keyed openings`);
  assert.deepEqual(openings.filter(({ text }) => !canonicalOpening.test(text)), []);
});
