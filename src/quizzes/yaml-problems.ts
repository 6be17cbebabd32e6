/**
 * YAML in, problems out: parsing with line numbers, zod issues as plain reasons, and the
 * `file › label › field: reason (line n)` messages every bank and role-play problem is reported as.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { formatIssuePath } from '../util/zod-issues.ts';

/** A YAML file as text, with the path to show in messages (relative to the project root, `/` separators). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type PathKey = string | number | symbol;

/** A value as an author would name it in a message. */
export function describe(value: unknown): string {
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

/** The value at a field path, `undefined` where the path leaves the data. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** A zod issue as a field path (relative to `root`) and a plain reason. */
export function explainIssue(issue: z.core.$ZodIssue, root: unknown): { path: PathKey[]; reason: string } {
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
export function lineOf(doc: Document, lines: LineCounter, path: readonly PathKey[]): number | undefined {
  for (let k = path.length; k >= 0; k -= 1) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

export interface ParsedFile {
  readonly data: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Parses YAML; on syntax errors reports each with its line and returns undefined. */
export function parseYaml(file: SourceFile, problems: string[]): ParsedFile | undefined {
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
export function reporter(file: SourceFile, parsed: ParsedFile, problems: string[]) {
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

/** The string at `key`, if it is one. */
export function stringAt(value: unknown, key: string): string | undefined {
  const v = valueAt(value, [key]);
  return typeof v === 'string' ? v : undefined;
}
