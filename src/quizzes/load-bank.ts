/**
 * Build-time loader for the item bank (`src/quizzes/bank/*.yaml`) and the role-plays (`src/quizzes/roleplays/*.yaml`).
 *
 * It collects every problem in every file before failing, and names each as
 *   `src/quizzes/bank/03-telephone.yaml › item m03-ring-01 › distractors[1].feedback: required (line 23)`
 * so an author can fix a whole batch in one go. The `validate…Files` functions are pure (text in, result out); the
 * `load…` functions add the disk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ItemSchema, MODULE_IDS, ModuleIdSchema, RULE_ID_PATTERN, RoleplaySchema } from './schema.ts';
import type { Bank, BankItem, ModuleId, Roleplay } from './schema.ts';
import { roleplayDesignProblems } from './engine/roleplay.ts';
import { describe, explainIssue, parseYaml, reporter, stringAt, valueAt } from './yaml-problems.ts';
import type { PathKey, SourceFile } from './yaml-problems.ts';

export type { SourceFile } from './yaml-problems.ts';

/** Thrown by `loadBank` / `loadRoleplays`; the message lists every problem, one per line. */
export class BankError extends Error {
  override name = 'BankError';
  readonly problems: readonly string[];
  constructor(what: string, problems: readonly string[]) {
    super(
      `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

function unknownRules(value: unknown, knownRuleIds: ReadonlySet<string>): { index: number; id: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((id, index) =>
    typeof id === 'string' && RULE_ID_PATTERN.test(id) && !knownRuleIds.has(id) ? [{ index, id }] : [],
  );
}

const unknownRuleReason = (id: string) => `unknown rule id "${id}" (not in the rule catalogue, src/rules/)`;

/** The top of a bank file; items are validated one by one so one bad item does not hide the others. */
const BankFileShellSchema = z.strictObject({ module: ModuleIdSchema, items: z.array(z.unknown()) });

export interface BankValidation {
  /** Every item that passed, tagged with its module, in file then authored order. */
  readonly bank: Bank;
  readonly problems: string[];
}

/** Validates bank files (pure). Files are taken in the order given; `loadBank` sorts them by name. */
export function validateBankFiles(files: readonly SourceFile[], knownRuleIds: ReadonlySet<string>): BankValidation {
  const problems: string[] = [];
  const items: BankItem[] = [];
  const firstSeen = new Map<string, string>();

  for (const file of files) {
    const stem = basename(file.path).replace(/\.yaml$/, '');
    const expected = (MODULE_IDS as readonly string[]).includes(stem) ? (stem as ModuleId) : undefined;
    if (expected === undefined) {
      problems.push(`${file.path}: file name must be <module>.yaml, one of ${MODULE_IDS.join(', ')}`);
    }
    const parsed = parseYaml(file, problems);
    if (!parsed) continue;
    const report = reporter(file, parsed, problems);
    const { data } = parsed;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      report([], [], undefined, `expected a mapping with module and items, got ${describe(data)}`);
      continue;
    }
    const shell = BankFileShellSchema.safeParse(data);
    if (!shell.success) {
      for (const issue of shell.error.issues) {
        const { path, reason } = explainIssue(issue, data);
        report(path, path, undefined, reason);
      }
    }
    const module = stringAt(data, 'module');
    if (
      expected !== undefined &&
      module !== undefined &&
      module !== expected &&
      ModuleIdSchema.safeParse(module).success
    ) {
      report(
        ['module'],
        ['module'],
        undefined,
        `"${module}" does not match the file name; a file named ${stem}.yaml holds module ${expected}`,
      );
    }
    const rawItems = valueAt(data, ['items']);
    if (!Array.isArray(rawItems)) continue;

    rawItems.forEach((raw: unknown, index) => {
      const rawId = stringAt(raw, 'id');
      const label = rawId !== undefined ? `item ${rawId}` : `items[${index}]`;
      const at = (path: readonly PathKey[]) => ['items', index, ...path];
      const result = ItemSchema.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const { path, reason } = explainIssue(issue, raw);
          report(at(path), path, label, reason);
        }
      }
      for (const { index: r, id } of unknownRules(valueAt(raw, ['rules']), knownRuleIds)) {
        report(at(['rules', r]), ['rules', r], label, unknownRuleReason(id));
      }
      if (rawId !== undefined) {
        const earlier = firstSeen.get(rawId);
        if (earlier !== undefined) {
          report(at(['id']), ['id'], label, `duplicate id, already used in ${earlier}`);
        } else {
          firstSeen.set(rawId, file.path);
        }
      }
      if (result.success && expected !== undefined && module === expected) {
        items.push({ ...result.data, module: expected });
      }
    });
  }
  return { bank: { items }, problems };
}

export interface RoleplayValidation {
  readonly roleplays: Roleplay[];
  readonly problems: string[];
}

/** Validates role-play files (pure), one role-play per file. */
export function validateRoleplayFiles(
  files: readonly SourceFile[],
  knownRuleIds: ReadonlySet<string>,
): RoleplayValidation {
  const problems: string[] = [];
  const roleplays: Roleplay[] = [];
  const firstSeen = new Map<string, string>();
  for (const file of files) {
    const parsed = parseYaml(file, problems);
    if (!parsed) continue;
    const report = reporter(file, parsed, problems);
    const { data } = parsed;
    const rawId = stringAt(data, 'id');
    const label = rawId !== undefined ? `roleplay ${rawId}` : undefined;
    const result = RoleplaySchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { path, reason } = explainIssue(issue, data);
        report(path, path, label, reason);
      }
    }
    for (const { index, id } of unknownRules(valueAt(data, ['rules']), knownRuleIds)) {
      report(['rules', index], ['rules', index], label, unknownRuleReason(id));
    }
    if (rawId !== undefined) {
      const earlier = firstSeen.get(rawId);
      if (earlier !== undefined) report(['id'], ['id'], label, `duplicate id, already used in ${earlier}`);
      else firstSeen.set(rawId, file.path);
    }
    if (result.success) {
      // Design rules (one rule-keeping choice per decision, ≥ 3 decisions unless severe, consistent severity) need a
      // sound graph, which a successful parse guarantees.
      for (const problem of roleplayDesignProblems(result.data)) report(problem.path, problem.path, label, problem.message);
      roleplays.push(result.data);
    }
  }
  return { roleplays, problems };
}

/** The nearest folder at or above `dir` that holds a package.json (the project root), else the working directory. */
function projectRoot(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return process.cwd();
  }
}

/** Reads every `*.yaml` in `dir`, sorted by name, with paths relative to the project root. */
export function readYamlFiles(dir: string, what: string): SourceFile[] {
  const root = projectRoot(dir);
  const shown = (file: string) => relative(root, file).split(sep).join('/');
  if (!existsSync(dir)) throw new BankError(what, [`${shown(resolve(dir))}: folder not found`]);
  const names = readdirSync(dir).sort();
  const misnamed = names.filter((n) => n.endsWith('.yml'));
  if (misnamed.length > 0) {
    throw new BankError(
      what,
      misnamed.map((n) => `${shown(resolve(dir, n))}: rename to .yaml (only *.yaml files are read)`),
    );
  }
  return names
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => {
      const file = resolve(dir, n);
      return { path: shown(file), text: readFileSync(file, 'utf8') };
    });
}

/** Loads and validates the item bank; throws one `BankError` listing every problem. */
export function loadBank(dir: string, knownRuleIds: ReadonlySet<string>): Bank {
  const { bank, problems } = validateBankFiles(readYamlFiles(dir, 'quiz bank'), knownRuleIds);
  if (problems.length > 0) throw new BankError('quiz bank', problems);
  return bank;
}

/** Loads and validates the role-plays; throws one `BankError` listing every problem. */
export function loadRoleplays(dir: string, knownRuleIds: ReadonlySet<string>): Roleplay[] {
  const { roleplays, problems } = validateRoleplayFiles(readYamlFiles(dir, 'role-plays'), knownRuleIds);
  if (problems.length > 0) throw new BankError('role-plays', problems);
  return roleplays;
}
