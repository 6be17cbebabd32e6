/**
 * A lint over every role-play file (src/quizzes/roleplays/*.yaml), on top of the loader's schema and design checks
 * (engine `roleplayDesignProblems`): the writing rules of docs/item-writing.md "Role-plays" that a machine can check.
 * - No verbatim 禁忌用语 (第五部分禁忌用语) in a choice, except in a choice marked `spotting` (spotting it is the point).
 * - No bracketed stage note in a choice: "（3号窗口已经关窗了。）" gives the answer away.
 * - Every rule cited in the citation format (common brief: 第三部分第二条, 第七部分工作规范（四）…) is in `rules`.
 * - Every choice's feedback cites a rule it keeps or breaks; a rule-keeping choice's feedback quotes only short
 *   phrases the choice really says (“路上慢点” is not “请慢走”).
 * - The learner is addressed as 您 outside quoted speech.
 * - The rule-keeping choice is not the longest (or the shortest) option more often than chance.
 * And the course-level rules: at least eight role-plays, every module's lesson has one, each required one exists.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { requireRule, rules } from '../rules/index.ts';
import { loadRoleplays } from './load-bank.ts';
import { MODULE_IDS } from './schema.ts';
import type { Roleplay } from './schema.ts';
import { allPaths, debrief, idealPath, MIN_DECISIONS } from './engine/index.ts';

const roleplays = loadRoleplays(fileURLToPath(new URL('./roleplays', import.meta.url)), new Set(rules.map((r) => r.id)));
const forbidden = requireRule('s5-f').phrases ?? [];
/** The standard's own phrases (第五部分 and 第二部分第一条第4项), without the ×× templates and the 禁忌用语. */
const standardPhrases = new Set(
  rules
    .filter((r) => r.id !== 's5-f')
    .flatMap((r) => r.phrases ?? [])
    .filter((p) => !p.includes('××'))
    .map((p) => p.replace(/[\s，。！？、；：“”‘’（）《》…—]/g, '')),
);

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const num = (n: string): number => (/^\d+$/.test(n) ? Number(n) : (digits[n] ?? NaN));
const N = '([0-9]+|[一二三四五六七八九十])';

/** Rule ids cited in full form (common brief, "Citation format"). */
export function citedRules(text: string): string[] {
  const found: string[] = [];
  const add = (re: RegExp, id: (m: RegExpMatchArray) => string) => {
    for (const m of text.matchAll(re)) found.push(id(m));
  };
  add(new RegExp(`第一部分仪表规范第${N}条`, 'g'), (m) => `s1-y${num(m[1]!)}`);
  add(new RegExp(`第一部分举止规范第${N}条`, 'g'), (m) => `s1-j${num(m[1]!)}`);
  add(new RegExp(`第二部分第${N}条(?:第${N}项)?`, 'g'), (m) => {
    const k = num(m[1]!);
    if (m[2] !== undefined) return `s2-a${k}-${num(m[2])}`;
    return [1, 3, 4].includes(k) ? `s2-a${k}-0` : `s2-a${k}`;
  });
  add(new RegExp(`第三部分第${N}条`, 'g'), (m) => `s3-${num(m[1]!)}`);
  add(new RegExp(`第四部分行为规范第${N}条`, 'g'), (m) => `s4-x${num(m[1]!)}`);
  add(new RegExp(`第四部分服务态度第${N}条`, 'g'), (m) => `s4-t${num(m[1]!)}`);
  add(/第五部分总则/g, () => 's5-p0');
  add(new RegExp(`第五部分办公用语第${N}条`, 'g'), (m) => `s5-o${num(m[1]!)}`);
  add(new RegExp(`第五部分电话用语第${N}条`, 'g'), (m) => `s5-t${num(m[1]!)}`);
  add(/第五部分禁忌用语/g, () => 's5-f');
  add(new RegExp(`第六部分第${N}条`, 'g'), (m) => `s6-${num(m[1]!)}`);
  add(new RegExp(`第七部分基本要求（${N}）`, 'g'), (m) => `s7-b${num(m[1]!)}`);
  add(new RegExp(`第七部分工作规范（${N}）`, 'g'), (m) => `s7-w${num(m[1]!)}`);
  return found;
}

/** Every text of a role-play with where it sits. */
function texts(rp: Roleplay): { where: string; text: string }[] {
  const out = [{ where: 'intro', text: rp.intro }];
  for (const [id, node] of Object.entries(rp.nodes)) {
    out.push({ where: `${id}.text`, text: node.text });
    node.choices?.forEach((c, i) => {
      out.push({ where: `${id}.choices[${i}].text`, text: c.text }, { where: `${id}.choices[${i}].feedback`, text: c.feedback });
    });
    if (node.ending) out.push({ where: `${id}.ending.summary`, text: node.ending.summary });
  }
  return out;
}

const plain = (text: string) => text.replace(/[\s，。！？、；：“”‘’（）《》…—]/g, '');

test('at least eight role-plays; every module’s lesson links at least one; the required ones exist', () => {
  assert.ok(roleplays.length >= 8, `${roleplays.length} role-plays`);
  assert.deepEqual(MODULE_IDS.filter((m) => !roleplays.some((rp) => rp.module === m)), [], 'modules without a role-play');
  assert.deepEqual(roleplays.filter((rp) => rp.required).map((rp) => rp.id), ['rp-incomplete-materials']);
});

