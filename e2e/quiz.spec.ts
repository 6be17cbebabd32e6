// The quiz UI in the built package: knowledge checks (keyboard only, feedback), role-plays (endings, debrief, resume
// through the shell), accessibility (axe) and the Content-Security-Policy. Item ids, texts and role-play paths come
// from the real bank files through the same loader the build uses, so content edits do not break the tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { getBank, getRoleplays, knowledgeCheckItems, knowledgeCheckSlots } from '../src/quizzes/bank-data.ts';
import { allPaths, breakingLines, debrief, idealPath, isEligible, multipleOptions } from '../src/quizzes/engine/index.ts';
import type { BankItem, Roleplay } from '../src/quizzes/schema.ts';
import { requireRule, sections } from '../src/rules/index.ts';
import { packageUrl, primaryVersion, versions } from './support/packages.ts';
import {
  answerKnowledgeCheck,
  contentFrame,
  newLearnerId,
  openHarness,
  readLessonToEnd,
  setRightResponse,
  shellFrame,
  trackFailedResponses,
} from './support/lms.ts';

const packageRoot = `${packageUrl(primaryVersion, '')}`;

/** The first lesson whose knowledge check holds an item of this type (content decides which; the test needs one). */
function checkItemOfType<T extends BankItem['type']>(type: T): { module: string; item: Extract<BankItem, { type: T }> } {
  for (const section of sections) {
    const item = knowledgeCheckItems(section.module).find((candidate) => candidate.type === type);
    if (item) return { module: section.module, item: item as Extract<BankItem, { type: T }> };
  }
  throw new Error(`no knowledge check holds a ${type} item`);
}
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Scope = Page | Frame | FrameLocator;

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Records CSP violations (the event and the console message) from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function expectNoAxeViolations(page: Page, include: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(include).withTags(axeTags).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target
    .evaluate((el) => el === el.ownerDocument.activeElement && el.ownerDocument.hasFocus())
    .catch(() => false);
}

