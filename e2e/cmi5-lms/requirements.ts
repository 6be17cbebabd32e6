// The cmi5 requirement list as published by ADL's CATAPULT project (npm @cmi5/requirements, Apache-2.0):
// id → { txt }. The test LMS names these ids when it rejects a request, so a failing journey says which rule of
// the specification the AU broke.
import { createRequire } from 'node:module';

export type RequirementId = string;

const list = createRequire(import.meta.url)('@cmi5/requirements') as Record<string, { txt: string }>;

/** The text of a requirement; throws on an id the package does not have, so a typo in a rule fails its unit test. */
export function requirementText(id: RequirementId): string {
  const entry = list[id];
  if (!entry) throw new Error(`unknown cmi5 requirement id: ${id}`);
  return entry.txt;
}

export function hasRequirement(id: RequirementId): boolean {
  return Object.hasOwn(list, id);
}

export const requirementCount = Object.keys(list).length;
