import { $shell, sendToShell } from '../../bridge/page-client.ts';
import { markTryReplyDone, mergeTryReplies, tryReplySegmentKey, decodeTryReplies } from './try-reply-segment.ts';

/**
 * `<try-reply>`: enhances the markup of src/components/lesson/TryReply.astro. Without script the model answer is simply
 * shown; with it, the answer waits until the learner has written a reply and asks for it (the point of the exercise is
 * to answer first). Revealing marks the prompt done: the page sends the `tr` segment to the shell (page → shell
 * `segment` message). The reply and the ticks never leave the page: self-assessment, not scored, not reported.
 * The lesson layout's script has already connected to the shell.
 */
const lessonIndex = Number(document.body.dataset.moduleIndex);
/** The lessons the segment covers: one digit each (the shell's snapshot says how many modules there are). */
const lessonCount = () => $shell.get()?.moduleStatuses.length ?? 7;
/** Bits of this lesson done on this page before the shell's snapshot arrived (merged in when it does). */
let pending = '';

function save(value: string): void {
  if (!Number.isInteger(lessonIndex)) return;
  pending = mergeTryReplies(pending, value, lessonCount());
  const saved = $shell.get()?.segments[tryReplySegmentKey];
  const merged = mergeTryReplies(pending, saved, lessonCount());
  if ($shell.get() && merged !== saved) sendToShell({ type: 'segment', key: tryReplySegmentKey, value: merged });
}

class TryReply extends HTMLElement {
  #index = 0;
  #wired = false;

  connectedCallback(): void {
    if (this.#wired) return;
    this.#wired = true;
    this.#index = Number(this.dataset.promptIndex ?? 0);
    const reply = this.querySelector<HTMLTextAreaElement>('textarea')!;
    const button = this.querySelector<HTMLButtonElement>('[data-action="reveal"]')!;
    const answer = this.querySelector<HTMLElement>('[data-answer]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const tally = this.querySelector<HTMLElement>('[data-tally]')!;
    const points = [...this.querySelectorAll<HTMLInputElement>('[data-point]')];
    answer.hidden = true;
    button.hidden = false;

    button.addEventListener('click', () => {
      if (reply.value.trim() === '') {
        status.textContent = '请先在上面写下您会怎么说，再对照参考答案。';
        reply.focus();
        return;
      }
      answer.hidden = false;
      button.hidden = true;
      reply.readOnly = true;
      status.textContent = '参考答案已显示在下面。请对照要点，勾选您的回答里已经有的。';
      this.markDone();
      answer.querySelector<HTMLElement>('.try-reply__answer-head')?.setAttribute('tabindex', '-1');
      answer.querySelector<HTMLElement>('.try-reply__answer-head')?.focus();
    });
    const count = () => {
      const ticked = points.filter((point) => point.checked).length;
      tally.textContent =
        ticked === points.length
          ? `您的回答包含了全部 ${points.length} 个要点。`
          : `您的回答包含了 ${ticked}/${points.length} 个要点。没勾上的，下次遇到时记得说到。`;
    };
    for (const point of points) point.addEventListener('change', count);
  }

  markDone(): void {
    this.querySelector<HTMLElement>('[data-done-label]')!.hidden = false;
    this.dataset.done = 'true';
    save(markTryReplyDone('', lessonCount(), lessonIndex, this.#index));
  }

  /** Shows prompts done in an earlier session as done (the answer stays hidden until asked for again). */
  showSaved(masks: number[]): void {
    const done = ((masks[lessonIndex] ?? 0) >> this.#index) & 1;
    if (done) {
      this.querySelector<HTMLElement>('[data-done-label]')!.hidden = false;
      this.dataset.done = 'true';
    }
  }
}

if (!customElements.get('try-reply')) customElements.define('try-reply', TryReply);

$shell.subscribe((snapshot) => {
  if (!snapshot) return;
  const saved = snapshot.segments[tryReplySegmentKey];
  const masks = decodeTryReplies(mergeTryReplies(pending, saved, lessonCount()), lessonCount());
  for (const element of document.querySelectorAll<TryReply>('try-reply')) element.showSaved(masks);
  // Bits done before the shell answered: send them now (once: the next snapshot carries them).
  if (pending && mergeTryReplies(pending, saved, lessonCount()) !== (saved ?? '')) save('');
});
