import type { BankItem } from '../quizzes/schema.ts';

/** Standalone pages (no LMS) still need a stable learner id for the seeded draw: one per browser. */
export function localLearnerId(): string {
  try {
    let id = localStorage.getItem('yks-course:local-learner');
    if (!id) {
      id = `local-${Math.random().toString(36).slice(2, 10)}`;
      localStorage.setItem('yks-course:local-learner', id);
    }
    return id;
  } catch {
    return 'local';
  }
}

/**
 * An item with the texts a learner reads taken from the page's own markup: the key file (exam-data.bin) leaves them
 * out because exam.html already shows them (src/course/exam-page-data.ts).
 */
export function withPageTexts(item: BankItem, slot: HTMLElement | null): BankItem {
  const text = (selector: string) => {
    const element = slot?.querySelector(selector);
    if (!element) return undefined;
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.quiz__tag').forEach((tag) => tag.remove());
    return copy.textContent?.trim() || undefined;
  };
  const texts = { situation: text('.quiz__situation'), prompt: text('.quiz__prompt') ?? item.prompt };
  return item.type === 'truefalse'
    ? { ...item, ...texts, statement: text('.quiz__statement') ?? item.statement }
    : { ...item, ...texts };
}

/**
 * The submit dialog's list of unanswered questions (numbers 1-based); each one jumps to its question.
 */
export function unansweredSummary(missing: readonly number[], jump: (number: number) => void): HTMLElement[] {
  const summary = document.createElement('p');
  summary.textContent =
    missing.length === 0 ? '全部题目都已作答。交卷后不能再修改答案。' : `还有 ${missing.length} 道题未作答：`;
  if (missing.length === 0) return [summary];
  const list = document.createElement('ul');
  for (const number of missing) {
    const entry = document.createElement('li');
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'link-button';
    link.textContent = `第 ${number} 题`;
    link.addEventListener('click', () => jump(number));
    entry.append(link);
    list.append(entry);
  }
  return [summary, list];
}

/** The question map: one button per question, numbered 1…n. */
export function mapButtons(count: number, goTo: (index: number) => void): HTMLButtonElement[] {
  return Array.from({ length: count }, (_, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'exam-map-button';
    button.dataset.index = String(index);
    button.textContent = String(index + 1);
    button.addEventListener('click', () => goTo(index));
    return button;
  });
}

/** `mm:ss` for the countdown. */
export function formatClock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Runs the exam countdown in `timer`: the time left each second (`left()`: seconds, `undefined` without a time
 * limit, `null` once the attempt is no longer running, which stops it), a spoken warning at 5 and 1 minute, and
 * `expired()` at 0. It ticks every second only when `ticking` (an attempt with a deadline). Returns the stop function.
 */
export function startCountdown(
  timer: HTMLElement,
  on: { left: () => number | undefined | null; announce: (text: string) => void; expired: () => void },
  ticking: boolean,
): () => void {
  let handle: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(handle);
  const tick = () => {
    const left = on.left();
    if (left === null) return stop();
    timer.hidden = left === undefined;
    if (left === undefined) return;
    timer.textContent = `剩余时间 ${formatClock(left)}`;
    timer.classList.toggle('urgent', left <= 300);
    if (left === 300 || left === 60) on.announce(`考试还剩 ${left / 60} 分钟。`);
    if (left === 0) on.expired();
  };
  tick();
  if (ticking) handle = setInterval(tick, 1000);
  return stop;
}
