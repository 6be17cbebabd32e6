/**
 * rp-incomplete-materials teaches the one canonical model of src/rules/canonical-models.ts on its ideal path: the
 * clerk's lines there contain every phrase of the model, every rule the model combines is kept, the applicant from
 * far away (乌尔其汉) is offered the 绿色通道 (第七部分工作规范（四）), and the role-play is required for module 05.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { incompleteMaterialsModelPhrases, incompleteMaterialsRules } from '../rules/canonical-models.ts';
import { rules } from '../rules/index.ts';
import { debrief, idealPath } from './engine/index.ts';
import { loadRoleplays } from './load-bank.ts';

const rp = loadRoleplays(fileURLToPath(new URL('./roleplays', import.meta.url)), new Set(rules.map((r) => r.id))).find(
  (r) => r.id === 'rp-incomplete-materials',
)!;

test('rp-incomplete-materials: the ideal path says every phrase of the canonical model', () => {
  assert.ok(rp, 'the role-play exists');
  const d = debrief(rp, idealPath(rp));
  assert.equal(d.verdict, 'good');
  const said = d.steps.map((s) => s.choice.text).join('\n');
  assert.deepEqual(incompleteMaterialsModelPhrases.filter((phrase) => !said.includes(phrase)), []);
  // The written list and the reason come in the same line as the missing items (一次说全, with why).
  const missing = d.steps.find((s) => s.choice.text.includes('还缺少'))!;
  assert.match(missing.choice.text, /一次性告知单/);
  assert.match(missing.choice.text, /用来|就要有/);
  assert.ok((missing.choice.text.match(/请/g) ?? []).length >= 1, '多说“请”字');
});

test('rp-incomplete-materials: the ideal path keeps every rule the model combines, breaks none', () => {
  const d = debrief(rp, idealPath(rp));
  assert.deepEqual(d.broken, []);
  assert.deepEqual(incompleteMaterialsRules.filter((id) => !d.kept.includes(id)), []);
  assert.deepEqual(incompleteMaterialsRules.filter((id) => !rp.rules.includes(id)), []);
});

test('rp-incomplete-materials: the applicant comes from 乌尔其汉 and is offered the 绿色通道 on the ideal path', () => {
  assert.match(rp.intro, /乌尔其汉/);
  const d = debrief(rp, idealPath(rp));
  const green = d.steps.find((s) => s.choice.keeps?.includes('s7-w4'));
  assert.ok(green, 'an s7-w4 step');
  assert.match(green.choice.text, /绿色通道/);
  assert.match(green.choice.text, /直接到这个窗口找我/);
  assert.equal(rp.required, true, 'required to complete module 05');
  assert.equal(rp.module, '05-language');
});

test('rp-incomplete-materials: what can be fixed on the spot is fixed before the missing items are named', () => {
  const d = debrief(rp, idealPath(rp));
  const sign = d.steps.findIndex((s) => s.choice.text.includes('请签名') && s.choice.text.includes('复印'));
  const missing = d.steps.findIndex((s) => s.choice.text.includes('还缺少'));
  assert.ok(sign !== -1 && sign < missing, `sign at ${sign}, missing at ${missing}`);
});
