/**
 * The seven sections of the standard (一 … 七), one lesson module each: the one list every other part derives
 * from — the rule catalog, item and role-play schemas, course.config.yaml's quotas, the lesson outline, the SCORM
 * objectives (`m` + module id) and the tests.
 */
export const sectionList = [
  { number: 1, module: '01-appearance', slug: 'appearance', title: '仪容仪表规范' },
  { number: 2, module: '02-reception', slug: 'reception', title: '接待礼仪规范' },
  { number: 3, module: '03-telephone', slug: 'telephone', title: '接打电话规范' },
  { number: 4, module: '04-conduct', slug: 'conduct', title: '工作人员行为规范' },
  { number: 5, module: '05-language', slug: 'language', title: '文明服务用语规范' },
  { number: 6, module: '06-facilities', slug: 'facilities', title: '服务设施规范' },
  { number: 7, module: '07-efficiency', slug: 'efficiency', title: '效能建设规范' },
] as const;

/** A module id, e.g. `03-telephone`: the lesson file stem, the bank file stem. */
export type ModuleId = (typeof sectionList)[number]['module'];

/** Module ids in course order, as a non-empty tuple (what z.enum takes). */
export const MODULE_IDS = sectionList.map((section) => section.module) as unknown as readonly [ModuleId, ...ModuleId[]];

export { objectiveIdOf } from './objective-id.ts';
