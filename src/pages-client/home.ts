import { $shell, connectToShell } from '../bridge/page-client.ts';
import type { ModuleStatus } from '../bridge/messages.ts';
import { decodeRoleplayStatuses, roleplayStatusKey, type RoleplayStatus } from '../components/quiz/roleplay-segment.ts';

/** Home screen: module states, progress and the continue button, all from the shell's snapshot. */
const statusText: Record<ModuleStatus, string> = {
  'not-started': '未开始',
  'in-progress': '学习中',
  completed: '已完成',
};

const roleplayText: Record<RoleplayStatus, string> = {
  'not-started': '未开始',
  'in-progress': '进行中',
  good: '已完成 · 处理得当',
  mixed: '已完成 · 部分得当',
  bad: '已完成 · 处理不当',
};
const roleplayItems = [...document.querySelectorAll<HTMLElement>('.home-roleplay')];

const items = [...document.querySelectorAll<HTMLElement>('.module')];
const progressText = document.querySelector<HTMLElement>('#home-progress-text')!;
const progress = document.querySelector<HTMLProgressElement>('#home-progress')!;
const continueLink = document.querySelector<HTMLAnchorElement>('#home-continue')!;
const resume = document.querySelector<HTMLElement>('#home-resume')!;
const pages = JSON.parse(document.querySelector<HTMLElement>('#module-pages')?.dataset.pages ?? '[]') as string[];

$shell.subscribe((snapshot) => {
  if (!snapshot) return;
  const statuses = snapshot.moduleStatuses;
  items.forEach((item, index) => {
    const status = statuses[index] ?? 'not-started';
    item.dataset.status = status;
    const label = item.querySelector('.module-status');
    if (label) label.textContent = statusText[status];
  });
  const rpStatuses = decodeRoleplayStatuses(snapshot.segments[roleplayStatusKey], roleplayItems.length);
  roleplayItems.forEach((item, index) => {
    const label = item.querySelector<HTMLElement>('.rp-status');
    if (!label) return;
    label.dataset.status = rpStatuses[index]!;
    label.textContent = roleplayText[rpStatuses[index]!];
  });
  progressText.textContent = `已完成 ${snapshot.completedCount}/${items.length} 个单元`;
  progress.value = snapshot.completedCount;

  const started = statuses.some((status) => status !== 'not-started');
  const firstOpen = statuses.findIndex((status) => status !== 'completed');
  const savedIndex = pages.indexOf(snapshot.location.split('#')[0] ?? '');
  // Continue where the learner left off; if that module is done, go to the first unfinished one.
  const target =
    snapshot.location && (savedIndex === -1 || statuses[savedIndex] !== 'completed')
      ? snapshot.location
      : pages[firstOpen === -1 ? 0 : firstOpen];
  if (target) continueLink.setAttribute('href', target);
  continueLink.textContent = !started ? '开始学习' : firstOpen === -1 ? '复习课程' : '继续学习';
  const title = items[savedIndex]?.querySelector('.module-title')?.textContent;
  resume.hidden = !(started && title && firstOpen !== -1);
  if (title) resume.textContent = `上次学到：${title}`;
});

connectToShell();
