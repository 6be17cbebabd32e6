/**
 * Drag and drop for the steps of an ordering item (the ↑/↓ buttons of quiz-question.ts are the keyboard way). Only
 * a step with `draggable` set moves: quiz-question.ts clears it while the question is disabled or locked.
 * `dropped` runs after each completed drag.
 */
export function enableStepDrag(list: HTMLElement, dropped: () => void): void {
  let dragged: HTMLElement | undefined;
  list.addEventListener('dragstart', (event) => {
    const step = (event.target as Element).closest<HTMLElement>('.quiz__step');
    if (!step || !step.draggable) return;
    dragged = step;
    step.classList.add('is-dragging');
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', step.dataset.option ?? '');
    }
  });
  list.addEventListener('dragover', (event) => {
    if (!dragged) return;
    event.preventDefault();
    const over = (event.target as Element).closest<HTMLElement>('.quiz__step');
    if (!over || over === dragged) return;
    const box = over.getBoundingClientRect();
    if (event.clientY < box.top + box.height / 2) over.before(dragged);
    else over.after(dragged);
  });
  list.addEventListener('drop', (event) => event.preventDefault());
  list.addEventListener('dragend', () => {
    if (!dragged) return;
    dragged.classList.remove('is-dragging');
    dragged = undefined;
    dropped();
  });
}
