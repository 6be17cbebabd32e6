// 你会怎么说？ prompts inside the course shell: doing one is remembered (suspend_data segment `tr`, only the fact that
// it was done — never the learner's words or ticks), across a lesson reload and a relaunch. Needs `npm run package`.
import { expect, test, type Page } from '@playwright/test';
import { suspendDataFor } from './support/course-data.ts';
import { standaloneStorageKey } from './support/packages.ts';
import { openStandaloneShell, showInShell } from './support/standalone.ts';

const openShell = (page: Page, suspendData: string) => openStandaloneShell(page, suspendData);

test('a prompt done in lesson 3 is remembered when the lesson is opened again and saved as one bit; the reply is not saved', async ({ page }) => {
  await openShell(page, suspendDataFor());
  await showInShell(page, 'modules/03-telephone.html');
  const content = page.frameLocator('#content-frame');
  const prompts = content.locator('try-reply');
  await expect(prompts.nth(1).locator('[data-done-label]')).toBeHidden();
  const reply = '接电话先报单位，问清对方单位和姓名。';
  await prompts.nth(1).getByRole('textbox').fill(reply);
  await prompts.nth(1).getByRole('button', { name: '对照参考答案' }).click();
  await expect(prompts.nth(1).locator('[data-done-label]')).toBeVisible();

  // Away and back (a fresh lesson page): the shell's snapshot brings the done state back; the others stay not done.
  await showInShell(page, 'home.html');
  await showInShell(page, 'modules/03-telephone.html');
  await expect(prompts.nth(1).locator('[data-done-label]')).toBeVisible();
  await expect(prompts.nth(0).locator('[data-done-label]')).toBeHidden();
  await expect(prompts.nth(1).getByRole('textbox')).toHaveValue('');

  // Saved with the next commit (at most every 3 s): suspend_data carries tr with lesson 3's bit 1 only.
  await expect
    .poll(async () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').suspendData as string, standaloneStorageKey))
    .toMatch(/~tr=0020000(?:~|$)/);
  const saved = await page.evaluate((key) => localStorage.getItem(key) ?? '', standaloneStorageKey);
  expect(saved).not.toContain(reply);
});
