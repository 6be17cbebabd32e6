import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { incompleteMaterialsModelPhrases, outboundCallOpening } from './canonical-models.ts';
import { maxPromptsPerLesson } from '../components/lesson/try-reply-segment.ts';

// One right model per situation (issue 12), checked from the lesson sources against src/rules/canonical-models.ts:
//   - the outbound-call opening is written out verbatim in lessons 02, 03 and 05, and every call a lesson shows
//     (dialogues and model answers) opens with it, ×× filled in;
//   - lessons 03, 05 and 07 each show the incomplete-materials model in a dialogue with every canonical phrase, and
//     no lesson shows a partial version of it; each places the <IncompleteMaterialsModel> box (the rules it combines);
//   - every lesson asks for at least two decisions before its knowledge check (the layout places the check after the
//     lesson body, so every <TryReply> in the MDX comes before it).

const modulesDir = fileURLToPath(new URL('../modules/', import.meta.url));
const lessons = new Map(
  readdirSync(modulesDir)
    .filter((f) => /^\d\d-[a-z]+\.mdx$/.test(f))
    .map((f) => [f.replace(/\.mdx$/, ''), readFileSync(modulesDir + f, 'utf8')] as const),
);

function lesson(module: string): string {
  const source = lessons.get(module);
  assert.ok(source, `src/modules/${module}.mdx exists`);
  return source;
}

/** `<Dialogue>` blocks of a source, each with its lines as { role, text }. */
function dialogues(source: string): { title: string; lines: { role: string; text: string }[] }[] {
  return [...source.matchAll(/<Dialogue\b[^>]*?title="([^"]*)"[^>]*>([\s\S]*?)<\/Dialogue>/g)].map((m) => ({
    title: m[1] ?? '',
    lines: [...(m[2] ?? '').matchAll(/<Line\b[^>]*?role="([a-z]+)"[^>]*>([\s\S]*?)<\/Line>/g)].map((l) => ({
      role: l[1] ?? '',
      text: l[2] ?? '',
    })),
  }));
}

/** `<TryReply>` prompts of a source with their attributes. */
function tryReplies(source: string): { title: string; ask: string; answer: string; points: string[] }[] {
  return [...source.matchAll(/<TryReply\b([\s\S]*?)>([\s\S]*?)<\/TryReply>/g)].map((m) => {
    const attributes = m[1] ?? '';
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
    const points = /\bpoints=\{\[([\s\S]*?)\]\}/.exec(attributes)?.[1] ?? '';
    return {
      title: attr('title'),
      ask: attr('ask'),
      answer: attr('answer'),
      points: [...points.matchAll(/'([^']*)'/g)].map((p) => p[1] ?? ''),
    };
  });
}

/** The outbound opening as a pattern: ××（单位） stands for a name, a unit or a person (no sentence punctuation). */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const openingPattern = new RegExp(`^${outboundCallOpening.split(/××单位|××/).map(escape).join('[^，。？“”]+')}`);

test('outbound calls: the canonical opening is written out in lessons 02, 03 and 05', () => {
  assert.equal(outboundCallOpening, '您好，我是牙克石市社保局的××。请问是××单位吗？');
  for (const module of ['02-reception', '03-telephone', '05-language']) {
    assert.ok(lesson(module).includes(outboundCallOpening), `${module}.mdx writes “${outboundCallOpening}”`);
  }
});

test('outbound calls: every call a lesson shows opens with the canonical line (×× filled in)', () => {
  let calls = 0;
  for (const [module, source] of lessons) {
    for (const dialogue of dialogues(source)) {
      if (!dialogue.lines.some((line) => line.role === 'callee')) continue;
      const opening = dialogue.lines.find((line) => line.role === 'staff');
      assert.ok(opening, `${module}.mdx «${dialogue.title}»: staff speak`);
      assert.match(opening.text, openingPattern, `${module}.mdx «${dialogue.title}» opens the call the canonical way`);
      calls++;
    }
    // Model answers and prose that quote a call: any “您好，我是…” follows the same line.
    for (const m of source.matchAll(/您好，我是[^“”\n]*?吗？/g)) {
      if (m[0] === outboundCallOpening) continue;
      assert.match(m[0], openingPattern, `${module}.mdx: “${m[0]}”`);
    }
  }
  assert.ok(calls >= 4, `calls shown in the lessons: ${calls}`);
});

test('incomplete materials: lessons 03, 05 and 07 show the whole canonical model, and the rules it combines', () => {
  for (const module of ['03-telephone', '05-language', '07-efficiency']) {
    const source = lesson(module);
    const models = dialogues(source).filter((d) => d.lines.some((line) => line.text.includes('还缺少')));
    assert.ok(models.length >= 1, `${module}.mdx has a model dialogue of the incomplete-materials case`);
    assert.match(source, /<IncompleteMaterialsModel\s*\/>/, `${module}.mdx places <IncompleteMaterialsModel />`);
  }
});

test('incomplete materials: every dialogue of the case, in any lesson, has every canonical phrase in the clerk’s words', () => {
  let checked = 0;
  for (const [module, source] of lessons) {
    for (const dialogue of dialogues(source)) {
      const staff = dialogue.lines.filter((line) => line.role === 'staff').map((line) => line.text).join('');
      if (!staff.includes('还缺少')) continue;
      checked++;
      const missing = incompleteMaterialsModelPhrases.filter((phrase) => !staff.includes(phrase));
      assert.deepEqual(missing, [], `${module}.mdx «${dialogue.title}»: phrases of the canonical model missing`);
      // 不推诿: the clerk explains the policy reason for what is missing (第七部分工作规范（三）).
      assert.match(staff, /政策/, `${module}.mdx «${dialogue.title}» explains the policy reason`);
    }
  }
  assert.ok(checked >= 3, `model dialogues checked: ${checked}`);
});

test('the <IncompleteMaterialsModel> box renders the canonical steps and rules (one source of truth)', () => {
  const component = readFileSync(fileURLToPath(new URL('../components/lesson/IncompleteMaterialsModel.astro', import.meta.url)), 'utf8');
  assert.match(component, /import \{ incompleteMaterialsRules, incompleteMaterialsSteps \} from '..\/..\/rules\/canonical-models.ts'/);
  assert.match(component, /incompleteMaterialsSteps\.map/);
  assert.match(component, /incompleteMaterialsRules\.map/);
});

test('every lesson asks for at least two decisions before its knowledge check (你会怎么说？ prompts)', () => {
  assert.equal(lessons.size, 7);
  for (const [module, source] of lessons) {
    const prompts = tryReplies(source);
    assert.ok(prompts.length >= 2, `${module}.mdx has ${prompts.length} <TryReply> prompts`);
    assert.ok(prompts.length <= maxPromptsPerLesson, `${module}.mdx: at most ${maxPromptsPerLesson} prompts (tr segment)`);
    for (const prompt of prompts) {
      const label = `${module}.mdx «${prompt.title}»`;
      assert.ok(prompt.title && prompt.ask && prompt.answer.length >= 20, `${label}: title, ask and a model answer`);
      assert.ok(prompt.points.length >= 2, `${label}: a checklist of at least two points`);
      // Full-width punctuation in what the learner reads (the page check covers the rest).
      for (const text of [prompt.ask, prompt.answer, ...prompt.points]) {
        assert.doesNotMatch(text, /[,:;?!()]/, `${label}: half-width punctuation in “${text}”`);
      }
    }
  }
});
