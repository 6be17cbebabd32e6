import { z } from 'zod';
import { MODULE_IDS } from './sections.ts';

/**
 * One rule of 牙克石市社会局服务行为规范 as data. Lessons anchor each rule once (`<Rule id>`), quizzes cite
 * rules by id, so ids are stable, ASCII (SCORM 1.2 interaction ids must be ASCII) and never reused.
 */

/** Id scheme: `s<section>-<part>[-<item>]`, e.g. `s2-a1-3` = section 2, 第一条, item 3. */
export const RULE_ID_PATTERN = /^s[1-7](-[a-z0-9]+)+$/;

/** A number the standard states (e.g. 45 degrees, three rings), kept so tests and quizzes can check it. */
export const RuleNumberSchema = z.object({
  /** The value as written in the standard. */
  value: z.number(),
  /** Unit in Chinese, e.g. 度, 声. */
  unit: z.string().min(1),
  /** What the number measures, in Chinese, e.g. 脚尖分开角度. */
  label: z.string().min(1),
});
export type RuleNumber = z.infer<typeof RuleNumberSchema>;

export const RuleSchema = z.object({
  /** Stable ASCII id, `^s[1-7](-[a-z0-9]+)+$`; its first digit must equal `section`. */
  id: z.string().regex(RULE_ID_PATTERN),
  /** Section (一 … 七) of the standard, 1–7. */
  section: z.number().int().min(1).max(7),
  /** The sub-heading the rule sits under (仪表规范, 第一条 待人接物 …); the section title when there is none. */
  group: z.string().min(1),
  /** Short label, 2–8 characters, used as the rule's heading. */
  title: z.string().min(2).max(8),
  /** The rule in the standard's own words: slips corrected, full-width punctuation. */
  text: z.string().min(1),
  /** Exact phrases the rule prescribes or forbids (without surrounding quotes). */
  phrases: z.array(z.string().min(1)).optional(),
  /** Enumerated elements of the rule (e.g. the four 告知), in the standard's order and words. */
  items: z.array(z.string().min(1)).optional(),
  /** Numbers the rule states. */
  numbers: z.array(RuleNumberSchema).optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** One section of the standard = one lesson module. */
export const SectionSchema = z.object({
  /** Section number 1–7, as 一 … 七 in the standard. */
  number: z.number().int().min(1).max(7),
  /** Module id, also the lesson file name stem: `src/modules/<module>.mdx`. */
  module: z.enum(MODULE_IDS),
  /** ASCII slug, the module id without its number. */
  slug: z.string().regex(/^[a-z]+$/),
  /** Section title exactly as in the standard. */
  title: z.string().min(1),
});
export type Section = z.infer<typeof SectionSchema>;

/**
 * Validates one section's rules when the module loads, so a bad entry fails the build and the tests
 * with the id in the message, not later in a lesson.
 */
export function defineRules(section: number, input: readonly Rule[]): readonly Rule[] {
  return input.map((raw) => {
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`rules: invalid rule ${JSON.stringify(raw.id)}: ${parsed.error.message}`);
    }
    const rule = parsed.data;
    if (rule.section !== section || !rule.id.startsWith(`s${section}-`)) {
      throw new Error(`rules: rule ${rule.id} is filed under section ${section} but says section ${rule.section}`);
    }
    return Object.freeze(rule);
  });
}