/** Moves the focus to `target` with Tab (or Shift+Tab when it lies before the focus), as a keyboard user does. */
async function keyboardFocus(page: Page, target: Locator, max = 250): Promise<void> {
  const backwards = await target.evaluate((el) => {
    const active = el.ownerDocument.activeElement;
    return (
      !!active &&
      active !== el.ownerDocument.body &&
      !!(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
    );
  });
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard focus never reached ${target}`);
}

/** Authored indexes in display order (choice rows or ordering steps). */
async function displayed(question: Locator, selector = '[data-options] > [data-option-index]'): Promise<number[]> {
  return question
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.optionIndex)));
}

/** Answers one practice question correctly with the keyboard only, then checks it (Enter on 检查答案). */
async function answerCorrectlyByKeyboard(page: Page, question: Locator, item: BankItem): Promise<void> {
  switch (item.type) {
    case 'single':
    case 'truefalse': {
      const order = await displayed(question);
      const target = item.type === 'single' ? 0 : item.answer ? 0 : 1;
      await keyboardFocus(page, question.locator('.quiz__input').first());
      const position = order.indexOf(target);
      if (position === 0) await page.keyboard.press('Space');
      for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
      break;
    }
    case 'multiple':
    case 'spotting': {
      const right =
        item.type === 'multiple'
          ? multipleOptions(item).flatMap((o, i) => (o.correct ? [i] : []))
          : breakingLines(item);
      const order = await displayed(question);
      for (const [position, authored] of order.entries()) {
        await keyboardFocus(page, question.locator('.quiz__input').nth(position));
        if (right.includes(authored)) await page.keyboard.press('Space');
      }
      break;
    }
    case 'ordering': {
      // Selection sort with the 上移 buttons: bring step t to position t, for t = 0, 1, …
      for (let target = 0; target < item.steps.length; target++) {
        const order = await displayed(question, '.quiz__step');
        const position = order.indexOf(target);
        if (position === target) continue;
        const up = question.locator('.quiz__step').nth(position).locator('.quiz__move[data-move="-1"]');
        await keyboardFocus(page, up);
        for (let i = 0; i < position - target; i++) await page.keyboard.press('Enter');
      }
      expect(await displayed(question, '.quiz__step')).toEqual(item.steps.map((_, i) => i));
      break;
    }
    case 'matching': {
      for (let left = 0; left < item.pairs.length; left++) {
        const select = question.locator('.quiz__select').nth(left);
        const order = await displayed(question.locator('.quiz__select').nth(left), 'option[data-option-index]');
        await keyboardFocus(page, select);
        for (let i = 0; i <= order.indexOf(left); i++) await page.keyboard.press('ArrowDown');
        await expect(select).toHaveValue(String(left));
      }
      break;
    }
  }
  await keyboardFocus(page, question.locator('[data-action="check"]'));
  await page.keyboard.press('Enter');
  await expect(question.locator('.quiz__result')).toContainText('回答正确');
}

/** The first path (choice indexes) from start whose verdict (engine `debrief`) is this kind. */
function pathTo(rp: Roleplay, kind: 'good' | 'bad' | 'mixed'): number[] {
  const path = allPaths(rp).find((candidate) => debrief(rp, candidate).verdict === kind);
  if (!path) throw new Error(`${rp.id} has no ${kind} path`);
  return path;
}

function nodeAfter(rp: Roleplay, path: readonly number[]): string {
  let nodeId = rp.start;
  for (const index of path) nodeId = rp.nodes[nodeId]!.choices![index]!.next;
  return nodeId;
}

async function choosePath(scope: Scope, rp: Roleplay, path: readonly number[]): Promise<void> {
  let nodeId = rp.start;
  for (const index of path) {
    const node = scope.locator(`.rp-node[data-node="${nodeId}"]`);
    await expect(node).toBeVisible();
    await node.locator(`.rp-choice[data-choice="${index}"]`).click();
    nodeId = rp.nodes[nodeId]!.choices![index]!.next;
  }
}

const roleplays = getRoleplays();
/** The role-play the module-05 completion rule needs; the role-play tests use it too. */
const roleplay = roleplays.find((rp) => rp.id === 'rp-incomplete-materials');

/** A choice's text as the page shows it (the button's text). */
const choiceText = (rp: Roleplay, nodeId: string, index: number) => rp.nodes[nodeId]!.choices![index]!.text;

// ─── knowledge checks ────────────────────────────────────────────────────────────────────────────────────────────

test.describe('knowledge check (SCORM 2004 harness)', () => {
  const module = '01-appearance';
  const items = knowledgeCheckItems(module);

  test('answered by keyboard only, it completes the module on the home page', async ({ page }) => {
    expect(items.length, `${module} has knowledge-check items`).toBeGreaterThan(0);
    const failed = trackFailedResponses(page);
    await openHarness(page, primaryVersion, newLearnerId('kc-keyboard'));
    const content = contentFrame(page);
    const moduleLink = content.locator('.module[data-module-index="0"] a');
    await expect(moduleLink).toBeVisible();
    await keyboardFocus(page, moduleLink);
    await page.keyboard.press('Enter');
    await expect(content.locator('h1')).toHaveText('仪容仪表规范');

    const check = content.locator(`#kc-${module}`);
    await expect(check.locator('.knowledge-check__slot')).toHaveCount(items.length);
    await expect(check.locator('quiz-question:visible')).toHaveCount(items.length);
    for (const item of items) {
      await answerCorrectlyByKeyboard(page, check.locator(`quiz-question[data-item-id="${item.id}"]`), item);
    }
    await expect(check.locator('[data-kc-progress]')).toContainText('知识检查已完成');
    await expect(check).toHaveAttribute('data-answered', 'true');

    // On to the end of the lesson and back to the course home, still by keyboard: the first unit's pager starts
    // with ← 课程目录, right after the check.
    const homeLink = content.locator('.pager a[href$="home.html"]');
    await keyboardFocus(page, homeLink);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const moduleRow = content.locator('.module[data-module-index="0"]');
    await expect(moduleRow).toHaveAttribute('data-status', 'completed');
    await expect(moduleRow.locator('.module-status')).toHaveText('已完成');
    expect(failed).toEqual([]);
  });

  test('reaching the end without answering the check leaves the module in progress', async ({ page }) => {
    expect(items.length, `${module} has knowledge-check items`).toBeGreaterThan(0);
    await openHarness(page, primaryVersion, newLearnerId('kc-unanswered'));
    const content = contentFrame(page);
    await content.locator('.module[data-module-index="0"] a').click();
    await content.locator('#lesson-end').scrollIntoViewIfNeeded();
    await shellFrame(page).locator('#shell-home').click();
    await expect(content.locator('.module[data-module-index="0"]')).toHaveAttribute('data-status', 'in-progress');
  });
});

