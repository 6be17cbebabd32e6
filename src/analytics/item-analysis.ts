import type { ItemMap } from './item-map.ts';
import { distractorMode, responseLabel } from './labels.ts';
import type { OptionTexts } from './option-texts.ts';
import { THRESHOLDS } from './report-model.ts';
import type { DistractorTable, ItemRow } from './report-model.ts';
import { codesOf } from './responses.ts';
import { difficulty, discriminationIndex, fisherUpper, kr20, pearsonFromSums, populationVariance, wilson } from './stats.ts';
import type { PairSums } from './stats.ts';

/** Classical item analysis from the sums of pass 2: difficulty, discrimination, flags, distractors, KR-20. */

/** One item's sums over pass 2. */
export interface ItemState {
  n: number;
  right: number;
  rest: PairSums;
  upperN: number;
  upperRight: number;
  lowerN: number;
  lowerRight: number;
  /** Responses in attempts counted for KR-20. */
  krN: number;
  responses: Map<string, { count: number; upper: number; lower: number; sumScore: number }>;
}

/** Item rows, hardest first; flags only at n ≥ THRESHOLDS.minItemN. */
export function itemRowsOf(items: ReadonlyMap<string, ItemState>, itemMap: ItemMap): ItemRow[] {
  const itemRows: ItemRow[] = [...items.entries()].map(([id, s]) => {
    const item = itemMap.items.get(id)!;
    const p = difficulty(s.right, s.n);
    const interval = wilson(s.right, s.n);
    const rpb = pearsonFromSums(s.rest);
    const d = discriminationIndex(s.upperRight, s.upperN, s.lowerRight, s.lowerN);
    const judged = s.n >= THRESHOLDS.minItemN;
    const flags: ItemRow['flags'] = [];
    const signals: ItemRow['signals'] = [];
    if (judged && p !== null && p > THRESHOLDS.tooEasy) flags.push('too-easy');
    if (judged && p !== null && p < THRESHOLDS.tooHard) flags.push('too-hard');
    if (judged && ((rpb !== null && rpb < 0) || (d !== null && d < 0))) flags.push('negative');
    else if (judged && rpb !== null && rpb < THRESHOLDS.lowDiscrimination) flags.push('low-discrimination');
    // Below the line an item is not judged, but a result the 95 % interval already confirms is shown as a signal.
    if (!judged && interval && interval.high < 0.5) signals.push('likely-hard');
    if (!judged && interval && interval.low > THRESHOLDS.tooEasy) signals.push('likely-easy');
    if (!judged && rpb !== null && fisherUpper(rpb, s.rest.n) < 0) signals.push('likely-negative');
    return {
      id, module: item.module, type: item.type, question: item.question, correct: item.correct, rules: [...item.rules],
      n: s.n, right: s.right, p, pLow: interval?.low ?? null, pHigh: interval?.high ?? null, rpb, d, upperN: s.upperN, lowerN: s.lowerN,
      judged, flags, signals,
    };
  });
  itemRows.sort((a, b) => (a.p ?? 1) - (b.p ?? 1) || b.n - a.n || a.id.localeCompare(b.id));
  return itemRows;
}

/** The response table of every item someone got wrong. `keys`: each item's key as the export gave it. */
export function distractorTables(
  itemRows: readonly ItemRow[],
  items: ReadonlyMap<string, ItemState>,
  itemMap: ItemMap,
  keys: ReadonlyMap<string, { key: string }>,
  optionTexts: OptionTexts | undefined,
): DistractorTable[] {
  return itemRows
    .filter((row) => row.right < row.n)
    .map((row) => {
      const item = itemMap.items.get(row.id)!;
      const s = items.get(row.id)!;
      const key = keys.get(row.id)?.key ?? '';
      const mode = distractorMode(item.type);
      const keyCodes = new Set(mode === 'mark' ? codesOf(key) : [key]);
      // The key is listed even when nobody chose it: "0 chose the right answer" is the finding.
      const entries = new Map(s.responses);
      for (const code of keyCodes) if (code && !entries.has(code)) entries.set(code, { count: 0, upper: 0, lower: 0, sumScore: 0 });
      const rowsOut = [...entries.entries()]
        .map(([code, e]) => ({
          code,
          label: responseLabel(item, code, key, optionTexts?.get(row.id)),
          key: keyCodes.has(code),
          count: e.count,
          share: e.count / s.n,
          upper: e.upper,
          lower: e.lower,
          meanScore: e.count ? e.sumScore / e.count : null,
        }))
        .sort((a, b) => Number(b.key) - Number(a.key) || b.count - a.count || a.code.localeCompare(b.code));
      return { itemId: row.id, question: item.question, type: item.type, mode, n: s.n, upperN: s.upperN, lowerN: s.lowerN, keyLabel: key, rows: rowsOut };
    });
}

/** KR-20 over the complete forms (attempts of `k` items); `rights`: right answers of each complete attempt. */
export function reliabilityOf(items: ReadonlyMap<string, ItemState>, k: number, rights: readonly number[]): number | null {
  let sumPq = 0;
  for (const [, s] of items) {
    const p = s.right / s.n;
    sumPq += s.krN * p * (1 - p);
  }
  return rights.length >= 2 ? kr20(k, sumPq / rights.length, populationVariance([...rights])) : null;
}
