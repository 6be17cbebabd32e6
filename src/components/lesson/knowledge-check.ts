import type {} from '../quiz/quiz-question.ts'; // the quiz-checked / quiz-retried event types
import { sendToShell } from '../../bridge/page-client.ts';
import { createMastery, isMastered, masteredCount, recordCheck, retry, type MasteryState } from '../../quizzes/check-mastery.ts';

/**
 * A lesson's knowledge check is done once every one of its questions has been answered RIGHT (issue 11: mastery, not
 * clicks; src/quizzes/check-mastery.ts). A wrong answer can be retried; 再试一次 then shows a variant of the same rule
 * where the check has one (rendered hidden by KnowledgeCheck.astro), else the same question. When all are right the
 * shell hears `check-answered` once, which with the lesson's end completes the module (src/stores/course.ts
 * `moduleStatus`). The lesson layout's script has already connected to the shell.
 */
const moduleIndex = Number(document.body.dataset.moduleIndex);

for (const check of document.querySelectorAll<HTMLElement>('.knowledge-check[data-items]')) {
  const slots = [...check.querySelectorAll<HTMLElement>('.knowledge-check__slot')];
  let state: MasteryState = createMastery(slots.map((slot) => (slot.dataset.slotItems ?? '').split(' ').filter(Boolean)));
  const progress = check.querySelector<HTMLElement>('[data-kc-progress]');
  let sent = false;
  check.addEventListener('quiz-checked', (event) => {
    const { itemId, correct } = event.detail;
    state = recordCheck(state, itemId, correct);
    const done = isMastered(state);
    if (progress) {
      progress.textContent = done
        ? `✓ 知识检查已完成：${state.length} 题都已答对。`
        : `已答对 ${masteredCount(state)}/${state.length} 题${correct ? '' : '。答错的题可以点“再试一次”'}`;
      progress.dataset.done = String(done);
    }
    if (done && !sent && Number.isInteger(moduleIndex)) {
      sent = true;
      check.dataset.answered = 'true';
      sendToShell({ type: 'check-answered', moduleIndex });
    }
  });
  check.addEventListener('quiz-retried', (event) => {
    const { itemId } = event.detail;
    const next = retry(state, itemId);
    state = next.state;
    if (next.show === itemId) return;
    const from = check.querySelector<HTMLElement>(`.knowledge-check__variant[data-variant-id="${CSS.escape(itemId)}"]`);
    const to = check.querySelector<HTMLElement>(`.knowledge-check__variant[data-variant-id="${CSS.escape(next.show)}"]`);
    if (!from || !to) return;
    from.hidden = true;
    to.hidden = false;
    if (progress) progress.textContent = `已答对 ${masteredCount(state)}/${state.length} 题。已换成同一规范的另一道题。`;
    to.querySelector<HTMLElement>('.quiz__input, .quiz__select, .quiz__move:not(:disabled)')?.focus();
  });
}