test.describe('knowledge check requires mastery (page opened directly)', () => {
  // The module whose check has the most retry variants, so the variant path is exercised with the real bank.
  const module = ['01-appearance', '02-reception', '03-telephone', '04-conduct', '05-language', '06-facilities', '07-efficiency']
    .map((id) => ({ id, slots: knowledgeCheckSlots(id) }))
    .sort((a, b) => b.slots.filter((s) => s.variants.length > 0).length - a.slots.filter((s) => s.variants.length > 0).length)[0]!;
  const withVariant = module.slots.find((slot) => slot.variants.length > 0);

  test('a wrong answer does not count; 再试一次 brings a variant of the same rule; all right completes the check', async ({ page }) => {
    expect(withVariant, 'some check question has a practice variant of the same rule').toBeDefined();
    const csp = await watchCsp(page);
    await page.goto(`${packageRoot}modules/${module.id}.html`);
    const check = page.locator(`#kc-${module.id}`);
    const progress = check.locator('[data-kc-progress]');
    await expect(check.locator('quiz-question:visible')).toHaveCount(module.slots.length);

    // Wrong on the question that has a variant: checked, but not counted.
    const first = check.locator(`quiz-question[data-item-id="${withVariant!.item.id}"]`);
    await setRightResponse(first, false);
    await first.locator('[data-action="check"]').click();
    await expect(first.locator('.quiz__result')).toHaveAttribute('data-verdict', /wrong|partial/);
    await expect(progress).toContainText('已答对 0/');

    // Retry: the variant replaces it, sharing a rule, under the same number, with the focus on its first control.
    const title = (await first.locator('.quiz__title').textContent()) ?? '';
    await first.locator('[data-action="retry"]').click();
    const variant = withVariant!.variants[0]!;
    expect(variant.rules.some((rule) => withVariant!.item.rules.includes(rule))).toBe(true);
    await expect(first).toBeHidden();
    const second = check.locator(`quiz-question[data-item-id="${variant.id}"]`);
    await expect(second).toBeVisible();
    await expect(second.locator('.quiz__title')).toContainText(title.split(' · ')[0]!);
    await expect(second.locator('.quiz__input, .quiz__select, .quiz__move:not(:disabled)').first()).toBeFocused();
    await expect(progress).toContainText('已换成同一规范的另一道题');

    // Every shown question answered right: the check is done (and only then).
    const shown = await check.locator('quiz-question:visible').all();
    for (const [index, question] of shown.entries()) {
      await setRightResponse(question);
      await question.locator('[data-action="check"]').click();
      await expect(question.locator('.quiz__result')).toContainText('回答正确');
      if (index < shown.length - 1) await expect(check).not.toHaveAttribute('data-answered', 'true');
    }
    await expect(progress).toContainText(`知识检查已完成：${module.slots.length} 题都已答对`);
    await expect(check).toHaveAttribute('data-answered', 'true');
    expect(csp).toEqual([]);
  });

  test('wrong again on the variant: the first question comes back, reset', async ({ page }) => {
    expect(withVariant, 'some check question has a practice variant of the same rule').toBeDefined();
    await page.goto(`${packageRoot}modules/${module.id}.html`);
    const check = page.locator(`#kc-${module.id}`);
    const first = check.locator(`quiz-question[data-item-id="${withVariant!.item.id}"]`);
    const second = check.locator(`quiz-question[data-item-id="${withVariant!.variants.at(-1)!.id}"]`);
    await setRightResponse(first, false);
    await first.locator('[data-action="check"]').click();
    await first.locator('[data-action="retry"]').click();
    for (const variant of withVariant!.variants) {
      const question = check.locator(`quiz-question[data-item-id="${variant.id}"]`);
      await setRightResponse(question, false);
      await question.locator('[data-action="check"]').click();
      await question.locator('[data-action="retry"]').click();
    }
    await expect(second).toBeHidden();
    await expect(first).toBeVisible();
    await expect(first.locator('[data-action="check"]')).toBeVisible();
    await expect(first.locator('.quiz__result')).toBeEmpty();
    await expect(check.locator('[data-kc-progress]')).toContainText('已答对 0/');
  });
});

