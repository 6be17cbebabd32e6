// Content checks on the built pages, served the way an LMS serves them (deep prefix, straight out of the SCORM 1.2
// zip): no horizontal overflow at 360 px and 1280 px, no slip of the published standard, every rule of the catalog
// anchored once, the quoted lists and numbers on the page, the reference card and the job aids on one A4 page each,
// glossary anchors, the 你会怎么说？ prompts, and each lesson's computed time on home and lesson pages.
// Needs `npm run package` first.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadCourseConfig } from '../src/config/load-config.ts';
import { requireRule, ruleById, rules, sections } from '../src/rules/index.ts';
import { glossary } from '../src/rules/glossary.ts';
import { findHalfWidthPunctuation, findSlips } from '../src/rules/text-checks.ts';
import { countTryReplies, examMinutes, lessonReadingChars, lessonTime } from '../src/course/time-estimate.ts';
import { getRoleplays, knowledgeCheckItems } from '../src/quizzes/bank-data.ts';

const config = loadCourseConfig();
const packageName = `${config.course.identifier}-scorm12`;
/** Where e2e/server/serve.ts mounts the packages (its `contentPrefix`), plus this package's name. */
const base = `/lms-content/tenant-7/course-files/3f9a0c/${packageName}/`;
const zipPath = path.join('dist/packages', `${packageName}.zip`);

/** The package's files as the LMS receives them. */
const files: Record<string, string> = existsSync(zipPath)
  ? Object.fromEntries(
      Object.entries(unzipSync(readFileSync(zipPath)))
        .filter(([name]) => name.endsWith('.html'))
        .map(([name, bytes]) => [name, strFromU8(bytes)]),
    )
  : {};

const lessonPages = sections.map((s) => ({ file: `modules/${s.module}.html`, section: s }));
const jobAids = ['notice-form.html', 'phone-message-form.html'];
const contentPages = [...lessonPages.map((l) => l.file), 'glossary.html', 'reference-card.html', ...jobAids];

test.beforeAll(() => {
  if (!existsSync(zipPath)) throw new Error(`${zipPath} is missing: run \`npm run package\` before the e2e tests`);
  for (const file of contentPages) expect(files[file], `${file} is in ${zipPath}`).toBeDefined();
});

async function open(page: Page, file: string): Promise<void> {
  const response = await page.goto(base + file);
  expect(response?.status(), file).toBe(200);
}

// ---- (a) no horizontal overflow ---------------------------------------------------------------------------------

