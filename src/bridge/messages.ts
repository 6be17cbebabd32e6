import type { ExamReport } from '../exam/report.ts';
import type { ExamRules } from '../exam/policy.ts';

/**
 * Messages between the shell (index.html, owns the SCORM session) and the page in its content frame
 * (home, lessons, …). Pages never talk to the LMS; they report what the learner did and receive snapshots.
 */

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed';

/** What a page may show: the learner's progress as the shell knows it. */
export interface ShellSnapshot {
  /** `lms` reports to an LMS; `standalone` keeps progress in this browser only. */
  connection: 'pending' | 'lms' | 'standalone';
  /** Review/browse launches show content without recording anything. */
  recording: boolean;
  /** Which course this is (the full course or the refresher), for the certificate. */
  course: { identifier: string; title: string; edition: number };
  /** The page the shell shows as home (home.html, or refresher-home.html in the refresher). */
  homePage: string;
  /** The exam rules of this course (the refresher does not require the modules). */
  examRules: ExamRules;
  /** From the LMS ('' in standalone mode): seeds the exam draw and the certificate number. */
  learnerId: string;
  /** As the LMS gives it ("Last, First"); pages show it with displayName() and textContent only. */
  learnerName: string;
  moduleStatuses: ModuleStatus[];
  completedCount: number;
  /** Page path relative to the package root where the learner was last, e.g. `modules/03-telephone.html`. */
  location: string;
  /** Feature state segments (exam, role-plays), see src/scorm/suspend-data.ts. */
  segments: Record<string, string>;
}

export type PageToShell =
  /** Sent on every page load; `page` is the page's path relative to the package root. */
  | { type: 'page-ready'; page: string; moduleIndex?: number }
  /** The learner reached the end of a lesson. */
  | { type: 'module-end'; moduleIndex: number }
  /** The learner answered the lesson's knowledge check. */
  | { type: 'check-answered'; moduleIndex: number }
  /** The module's required role-play reached an ending. */
  | { type: 'roleplay-done'; moduleIndex: number }
  /** Store a feature segment (compact ASCII, no `~`). */
  | { type: 'segment'; key: string; value: string }
  /** Ask the shell to show another page. */
  | { type: 'navigate'; page: string }
  /** An exam attempt was submitted: the shell reports it to the LMS (after the `ex` segment is updated). */
  | { type: 'exam-submitted'; report: ExamReport };

export type ShellToPage = { type: 'snapshot'; snapshot: ShellSnapshot };

const messageTag = 'yks-course';

export function wrap<T>(message: T): { tag: typeof messageTag; message: T } {
  return { tag: messageTag, message };
}

export function unwrap<T>(data: unknown): T | undefined {
  if (typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === messageTag) {
    return (data as { message: T }).message;
  }
  return undefined;
}
