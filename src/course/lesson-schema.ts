import { z } from 'zod';
import { sectionList } from '../rules/sections.ts';

/** Frontmatter of a lesson (src/modules/NN-slug.mdx). The body is prose and components only. */
export const LessonFrontmatterSchema = z.strictObject({
  /** The section's title as in the standard, e.g. 接打电话规范. */
  title: z.string().min(2),
  /** Section number in the standard (1–7); also the lesson's place in the course. */
  section: z.number().int().min(1).max(sectionList.length),
  /** 学习目标: what the learner will be able to do, one sentence each. */
  objectives: z.array(z.string().min(4)).min(2).max(6),
  /** 要点回顾: the points to remember, shown at the end of the lesson. */
  keyPoints: z.array(z.string().min(4)).min(2).max(8),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
