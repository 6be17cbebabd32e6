/**
 * Acceptance checks on the REAL item bank (`src/quizzes/bank/*.yaml`) and role-plays (`src/quizzes/roleplays/*.yaml`),
 * loaded with the real rule catalogue (`src/rules/`). The loader already validates every file against the schema and
 * cross-checks (ids, rule ids, role-play graphs); these tests check what the course as a whole must offer: enough
 * items per module, enough scenario items, every rule tested, every item type used, feedback on every option, the
 * five kinds of role-play, and clean zh-CN text (the standard's slips corrected, full-width punctuation).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.ts';
import { findHalfWidthPunctuation, findSlips } from '../rules/text-checks.ts';
import { loadBank, loadRoleplays } from './load-bank.ts';
import { allPaths, debrief, idealPath } from './engine/index.ts';
import { ITEM_TYPES, MODULE_IDS, isScenario } from './schema.ts';
import type { Bank, BankItem, ModuleId, Roleplay } from './schema.ts';

const MIN_ITEMS_PER_MODULE = 12;
const MIN_ITEMS_TOTAL = 84;
const MIN_SCENARIO_SHARE = 0.6;
const MIN_ITEMS_PER_RULE = 2;
const MIN_EXAM_ITEMS_PER_MODULE = 8;
const MIN_ROLEPLAYS = 8;
/** Decisions on a role-play's ideal path (recovery nodes add more on other paths). */
const DECISIONS = { min: 4, max: 8 };

/** The areas the role-plays must cover, by the module (section of the standard) they train. */
const ROLEPLAY_AREAS: readonly { module: ModuleId; name: string }[] = [
  { module: '02-reception', name: '接待（迎客、交谈、送客）' },
  { module: '03-telephone', name: '电话' },
  { module: '04-conduct', name: '工作人员行为与服务态度' },
  { module: '05-language', name: '文明服务用语' },
  { module: '07-efficiency', name: '效能建设' },
];

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const knownRuleIds: ReadonlySet<string> = new Set(rules.map((r) => r.id));
/** Rule id → the module of its section (`s3-2` → `03-telephone`). */
const moduleOfRule = new Map<string, ModuleId>(
  rules.flatMap((r) => {
    const module = MODULE_IDS[r.section - 1];
    return module === undefined ? [] : [[r.id, module] as const];
  }),
);

// Loaded once, lazily: a BankError (listing every problem in every file) fails each test that needs the data.
let bankCache: Bank | undefined;
let roleplayCache: Roleplay[] | undefined;
const bank = (): Bank => (bankCache ??= loadBank(here('./bank'), knownRuleIds));
const roleplays = (): Roleplay[] => (roleplayCache ??= loadRoleplays(here('./roleplays'), knownRuleIds));

const itemsOf = (module: ModuleId): BankItem[] => bank().items.filter((i) => i.module === module);
const isExamEligible = (item: BankItem): boolean => item.use === 'exam' || item.use === 'both';

/** Every feedback an item shows, with where it sits (for messages). */
function feedbacks(item: BankItem): { where: string; text: string }[] {
  switch (item.type) {
    case 'single':
      return [
        { where: 'answer', text: item.answer.feedback },
        ...item.distractors.map((o, i) => ({ where: `distractors[${i}]`, text: o.feedback })),
      ];
    case 'multiple':
      return [
        ...item.answers.map((o, i) => ({ where: `answers[${i}]`, text: o.feedback })),
        ...item.distractors.map((o, i) => ({ where: `distractors[${i}]`, text: o.feedback })),
      ];
    case 'truefalse':
      return [
        { where: 'feedbackTrue', text: item.feedbackTrue },
        { where: 'feedbackFalse', text: item.feedbackFalse },
      ];
    case 'ordering':
      return item.steps.map((o, i) => ({ where: `steps[${i}]`, text: o.feedback }));
    case 'matching':
      return [
        ...item.pairs.map((p, i) => ({ where: `pairs[${i}]`, text: p.feedback })),
        ...(item.extraRights ?? []).map((o, i) => ({ where: `extraRights[${i}]`, text: o.feedback })),
      ];
    case 'spotting':
      return item.lines.map((l, i) => ({ where: `lines[${i}]`, text: l.feedback }));
  }
}

/** Number of options an item offers the learner (the feedback list must have one per option). */
function optionCount(item: BankItem): number {
  switch (item.type) {
    case 'single':
      return 1 + item.distractors.length;
    case 'multiple':
      return item.answers.length + item.distractors.length;
    case 'truefalse':
      return 2;
    case 'ordering':
      return item.steps.length;
    case 'matching':
      return item.pairs.length + (item.extraRights ?? []).length;
    case 'spotting':
      return item.lines.length;
  }
}