for (const width of [360, 1280]) {
  for (const file of contentPages) {
    test(`${file} at ${width} px: no horizontal overflow`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await open(page, file);
      const result = await page.evaluate(() => {
        const viewport = window.innerWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`);
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: viewport, wide };
      });
      expect(result.scrollWidth, `wider than ${result.innerWidth}px: ${result.wide.join(', ')}`).toBeLessThanOrEqual(
        result.innerWidth,
      );
    });
  }
}

// ---- (b) no slip of the published standard, full-width punctuation ----------------------------------------------

test('no slip of the published standard in any built HTML page', () => {
  const names = Object.keys(files).sort();
  expect(names.length).toBeGreaterThanOrEqual(contentPages.length);
  const found = names.flatMap((name) => findSlips(files[name]!).map((slip) => `${name}: ${slip.wrong} → ${slip.correct}`));
  expect(found).toEqual([]);
});

test('lessons, glossary, reference card and job aids: full-width punctuation and no raw Markdown in the visible text', async ({ page }) => {
  const found: string[] = [];
  for (const file of contentPages) {
    await open(page, file);
    const text = await page.locator('body').innerText();
    found.push(...findHalfWidthPunctuation(text).map((hit) => `${file}: ${hit}`));
    // Markdown that did not render (e.g. ** closed after full-width punctuation) shows up as literal asterisks.
    if (text.includes('**')) found.push(`${file}: unrendered “**”`);
  }
  expect(found).toEqual([]);
});

// ---- (c) rule anchors ---------------------------------------------------------------------------------------------

test('every catalog rule is anchored (id + data-rule-id) in exactly one lesson page, its section’s', () => {
  const pagesOf = new Map<string, string[]>();
  for (const { file } of lessonPages) {
    const html = files[file] ?? '';
    for (const [tag] of html.matchAll(/<[a-z][^>]*\sdata-rule-id="[^"]*"[^>]*>/g)) {
      const id = /\sdata-rule-id="([^"]*)"/.exec(tag)?.[1] ?? '';
      expect(tag, `${file}: the anchor of ${id} carries id="${id}"`).toMatch(new RegExp(`\\sid="${id}"`));
      pagesOf.set(id, [...(pagesOf.get(id) ?? []), file]);
    }
  }
  const catalog = new Set(rules.map((r) => r.id));
  expect([...pagesOf.keys()].filter((id) => !catalog.has(id)), 'anchors without a catalog rule').toEqual([]);
  expect(
    rules.filter((r) => (pagesOf.get(r.id) ?? []).length !== 1).map((r) => `${r.id}: ${(pagesOf.get(r.id) ?? []).join(', ') || 'none'}`),
    'rules not anchored exactly once',
  ).toEqual([]);
  for (const r of rules) {
    expect(pagesOf.get(r.id), r.id).toEqual([`modules/${sections[r.section - 1]!.module}.html`]);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { file, section } of lessonPages) {
    test(`${file}: each rule shows the standard’s text, lists, phrases and numbers`, async ({ page }) => {
      await open(page, file);
      for (const r of rules.filter((rule) => rule.section === section.number)) {
        const quote = page.locator(`[data-rule-id="${r.id}"] .rule__text`);
        await expect(quote, r.id).toHaveCount(1);
        const text = (await quote.innerText()).trim();
        expect(text, r.id).toBe(r.text);
        for (const phrase of r.phrases ?? []) expect(text, `${r.id} phrase`).toContain(phrase);
        for (const item of r.items ?? []) {
          const wording = item.includes('：') ? item.slice(item.indexOf('：') + 1) : item;
          for (const part of wording.split('、')) expect(text, `${r.id} item ${item}`).toContain(part);
        }
      }
    });
  }

  test('the numbers and lists the course teaches by name are on their pages', async ({ page }) => {
    const pageText = async (module: string) => {
      await open(page, `modules/${module}.html`);
      return page.locator('main').innerText();
    };
    const appearance = await pageText('01-appearance');
    for (const item of requireRule('s1-j3').items ?? []) expect(appearance).toContain(item);
    for (const item of requireRule('s1-j4').items ?? []) expect(appearance).toContain(item);
    expect(await pageText('02-reception')).toMatch(/脚尖分开约\s*45\s*(?:度|°)/);
    expect(await pageText('03-telephone')).toContain('电话铃响三声内');
    const language = await pageText('05-language');
    for (const phrase of requireRule('s5-f').phrases ?? []) expect(language).toContain(phrase);
    const efficiency = await pageText('07-efficiency');
    for (const id of ['s7-w1', 's7-w2', 's7-w4', 's7-w6']) {
      for (const item of requireRule(id).items ?? []) expect(efficiency, id).toContain(item);
    }
    expect(efficiency).toContain(requireRule('s5-o5').phrases?.[0] ?? '—');
    // The five systems are explained in 建议（非规范要求） boxes only.
    for (const system of requireRule('s7-w6').items ?? []) {
      await expect(page.locator('.advice').filter({ hasText: system }), system).not.toHaveCount(0);
    }
  });
});

// ---- (d) the reference card -----------------------------------------------------------------------------------

test('reference card: one A4 page with all eight forbidden phrases and a suggested alternative for each', async ({ page }) => {
  await open(page, 'reference-card.html');
  const forbidden = requireRule('s5-f').phrases ?? [];
  expect(forbidden).toHaveLength(8);
  const rows = page.locator('tr[data-forbidden]');
  await expect(rows).toHaveCount(8);
  for (const [index, phrase] of forbidden.entries()) {
    const row = rows.nth(index);
    await expect(row).toHaveAttribute('data-forbidden', phrase);
    await expect(row.locator('th')).toContainText(phrase);
    expect((await row.locator('td').last().innerText()).trim().length, `alternative for ${phrase}`).toBeGreaterThan(4);
  }
  await expect(page.locator('.card__table--forbidden thead')).toContainText('可以这样说（建议）');
  // Every office and telephone phrase of the catalog is on the card.
  const cardText = await page.locator('main').innerText();
  for (const r of rules.filter((rule) => /^s5-[ot]\d+$/.test(rule.id))) {
    await expect(page.locator(`tr[data-rule-ref="${r.id}"]`), r.id).toHaveCount(1);
    for (const phrase of r.phrases ?? []) expect(cardText, r.id).toContain(phrase);
  }

  // Printed: the forbidden phrases are still shown, and the whole card is one A4 page.
  await page.emulateMedia({ media: 'print' });
  for (const phrase of forbidden) await expect(page.locator(`tr[data-forbidden="${phrase}"]`)).toBeVisible();
  await expect(page.locator('#card-print')).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  expect(pdf.match(/\/Type\s*\/Pages\b/g)?.length ?? 0, 'the PDF has a page tree').toBeGreaterThan(0);
  expect(pages.length, 'A4 pages printed').toBe(1);
});

/** Prints the open page (print media) and returns how many A4 pages the PDF has. */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Pages\b/g)?.length ?? 0, 'the PDF has a page tree').toBeGreaterThan(0);
  return (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test('job aid 一次性告知单: every part of the canonical model has its place, printed on one A4 page', async ({ page }) => {
  await open(page, 'notice-form.html');
  const form = page.locator('article.form');
  await expect(form.locator('h1')).toHaveText('一次性告知单');
  for (const column of ['缺少的材料', '为什么需要（政策依据）', '到哪里办、怎样办']) {
    await expect(form.locator('thead th', { hasText: column })).toHaveCount(1);
  }
  for (const part of ['还缺少', '请您准备齐全再来', '个工作日内为您办理完毕', '号窗口找经办人', '窗口电话', '绿色通道', '经办人签字', '服务对象签收', '日期']) {
    await expect(form, part).toContainText(part);
  }
  await expect(page.locator('#job-aid-print')).toBeVisible();
  expect(await printedPages(page), 'A4 pages printed').toBe(1);
  await expect(page.locator('#job-aid-print')).toBeHidden();
});

test('job aid 来电留言单: the fields 第三部分 asks for, printed on one A4 page', async ({ page }) => {
  await open(page, 'phone-message-form.html');
  const form = page.locator('article.form');
  await expect(form.locator('h1')).toHaveText('来电留言单');
  for (const field of ['来电时间', '对方单位', '姓名', '找谁', '事由', '通知事项（准确全面记录', '回电号码', '已向对方复述一遍', '记录人', '转交给']) {
    await expect(form, field).toContainText(field);
  }
  await expect(form).toContainText(requireRule('s3-2').text);
  expect(await printedPages(page), 'A4 pages printed').toBe(1);
});

test('job aids are linked from home, the glossary and the reference card', async ({ page }) => {
  for (const file of ['home.html', 'glossary.html', 'reference-card.html']) {
    await open(page, file);
    for (const aid of jobAids) await expect(page.locator(`a[href$="${aid}"]`).first(), `${file} → ${aid}`).toBeVisible();
  }
});

// ---- 你会怎么说？ prompts ------------------------------------------------------------------------------------------------

test('你会怎么说？: the answer waits for a reply, then shows the model and a self-assessed checklist', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, 'modules/05-language.html');
  const prompt = page.locator('try-reply').first();
  const answer = prompt.locator('[data-answer]');
  await expect(answer).toBeHidden();
  const reveal = prompt.getByRole('button', { name: '对照参考答案' });
  await reveal.click();
  await expect(answer).toBeHidden();
  await expect(prompt.locator('[data-status]')).toContainText('请先在上面写下');
  await expect(prompt.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('您的身份证号码填错了，请重新填一下。');
  await reveal.focus();
  await page.keyboard.press('Enter');
  await expect(answer).toBeVisible();
  await expect(prompt.locator('.try-reply__model')).toContainText('请重新填一下好吗');
  const points = prompt.getByRole('checkbox');
  const count = await points.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await points.first().check();
  await expect(prompt.locator('[data-tally]')).toHaveText(`您的回答包含了 1/${count} 个要点。没勾上的，下次遇到时记得说到。`);
  await expect(prompt.locator('[data-done-label]')).toBeVisible();
});

test('without JavaScript the model answer of every prompt is simply shown', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const { file, section } of lessonPages) {
    await open(page, file);
    const prompts = page.locator('try-reply');
    expect(await prompts.count(), `${file}: 你会怎么说？ prompts`).toBeGreaterThanOrEqual(2);
    await expect(prompts.locator('.try-reply__model').first(), section.module).toBeVisible();
  }
  await context.close();
});

// ---- honest time ------------------------------------------------------------------------------------------------------

test('time: each lesson’s minutes are computed from its source and activities, shown on home and on the lesson', async ({ page }) => {
  const expected = sections.map((s) => {
    const source = readFileSync(`src/modules/${s.module}.mdx`, 'utf8');
    return lessonTime({
      readingChars: lessonReadingChars(source, (id) => ruleById(id)?.text),
      checkItems: knowledgeCheckItems(s.module).length,
      tryReplies: countTryReplies(source),
      roleplays: getRoleplays().filter((rp) => rp.module === s.module).length,
    });
  });
  await open(page, 'home.html');
  const shown = await page.locator('.module-minutes').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.minutes)));
  expect(shown).toEqual(expected.map((t) => t.total));
  const exam = examMinutes(config.exam.size, config.exam.timeLimitMinutes);
  const lessonsTotal = expected.reduce((sum, t) => sum + t.total, 0);
  await expect(page.locator('#home-time')).toHaveAttribute('data-total-minutes', String(lessonsTotal + exam));
  await expect(page.locator('#home-time')).toContainText(`认证考试约 ${exam} 分钟，合计约 ${lessonsTotal + exam} 分钟`);
  for (const [index, { file }] of lessonPages.entries()) {
    await open(page, file);
    const t = expected[index]!;
    await expect(page.locator('.reading-time'), file).toHaveText(`预计学习时间：约 ${t.total} 分钟（阅读约 ${t.reading} 分钟，练习约 ${t.practice} 分钟）`);
  }
});

// ---- (e) glossary -------------------------------------------------------------------------------------------------

test('glossary: an anchor per entry, labelled 规范原文 or 说明（建议）, linking to its rule in the lesson', async ({ page }) => {
  await open(page, 'glossary.html');
  for (const entry of glossary) {
    const section = page.locator(`[id="${entry.id}"]`);
    await expect(section, entry.id).toHaveCount(1);
    await expect(section).toHaveAttribute('data-glossary-id', entry.id);
    await expect(section).toContainText(entry.term);
    await expect(section).toContainText(entry.reading);
    await expect(section).toContainText(entry.definition);
    if (entry.source === 'advice') {
      await expect(section.locator('.tag--advice')).toHaveText('说明（建议）');
      await expect(section.locator('.tag--standard')).toHaveText('规范原文');
      await expect(section).toContainText(entry.standardText ?? '—');
    } else {
      await expect(section.locator('.tag--standard')).toHaveText('规范原文');
      await expect(section.locator('.tag--advice')).toHaveCount(0);
    }
    const rule = requireRule(entry.ruleId);
    const module = sections[rule.section - 1]!.module;
    await expect(section.locator(`a[href$="modules/${module}.html#${rule.id}"]`)).toHaveCount(1);
  }
  await expect(page.locator('a[href$="home.html"]').first()).toBeVisible();
});

test('every <Term> link in the lessons lands on a glossary entry', async () => {
  const ids = new Set(glossary.map((e) => e.id));
  const glossaryHtml = files['glossary.html'] ?? '';
  const bad: string[] = [];
  for (const { file } of lessonPages) {
    for (const [, href] of (files[file] ?? '').matchAll(/<a [^>]*class="term"[^>]*href="([^"]*)"/g)) {
      const id = /glossary\.html#([a-z0-9-]+)$/.exec(href ?? '')?.[1];
      if (!href?.startsWith('../glossary.html#') || !id || !ids.has(id) || !glossaryHtml.includes(`id="${id}"`)) {
        bad.push(`${file}: ${href}`);
      }
    }
  }
  expect(bad).toEqual([]);
});

// ---- links ---------------------------------------------------------------------------------------------------------

test('links in the lessons, glossary and reference card resolve to a packaged page and anchor', () => {
  const broken: string[] = [];
  for (const file of contentPages) {
    const html = files[file] ?? '';
    for (const [, href = ''] of html.matchAll(/<a [^>]*href="([^"]*)"/g)) {
      if (/^[a-z]+:/i.test(href)) {
        broken.push(`${file}: external link ${href}`);
        continue;
      }
      const [target = '', hash] = href.split('#');
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      const targetHtml = files[resolved];
      if (targetHtml === undefined) broken.push(`${file}: ${href} → ${resolved} is not in the package`);
      else if (hash && !targetHtml.includes(`id="${hash}"`)) broken.push(`${file}: ${href} → no id="${hash}"`);
    }
  }
  expect(broken).toEqual([]);
});