test.describe('practice feedback (page opened directly)', () => {
  const module = '05-language';
  const items = knowledgeCheckItems(module);
  const single = items.find((item) => item.type === 'single');

  test('a wrong answer shows the option’s rule-citing feedback, the explanation, and 再试一次 resets', async ({
    page,
  }) => {
    if (!single || single.type !== 'single') throw new Error(`${module}'s check has no single item`);
    await page.goto(`${packageRoot}modules/${module}.html`);
    const question = page.locator(`quiz-question[data-item-id="${single.id}"]`);
    const wrong = single.distractors[0]!;
    await question.locator('[data-option-index="1"] .quiz__label').click();
    await question.locator('[data-action="check"]').click();

    await expect(question.locator('.quiz__result')).toContainText('回答错误');
    const chosen = question.locator('[data-option-index="1"] .quiz__feedback');
    await expect(chosen).toBeVisible();
    await expect(chosen).toContainText('✗');
    await expect(chosen).toContainText(wrong.feedback);
    const answer = question.locator('[data-option-index="0"] .quiz__feedback');
    await expect(answer).toContainText('✓ 正确答案');
    await expect(answer).toContainText(single.answer.feedback);
    if (single.explanation) await expect(question.locator('.quiz__explanation')).toContainText(single.explanation);
    await expect(question.locator('.quiz__explanation a').first()).toHaveText(requireRule(single.rules[0]!).title);
    await expect(question.locator('.quiz__input').first()).toBeDisabled();
    await expect(question.locator('[data-action="retry"]')).toBeFocused();

    await question.locator('[data-action="retry"]').click();
    await expect(question.locator('.quiz__feedback:visible')).toHaveCount(0);
    await expect(question.locator('.quiz__result')).toHaveText('');
    await expect(question.locator('.quiz__input:checked')).toHaveCount(0);
    // In a knowledge check a wrong answer's retry brings the question's variant where it has one (mastery), reset
    // and focused like the question itself would be.
    const variant = knowledgeCheckSlots(module).find((slot) => slot.item.id === single.id)?.variants[0];
    const next = variant ? page.locator(`quiz-question[data-item-id="${variant.id}"]`) : question;
    await expect(next).toBeVisible();
    await expect(next.locator('.quiz__input, .quiz__select, .quiz__move:not(:disabled)').first()).toBeFocused();
  });

  test('the element API: authored indexes, applyOrder, response restore, disabled, quiz-change', async ({ page }) => {
    const { module: matchingModule, item: matching } = checkItemOfType('matching');
    await page.goto(`${packageRoot}modules/${matchingModule}.html`);
    const result = await page.evaluate((id) => {
      const el = document.querySelector(`quiz-question[data-item-id="${id}"]`) as HTMLElement & {
        response: unknown;
        disabled: boolean;
        applyOrder(order: number[]): void;
      };
      const events: unknown[] = [];
      el.addEventListener('quiz-change', (event) => events.push((event as CustomEvent).detail));
      const selects = [...el.querySelectorAll<HTMLSelectElement>('.quiz__select')];
      const targetsOf = (select: HTMLSelectElement) =>
        [...select.querySelectorAll<HTMLElement>('option[data-option-index]')].map((o) =>
          Number(o.dataset.optionIndex),
        );
      const empty = el.response;
      el.response = selects.map((_, i) => i);
      const restored = el.response;
      const chosen = selects.map((s) => Number(s.selectedOptions[0]?.dataset.optionIndex));
      const reversed = targetsOf(selects[0]!).sort((a, b) => b - a);
      el.applyOrder(reversed);
      const shown = selects.map(targetsOf);
      const afterOrder = el.response;
      el.disabled = true;
      const disabled =
        selects.every((s) => s.disabled) && el.querySelector<HTMLButtonElement>('[data-action="check"]')!.disabled;
      el.disabled = false;
      el.response = 'nonsense';
      const unreadable = el.response;
      selects[0]!.value = selects[0]!.querySelector<HTMLOptionElement>('option[data-option-index="1"]')!.value;
      selects[0]!.dispatchEvent(new Event('change', { bubbles: true }));
      return { empty, restored, chosen, reversed, shown, afterOrder, disabled, unreadable, events };
    }, matching.id);
    const lefts = matching.pairs.map((_, i) => i);
    expect(result.empty).toEqual(lefts.map(() => null));
    expect(result.restored).toEqual(lefts);
    expect(result.chosen).toEqual(lefts);
    expect(result.shown).toEqual(lefts.map(() => result.reversed));
    expect(result.afterOrder).toEqual(lefts);
    expect(result.disabled).toBe(true);
    expect(result.unreadable).toEqual(lefts.map(() => null));
    expect(result.events).toEqual([{ itemId: matching.id, response: [1, ...lefts.slice(1).map(() => null)] }]);
  });

  test('ordering: starts shuffled, [] until arranged, a restored response reorders the steps', async ({ page }) => {
    const { module: orderingModule, item: ordering } = checkItemOfType('ordering');
    await page.goto(`${packageRoot}modules/${orderingModule}.html`);
    const question = page.locator(`quiz-question[data-item-id="${ordering.id}"]`);
    const steps = ordering.steps.map((_, i) => i);
    const shown = await displayed(question, '.quiz__step');
    expect(shown).not.toEqual(steps);
    expect([...shown].sort()).toEqual(steps);
    const read = () => question.evaluate((el) => (el as HTMLElement & { response: unknown }).response);
    expect(await read()).toEqual([]);
    await question.evaluate((el, value) => ((el as HTMLElement & { response: unknown }).response = value), steps);
    expect(await displayed(question, '.quiz__step')).toEqual(steps);
    expect(await read()).toEqual(steps);
    await expect(question.locator('.quiz__move').first()).toBeDisabled(); // 上移 of the first step
    await expect(question.locator('.quiz__move').last()).toBeDisabled(); // 下移 of the last step
    await expect(question.locator('.quiz__move').first()).toHaveAccessibleName(`上移：${ordering.steps[0]!.text}`);
  });
});

