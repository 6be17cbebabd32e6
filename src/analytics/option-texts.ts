import { existsSync } from 'node:fs';
import { describeCorrect } from '../exam/describe.ts';
import { multipleOptions, singleOptions } from '../quizzes/engine/index.ts';
import { loadBank } from '../quizzes/load-bank.ts';
import type { BankItem } from '../quizzes/schema.ts';
import { rules } from '../rules/index.ts';
import type { ItemMap } from './item-map.ts';

/**
 * The text of every option by its SCORM 1.2 code (authored index: `a` = the first option written in the bank,
 * src/scorm/scorm12/responses.ts), so the distractor analysis can say which wrong option attracted whom.
 *
 * The item map only carries the right answer, so the texts come from the bank, and only for an item whose question
 * and right answer in the bank are exactly those of the item map: the bank changes between builds (ids are reused
 * with new texts, options reordered), and a label from another version would put a wrong text on a count. Items
 * that differ keep their codes.
 */
export type OptionTexts = ReadonlyMap<string, readonly string[]>;

/** The item map's question column, as src/exam/item-map.ts writes it. */
function questionOf(item: BankItem): string {
  return `${item.situation ? `${item.situation} ` : ''}${item.prompt}${item.type === 'truefalse' ? ` ${item.statement}` : ''}`;
}

function optionsOf(item: BankItem): string[] | null {
  switch (item.type) {
    case 'single':
      return singleOptions(item).map((o) => o.text);
    case 'multiple':
      return multipleOptions(item).map((o) => o.text);
    case 'spotting':
      return item.lines.map((line) => `${line.speaker}：${line.text}`);
    default:
      return null;
  }
}

export function optionTextsFromBank(items: readonly BankItem[], itemMap: ItemMap): OptionTexts {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const mapped = itemMap.items.get(item.id);
    if (!mapped || mapped.type !== item.type) continue;
    if (mapped.question !== questionOf(item).trim() || mapped.correct !== describeCorrect(item).trim()) continue;
    const options = optionsOf(item);
    if (options) out.set(item.id, options);
  }
  return out;
}

/** Loads the bank from `dir` when it is there and valid; otherwise no texts (the report then shows codes). */
export function loadOptionTexts(dir: string, itemMap: ItemMap): { texts: OptionTexts; note: string } {
  if (!existsSync(dir)) return { texts: new Map(), note: '没有找到题库，干扰项只显示选项代号。' };
  try {
    const bank = loadBank(dir, new Set(rules.map((r) => r.id)));
    const texts = optionTextsFromBank(bank.items, itemMap);
    return {
      texts,
      note: `干扰项的选项文字取自当前题库，只用于题目和正确答案与考题对照表完全一致的 ${texts.size} 道题；其余题目只显示选项代号。`,
    };
  } catch {
    return { texts: new Map(), note: '题库无法读取，干扰项只显示选项代号。' };
  }
}
