import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineStyles, styleHash } from './inline-styles.ts';

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'">`;
const assets: Record<string, string> = { '_astro/base.css': 'body{margin:0}\n', '_astro/home.css': '.m{color:red}' };
const read = (file: string) => {
  const css = assets[file];
  if (css === undefined) throw new Error(`no asset ${file}`);
  return css;
};

test('a page that asks for it gets its stylesheets inline, each hash allowed by its CSP, and loses the marker', () => {
  const page = `<html lang="zh-CN" data-inline-styles><head>${csp}<link rel="stylesheet" href="./_astro/base.css"><link rel="stylesheet" href="./_astro/home.css"></head></html>`;
  const out = inlineStyles(page, 'home.html', read);
  assert.equal(
    out,
    `<html lang="zh-CN"><head>${csp.replace(
      "style-src 'self'",
      `style-src 'self' ${styleHash('body{margin:0}')} ${styleHash('.m{color:red}')}`,
    )}<style>body{margin:0}</style><style>.m{color:red}</style></head></html>`,
  );
  // The hash is of the exact text between the tags (CSP 3 hash-source), here the trimmed file.
  assert.match(styleHash('body{margin:0}'), /^'sha256-[A-Za-z0-9+/]+=*'$/);
});

test('other pages keep their external stylesheets untouched', () => {
  const page = `<html lang="zh-CN"><head>${csp}<link rel="stylesheet" href="../_astro/base.css"></head></html>`;
  assert.equal(inlineStyles(page, 'modules/01.html', read), page);
});

test('a page asking for inline styles without a CSP to extend fails the build, naming the page', () => {
  const page = `<html lang="zh-CN" data-inline-styles><head><link rel="stylesheet" href="./_astro/base.css"></head></html>`;
  assert.throws(() => inlineStyles(page, 'home.html', read), /home\.html: asks for inline styles/);
});