test('exam mode puts no key in the HTML: no feedback, no explanation, no authored indexes, no telling order', async ({
  request,
}) => {
  const html = await (await request.get(`${packageRoot}exam.html`)).text();
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const exam = getBank().items.filter((item) => isEligible(item, 'exam'));
  const blocks = new Map(
    [...html.matchAll(/<quiz-question[^>]*data-item-id="([^"]+)"[^>]*>([\s\S]*?)<\/quiz-question>/g)].map((m) => [
      m[1]!,
      m[0],
    ]),
  );
  expect(blocks.size, 'the exam page renders its questions').toBeGreaterThan(0);
  let singles = 0;
  let answerFirst = 0;
  let orderings = 0;
  let solvedOrder = 0;
  for (const item of exam) {
    const block = blocks.get(item.id);
    if (!block) continue;
    expect(block, item.id).toContain('data-mode="exam"');
    expect(block, item.id).not.toMatch(/data-option-index|quiz__data|quiz__feedback|quiz__explanation/);
    const secrets = [
      item.explanation,
      ...(item.type === 'single' ? [item.answer, ...item.distractors].map((o) => o.feedback) : []),
      ...(item.type === 'multiple' ? [...item.answers, ...item.distractors].map((o) => o.feedback) : []),
      ...(item.type === 'truefalse' ? [item.feedbackTrue, item.feedbackFalse] : []),
      ...(item.type === 'ordering' ? item.steps.map((s) => s.feedback) : []),
      ...(item.type === 'matching' ? item.pairs.map((p) => p.feedback) : []),
      ...(item.type === 'spotting' ? item.lines.map((l) => l.feedback) : []),
    ].filter((text): text is string => text !== undefined && text.length > 8);
    const text = unescape(block);
    for (const secret of secrets) expect(text.includes(secret), `${item.id} shows “${secret}”`).toBe(false);
    const labels = [
      ...text.matchAll(/<(?:label|span) class="quiz__(?:label|step-text)"[^>]*>([\s\S]*?)<\/(?:label|span)>/g),
    ].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    if (item.type === 'single') {
      singles++;
      if (labels[0] === item.answer.text) answerFirst++;
    }
    if (item.type === 'ordering') {
      orderings++;
      if (labels.join('|') === item.steps.map((s) => s.text).join('|')) solvedOrder++;
    }
  }
  // Rendered in a per-item scrambled order: the answer is first only by chance, an ordering item never starts solved
  // more often than chance.
  if (singles >= 4) expect(answerFirst).toBeLessThan(singles);
  if (orderings >= 2) expect(solvedOrder).toBeLessThan(orderings);
});

// ─── role-plays ─────────────────────────────────────────────────────────────────────────────────────────────────

