import { getCollection } from 'astro:content';
import { loadCourseConfig } from '../config/load-config.ts';
import { shortHash } from '../scorm/suspend-data.ts';
import { bankHash, getRoleplays, hasKnowledgeCheck, knowledgeCheckItems, roleplayPage } from '../quizzes/bank-data.ts';
import { ruleById } from '../rules/index.ts';
import { countHan, countTryReplies, examMinutes, lessonReadingChars, lessonTime, type LessonTime } from './time-estimate.ts';
import type { ExamRules } from '../exam/policy.ts';
import { courseIdentity as identityOf, type CourseMode } from '../config/identity.ts';

export type { CourseMode } from '../config/identity.ts';

/** The course's modules in order, built from the lessons' frontmatter (one place: the MDX files). */
export interface ModuleEntry {
  /** File slug, e.g. `03-telephone`; also the SCORM objective id suffix (`m03-telephone`). */
  id: string;
  index: number;
  section: number;
  title: string;
  /** Estimated minutes (reading + activities), computed by src/course/time-estimate.ts from the lesson source. */
  minutes: number;
  /** The estimate's parts: reading and activities. */
  time: LessonTime;
  /** Page path relative to the package root. */
  page: string;
  hasCheck: boolean;
  /** A role-play of this module is `required`: completion needs it to reach an ending. */
  needsRoleplay: boolean;
}

export async function getOutline(): Promise<ModuleEntry[]> {
  const lessons = await getCollection('modules');
  const sorted = lessons.sort((a, b) => a.data.section - b.data.section);
  sorted.forEach((lesson, index) => {
    if (lesson.data.section !== index + 1) {
      throw new Error(`src/modules/${lesson.id}.mdx › section: expected ${index + 1} (one lesson per section, in order)`);
    }
  });
  return sorted.map((lesson, index) => ({
    id: lesson.id,
    index,
    section: lesson.data.section,
    title: lesson.data.title,
    ...timeOf(lesson.id, lesson.body ?? '', lesson.data),
    page: `modules/${lesson.id}.html`,
    // A lesson with at least one practice item has a knowledge check, which completion then requires.
    hasCheck: hasKnowledgeCheck(lesson.id),
    needsRoleplay: getRoleplays().some((rp) => rp.module === lesson.id && rp.required === true),
  }));
}

/** A lesson's time from what it shows and what it asks the learner to do (issue 12, "Honest time"). */
function timeOf(id: string, body: string, data: { title: string; objectives: string[]; keyPoints: string[] }) {
  const shownInHeader = countHan([data.title, ...data.objectives, ...data.keyPoints].join(''));
  const time = lessonTime({
    readingChars: lessonReadingChars(body, (ruleId) => ruleById(ruleId)?.text) + shownInHeader,
    checkItems: knowledgeCheckItems(id).length,
    tryReplies: countTryReplies(body),
    roleplays: getRoleplays().filter((roleplay) => roleplay.module === id).length,
  });
  return { minutes: time.total, time };
}

export const courseConfig = loadCourseConfig();

/** Minutes the certification exam takes: its time limit, or its size × a per-question figure. */
export function examTime(): number {
  return examMinutes(courseConfig.exam.size, courseConfig.exam.timeLimitMinutes);
}

export function examRules(mode: CourseMode): ExamRules {
  const { passMark, attempts, timeLimitMinutes, requireAllModules, review } = courseConfig.exam;
  // The refresher has no lessons to finish first.
  return {
    passMark,
    attempts,
    timeLimitMinutes,
    requireAllModules: mode === 'course' && requireAllModules,
    review,
    kind: mode === 'course' ? 'certification' : 'refresher',
  };
}

export function courseIdentity(mode: CourseMode): { identifier: string; title: string } {
  return identityOf(courseConfig, mode);
}

/** Course pages outside the lessons that a learner may leave from and come back to. */
const activityPages = ['practice.html', 'exam.html', 'certificate.html', 'reference-card.html', 'glossary.html'];

/** What the shell needs to restore state safely: see src/scorm/suspend-data.ts. */
export async function getCourseData(mode: CourseMode) {
  const modules = mode === 'course' ? await getOutline() : [];
  const { identifier, title } = courseIdentity(mode);
  return {
    identifier,
    title,
    edition: courseConfig.edition,
    courseTag: shortHash(identifier),
    contentHash: shortHash(
      // Items and role-plays are in the hash: a saved exam draw or role-play path only fits the content it came from.
      JSON.stringify([courseConfig.course.version, courseConfig.edition, courseConfig.exam, bankHash(), modules.map((m) => [m.id, m.hasCheck, m.needsRoleplay])]),
    ),
    homePage: mode === 'course' ? 'home.html' : 'refresher-home.html',
    modules: modules.map(({ id, title, page, hasCheck, needsRoleplay }) => ({ id, title, page, hasCheck, needsRoleplay })),
    exam: examRules(mode),
    // Pages a learner can be "at" when leaving; a restored location outside this list is ignored.
    coursePages:
      mode === 'course'
        ? [...modules.map((m) => m.page), ...getRoleplays().map(roleplayPage), ...activityPages]
        : ['refresher-home.html', 'exam.html', 'certificate.html'],
  };
}
