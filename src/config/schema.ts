import { z } from 'zod';

/**
 * The one configuration file HR and authors edit: `course.config.yaml`.
 * Each field carries a JSDoc line so editors show it as a hint.
 */

/** Which SCORM editions `npm run package` writes. */
export const PackageKindSchema = z.enum(['scorm12', 'scorm2004']);
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

export const CourseConfigSchema = z.strictObject({
  /** What the course is. */
  course: CourseInfoSchema,
  /** SCORM packages to build; at least one. */
  packages: z.array(PackageKindSchema).min(1).refine((kinds) => new Set(kinds).size === kinds.length, '不能重复'),
});
export type CourseConfig = z.infer<typeof CourseConfigSchema>;