test.describe('role-play', () => {
  if (!roleplay) throw new Error('rp-incomplete-materials is missing');
  const rp = roleplay;

  test('a recovered path and the ideal path: the debrief shows the verdict, the rules, both paths side by side', async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(`${packageRoot}practice.html`);
    await expect(page.locator('.rp-card')).toHaveCount(roleplays.length);
    await page.locator(`.rp-card[data-roleplay-id="${rp.id}"] a`).click();
    await expect(page.locator('h1')).toHaveText(rp.title);

    const ideal = idealPath(rp);
    // A path that goes wrong at the first decision, recovers, and then follows the ideal path to the good ending.
    const recovered = allPaths(rp).find((path) => {
      const d = debrief(rp, path);
      return d.ending?.kind === 'good' && d.wrongDecisions === 1 && d.steps[0]!.choice.breaks !== undefined;
    })!;
    for (const [path, verdict] of [[recovered, 'mixed'], [ideal, 'good']] as const) {
      const expected = debrief(rp, path);
      expect(expected.verdict).toBe(verdict);
      await choosePath(page, rp, path);
      const end = nodeAfter(rp, path);
      await expect(page.locator(`.rp-node[data-node="${end}"]`)).toBeVisible();
      await expect(page.locator('.rp-node:visible')).toHaveCount(1);
      const box = page.locator('#rp-debrief');
      await expect(box).toBeVisible();
      await expect(box.locator('[data-debrief="ending"]')).toHaveAttribute('data-kind', verdict);
      await expect(box.locator('[data-debrief="summary"]')).toHaveText(expected.ending!.summary);
      await expect(box.locator('[data-debrief="cost"]')).toContainText(
        verdict === 'good' ? `${path.length} 个决定都符合规范` : `中有 ${expected.wrongDecisions} 个违反了规范`,
      );
      const kept = box.locator('[data-debrief="kept"] li[data-rule]');
      const broken = box.locator('[data-debrief="broken"] li[data-rule]');
      await expect(kept).toHaveCount(expected.kept.length);
      await expect(broken).toHaveCount(expected.broken.length);
      for (const id of expected.kept) {
        await expect(box.locator(`[data-debrief="kept"] li[data-rule="${id}"]`)).toContainText(`✓ ${requireRule(id).title}`);
      }
      for (const id of expected.broken) {
        const link = box.locator(`[data-debrief="broken"] li[data-rule="${id}"] a`);
        await expect(link).toHaveText(requireRule(id).title);
        await expect(link).toHaveAttribute('href', new RegExp(`^\\.\\./modules/0\\d-[a-z]+\\.html#${id}$`));
      }
      // The learner's steps (with the rule-citing feedback and a retry button each) beside the ideal path.
      const steps = box.locator('[data-debrief="steps"] .rp-step');
      await expect(steps).toHaveCount(path.length);
      await expect(steps.locator('.rp-step__retry')).toHaveCount(path.length);
      for (const [i, step] of expected.steps.entries()) {
        await expect(steps.nth(i).locator('.rp-step__choice')).toHaveText(choiceText(rp, step.nodeId, step.choiceIndex));
        await expect(steps.nth(i).locator('.rp-step__feedback')).toContainText(step.choice.feedback);
        await expect(steps.nth(i)).toHaveAttribute('data-verdict', step.choice.breaks ? 'broken' : 'kept');
      }
      const idealSteps = box.locator('[data-debrief="ideal"] .rp-step');
      await expect(idealSteps).toHaveCount(ideal.length);
      await expect(idealSteps.locator('[data-verdict="broken"]')).toHaveCount(0);
      await box.locator('[data-action="restart"]').click();
      await expect(page.locator(`.rp-node[data-node="${rp.start}"]`)).toBeVisible();
      await expect(page.locator(`.rp-node[data-node="${rp.start}"] .rp-node__say`)).toBeFocused();
      await expect(box).toBeHidden();
    }
    expect(csp).toEqual([]);
  });

  test('retry from a decision: the choices before it stay, the learner chooses again there', async ({ page }) => {
    await page.goto(`${packageRoot}roleplays/${rp.id}.html`);
    const bad = pathTo(rp, 'bad');
    await choosePath(page, rp, bad);
    const box = page.locator('#rp-debrief');
    await expect(box).toBeVisible();
    const at = bad.length - 1; // the last decision
    const retry = box.locator('[data-debrief="steps"] .rp-step').nth(at).locator('.rp-step__retry');
    await expect(retry).toHaveText('从这一步重新选择');
    await retry.click();
    const node = nodeAfter(rp, bad.slice(0, at));
    await expect(box).toBeHidden();
    await expect(page.locator(`.rp-node[data-node="${node}"]`)).toBeVisible();
    await expect(page.locator(`.rp-node[data-node="${node}"] .rp-node__say`)).toBeFocused();
    // Choose the rule-keeping reply this time, then the ideal path on: the debrief counts the earlier steps too.
    const rest: number[] = [];
    let nodeId = node;
    while (rp.nodes[nodeId]!.choices) {
      const index = rp.nodes[nodeId]!.choices!.findIndex((choice) => !choice.breaks);
      rest.push(index);
      nodeId = rp.nodes[nodeId]!.choices![index]!.next;
    }
    const path = [...bad.slice(0, at), ...rest];
    for (const [i, index] of rest.entries()) {
      const id = nodeAfter(rp, [...bad.slice(0, at), ...rest.slice(0, i)]);
      await page.locator(`.rp-node[data-node="${id}"] .rp-choice[data-choice="${index}"]`).click();
    }
    await expect(box).toBeVisible();
    await expect(box.locator('[data-debrief="steps"] .rp-step')).toHaveCount(path.length);
    await expect(box.locator('[data-debrief="ending"]')).toHaveAttribute('data-kind', debrief(rp, path).verdict!);
  });

  for (const version of versions) {
    test(`SCORM ${version}: while playing only the story shows; a reload mid-role-play resumes at the same node`, async ({
      page,
    }) => {
      const failed = trackFailedResponses(page);
      await openHarness(page, version, newLearnerId('rp-resume'));
      const content = contentFrame(page);
      await expect(content.locator('#home-continue')).toBeVisible();
      await shellFrame(page)
        .locator('#content-frame')
        .evaluate((frame, src) => ((frame as HTMLIFrameElement).src = src), `roleplays/${rp.id}.html`);
      await expect(content.locator('h1')).toHaveText(rp.title);

      const path = idealPath(rp);
      const firstChoice = rp.nodes[rp.start]!.choices![path[0]!]!;
      await choosePath(content, rp, path.slice(0, 2));
      const middle = nodeAfter(rp, path.slice(0, 2));
      await expect(content.locator(`.rp-node[data-node="${middle}"] .rp-node__say`)).toBeFocused();
      await expect(content.locator('#rp-feedback')).toHaveAttribute('role', 'status');
      await expect(content.locator('#rp-feedback')).toContainText(`您的选择：${choiceText(rp, nodeAfter(rp, path.slice(0, 1)), path[1]!)}`);
      // No verdict while playing: it would give the next decision away.
      await expect(content.locator('#rp-feedback')).not.toContainText('符合规范');
      await expect(content.locator('#rp')).not.toContainText(firstChoice.feedback);

      await content.locator('body').evaluate(() => window.location.reload());
      await expect(content.locator(`.rp-node[data-node="${middle}"]`)).toBeVisible();
      await expect(content.locator(`.rp-node[data-node="${rp.start}"]`)).toBeHidden();

      // Finish from where it resumed: the debrief covers the whole path, including the steps before the reload.
      let nodeId = middle;
      for (const index of path.slice(2)) {
        await content.locator(`.rp-node[data-node="${nodeId}"] .rp-choice[data-choice="${index}"]`).click();
        nodeId = rp.nodes[nodeId]!.choices![index]!.next;
      }
      await expect(content.locator('#rp-debrief [data-debrief="ending"]')).toHaveAttribute('data-kind', 'good');
      await expect(content.locator('#rp-debrief [data-debrief="steps"] .rp-step')).toHaveCount(path.length);
      expect(failed).toEqual([]);
    });
  }

  test('module 05 needs its role-play; the home screen shows each role-play’s standing', async ({ page }) => {
    test.setTimeout(60_000);
    const failed = trackFailedResponses(page);
    await openHarness(page, primaryVersion, newLearnerId('rp-module'));
    const content = contentFrame(page);
    const row = content.locator('.module[data-module-index="4"]');
    const standing = content.locator(`.home-roleplay[data-roleplay-id="${rp.id}"] .rp-status`);
    await expect(content.locator('.home-roleplay')).toHaveCount(roleplays.length);
    await expect(standing).toHaveText('未开始');
    await row.locator('a').click();
    await expect(content.locator('h1')).toHaveText('文明服务用语规范');
    await expect(content.locator(`.lesson-roleplays [data-roleplay-id="${rp.id}"]`)).toHaveAttribute('data-required', 'true');
    await readLessonToEnd(page, { answerCheck: false });
    await answerKnowledgeCheck(page);
    await shellFrame(page).locator('#shell-home').click();
    // Read to the end with the check answered, but the role-play not played: still in progress.
    await expect(row).toHaveAttribute('data-status', 'in-progress');

    // Start the role-play from the lesson: 进行中 on the home screen.
    await row.locator('a').click();
    await content.locator(`.lesson-roleplays [data-roleplay-id="${rp.id}"] a`).click();
    await choosePath(content, rp, idealPath(rp).slice(0, 1));
    await shellFrame(page).locator('#shell-home').click();
    await expect(standing).toHaveText('进行中');
    await expect(row).toHaveAttribute('data-status', 'in-progress');

    // Open it again from the home screen: it resumes after the first choice. Finish it on a path that goes wrong
    // and recovers (mixed), then back to the lesson from the debrief: the module completes.
    const prefix = idealPath(rp).slice(0, 1);
    const path = allPaths(rp).find((candidate) => candidate[0] === prefix[0] && debrief(rp, candidate).verdict === 'mixed')!;
    await content.locator(`.home-roleplay[data-roleplay-id="${rp.id}"] a`).click();
    let nodeId = nodeAfter(rp, prefix);
    await expect(content.locator(`.rp-node[data-node="${nodeId}"]`)).toBeVisible();
    for (const index of path.slice(1)) {
      await content.locator(`.rp-node[data-node="${nodeId}"] .rp-choice[data-choice="${index}"]`).click();
      nodeId = rp.nodes[nodeId]!.choices![index]!.next;
    }
    await expect(content.locator('#rp-debrief')).toBeVisible();
    await content.locator('#rp-debrief .rp-actions a[href*="modules/05-language"]').click();
    await expect(content.locator('h1')).toHaveText('文明服务用语规范');
    await shellFrame(page).locator('#shell-home').click();
    await expect(row).toHaveAttribute('data-status', 'completed');
    await expect(standing).toHaveText('已完成 · 部分得当');
    await expect(standing).toHaveAttribute('data-status', 'mixed');
    expect(failed).toEqual([]);
  });
});

