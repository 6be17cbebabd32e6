import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderHtml } from './render-html.ts';
import { analyzeFiles, tempDir } from './test-support.ts';

const report = await analyzeFiles(['scorm12-interactions.txt', 'scorm2004-interactions.txt', 'gradebook.csv']);
const html = renderHtml(report);

test('self-contained: no script, no external reference, a CSP whose style hash matches the one <style>', () => {
  assert.doesNotMatch(html, /<script|javascript:|\son[a-z]+=|\sstyle="/i);
  // The only URL is the SVG namespace, which is a name, not a request.
  assert.deepEqual([...new Set(html.match(/(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [])], ['http://www.w3.org/2000/svg']);
  assert.doesNotMatch(html, /<(img|link|iframe|object|embed)\b/i);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const hash = createHash('sha256').update(styles[0]![1]!).digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`));
});

test('zh-CN, every chart has a title, a description and a data table after it', () => {
  assert.match(html, /<html lang="zh-CN">/);
  const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  assert.ok(svgs.length >= 5);
  for (const svg of svgs) {
    assert.match(svg, /role="img" aria-labelledby="([\w-]+)-t \1-d"/);
    assert.match(svg, /<title id="[\w-]+-t">[^<]+<\/title><desc id="[\w-]+-d">[^<]+<\/desc>/);
  }
  for (const figure of html.matchAll(/<\/figure>\s*(<[a-z]+[^>]*>)/g)) assert.match(figure[1]!, /<div class="scroll" tabindex="0" role="region" aria-label="[^"<]+">/);
});

test('sections, figures with n, the weakest rule with its text and link, failed learners', () => {
  for (const id of ['cohort', 'modules', 'rules', 'items', 'distractors', 'restudy', 'method']) assert.match(html, new RegExp(`<section id="${id}"`));
  const weakest = report.rules.find((r) => r.enough)!;
  assert.ok(html.includes(`<a href="modules/${weakest.module}.html#${weakest.id}">${weakest.id}</a>`));
  assert.ok(html.includes(weakest.text));
  assert.match(html, /n ≥ 20/);
  assert.match(html, /林晓东/);
  assert.match(html, /KR-20 = 0\.\d\d，<b>仅供参考<\/b>/);
});

test('text from an export is escaped', async () => {
  const file = path.join(tempDir(), 'long.csv');
  writeFileSync(file, 'learner,name,attempt,item_id,response,result\nu1,"<script>alert(1)</script>",1,m01-dress-01,a,wrong\n');
  const r = await analyzeFiles([file]);
  const out = renderHtml(r);
  assert.doesNotMatch(out, /<script>alert/);
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});
