import { readFileSync, writeFileSync } from 'node:fs';
import { listFiles } from '../util/files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro writes root-absolute URLs (`/_astro/x.css`, `/modules/a.html`). An LMS serves the package from a deep
 * path such as `/content/123/abc/`, where `/` is the LMS itself, so after the build every root-absolute URL is
 * rewritten relative to the file that contains it, and the build fails if one is left (docs/lms-behaviour.md: relative URLs).
 */

/** Attributes that carry one URL. `srcset` carries a list and is handled apart. */
const urlAttributes = ['href', 'src', 'action', 'poster', 'data-href', 'data-src', 'data-url'];
const attributePattern = new RegExp(`(\\s(?:${urlAttributes.join('|')})\\s*=\\s*)(["'])\\/(?!\\/)`, 'g');
const srcsetPattern = /(\ssrcset\s*=\s*)(["'])([^"']*)\2/g;
const cssUrlPattern = /url\(\s*(["']?)\/(?!\/)/g;

/** `''` for a file at the root, `'../'` one folder down, and so on; `./` keeps bare names valid in srcset. */
export function prefixFor(relativeFile: string): string {
  const depth = relativeFile.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

export function relativizeHtml(html: string, relativeFile: string): string {
  const prefix = prefixFor(relativeFile);
  return html
    .replace(attributePattern, (_m, attr: string, quote: string) => `${attr}${quote}${prefix}`)
    .replace(srcsetPattern, (_m, attr: string, quote: string, list: string) => {
      const rewritten = list.replace(/(^|,\s*)\/(?!\/)/g, `$1${prefix}`);
      return `${attr}${quote}${rewritten}${quote}`;
    })
    .replace(cssUrlPattern, (_m, quote: string) => `url(${quote}${prefix}`);
}

export function relativizeCss(css: string, relativeFile: string): string {
  const prefix = prefixFor(relativeFile);
  return css.replace(cssUrlPattern, (_m, quote: string) => `url(${quote}${prefix}`);
}

/** Root-absolute URLs still present; each finding is `file: snippet`. */
export function findRootAbsoluteUrls(text: string, relativeFile: string): string[] {
  const findings: string[] = [];
  const patterns =
    relativeFile.endsWith('.html')
      ? [new RegExp(`\\s(?:${urlAttributes.join('|')}|srcset)\\s*=\\s*["']\\/(?!\\/)[^"']*`, 'g'), /url\(\s*["']?\/(?!\/)[^)]*/g]
      : relativeFile.endsWith('.css')
        ? [/url\(\s*["']?\/(?!\/)[^)]*/g]
        : // In client JS, an asset URL would be built as "/_astro/…" (or "_astro/…" against Vite's base, as its
          // preload helper once did for on-demand chunks); pass such URLs through data-* attributes.
          [/["'`]\/?_astro\/[^"'`]*/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) findings.push(`${relativeFile}: ${match[0].trim().slice(0, 120)}`);
  }
  return findings;
}


export function relativizeDirectory(outDir: string): { rewritten: number; leftovers: string[] } {
  let rewritten = 0;
  const leftovers: string[] = [];
  for (const file of listFiles(outDir)) {
    const full = path.join(outDir, file);
    if (!/\.(html|css|js|mjs)$/.test(file)) continue;
    const before = readFileSync(full, 'utf8');
    const after = file.endsWith('.html')
      ? relativizeHtml(before, file)
      : file.endsWith('.css')
        ? relativizeCss(before, file)
        : before;
    if (after !== before) {
      writeFileSync(full, after);
      rewritten++;
    }
    leftovers.push(...findRootAbsoluteUrls(after, file));
  }
  return { rewritten, leftovers };
}

export default function relativeUrls(): AstroIntegration {
  return {
    name: 'course:relative-urls',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { rewritten, leftovers } = relativizeDirectory(fileURLToPath(dir));
        if (leftovers.length > 0) {
          throw new Error(
            `Root-absolute URLs remain after the build (an LMS serves the package from a deep path):\n  ${leftovers.join('\n  ')}`,
          );
        }
        logger.info(`made URLs relative in ${rewritten} files`);
      },
    },
  };
}
