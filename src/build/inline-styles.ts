import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rewritePages } from './html-pages.ts';

/**
 * The pages on the launch path (the shell and the first content page it frames) carry their styles in the HTML, so
 * their first paint waits for no stylesheet request (docs/lms-behaviour.md: start-up). Astro can only inline every
 * page's styles or none, and an inline `<style>` needs its hash in the page's Content-Security-Policy (CSP Level 2,
 * hash-source), so this step does both after the build, for the pages whose `<html>` carries `data-inline-styles`
 * (BaseLayout's `inlineStyles` prop). Every other page keeps its cacheable external stylesheets.
 */

const marker = /<html([^>]*?) data-inline-styles(?:="")?/;
const stylesheetLink = /<link rel="stylesheet" href="([^"]+)">/g;
const styleSrc = /(<meta http-equiv="Content-Security-Policy" content="[^"]*?style-src 'self')/;

export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The page with its stylesheets inlined and their hashes allowed, or unchanged when it does not ask for it. */
export function inlineStyles(html: string, page: string, readAsset: (file: string) => string): string {
  if (!marker.test(html)) return html;
  const hashes: string[] = [];
  const inlined = html
    .replace(marker, '<html$1')
    .replace(stylesheetLink, (_link, href: string) => {
      const css = readAsset(path.posix.normalize(path.posix.join(path.posix.dirname(page), href))).trim();
      hashes.push(styleHash(css));
      return `<style>${css}</style>`;
    });
  if (hashes.length === 0) return inlined;
  if (!styleSrc.test(inlined)) throw new Error(`${page}: asks for inline styles but has no CSP meta with style-src 'self'`);
  return inlined.replace(styleSrc, `$1 ${hashes.join(' ')}`);
}

export default function inlineLaunchStyles(): AstroIntegration {
  return {
    name: 'course:inline-styles',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        logger.info(`styles inlined into ${rewritePages(fileURLToPath(dir), inlineStyles).join(', ')}`);
      },
    },
  };
}
