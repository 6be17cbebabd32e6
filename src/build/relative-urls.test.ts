import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRootAbsoluteUrls, prefixFor, relativizeCss, relativizeHtml } from './relative-urls.ts';

test('prefix depends on folder depth', () => {
  assert.equal(prefixFor('index.html'), './');
  assert.equal(prefixFor('modules/a.html'), '../');
  assert.equal(prefixFor('_astro/x/y.css'), '../../');
});

test('root-absolute attributes, srcset and url() become relative; external and protocol-relative stay', () => {
  const html =
    '<link href="/_astro/a.css"><a href="/glossary.html#x">g</a><img src="/i.svg" srcset="/a.png 1x, /b.png 2x">' +
    '<a href="https://example.org/">e</a><a href="//cdn/x">c</a><a href="#top">t</a><div style="background:url(/bg.svg)"></div>';
  const out = relativizeHtml(html, 'modules/01-appearance.html');
  assert.match(out, /href="\.\.\/_astro\/a\.css"/);
  assert.match(out, /href="\.\.\/glossary\.html#x"/);
  assert.match(out, /srcset="\.\.\/a\.png 1x, \.\.\/b\.png 2x"/);
  assert.match(out, /url\(\.\.\/bg\.svg\)/);
  assert.match(out, /href="https:\/\/example\.org\/"/);
  assert.match(out, /href="\/\/cdn\/x"/);
  assert.deepEqual(findRootAbsoluteUrls(out, 'modules/01-appearance.html'), []);
});

test('css url() is relative to the stylesheet', () => {
  assert.equal(relativizeCss('a{background:url("/img/x.svg")}', '_astro/s.css'), 'a{background:url("../img/x.svg")}');
});

test('leftovers are found, including asset URLs built in client JS', () => {
  assert.equal(findRootAbsoluteUrls('<a href="/x.html">', 'index.html').length, 1);
  assert.equal(findRootAbsoluteUrls('const u="/_astro/x.png"', '_astro/a.js').length, 1);
  assert.equal(findRootAbsoluteUrls('const u="./x.png"', '_astro/a.js').length, 0);
});

test('a chunk that names another by its base-relative path (as Vite’s preload list did) is a leftover', () => {
  const chunk = 'const d=["_astro/driver.js","./ok.js"];';
  assert.deepEqual(findRootAbsoluteUrls(chunk, '_astro/shell.js'), ['_astro/shell.js: "_astro/driver.js']);
  assert.deepEqual(findRootAbsoluteUrls('const d=["./driver.js"];', '_astro/shell.js'), []);
});
