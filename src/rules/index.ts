import { appearanceRules } from './01-appearance.ts';
import { receptionRules } from './02-reception.ts';
import { telephoneRules } from './03-telephone.ts';
import { conductRules } from './04-conduct.ts';
import { languageRules } from './05-language.ts';
import { facilitiesRules } from './06-facilities.ts';
import { efficiencyRules } from './07-efficiency.ts';
import { SectionSchema } from './schema.ts';
import type { Rule, Section } from './schema.ts';

export type { Rule, RuleNumber, Section } from './schema.ts';
export { RULE_ID_PATTERN } from './schema.ts';

/** The seven sections of the standard, one lesson module each, in the standard's order. */
export const sections: readonly Section[] = Object.freeze(
  [
    { number: 1, module: '01-appearance', slug: 'appearance', title: '仪容仪表规范' },
    { number: 2, module: '02-reception', slug: 'reception', title: '接待礼仪规范' },
    { number: 3, module: '03-telephone', slug: 'telephone', title: '接打电话规范' },
    { number: 4, module: '04-conduct', slug: 'conduct', title: '工作人员行为规范' },
    { number: 5, module: '05-language', slug: 'language', title: '文明服务用语规范' },
    { number: 6, module: '06-facilities', slug: 'facilities', title: '服务设施规范' },
    { number: 7, module: '07-efficiency', slug: 'efficiency', title: '效能建设规范' },
  ].map((s) => Object.freeze(SectionSchema.parse(s))),
);

/** Module ids (`01-appearance` …), in order. */
export const moduleIds: readonly string[] = sections.map((s) => s.module);

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
