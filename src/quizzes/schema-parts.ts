/**
 * The pieces the item and role-play schemas share: ids, learner-facing text, options, and the checks that every
 * option, step or choice list gets (distinct texts, the SCORM 1.2 option limit). Build-time only (zod).
 */
import { z } from 'zod';
import { RULE_ID_PATTERN } from '../rules/schema.ts';
import { MODULE_IDS } from '../rules/sections.ts';

/** The seven course modules, one per section of the standard, in course order (src/rules/sections.ts). */
export { MODULE_IDS };

/** SCORM 1.2 single-character option references `0-9a-z` (RTE 3.4.2) allow at most 36 options per item. */
export const MAX_OPTIONS = 36;

/** Item, role-play and node ids: short lowercase ASCII, safe as SCORM interaction ids and in suspend_data. */
export const ITEM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,39}$/;

/**
 * Rule ids point into the standard's rule catalogue (`src/rules/`, which owns the pattern): `s` + section number
 * (1–7), then the numbering inside the section, e.g. `s3-2` (三、接打电话规范 › 二) or `s2-a1-3` (二 › 第一条 › 3).
 */
export { RULE_ID_PATTERN };

export const ModuleIdSchema = z.enum(MODULE_IDS);
export type ModuleId = z.infer<typeof ModuleIdSchema>;

export const RuleIdSchema = z
  .string()
  .regex(RULE_ID_PATTERN, 'rule id must look like s3-2 or s2-a1-3 (s + section 1–7, then its numbering)');
export type RuleId = z.infer<typeof RuleIdSchema>;

export const ItemIdSchema = z
  .string()
  .regex(ITEM_ID_PATTERN, 'id must be 3–40 characters of a-z, 0-9 and "-", starting with a letter or digit');

/** Learner-facing zh-CN text. Surrounding whitespace (e.g. the newline a YAML `|` block leaves) is trimmed. */
export const TextSchema = z.string().trim().min(1, 'must not be empty');

/** Texts are compared after trimming and collapsing whitespace, so "您好 " and "您好" count as the same option. */
export function comparableText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export type Issue = { message: string; path: (string | number)[] };
export type IssueSink = { addIssue(issue: { code: 'custom' } & Issue): void };

/** Adds a custom issue at `path` (relative to the object being refined). */
export function issue(ctx: IssueSink, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

type Entry = { text: string; path: (string | number)[]; label: string };

/**
 * The entries `checkDistinct` compares for a list field: `list[i][key]` at path `[field, i, key]`, labelled
 * `field[i]` (or `field[i].key` for a key other than `text`).
 */
export function entriesOf<K extends string>(field: string, list: readonly Record<K, string>[], key: K): Entry[] {
  return list.map((entry, i) => ({
    text: entry[key],
    path: [field, i, key],
    label: key === 'text' ? `${field}[${i}]` : `${field}[${i}].${key}`,
  }));
}

/** Reports every text that repeats an earlier one; `label` names the earlier one in the message. */
export function checkDistinct(
  ctx: IssueSink,
  entries: Entry[],
  what: string,
): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const key = comparableText(entry.text);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // The case authors hit most: a correct answer pasted again as a distractor.
      const why =
        entry.path[0] === 'distractors' && earlier.includes('answer')
          ? ' (a correct answer must not also be a distractor)'
          : '';
      issue(ctx, entry.path, `${what} repeats ${earlier}${why}`);
    } else {
      seen.set(key, entry.label);
    }
  }
}

export function checkMaxOptions(ctx: IssueSink, count: number, path: (string | number)[], what: string): void {
  if (count > MAX_OPTIONS) {
    issue(ctx, path, `${count} ${what}; at most ${MAX_OPTIONS} (SCORM 1.2 answers are single characters 0-9a-z)`);
  }
}

export const OptionSchema = z.strictObject({
  /** What the learner sees as the option (zh-CN). */
  text: TextSchema,
  /** Why this option is right or wrong, citing the rule (e.g. “按第三部分第二条，铃响三声内接听”). Shown after answering. */
  feedback: TextSchema,
});
export type Option = z.infer<typeof OptionSchema>;