/** Fields that hold ids, enums and references rather than learner-facing text. */
const NOT_TEXT = new Set(['id', 'type', 'rules', 'use', 'module', 'next', 'start', 'keeps', 'breaks', 'kind']);

/** Every learner-facing string in a value, with its field path. */
function texts(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : texts(v, path ? `${path}.${k}` : k)));
  }
  return [];
}

function textProblems(label: string, value: unknown): string[] {
  return texts(value).flatMap(({ path, text }) => [
    ...findSlips(text).map((s) => `${label} › ${path}: slip “${s.wrong}”, write “${s.correct}”`),
    ...findHalfWidthPunctuation(text).map((h) => `${label} › ${path}: half-width punctuation in “${h}”, use full-width`),
  ]);
}

// ─── Items ─────────────────────────────────────────────────────────────────────────────────────────────────────────

test(`the bank has at least ${MIN_ITEMS_PER_MODULE} items in every module and ${MIN_ITEMS_TOTAL} in total`, () => {
  const counts = MODULE_IDS.map((m) => `${m}: ${itemsOf(m).length}`);
  const short = MODULE_IDS.filter((m) => itemsOf(m).length < MIN_ITEMS_PER_MODULE);
  assert.deepEqual(short, [], `modules with fewer than ${MIN_ITEMS_PER_MODULE} items (${counts.join(', ')})`);
  assert.ok(bank().items.length >= MIN_ITEMS_TOTAL, `${bank().items.length} items in total, need ${MIN_ITEMS_TOTAL}`);
});

test(`at least ${MIN_SCENARIO_SHARE * 100} % of all items are scenario items (have a situation)`, () => {
  const items = bank().items;
  const scenarios = items.filter(isScenario).length;
  const perModule = MODULE_IDS.map((m) => `${m}: ${itemsOf(m).filter(isScenario).length}/${itemsOf(m).length}`);
  assert.ok(items.length > 0, 'the bank is empty');
  assert.ok(
    scenarios / items.length >= MIN_SCENARIO_SHARE,
    `${scenarios} of ${items.length} items have a situation (${perModule.join(', ')})`,
  );
});

test(`every rule of the standard is tested by at least ${MIN_ITEMS_PER_RULE} items`, () => {
  const count = new Map(rules.map((r) => [r.id, 0]));
  for (const item of bank().items) for (const id of item.rules) count.set(id, (count.get(id) ?? 0) + 1);
  const under = [...count].filter(([, n]) => n < MIN_ITEMS_PER_RULE).map(([id, n]) => `${id} (${n})`);
  assert.deepEqual(under, [], `rules tested by fewer than ${MIN_ITEMS_PER_RULE} items`);
});

test('every item type is used', () => {
  const used = new Set(bank().items.map((i) => i.type));
  assert.deepEqual(
    ITEM_TYPES.filter((t) => !used.has(t)),
    [],
    'item types no item uses',
  );
});

test('every option of every item has feedback', () => {
  const missing: string[] = [];
  for (const item of bank().items) {
    const list = feedbacks(item);
    if (list.length !== optionCount(item)) missing.push(`${item.id}: ${list.length} feedbacks for ${optionCount(item)} options`);
    for (const { where, text } of list) if (text.trim() === '') missing.push(`${item.id} › ${where}`);
  }
  assert.deepEqual(missing, [], 'options without feedback');
});

test(`every module has at least ${MIN_EXAM_ITEMS_PER_MODULE} exam-eligible items (use exam or both)`, () => {
  const short = MODULE_IDS.map((m) => ({ m, n: itemsOf(m).filter(isExamEligible).length }))
    .filter(({ n }) => n < MIN_EXAM_ITEMS_PER_MODULE)
    .map(({ m, n }) => `${m} (${n})`);
  assert.deepEqual(short, [], `modules with fewer than ${MIN_EXAM_ITEMS_PER_MODULE} exam-eligible items`);
});

test('item texts use the corrected forms of the standard and full-width punctuation', () => {
  const problems = bank().items.flatMap((item) => textProblems(`${item.module}/${item.id}`, item));
  assert.deepEqual(problems, []);
});

