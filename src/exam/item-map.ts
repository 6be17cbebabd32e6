import type { BankItem } from '../quizzes/schema.ts';
import { isEligible } from '../quizzes/engine/index.ts';
import { describeCorrect } from './describe.ts';
import { objectiveIdOf } from './report.ts';

/**
 * The item map HR reads LMS interaction reports with: one row per exam-eligible item. An interaction id in the
 * LMS is `a<attempt>-<item id>` (e.g. a2-m03-ring-01), so the item id column finds its row.
 */
const columns = ['item_id', 'lms_interaction_id', 'module', 'objective_id', 'rule_ids', 'type', 'question', 'correct_answer'];

/**
 * One CSV cell. A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice,
 * so it gets a leading apostrophe (OWASP "CSV injection"); quotes, commas and line breaks are quoted per RFC 4180.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function buildItemMap(items: readonly BankItem[], moduleTitles: Readonly<Record<string, string>>): string {
  const rows = items
    .filter((item) => isEligible(item, 'exam'))
    .map((item) => [
      item.id,
      `a<次数>-${item.id}`,
      `${item.module} ${moduleTitles[item.module] ?? ''}`.trim(),
      objectiveIdOf(item.module),
      item.rules.join(' '),
      item.type,
      `${item.situation ? `${item.situation} ` : ''}${item.prompt}${item.type === 'truefalse' ? ` ${item.statement}` : ''}`,
      describeCorrect(item),
    ]);
  // A UTF-8 byte order mark makes spreadsheet programs on zh-CN Windows read the Chinese text correctly.
  return `\uFEFF${[columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
