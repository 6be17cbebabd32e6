import type { CourseConfig } from './schema.ts';

/** Which course a launch page belongs to: the full course, or the annual refresher exam (its own LMS course). */
export type CourseMode = 'course' | 'refresher';

/**
 * Identifier and title per package. The refresher gets its own identifier and title per edition
 * (`yks-service-conduct-refresher-2027`, 2027 年度复训考试), so the LMS treats each year's refresher as a new course.
 */
export function courseIdentity(config: CourseConfig, mode: CourseMode): { identifier: string; title: string } {
  const { identifier, title } = config.course;
  return mode === 'course'
    ? { identifier, title }
    : { identifier: `${identifier}-refresher-${config.edition}`, title: `${config.edition} 年度复训考试` };
}
