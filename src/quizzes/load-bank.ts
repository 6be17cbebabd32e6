/**
 * Build-time loader for the item bank (`src/quizzes/bank/*.yaml`) and the role-plays (`src/quizzes/roleplays/*.yaml`).
 *
 * It collects every problem in every file before failing, and names each as
 *   `src/quizzes/bank/03-telephone.yaml › item m03-ring-01 › distractors[1].feedback: required (line 23)`
 * so an author can fix a whole batch in one go. The `validate…Files` functions are pure (text in, result out); the
 * `load…` functions add the disk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { formatIssuePath } from '../util/zod-issues.ts';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';
import { ItemSchema, MODULE_IDS, ModuleIdSchema, RULE_ID_PATTERN, RoleplaySchema } from './schema.ts';
import type { Bank, BankItem, ModuleId, Roleplay } from './schema.ts';
import { roleplayDesignProblems } from './engine/roleplay.ts';

/** A YAML file as text, with the path to show in messages (relative to the project root, `/` separators). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

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

type PathKey = string | number | symbol;


function describe(value: unknown): string {
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** A zod issue as a field path (relative to `root`) and a plain reason. */
function explainIssue(issue: z.core.$ZodIssue, root: unknown): { path: PathKey[]; reason: string } {
  const path = [...issue.path];
  const actual = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      return {
        path,
        reason: actual === undefined ? `required (missing)` : `expected ${issue.expected}, got ${describe(actual)}`,
      };
    case 'unrecognized_keys':
      return {
        path: issue.keys.length === 1 ? [...path, issue.keys[0] as string] : path,
        reason:
          issue.keys.length === 1
            ? 'unknown field (check the spelling against the README)'
            : `unknown fields ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the README)`,
      };
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return {
          path,
          reason: `${actual === undefined ? 'required (missing)' : `unknown ${describe(actual)}`}; one of ${options.join(', ')}`,
        };
      }
      return { path, reason: issue.message };
    case 'invalid_value':
      return {
        path,
        reason: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(actual)}`,
      };
    case 'invalid_key':
      return { path, reason: `invalid key: ${issue.issues[0]?.message ?? issue.message}` };
    default:
      return { path, reason: issue.message };
  }
}

/** Finds the 1-based line of the deepest YAML node that exists along `path`. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PathKey[]): number | undefined {
  for (let k = path.length; k >= 0; k -= 1) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

interface ParsedFile {
  readonly data: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Parses YAML; on syntax errors reports each with its line and returns undefined. */
function parseYaml(file: SourceFile, problems: string[]): ParsedFile | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      problems.push(`${file.path} › line ${line}, column ${col}: YAML syntax error: ${reason}`);
    }
    return undefined;
  }
  try {
    return { data: doc.toJS(), doc, lines };
  } catch (error) {
    problems.push(`${file.path}: YAML could not be read: ${(error as Error).message}`);
    return undefined;
  }
}

/** Builds messages for one file: `file › label › field: reason (line n)`. */
function reporter(file: SourceFile, parsed: ParsedFile, problems: string[]) {
  return (
    docPath: readonly PathKey[],
    fieldPath: readonly PathKey[],
    label: string | undefined,
    reason: string,
  ): void => {
    const line = lineOf(parsed.doc, parsed.lines, docPath);
    const field = formatIssuePath(fieldPath);
    const parts = [file.path, ...(label ? [label] : [])];
    const where = field ? `${parts.join(' › ')} › ${field}` : parts.join(' › ');
    problems.push(`${where}: ${reason}${line !== undefined ? ` (line ${line})` : ''}`);
  };
}

function stringAt(value: unknown, key: string): string | undefined {
  const v = valueAt(value, [key]);
  return typeof v === 'string' ? v : undefined;
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
