/**
 * `<quiz-question>`: enhances the markup of Question.astro, in both modes. Responses are the engine's shapes in
 * AUTHORED indexes (src/quizzes/engine/types.ts), whatever order the options are shown in:
 *
 *   single number|null · multiple number[] · truefalse boolean|null · ordering number[] ([] until arranged) ·
 *   matching (number|null)[] · spotting number[]
 *
 * API: `response` (get/set), `applyOrder(order)`, `disabled` (get/set), `itemId`; a bubbling `quiz-change`
 * { itemId, response } on every change by the learner. For practice (quiz-practice.ts, which adds 检查答案 /
 * 再试一次 and the feedback and dispatches `quiz-checked`): `lock()` and `reset()`. Exam pages load only this file,
 * so nothing of the practice feedback reaches them.
 */
import { isIndex, isPermutation } from '../../quizzes/engine/kinds/shared.ts';
import { optionTokens, type QuizMode } from './option-keys.ts';
import { enableStepDrag } from './step-drag.ts';

export interface QuizChangeDetail {
  itemId: string;
  response: unknown;
}

export interface QuizCheckedDetail {
  itemId: string;
  correct: boolean;
  /** Points earned, 0 … 1 (every item is worth 1). */
  score: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'quiz-question': QuizQuestion;
  }
  interface HTMLElementEventMap {
    'quiz-change': CustomEvent<QuizChangeDetail>;
    'quiz-checked': CustomEvent<QuizCheckedDetail>;
    /** 再试一次 was pressed and the question reset (practice); a knowledge check may show a variant instead. */
    'quiz-retried': CustomEvent<{ itemId: string }>;
  }
}

export class QuizQuestion extends HTMLElement {
  #ready = false;
  #type = '';
  #mode: QuizMode = 'practice';
  /** token[authored]; tokens equal authored indexes except in exam mode (option-keys.ts). */
  #tokens: number[] = [];
  /** Ordering: whether the learner (or a restored response) has arranged the steps. */
  #arranged = false;
  /** Ordering: the order shown at load (or set by applyOrder), which reset() returns to. */
  #initialOrder: number[] = [];
  #disabled = false;
  #locked = false;

  get itemId(): string {
    return this.dataset.itemId ?? '';
  }

  connectedCallback(): void {
    if (this.#ready) return;
    this.#ready = true;
    this.#type = this.dataset.type ?? '';
    this.#mode = this.dataset.mode === 'exam' ? 'exam' : 'practice';
    this.#tokens = optionTokens(this.#mode, this.#type, this.itemId, Number(this.dataset.optionCount) || 0);
    this.#initialOrder = this.#displayed();

    this.addEventListener('change', (event) => {
      if ((event.target as Element).closest('.quiz__fieldset')) this.#changed();
    });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('.quiz__move');
      if (button && !button.disabled) this.#move(button, Number(button.dataset.move));
    });
    if (this.#type === 'ordering') this.#enableDrag();
    this.#sync();
  }

  // ─── API ────────────────────────────────────────────────────────────────────────────────────────────────────────

