// Accessibility of every page of the course, with axe (WCAG 2.2 AA), a keyboard-only exam, visible focus,
// reduced motion and 200 % zoom. Pages are opened the way a learner meets them: inside the course shell.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { drawFor, suspendDataFor } from './support/course-data.ts';
import { packageUrl, refresherVersions } from './support/packages.ts';
import { openStandaloneShell, showInShell } from './support/standalone.ts';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const lessons = ['01-appearance', '02-reception', '03-telephone', '04-conduct', '05-language', '06-facilities', '07-efficiency'];
/** Every role-play page (one per file in src/quizzes/roleplays); the debrief is checked in e2e/quiz.spec.ts. */
const roleplays = readdirSync('src/quizzes/roleplays')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''))
  .sort();

const openShell = (page: Page, suspendData: string, learner = 'a11y') => openStandaloneShell(page, suspendData, { learner });

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, label).toEqual([]);
}

const allDone = () => suspendDataFor({ modulesDone: true });
const passedState = () =>
  suspendDataFor({
    modulesDone: true,
    exam: { attempt: 1, phase: 'idle', deadline: 0, answers: [], last: { score: 90, passed: true, date: '20261127' }, passed: { score: 90, passed: true, date: '20261127' } },
  });

test.describe('axe finds nothing', () => {
  test.describe.configure({ timeout: 90_000 });

  test('shell and home', async ({ page }) => {
    await openShell(page, suspendDataFor());
    await expectNoAxeViolations(page, 'shell + home');
  });

  const pages = [
    ...lessons.map((id) => `modules/${id}.html`),
    'practice.html',
    'reference-card.html',
    'notice-form.html',
    'phone-message-form.html',
    'glossary.html',
    ...roleplays.map((id) => `roleplays/${id}.html`),
  ];
  for (const path of pages) {
    test(`${path} in the shell`, async ({ page }) => {
      await openShell(page, suspendDataFor());
      await showInShell(page, path);
      await expectNoAxeViolations(page, path);
    });
  }

  test('a 你会怎么说？ prompt with its model answer and checklist open', async ({ page }) => {
    await openShell(page, suspendDataFor());
    await showInShell(page, 'modules/03-telephone.html');
    const prompt = page.frameLocator('#content-frame').locator('try-reply').first();
    await prompt.getByRole('textbox').fill('您好，这里是牙克石市社保局。');
    await prompt.getByRole('button', { name: '对照参考答案' }).click();
    await prompt.getByRole('checkbox').first().check();
    await expect(prompt.locator('[data-tally]')).not.toBeEmpty();
    await expectNoAxeViolations(page, 'try-reply open');
  });

  /** Opens the exam, starts attempt 1 and checks the questions of the given types (each type once). */
  async function checkExamQuestions(page: Page, types: readonly string[]): Promise<void> {
    const content = page.frameLocator('#content-frame');
    await content.locator('#exam-start').click();
    const draw = drawFor('a11y-exam', 1);
    for (const type of types) {
      const index = draw.findIndex((item) => item.type === type);
      if (index === -1) continue;
      await content.locator('.exam-map-button').nth(index).click();
      await expect(content.locator('#exam-position')).toHaveText(`第 ${index + 1} 题，共 ${draw.length} 题`);
      await expectNoAxeViolations(page, `exam question (${type})`);
    }
  }

  test('exam: intro and questions (single, multiple, true/false)', async ({ page }) => {
    test.setTimeout(150_000); // exam.html holds every exam item; axe walks all of it
    await openShell(page, allDone(), 'a11y-exam');
    await showInShell(page, 'exam.html');
    await expect(page.frameLocator('#content-frame').locator('#exam-start')).toBeVisible();
    await expectNoAxeViolations(page, 'exam intro');
    await checkExamQuestions(page, ['single', 'multiple', 'truefalse']);
  });

  test('exam: questions (ordering, matching, spotting), the submit dialog, the result', async ({ page }) => {
    test.setTimeout(150_000);
    await openShell(page, allDone(), 'a11y-exam');
    await showInShell(page, 'exam.html');
    await checkExamQuestions(page, ['ordering', 'matching', 'spotting']);
    const content = page.frameLocator('#content-frame');
    await content.locator('#exam-submit').click();
    await expectNoAxeViolations(page, 'submit dialog');
    await content.locator('#exam-confirm-submit').click();
    await expect(content.locator('#exam-result')).toBeVisible();
    await expectNoAxeViolations(page, 'exam result');
  });

  test('results with review, certificate, refresher home', async ({ page }) => {
    test.setTimeout(150_000);
    await openShell(page, passedState());
    await showInShell(page, 'exam.html');
    await expect(page.frameLocator('#content-frame').locator('#exam-result')).toBeVisible();
    await expectNoAxeViolations(page, 'passed result with review');
    await showInShell(page, 'certificate.html');
    await expect(page.frameLocator('#content-frame').locator('#certificate')).toBeVisible();
    await expectNoAxeViolations(page, 'certificate');
    const refresher = refresherVersions[0];
    if (!refresher) return; // course.config.yaml builds no refresher package
    await page.goto(packageUrl(refresher, 'refresher.html', 'refresher'));
    await expect(page.locator('html')).toHaveAttribute('data-lms', 'local', { timeout: 10_000 });
    await expectNoAxeViolations(page, 'refresher home');
  });
});