test('no verbatim 禁忌用语 in a choice unless it is a designated spotting choice', () => {
  assert.ok(forbidden.length === 8, 'the eight phrases of 第五部分禁忌用语');
  const problems: string[] = [];
  for (const rp of roleplays) {
    for (const [id, node] of Object.entries(rp.nodes)) {
      node.choices?.forEach((c, i) => {
        const hits = forbidden.filter((phrase) => plain(c.text).includes(plain(phrase)));
        if (hits.length > 0 && !c.spotting) problems.push(`${rp.id} › ${id}.choices[${i}]: “${hits.join('”“')}” in a choice not marked spotting`);
        if (c.spotting && hits.length === 0) problems.push(`${rp.id} › ${id}.choices[${i}]: marked spotting but quotes no 禁忌用语`);
      });
    }
    const spotting = Object.values(rp.nodes).flatMap((n) => n.choices ?? []).filter((c) => c.spotting).length;
    if (spotting > 2) problems.push(`${rp.id}: ${spotting} spotting choices; at most two per role-play, where spotting is the point`);
  }
  assert.deepEqual(problems, []);
});

test('no bracketed stage notes in choice texts', () => {
  const problems = roleplays.flatMap((rp) =>
    Object.entries(rp.nodes).flatMap(([id, node]) =>
      (node.choices ?? []).flatMap((c, i) => (/[（(【\[]/.test(c.text) ? [`${rp.id} › ${id}.choices[${i}]: ${c.text}`] : [])),
    ),
  );
  assert.deepEqual(problems, []);
});

test('every rule cited in a role-play’s texts is in its rules; every feedback cites a rule of its choice', () => {
  const problems: string[] = [];
  for (const rp of roleplays) {
    for (const { where, text } of texts(rp)) {
      for (const id of citedRules(text)) if (!rp.rules.includes(id)) problems.push(`${rp.id} › ${where}: cites ${id}, not in rules`);
    }
    for (const [id, node] of Object.entries(rp.nodes)) {
      node.choices?.forEach((c, i) => {
        const own = [...(c.keeps ?? []), ...(c.breaks ?? [])];
        if (!citedRules(c.feedback).some((r) => own.includes(r))) {
          problems.push(`${rp.id} › ${id}.choices[${i}].feedback: cites none of ${own.join(', ')}`);
        }
      });
    }
  }
  assert.deepEqual(problems, []);
});

test('a rule-keeping choice’s feedback credits only phrases the choice says', () => {
  const problems: string[] = [];
  for (const rp of roleplays) {
    for (const [id, node] of Object.entries(rp.nodes)) {
      node.choices?.forEach((c, i) => {
        if (c.breaks?.length) return;
        // A quoted phrase of the standard (“请坐”“请慢走”, not a ×× template) in the feedback of a rule-keeping
        // choice credits the learner with saying it.
        for (const [, quote] of c.feedback.matchAll(/“([^”]+)”/g)) {
          if (!standardPhrases.has(plain(quote!))) continue;
          if (!plain(c.text).includes(plain(quote!))) problems.push(`${rp.id} › ${id}.choices[${i}]: credits “${quote}”, which the choice does not say`);
        }
      });
    }
  }
  assert.deepEqual(problems, []);
});

test('the learner is 您: no 你 outside quoted speech in intros, feedback and summaries', () => {
  const problems: string[] = [];
  for (const rp of roleplays) {
    for (const { where, text } of texts(rp)) {
      if (where.endsWith('.text') && !where.includes('choices')) continue; // what people in the story say
      if (/你(?!们)/.test(text.replace(/“[^”]*”/g, ''))) problems.push(`${rp.id} › ${where}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('replayable: the ideal path has 4–8 decisions, every other path at least three unless its ending is severe', () => {
  const problems: string[] = [];
  for (const rp of roleplays) {
    const ideal = idealPath(rp).length;
    if (ideal < 4 || ideal > 8) problems.push(`${rp.id}: ideal path of ${ideal} decisions`);
    for (const path of allPaths(rp)) {
      const d = debrief(rp, path);
      if (path.length < MIN_DECISIONS && !d.ending?.severe) problems.push(`${rp.id}: [${path}] ends after ${path.length}`);
    }
    // At least one recovery: some wrong choice leads to a node from which the ideal ending is still reachable.
    const recovers = allPaths(rp).some((path) => {
      const d = debrief(rp, path);
      return d.wrongDecisions > 0 && d.ending?.kind === 'good';
    });
    if (!recovers) problems.push(`${rp.id}: no wrong choice can be recovered from`);
  }
  assert.deepEqual(problems, []);
});

test('the rule-keeping choice is not given away by its length (strictly longest or shortest in at most half the decisions)', () => {
  let decisions = 0;
  let longest = 0;
  let shortest = 0;
  for (const rp of roleplays) {
    for (const node of Object.values(rp.nodes)) {
      if (!node.choices) continue;
      decisions++;
      const lengths = node.choices.map((c) => plain(c.text).length);
      const ideal = node.choices.findIndex((c) => !c.breaks?.length);
      const others = lengths.filter((_, i) => i !== ideal);
      if (lengths[ideal]! > Math.max(...others)) longest++;
      if (lengths[ideal]! < Math.min(...others)) shortest++;
    }
  }
  assert.ok(longest <= decisions / 2, `longest at ${longest} of ${decisions} decisions`);
  assert.ok(shortest <= decisions / 2, `shortest at ${shortest} of ${decisions} decisions`);
});

test('citedRules reads every citation form of the common brief', () => {
  assert.deepEqual(
    citedRules('第三部分第二条；第五部分办公用语第5条；第七部分工作规范（四）；第二部分第一条第3项；第二部分第五条；第五部分禁忌用语；第五部分总则；第一部分举止规范第4条；第四部分服务态度第3条；第七部分基本要求（三）；第六部分第3条；第五部分电话用语第2条'),
    ['s1-j4', 's2-a1-3', 's2-a5', 's3-2', 's4-t3', 's5-p0', 's5-o5', 's5-t2', 's5-f', 's6-3', 's7-b3', 's7-w4'],
  );
});
