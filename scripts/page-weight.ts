// What each built page makes the browser download: its HTML, the stylesheets it links and the JavaScript it loads,
// raw and gzip-compressed. Shared by `npm run bench` (scripts/bench.ts, which prints the figures) and the byte
// budgets in e2e/budgets.spec.ts (which assert them), so both measure exactly the same thing.
//
// What counts:
// - HTML: the page file itself (inline JSON data and inline scripts included).
// - CSS: every `<link rel="stylesheet">` of the page, plus their `@import`s, followed recursively.
// - JS: every `<script src>` (module or classic) and `<link rel="modulepreload">` of the page, plus the static imports
//   of those files (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`) followed recursively
//   through the built chunks; static imports of inline module scripts too. Dynamic `import("…")` is not followed
//   (it is not loaded with the page).
// Each file is counted once per page and compressed on its own (gzip level 9), as a server sends it; a page's gzip
// figure is the sum of its files' gzip sizes. Frames are not followed: the shell's figure excludes the page shown
// in its content frame, which is measured as a page of its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** A package's or site's files by their path relative to its root (`modules/01-appearance.html`). */
export type SiteFiles = Record<string, Uint8Array>;

export interface Weight {
  /** Bytes as stored. */
  raw: number;
  /** Bytes after gzip level 9, each file compressed on its own and summed. */
  gzip: number;
  /** The files counted, relative to the site root, in load order. */
  files: string[];
}

export interface PageWeight {
  /** The page's path relative to the site root. */
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  /** References the page makes that are not files of the site (absolute URLs, or files missing from it). */
  unresolved: string[];
}

const gzipCache = new WeakMap<Uint8Array, number>();

/** Size in bytes of `bytes` compressed with gzip at level 9. */
export function gzipSize(bytes: Uint8Array): number {
  let size = gzipCache.get(bytes);
  if (size === undefined) {
    size = gzipSync(bytes, { level: 9 }).byteLength;
    gzipCache.set(bytes, size);
  }
  return size;
}

/** Every file under `dir`, keyed by its `/`-separated path relative to `dir`. */
export function readSiteDir(dir: string): SiteFiles {
  const files: SiteFiles = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  return files;
}

/** The files of a zip (directory entries left out), keyed by their path inside it. */
export function readZip(zipPath: string): SiteFiles {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(zipPath))).filter(([name]) => !name.endsWith('/')));
}

/** The HTML pages of a site, sorted. */
export function htmlPages(files: SiteFiles): string[] {
  return Object.keys(files)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

const decoder = new TextDecoder();

/**
 * Resolves a reference made by `from` (a site path) to a site path, or `undefined` when it leaves the site: an
 * absolute URL (`https:`, `//host`, `data:`) or a root-absolute path (`/x`, which on an LMS points outside the
 * package).
 */
export function resolveReference(from: string, reference: string): string | undefined {
  const target = reference.split(/[?#]/)[0] ?? '';
  if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  return resolved.startsWith('../') || resolved === '..' ? undefined : resolved;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** Static import specifiers of an ES module (minified or not); dynamic `import(…)` is left out. */
export function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  // `from "x"` ends `import … from` and `export … from`; `import "x"` is a side-effect import.
  for (const match of source.matchAll(/(?:\bfrom|(?<![.\w$])import)\s*(["'])([^"'\n]+)\1/g)) specifiers.push(match[2]!);
  return specifiers;
}

function cssImports(source: string): string[] {
  return [...source.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)].map((match) => match[2]!);
}

/** Follows `first` and everything it imports (`importsOf`) through the site, each file once, in load order. */
function collect(
  files: SiteFiles,
  entries: Array<{ from: string; reference: string }>,
  importsOf: (source: string) => string[],
  unresolved: string[],
): Weight {
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (from: string, reference: string): void => {
    const file = resolveReference(from, reference);
    if (file === undefined || !files[file]) {
      unresolved.push(`${reference} (from ${from})`);
      return;
    }
    if (seen.has(file)) return;
    seen.add(file);
    order.push(file);
    for (const specifier of importsOf(decoder.decode(files[file]))) {
      // Bare specifiers (`import "nanostores"`) cannot appear in a built chunk a browser loads; report them.
      visit(file, specifier);
    }
  };
  for (const { from, reference } of entries) visit(from, reference);
  return weigh(files, order);
}

function weigh(files: SiteFiles, list: string[]): Weight {
  let raw = 0;
  let gzip = 0;
  for (const file of list) {
    raw += files[file]!.byteLength;
    gzip += gzipSize(files[file]!);
  }
  return { raw, gzip, files: list };
}

/** The weight of one HTML page of `files` (see the top of this file for what counts). */
export function measurePage(files: SiteFiles, page: string): PageWeight {
  const bytes = files[page];
  if (!bytes) throw new Error(`${page} is not a file of the site`);
  const html = decoder.decode(bytes);
  const unresolved: string[] = [];
  const scripts: Array<{ from: string; reference: string }> = [];
  const styles: Array<{ from: string; reference: string }> = [];
  const inlineImports: Array<{ from: string; reference: string }> = [];

  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = match[1] ?? '';
    const type = (attribute(tag, 'type') ?? '').trim().toLowerCase();
    const isScript = type === '' || type === 'module' || /^(text|application)\/(java|ecma)script$/.test(type);
    if (!isScript) continue; // JSON data and templates are part of the HTML, not JavaScript the page runs
    const src = attribute(tag, 'src');
    if (src !== undefined) scripts.push({ from: page, reference: src });
    else if (type === 'module') {
      for (const specifier of staticImports(match[2] ?? '')) inlineImports.push({ from: page, reference: specifier });
    }
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const tag = match[1] ?? '';
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (href === undefined) continue;
    if (rel.includes('stylesheet')) styles.push({ from: page, reference: href });
    else if (rel.includes('modulepreload')) scripts.push({ from: page, reference: href });
  }

  return {
    page,
    html: weigh(files, [page]),
    css: collect(files, styles, cssImports, unresolved),
    js: collect(files, [...scripts, ...inlineImports], staticImports, unresolved),
    unresolved,
  };
}

/** The weight of every HTML page of `files`, sorted by path. */
export function measureSite(files: SiteFiles): PageWeight[] {
  return htmlPages(files).map((page) => measurePage(files, page));
}

/** `1234` → `1.2 KB` (1 KB = 1024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
