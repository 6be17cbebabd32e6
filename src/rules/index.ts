import { appearanceRules } from './01-appearance.ts';
import { receptionRules } from './02-reception.ts';
import { telephoneRules } from './03-telephone.ts';
import { conductRules } from './04-conduct.ts';
import { languageRules } from './05-language.ts';
import { facilitiesRules } from './06-facilities.ts';
import { efficiencyRules } from './07-efficiency.ts';
import { SectionSchema } from './schema.ts';
import { MODULE_IDS, sectionList } from './sections.ts';
import type { Rule, Section } from './schema.ts';

export type { Rule, RuleNumber, Section } from './schema.ts';
export { RULE_ID_PATTERN } from './schema.ts';

/** The seven sections of the standard, one lesson module each, in the standard's order (src/rules/sections.ts). */
export const sections: readonly Section[] = Object.freeze(sectionList.map((s) => Object.freeze(SectionSchema.parse(s))));

/** Module ids (`01-appearance` …), in order. */
export const moduleIds: readonly string[] = MODULE_IDS;

/** Every rule of the standard, in the standard's order. */
export const rules: readonly Rule[] = Object.freeze([
  ...appearanceRules,
  ...receptionRules,
  ...telephoneRules,
  ...conductRules,
  ...languageRules,
  ...facilitiesRules,
  ...efficiencyRules,
]);

const byId = new Map<string, Rule>();
for (const rule of rules) {
  if (byId.has(rule.id)) throw new Error(`rules: duplicate rule id ${rule.id}`);
  byId.set(rule.id, rule);
}

/** The rule with this id, or `undefined`. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** The rule with this id; throws naming the id when it is unknown (for build-time lookups). */
export function requireRule(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule id "${id}" (see src/rules/index.ts for the catalog)`);
  return rule;
}

/** The rules of one section (1–7), in order. */
export function rulesBySection(n: number): readonly Rule[] {
  return rules.filter((r) => r.section === n);
}

/** The section with this number (1–7) or module id (`01-appearance`), or `undefined`. */
export function sectionOf(key: number | string): Section | undefined {
  return sections.find((s) => s.number === key || s.module === key);
}