// ─── accessibility and CSP ──────────────────────────────────────────────────────────────────────────────────────

test.describe('axe (WCAG 2.2 AA) and CSP on quiz pages, opened directly', () => {
  test('a lesson with its knowledge check, before and after answering', async ({ page }) => {
    // Two full axe runs over the course's longest lesson (with its 你会怎么说？ prompts and hidden retry variants): room for a slow, shared machine.
    test.setTimeout(240_000);
    const csp = await watchCsp(page);
    const module = '05-language';
    const items = knowledgeCheckItems(module);
    expect(items.length, `${module} has knowledge-check items`).toBeGreaterThan(0);
    await page.goto(`${packageRoot}modules/${module}.html`);
    await expect(page.locator('quiz-question:visible')).toHaveCount(items.length);
    expect(csp).toEqual([]);
    await expectNoAxeViolations(page, `main`);

    // Answer every question wrong-ish (first option / first target) so feedback of both kinds is on screen.
    for (const question of await page.locator(`#kc-${module} quiz-question:visible`).all()) {
      const inputs = question.locator('.quiz__input');
      if ((await inputs.count()) > 0) await inputs.first().check();
      for (const select of await question.locator('.quiz__select').all()) await select.selectOption({ index: 1 });
      await question.locator('[data-action="check"]').click();
      await expect(question.locator('.quiz__result')).not.toBeEmpty();
    }
    await expect(page.locator(`#kc-${module} .quiz__feedback:visible`).first()).toBeVisible();
    await expect(page.locator('[data-kc-progress]')).toContainText(/已答对 \d+\/\d+ 题|知识检查已完成/);
    await expectNoAxeViolations(page, `main`);
    // After a retry that swaps in a variant (hidden questions become visible), still clean.
    await page.locator(`#kc-${module} quiz-question:visible [data-action="retry"]`).first().click();
    await expectNoAxeViolations(page, `main`);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(csp).toEqual([]);
  });

  test('practice.html and a role-play page, also at a debrief', async ({ page }) => {
    expect(roleplay, 'a role-play exists').toBeDefined();
    const csp = await watchCsp(page);
    await page.goto(`${packageRoot}practice.html`);
    await expect(page.locator('h1')).toHaveText('情景演练');
    await expectNoAxeViolations(page, 'main');

    const rp = roleplay!;
    await page.goto(`${packageRoot}roleplays/${rp.id}.html`);
    await expectNoAxeViolations(page, 'main');
    await choosePath(page, rp, pathTo(rp, 'bad'));
    await expect(page.locator('#rp-debrief')).toBeVisible();
    await expectNoAxeViolations(page, 'main');
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(csp).toEqual([]);
  });
});
