/**
 * The item bank and the role-plays as Astro pages see them at build time (node:fs, yaml, zod: never shipped to the
 * browser). Loaded once per build, lazily, so a page that needs no quiz data does not pay for it; any problem in a
 * YAML file throws the loader's `BankError` (file › item › field: reason (line n)) and so fails the Astro build.
 *
 *   import { itemsOf, knowledgeCheckItems, roleplays, bankHash } from '../quizzes/bank-data.ts';
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { rules, sectionOf } from '../rules/index.ts';
import { shortHash } from '../scorm/suspend-data.ts';
import { isEligible } from './engine/draw.ts';
import { loadBank, loadRoleplays } from './load-bank.ts';
import { assignVariants } from './check-mastery.ts';
import type { Bank, BankItem, ItemType, Roleplay } from './schema.ts';

/** Folders, relative to the project root (Astro runs the build there, as `src/config/load-config.ts` assumes). */
export const bankDir = 'src/quizzes/bank';
export const roleplaysDir = 'src/quizzes/roleplays';

/** Fewest and most items in a lesson's knowledge check (issue: "3–5 items from that module"). */
export const CHECK_MIN = 3;
export const CHECK_MAX = 5;

interface BankData {
  readonly bank: Bank;
  readonly roleplays: readonly Roleplay[];
  readonly hash: string;
}

let cache: BankData | undefined;
let loadedAt = 0;

function load(): BankData {
  const root = process.cwd();
  const known = new Set(rules.map((rule) => rule.id));
  const bank = loadBank(path.join(root, bankDir), known);
  // Role-plays are an optional part of the course: without the folder there is simply nothing to practise. A folder
  // that exists is validated strictly like the bank.
  const rpDir = path.join(root, roleplaysDir);
  let roleplays: Roleplay[] = [];
  if (existsSync(rpDir)) roleplays = loadRoleplays(rpDir, known);
  else console.warn(`[bank-data] ${roleplaysDir} not found: no role-plays in this build`);
  return { bank, roleplays, hash: shortHash(JSON.stringify([bank.items, roleplays])) };
}

function data(): BankData {
  // A build reads the YAML once; `astro dev` re-reads it when a page asks a second or more after the last read, so
  // edits show up on reload without re-parsing the bank for every component of one page.
  if (cache === undefined || (import.meta.env?.DEV && Date.now() - loadedAt > 1000)) {
    cache = load();
    loadedAt = Date.now();
  }
  return cache;
}

/** The whole validated bank (every module, file order then authored order). */
export function getBank(): Bank {
  return data().bank;
}

/** Every item of one module (`05-language`), in authored order, whatever its `use`. */
export function itemsOf(module: string): BankItem[] {
  return data().bank.items.filter((item) => item.module === module);
}

/** Items of one module that may appear in lesson practice (`use: practice | both`), in authored order. */
export function practiceItemsOf(module: string): BankItem[] {
  return itemsOf(module).filter((item) => isEligible(item, 'practice'));
}

/**
 * The items of a lesson's knowledge check: up to `CHECK_MAX` practice items of the module, chosen deterministically
 * for a spread of types and difficulties (each pick is the item adding the most not-yet-covered type, then
 * difficulty, then scenario/recall kind; ties go to the earlier authored item), shown from easy to hard. A module with
 * fewer practice items gets all of them; one with none has no check (`hasCheck` false in the outline).
 */
export function knowledgeCheckItems(module: string): BankItem[] {
  const pool = practiceItemsOf(module);
  if (pool.length <= CHECK_MAX) return sortForCheck(pool, pool);
  const chosen: BankItem[] = [];
  const types = new Set<ItemType>();
  const difficulties = new Set<number>();
  const kinds = new Set<boolean>();
  while (chosen.length < CHECK_MAX) {
    let best: BankItem | undefined;
    let bestGain = -1;
    for (const item of pool) {
      if (chosen.includes(item)) continue;
      const scenario = item.situation !== undefined;
      const gain =
        (types.has(item.type) ? 0 : 4) + (difficulties.has(item.difficulty) ? 0 : 2) + (kinds.has(scenario) ? 0 : 1);
      if (gain > bestGain) {
        best = item;
        bestGain = gain;
      }
    }
    if (best === undefined) break;
    chosen.push(best);
    types.add(best.type);
    difficulties.add(best.difficulty);
    kinds.add(best.situation !== undefined);
  }
  return sortForCheck(chosen, pool);
}

function sortForCheck(items: readonly BankItem[], pool: readonly BankItem[]): BankItem[] {
  return [...items].sort((a, b) => a.difficulty - b.difficulty || pool.indexOf(a) - pool.indexOf(b));
}

/**
 * The knowledge check as questions with their retry variants (src/quizzes/check-mastery.ts): each check item and the
 * practice items of the module that share a rule with it, which the learner gets instead after a wrong answer.
 */
export function knowledgeCheckSlots(module: string): { item: BankItem; variants: BankItem[] }[] {
  const chosen = knowledgeCheckItems(module);
  const variants = assignVariants(chosen, practiceItemsOf(module));
  return chosen.map((item, i) => ({ item, variants: variants[i] ?? [] }));
}

/** Whether a lesson has a knowledge check (at least one practice item), for the outline's `hasCheck`. */
export function hasKnowledgeCheck(module: string): boolean {
  return knowledgeCheckItems(module).length > 0;
}

/** Every role-play, in file-name order. Its position in this list is its index in the `rp` suspend segment. */
export function getRoleplays(): readonly Roleplay[] {
  return data().roleplays;
}

/** Page of a role-play, relative to the package root. */
export function roleplayPage(rp: Pick<Roleplay, 'id'>): string {
  return `roleplays/${rp.id}.html`;
}

/** Root-absolute link to where a rule is anchored in its lesson (`/modules/03-telephone.html#s3-2`). */
export function ruleHref(ruleId: string): string {
  const section = sectionOf(Number(/^s([1-7])-/.exec(ruleId)?.[1]));
  return section ? `/modules/${section.module}.html#${ruleId}` : '/home.html';
}

/**
 * A short hash of the bank and the role-plays (base 36). The course's content hash folds it in, so saved exam
 * draws and role-play paths are dropped when the items change between sessions (src/scorm/suspend-data.ts).
 */
export function bankHash(): string {
  return data().hash;
}
