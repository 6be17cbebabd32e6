import { z } from 'zod';

/** `['distractors', 1, 'feedback']` → `distractors[1].feedback`: how every validation error names a field. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const key of issuePath) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * The one error map for what HR edits (course.config.yaml): zod's own zh-CN messages for everything the schema does
 * not word itself. Authors' bank files keep English field names and messages (src/quizzes/load-bank.ts).
 */
export const hrErrorMap: z.core.$ZodErrorMap = z.locales.zhCN().localeError;
