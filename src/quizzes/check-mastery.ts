/**
 * Knowledge checks that require mastery (issue 11 point 6): a lesson's check is done when every question has been
 * answered RIGHT, not merely checked. A question answered wrong can be retried with feedback; on retry the learner gets
 * a fresh variant of the same rule from the module's practice pool where one exists, else the same question again.
 *
 * Pure (no DOM): `assignVariants` runs at build time (src/quizzes/bank-data.ts `knowledgeCheckSlots`), the mastery
 * state in the lesson page (src/pages-client/knowledge-check.ts).
 */

/** What variant assignment needs of an item. */
export interface VariantCandidate {
  readonly id: string;
  readonly rules: readonly string[];
}

/** Variants per check question: enough for a second try, few enough to keep each lesson page small. */
export const MAX_VARIANTS = 1;

/**
 * For each check question, the practice items that may replace it on a retry: items of the pool not in the check that
 * share a rule with it. Each pool item goes to at most one question (the one it shares the most rules with; ties to
 * the question with fewer variants, then the earlier one), in authored order, up to `max` per question. Deterministic.
 */
export function assignVariants<T extends VariantCandidate>(
  chosen: readonly T[],
  pool: readonly T[],
  max = MAX_VARIANTS,
): T[][] {
  const variants: T[][] = chosen.map(() => []);
  const inCheck = new Set(chosen.map((item) => item.id));
  for (const candidate of pool) {
    if (inCheck.has(candidate.id)) continue;
    let best = -1;
    let bestShared = 0;
    chosen.forEach((item, slot) => {
      if ((variants[slot]?.length ?? 0) >= max) return;
      const shared = item.rules.filter((rule) => candidate.rules.includes(rule)).length;
      const fewer = best >= 0 && (variants[slot]?.length ?? 0) < (variants[best]?.length ?? 0);
      if (shared > bestShared || (shared === bestShared && shared > 0 && fewer)) {
        best = slot;
        bestShared = shared;
      }
    });
    if (best >= 0) variants[best]?.push(candidate);
  }
  return variants;
}

/** One question of the check: its item and its variants (ids), which one is shown, and whether it was answered right. */
export interface SlotState {
  readonly items: readonly string[];
  readonly shown: number;
  readonly mastered: boolean;
}

export type MasteryState = readonly SlotState[];

export function createMastery(slots: readonly (readonly string[])[]): MasteryState {
  return slots.map((items) => ({ items, shown: 0, mastered: false }));
}

const slotOf = (state: MasteryState, itemId: string) => state.findIndex((slot) => slot.items.includes(itemId));

/** A checked answer: a right one masters the question (for good: practising it again later does not undo that). */
export function recordCheck(state: MasteryState, itemId: string, correct: boolean): MasteryState {
  const index = slotOf(state, itemId);
  if (index === -1 || !correct) return state;
  return state.map((slot, i) => (i === index ? { ...slot, mastered: true } : slot));
}

/**
 * The learner asked to try again. A question not yet mastered moves on to its next variant (cycling back to the first
 * after the last); a mastered one, or one without variants, stays. Returns the new state and the item to show.
 */
export function retry(state: MasteryState, itemId: string): { state: MasteryState; show: string } {
  const index = slotOf(state, itemId);
  const slot = state[index];
  if (!slot || slot.mastered || slot.items.length < 2) return { state, show: itemId };
  const shown = (slot.items.indexOf(itemId) + 1) % slot.items.length;
  return {
    state: state.map((s, i) => (i === index ? { ...s, shown } : s)),
    show: slot.items[shown] ?? itemId,
  };
}

export const masteredCount = (state: MasteryState) => state.filter((slot) => slot.mastered).length;
export const isMastered = (state: MasteryState) => state.length > 0 && state.every((slot) => slot.mastered);
