/**
 * The import graph of src/, read from the source text (no bundler): every `import … from '…'`, `export … from '…'`
 * and dynamic `import('…')` of a .ts file, an .astro file's frontmatter and its <script> blocks. Type-only imports
 * (`import type`, `export type`) are kept apart: they vanish at run time, so layering rules about what runs ignore them.
 * Used by architecture.test.ts.
 */
import { readFileSync } from 'node:fs';
import { listFiles } from '../util/files.ts';
import path from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to the project root, `/`-separated. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Resolved file relative to the project root for relative specifiers; undefined for packages and `node:`/`astro:`. */
  to?: string;
  typeOnly: boolean;
}

const sourceFile = /\.(ts|astro|mjs)$/;

export function sourceFiles(root: string, dir = 'src'): string[] {
  return listFiles(path.join(root, dir))
    .filter((file) => sourceFile.test(file))
    .map((file) => `${dir}/${file}`);
}

const importPattern =
  /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4];
    if (!specifier) continue;
    const typeOnly = Boolean(match[2]);
    const to = specifier.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      : undefined;
    edges.push({ from: file, specifier, to, typeOnly });
  }
  return edges;
}

export function importGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => importsOf(root, file));
}

/** Every file reachable from `start` through run-time imports (type-only edges skipped), including package names. */
export function runtimeClosure(edges: readonly ImportEdge[], start: string): Set<string> {
  const byFile = new Map<string, ImportEdge[]>();
  for (const edge of edges) {
    if (edge.typeOnly) continue;
    byFile.set(edge.from, [...(byFile.get(edge.from) ?? []), edge]);
  }
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop()!;
    for (const edge of byFile.get(file) ?? []) {
      const target = edge.to ?? edge.specifier;
      if (seen.has(target)) continue;
      seen.add(target);
      if (edge.to) stack.push(edge.to);
    }
  }
  return seen;
}

/** Folder-level cycles over run-time imports: each cycle as its list of folders. */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.typeOnly || !edge.to) continue;
    const from = path.posix.dirname(edge.from);
    const to = path.posix.dirname(edge.to);
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  // Tarjan's strongly connected components: any component with more than one folder is a cycle.
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indexes.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indexes.get(next)!));
      }
    }
    if (low.get(node) === indexes.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexes.has(node)) visit(node);
  return cycles;
}
