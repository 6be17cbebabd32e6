import path from 'node:path';

/**
 * The files a package's pages actually load: every local `src`, `href` and `data-src` of its HTML pages, and what
 * those files import in turn (JS `import`/`import()` specifiers, CSS `url()`/`@import`). A package ships its pages
 * plus exactly this closure, so the refresher carries no script or style of the lessons it does not contain.
 */
const htmlReference = /\s(?:src|href|data-src)="([^"#?:]+)(?:[#?][^"]*)?"/g;
const jsReference = /(?:from\s*|import\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const cssReference = /url\(\s*["']?([^"')#?:]+)[^)]*\)|@import\s+["']([^"']+)["']/g;

function referencesOf(file: string, text: string): string[] {
  const pattern = file.endsWith('.html') ? htmlReference : file.endsWith('.js') ? jsReference : file.endsWith('.css') ? cssReference : undefined;
  if (!pattern) return [];
  const base = path.posix.dirname(file);
  return [...text.matchAll(pattern)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((reference) => reference !== '' && !reference.startsWith('/') && !reference.startsWith('data:'))
    .map((reference) => path.posix.normalize(path.posix.join(base, reference)));
}

/**
 * `pages` (HTML files of the package) plus every file of `available` they load, directly or through other files.
 * Links to HTML pages are not followed: which pages a package has is decided by its mode (build-packages.ts).
 * Files for which `leaveOut` is true are not shipped, nor followed (another protocol's driver chunk: driver-chunks.ts).
 */
export function loadedFiles(
  pages: readonly string[],
  available: ReadonlySet<string>,
  read: (file: string) => string,
  leaveOut: (file: string) => boolean = () => false,
): string[] {
  const found = new Set(pages);
  const queue = [...pages];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const reference of referencesOf(file, read(file))) {
      if (reference.endsWith('.html') || found.has(reference) || !available.has(reference) || leaveOut(reference)) continue;
      found.add(reference);
      queue.push(reference);
    }
  }
  return [...found].sort();
}
