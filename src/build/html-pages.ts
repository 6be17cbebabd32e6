import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../util/files.ts';

/** A rewrite of one built page: its HTML, its path in the site, and a reader for the site's other files. */
export type PageRewrite = (html: string, page: string, readFile: (file: string) => string) => string;

/** Applies `rewrite` to every built HTML page of `outDir`; returns the pages it changed. */
export function rewritePages(outDir: string, rewrite: PageRewrite): string[] {
  const readFile = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
  const changed: string[] = [];
  for (const page of listFiles(outDir).filter((name) => name.endsWith('.html'))) {
    const before = readFile(page);
    const after = rewrite(before, page, readFile);
    if (after !== before) {
      writeFileSync(path.join(outDir, page), after);
      changed.push(page);
    }
  }
  return changed;
}
