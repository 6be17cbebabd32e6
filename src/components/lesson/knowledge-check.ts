import type {} from '../quiz/quiz-question.ts'; // the quiz-checked event type
import { sendToShell } from '../../bridge/page-client.ts';

/**
 * A lesson's knowledge check is answered once every one of its items has been checked at least once (right or
 * wrong: practice is not graded). Then the shell hears `check-answered` once, which with the lesson's end completes
 * the module (src/stores/course.ts `moduleStatus`). The lesson layout's script has already connected to the shell.
 */
const moduleIndex = Number(document.body.dataset.moduleIndex);

for (const check of document.querySelectorAll<HTMLElement>('.knowledge-check[data-items]')) {
  const ids = new Set((check.dataset.items ?? '').split(' ').filter(Boolean));
  const checked = new Set<string>();
  const progress = check.querySelector<HTMLElement>('[data-kc-progress]');
  let sent = false;
  check.addEventListener('quiz-checked', (event) => {
    const { itemId } = event.detail;
    if (!ids.has(itemId)) return;
    checked.add(itemId);
    const done = checked.size === ids.size;
    if (progress) {
      progress.textContent = done
        ? `✓ 知识检查已完成：${ids.size} 题都已检查。`
        : `已检查 ${checked.size}/${ids.size} 题`;
      progress.dataset.done = String(done);
    }
    if (done && !sent && Number.isInteger(moduleIndex)) {
      sent = true;
      check.dataset.answered = 'true';
      sendToShell({ type: 'check-answered', moduleIndex });
    }
  });
}
