import { z } from 'zod';
import { MODULE_IDS } from '../rules/sections.ts';

/**
 * The one configuration file HR and authors edit: `course.config.yaml`.
 * Each field carries a JSDoc line so editors show it as a hint.
 */

/** Which SCORM editions `npm run package` writes. */
export const PackageKindSchema = z.enum(['scorm12', 'scorm2004', 'cmi5']);
export type PackageKind = z.infer<typeof PackageKindSchema>;

export const CourseInfoSchema = z.strictObject({
  /** ASCII identifier; becomes the manifest identifier and the zip name. The LMS keys its records by it. */
  identifier: z
    .string()
    .regex(/^[a-z][a-z0-9-]{2,47}$/, '只能用小写英文字母、数字和连字符，以字母开头，3–48 个字符'),
  /** Course title shown in the LMS catalogue and on the course home screen. */
  title: z.string().trim().min(2).max(60),
  /** One sentence on what the course is for, shown on the home screen. */
  purpose: z.string().trim().min(2).max(200),
  /** Content version (semver). Bump it when lessons or items change. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, '应为 主.次.修订 形式，例如 1.0.0'),
});
export type CourseInfo = z.infer<typeof CourseInfoSchema>;


/** When the learner may see each question's right answer and explanation after submitting the exam. */
export const ReviewPolicySchema = z.enum(['after-pass', 'always', 'never']);

export const ExamSettingsSchema = z
  .strictObject({
    /** Pass mark in percent (0–100). Default 80. */
    passMark: z.number().int().min(1).max(100).default(80),
    /** Questions per exam attempt. Default 20. */
    size: z.number().int().min(5).max(60).default(20),
    /** Optional questions per module (module id → count); they must add up to `size`. Without it the draw spreads evenly. */
    quotas: z.partialRecord(z.enum(MODULE_IDS, { error: `应为单元编号之一：${MODULE_IDS.join('、')}` }), z.number().int().min(0)).optional(),
    /** Attempts allowed (1–10). Default 3. */
    attempts: z.number().int().min(1).max(10).default(3),
    /** Time limit in minutes; 0 means no limit. */
    timeLimitMinutes: z.number().int().min(0).max(240).default(0),
    /** Whether the exam unlocks only after all seven modules are completed. */
    requireAllModules: z.boolean().default(true),
    /** Review of answers after submitting: after-pass, always, or never. */
    review: ReviewPolicySchema.default('after-pass'),
    /**
     * Required topics (tag on items → fewest questions carrying it in every exam and refresher draw). Default
     * `{ incomplete-materials: 1 }`: the course exists for that case (issue 11). `{}` requires nothing.
     */
    require: z
      // Keys are checked in superRefine below: zod reports a bad record key only as "Invalid key in record".
      .record(z.string(), z.number().int('应为整数').min(0, '不能小于 0'))
      .default({ 'incomplete-materials': 1 }),
  })
  .superRefine((exam, context) => {
    for (const [tag, count] of Object.entries(exam.require)) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag)) {
        context.addIssue({ code: 'custom', path: ['require', tag], message: '标签只能用小写英文字母、数字和连字符，例如 incomplete-materials' });
      }
      if (count > exam.size) {
        context.addIssue({ code: 'custom', path: ['require', tag], message: `要求 ${count} 题，超过了每次考试的题数 size（${exam.size}）` });
      }
    }
    if (!exam.quotas) return;
    const total = Object.values(exam.quotas).reduce((sum, count) => sum + count, 0);
    if (total !== exam.size) {
      context.addIssue({ code: 'custom', path: ['quotas'], message: `各单元题数之和为 ${total}，应等于 size（${exam.size}）` });
    }
  });
export type ExamSettings = z.infer<typeof ExamSettingsSchema>;

export const PackagesSchema = z.strictObject({
  /** The full course (lessons, practice, certification exam): scorm12 and/or scorm2004. */
  course: z.array(PackageKindSchema).refine((kinds) => new Set(kinds).size === kinds.length, '不能重复'),
  /** The annual refresher exam as its own course: scorm12 and/or scorm2004, or [] for none. */
  refresher: z.array(PackageKindSchema).refine((kinds) => new Set(kinds).size === kinds.length, '不能重复'),
});

export const CourseConfigSchema = z
  .strictObject({
    /** What the course is. */
    course: CourseInfoSchema,
    /** The year of this edition, e.g. 2027: it seeds the exam draw and names the refresher package. */
    edition: z.number().int().min(2000).max(2100),
    /** The certification exam. */
    exam: ExamSettingsSchema,
    /** Which SCORM packages `npm run package` writes. */
    packages: PackagesSchema,
  })
  .refine((config) => config.packages.course.length + config.packages.refresher.length > 0, {
    path: ['packages'],
    message: '至少要生成一个课件包',
  });
export type CourseConfig = z.infer<typeof CourseConfigSchema>;