// ─── Role-plays ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The sections a role-play trains: its own module, and any module of which it cites at least two rules. */
function areasOf(rp: Roleplay): Set<ModuleId> {
  const perModule = new Map<ModuleId, number>();
  for (const id of rp.rules) {
    const m = moduleOfRule.get(id);
    if (m !== undefined) perModule.set(m, (perModule.get(m) ?? 0) + 1);
  }
  return new Set([rp.module, ...[...perModule].filter(([, n]) => n >= 2).map(([m]) => m)]);
}

/** A different role-play for each area (backtracking over the few areas), or undefined when there is none. */
function assignRoleplays(areas: readonly ModuleId[], rps: readonly Roleplay[], taken = new Set<string>()): Map<ModuleId, string> | undefined {
  const [area, ...rest] = areas;
  if (area === undefined) return new Map();
  for (const rp of rps) {
    if (taken.has(rp.id) || !areasOf(rp).has(area)) continue;
    const others = assignRoleplays(rest, rps, new Set([...taken, rp.id]));
    if (others) return new Map([[area, rp.id], ...others]);
  }
  return undefined;
}

test(`at least ${MIN_ROLEPLAYS} role-plays, one each for reception, telephone, staff conduct, service language and efficiency`, () => {
  const rps = roleplays();
  assert.ok(rps.length >= MIN_ROLEPLAYS, `${rps.length} role-plays, need ${MIN_ROLEPLAYS}`);
  const uncovered = ROLEPLAY_AREAS.filter((a) => !rps.some((rp) => areasOf(rp).has(a.module)));
  assert.deepEqual(uncovered.map((a) => `${a.module} ${a.name}`), [], 'areas no role-play trains');
  const assignment = assignRoleplays(
    ROLEPLAY_AREAS.map((a) => a.module),
    rps,
  );
  assert.ok(assignment, `no way to give each area its own role-play (${rps.map((rp) => `${rp.id}: ${[...areasOf(rp)].join('+')}`).join('; ')})`);
});

test(`every role-play's ideal path has ${DECISIONS.min}–${DECISIONS.max} decisions and every choice records a rule it keeps or breaks`, () => {
  const problems: string[] = [];
  for (const rp of roleplays()) {
    const decisions = idealPath(rp).length;
    if (decisions < DECISIONS.min || decisions > DECISIONS.max) problems.push(`${rp.id}: ${decisions} decisions on the ideal path`);
    for (const [nodeId, node] of Object.entries(rp.nodes)) {
      (node.choices ?? []).forEach((c, i) => {
        if ((c.keeps ?? []).length + (c.breaks ?? []).length === 0) problems.push(`${rp.id} › ${nodeId} › choices[${i}]: no keeps or breaks`);
        if (c.feedback.trim() === '') problems.push(`${rp.id} › ${nodeId} › choices[${i}]: no feedback`);
      });
      if (node.ending && node.ending.summary.trim() === '') problems.push(`${rp.id} › ${nodeId}: ending without summary`);
    }
  }
  assert.deepEqual(problems, []);
});

test('role-play verdicts match the path: good only when no rule was broken on the way, and the reverse', () => {
  const problems: string[] = [];
  for (const rp of roleplays()) {
    // The graph is acyclic (the schema checks), so every path terminates; merged nodes are reached more than once.
    for (const path of allPaths(rp)) {
      const d = debrief(rp, path);
      if ((d.verdict === 'good') !== (d.broken.length === 0)) {
        problems.push(`${rp.id}: [${path.join(',')}] is ${d.verdict} after ${d.broken.length} broken rule(s)`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('role-play texts use the corrected forms of the standard and full-width punctuation', () => {
  const problems = roleplays().flatMap((rp) => textProblems(rp.id, rp));
  assert.deepEqual(problems, []);
});

test('role-play pages do not always show the rule-keeping reply first', async () => {
  const { choiceOrder } = await import('./engine/index.ts');
  const { loadRoleplays } = await import('./load-bank.ts');
  const { rules } = await import('../rules/index.ts');
  const roleplays = loadRoleplays('src/quizzes/roleplays', new Set(rules.map((rule) => rule.id)));
  const positions: number[] = [];
  for (const roleplay of roleplays) {
    for (const [nodeId, node] of Object.entries(roleplay.nodes)) {
      if (!node.choices) continue;
      const shown = choiceOrder(roleplay, nodeId); // what RoleplayPlayer.astro renders
      positions.push(shown.findIndex((index) => !node.choices![index]!.breaks?.length));
    }
  }
  const firstShare = positions.filter((position) => position === 0).length / positions.length;
  assert.ok(firstShare < 0.6, `the good reply is shown first at ${Math.round(firstShare * 100)} % of decision points`);
});