  get response(): unknown {
    switch (this.#type) {
      case 'single': {
        const checked = this.#inputs().find((input) => input.checked);
        return checked ? this.#authored(checked.value) : null;
      }
      case 'truefalse': {
        const checked = this.#inputs().find((input) => input.checked);
        return checked ? checked.value === 'true' : null;
      }
      case 'multiple':
      case 'spotting':
        return this.#inputs()
          .filter((input) => input.checked)
          .map((input) => this.#authored(input.value))
          .sort((a, b) => a - b);
      case 'ordering':
        return this.#arranged ? this.#displayed() : [];
      case 'matching':
        return this.#selects().map((select) => (select.value === '' ? null : this.#authored(select.value)));
      default:
        return null;
    }
  }

  /** Restores the UI from a stored response; anything that does not fit the item shows as unanswered. */
  set response(value: unknown) {
    const count = this.#tokens.length;
    const token = (authored: unknown) => (isIndex(authored, count) ? String(this.#tokens[authored]) : '');
    switch (this.#type) {
      case 'single':
        for (const input of this.#inputs()) input.checked = input.value === token(value);
        break;
      case 'truefalse':
        for (const input of this.#inputs()) input.checked = typeof value === 'boolean' && input.value === String(value);
        break;
      case 'multiple':
      case 'spotting': {
        const marked = new Set(Array.isArray(value) ? value.map(token) : []);
        for (const input of this.#inputs()) input.checked = marked.has(input.value);
        break;
      }
      case 'ordering':
        if (isPermutation(value, count)) {
          this.#reorder(value);
          this.#arranged = true;
        } else {
          this.#arranged = false;
        }
        break;
      case 'matching':
        this.#selects().forEach((select, left) => {
          select.value = token(Array.isArray(value) ? value[left] : null);
        });
        break;
    }
    this.#sync();
  }

  /**
   * Shows the options in this order: a permutation of authored indexes, e.g. `optionOrder(item, seed)`. For ordering
   * items it sets the initial order (the response stays [] until the learner arranges the steps).
   */
  applyOrder(order: readonly number[]): void {
    if (!isPermutation(order, this.#tokens.length)) {
      throw new RangeError(`quiz-question ${this.itemId}: applyOrder needs a permutation of 0…${this.#tokens.length - 1}`);
    }
    this.#reorder(order);
    if (this.#type === 'ordering') {
      this.#arranged = false;
      this.#initialOrder = [...order];
    }
    this.#sync();
  }

  get disabled(): boolean {
    return this.#disabled;
  }

  set disabled(value: boolean) {
    this.#disabled = Boolean(value);
    this.#sync();
  }

  // ─── DOM helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

  #inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('.quiz__input')];
  }

  #selects(): HTMLSelectElement[] {
    return [...this.querySelectorAll<HTMLSelectElement>('.quiz__select')];
  }

  #steps(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.quiz__step')];
  }

  #authored(token: string | undefined): number {
    return this.#tokens.indexOf(Number(token));
  }

  /** Authored indexes in display order (the option rows, or the targets of the first select). */
  #displayed(): number[] {
    const holders =
      this.#type === 'matching'
        ? this.querySelectorAll<HTMLElement>('.quiz__select option[data-option]')
        : this.querySelectorAll<HTMLElement>('[data-options] > [data-option]');
    const order = [...holders].map((el) => this.#authored(el.dataset.option));
    return this.#type === 'matching' ? order.slice(0, this.#tokens.length) : order;
  }

  #reorder(order: readonly number[]): void {
    const place = (parent: Element) => {
      for (const authored of order) {
        const child = parent.querySelector(`:scope > [data-option="${this.#tokens[authored]}"]`);
        if (child) parent.append(child);
      }
    };
    if (this.#type === 'matching') {
      for (const select of this.#selects()) {
        const value = select.value;
        place(select);
        select.value = value;
      }
    } else {
      const list = this.querySelector('[data-options]');
      if (list) place(list);
    }
  }

  /** Enables or disables every control from the state: disabled by the page, or locked after a practice check. */
  #sync(): void {
    const locked = this.#disabled || this.#locked;
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.quiz__input, .quiz__select')) {
      control.disabled = locked;
    }
    const steps = this.#steps();
    steps.forEach((step, index) => {
      step.draggable = !locked;
      const [up, down] = step.querySelectorAll<HTMLButtonElement>('.quiz__move');
      if (up) up.disabled = locked || index === 0;
      if (down) down.disabled = locked || index === steps.length - 1;
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = this.#disabled;
  }

  #changed(): void {
    const detail: QuizChangeDetail = { itemId: this.itemId, response: this.response };
    this.dispatchEvent(new CustomEvent('quiz-change', { bubbles: true, detail }));
  }

  #announce(text: string): void {
    const status = this.querySelector('.quiz__status');
    if (status) status.textContent = text;
  }

  // ─── ordering ────────────────────────────────────────────────────────────────────────────────────────────────────

  #move(button: HTMLButtonElement, delta: number): void {
    const step = button.closest<HTMLElement>('.quiz__step');
    const neighbour = delta < 0 ? step?.previousElementSibling : step?.nextElementSibling;
    if (!step || !neighbour) return;
    // Move the neighbour, not the step holding the focused button, so focus stays where it is.
    if (delta < 0) step.after(neighbour);
    else step.before(neighbour);
    this.#arranged = true;
    this.#sync();
    // At the top or bottom the pressed button is now disabled: keep the focus on the step's other button.
    const other = step.querySelector<HTMLButtonElement>(`.quiz__move[data-move="${-delta}"]`);
    (button.disabled ? other : button)?.focus();
    const position = this.#steps().indexOf(step) + 1;
    const text = step.querySelector('.quiz__step-text')?.textContent?.trim() ?? '';
    this.#announce(`“${text}”已移到第 ${position} 步`);
    this.#changed();
  }

  #enableDrag(): void {
    const list = this.querySelector<HTMLElement>('.quiz__steps');
    if (!list) return;
    enableStepDrag(list, () => {
      this.#arranged = true;
      this.#sync();
      this.#changed();
    });
  }

  // ─── practice support (quiz-practice.ts) ─────────────────────────────────────────────────────────────────────────

  /** Locks the controls after a practice check, or unlocks them (apart from `disabled`, which belongs to the page). */
  lock(locked: boolean): void {
    this.#locked = locked;
    this.#sync();
  }

  /** Clears the response: nothing marked or chosen, ordering steps back in the order shown at load. */
  reset(): void {
    for (const input of this.#inputs()) input.checked = false;
    for (const select of this.#selects()) select.value = '';
    if (this.#type === 'ordering') {
      this.#reorder(this.#initialOrder);
      this.#arranged = false;
    }
    this.#sync();
    this.#changed();
  }
}

if (!customElements.get('quiz-question')) customElements.define('quiz-question', QuizQuestion);
