import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AnalyticsError } from './errors.ts';

/**
 * Reads the item map the package build writes (src/exam/item-map.ts: `dist/packages/<identifier>-item-map.csv`):
 * item id → module, rule ids, type, question text and right answer. It is what turns an LMS interaction id
 * (`a<attempt>-<item id>`) into something HR can read, and it belongs to one build: an export of another build
 * or edition has item ids this map does not know (the analysis then stops, see analyze.ts).
 */
export interface MappedItem {
  readonly id: string;
  /** `03-telephone`. */
  readonly module: string;
  /** `接打电话规范`, from the map's module column. */
  readonly moduleTitle: string;
  readonly objectiveId: string;
  readonly rules: readonly string[];
  /** single · multiple · truefalse · ordering · matching · spotting */
  readonly type: string;
  readonly question: string;
  /** The right answer as text (multiple/spotting joined by '；', matching 'left → right；…', ordering '… → …'). */
  readonly correct: string;
}

export interface ItemMap {
  readonly file: string;
  readonly items: ReadonlyMap<string, MappedItem>;
}

const REQUIRED = ['item_id', 'module', 'objective_id', 'rule_ids', 'type', 'question', 'correct_answer'] as const;

export function parseItemMap(text: string, file: string): ItemMap {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new AnalyticsError({ file, row: (error as { lines?: number }).lines }, `考题对照表无法解析（${(error as Error).message}）。`);
  }
  const header = rows[0] ?? [];
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) {
    throw new AnalyticsError(
      { file, row: 1 },
      `这不是课程的考题对照表（缺少列 ${missing.join('、')}）。考题对照表由 npm run package 生成：dist/packages/<课程标识>-item-map.csv。`,
    );
  }
  const items = new Map<string, MappedItem>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (name: (typeof REQUIRED)[number]) => (cells[index.get(name)!] ?? '').trim();
    if (cells.length !== header.length) {
      throw new AnalyticsError({ file, row }, `这一行有 ${cells.length} 列，表头有 ${header.length} 列：文件不完整或被改动过。`);
    }
    const id = get('item_id');
    if (!/^[\x21-\x7e]+$/.test(id)) {
      throw new AnalyticsError({ file, row, column: index.get('item_id')! + 1, header: 'item_id' }, `题目编号 “${id}” 无效。`);
    }
    if (items.has(id)) {
      throw new AnalyticsError({ file, row, column: index.get('item_id')! + 1, header: 'item_id' }, `题目编号 ${id} 重复。`);
    }
    const [module = '', ...title] = get('module').split(' ');
    items.set(id, {
      id,
      module,
      moduleTitle: title.join(' '),
      objectiveId: get('objective_id'),
      rules: get('rule_ids').split(/\s+/).filter(Boolean),
      type: get('type'),
      question: get('question'),
      correct: get('correct_answer'),
    });
  });
  if (items.size === 0) throw new AnalyticsError({ file }, '考题对照表里没有题目。');
  return { file, items };
}

export function readItemMap(path: string, file = path): ItemMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AnalyticsError({ file }, `无法读取考题对照表（${(error as NodeJS.ErrnoException).code ?? String(error)}）。`);
  }
  return parseItemMap(text, file);
}