/** Presses Tab until the focused element matches, as a keyboard user would (no programmatic focus). */
async function tabTo(page: Page, description: string, matches: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const hit = await page.frameLocator('#content-frame').locator(':focus').evaluate((el, selector) => el.matches(selector), matches).catch(() => false);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.frameLocator('#content-frame').locator(':focus').evaluate((el) => {
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });
}

test('keyboard only: take the exam from start to result, with visible focus throughout', async ({ page }) => {
  test.setTimeout(90_000);
  await openShell(page, allDone(), 'a11y-keys');
  await showInShell(page, 'exam.html');
  const content = page.frameLocator('#content-frame');
  await expect(content.locator('#exam-start')).toBeVisible();
  await page.locator('#content-frame').focus();
  await tabTo(page, '开始考试', '#exam-start');
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  const draw = drawFor('a11y-keys', 1);
  // Answer questions in order until every question type has been answered once by keyboard.
  const lastNeeded = Math.max(...[...new Set(draw.map((item) => item.type))].map((type) => draw.findIndex((item) => item.type === type)));
  for (let index = 0; index <= lastNeeded; index++) {
    await expect(content.locator('#exam-position')).toHaveText(`第 ${index + 1} 题，共 ${draw.length} 题`);
    // Into the question's first control, answer it the way its control type is used from a keyboard.
    await tabTo(page, `question ${index + 1}`, '.exam-slot:not([hidden]) quiz-question input, .exam-slot:not([hidden]) quiz-question select, .exam-slot:not([hidden]) quiz-question button');
    expect(await focusIsVisible(page)).toBe(true);
    const tag = await content.locator(':focus').evaluate((el) => el.tagName);
    if (tag === 'SELECT') {
      // Matching: choose a target for every left, select by select.
      const selects = await content.locator('.exam-slot:not([hidden]) select').count();
      for (let select = 0; select < selects; select++) {
        if (select > 0) await tabTo(page, `select ${select + 1}`, '.exam-slot:not([hidden]) select', 5);
        await page.keyboard.press('ArrowDown');
      }
    } else {
      await page.keyboard.press('Space');
    }
    await expect(content.locator('.exam-map-button').nth(index)).toHaveClass(/answered/);
    if (index < lastNeeded) {
      await tabTo(page, '下一题', '#exam-next');
      await page.keyboard.press('Enter');
    }
  }
  await tabTo(page, '交卷', '#exam-submit');
  await page.keyboard.press('Enter');
  await expect(content.locator('#exam-confirm')).toBeVisible();
  if (lastNeeded < draw.length - 1) await expect(content.locator('#exam-unanswered')).toContainText(`还有 ${draw.length - lastNeeded - 1} 道题未作答`);
  await tabTo(page, '确认交卷', '#exam-confirm-submit', 40);
  await page.keyboard.press('Enter');
  await expect(content.locator('#exam-result')).toBeVisible();
  await expect(content.locator('#result-title')).toBeFocused();
});

test('reduced motion: nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openShell(page, suspendDataFor());
  for (const path of ['home.html', 'modules/05-language.html', `roleplays/${roleplays[0]}.html`]) {
    await showInShell(page, path);
    const moving = await page.frameLocator('#content-frame').locator('body').evaluate(() =>
      [...document.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el);
        return parseFloat(style.transitionDuration) > 0.01 || (style.animationName !== 'none' && parseFloat(style.animationDuration) > 0.01);
      }).length,
    );
    expect(moving, path).toBe(0);
  }
});

test('200 % zoom (640 CSS px of a 1280 px window): no content cut off sideways', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  await openShell(page, passedState());
  for (const path of ['home.html', ...lessons.map((id) => `modules/${id}.html`), 'practice.html', `roleplays/${roleplays[1]}.html`, 'exam.html', 'certificate.html', 'reference-card.html', 'notice-form.html', 'phone-message-form.html', 'glossary.html']) {
    await showInShell(page, path);
    const overflow = await page.frameLocator('#content-frame').locator('body').evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  const shellOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(shellOverflow).toBeLessThanOrEqual(0);
});
