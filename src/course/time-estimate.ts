/**
 * Honest time (issue 12, "Honest time"): a lesson's minutes come from what the learner does in it, not from a guess in
 * the frontmatter. Reading is timed at a stated rate for Chinese text; every activity adds a fixed figure. Pure
 * functions: src/course/outline.ts feeds them the lesson sources, the home screen and the lesson header show the result,
 * docs/hr-guide.md quotes the model.
 */

/** The figures of the model. Changing one changes every estimate the course shows (and the HR guide quotes them). */
export const timeModel = {
  /** 汉字 per minute for reading instructional text with examples (a common figure for adult readers). */
  readingCharsPerMinute: 300,
  /** A knowledge-check item: read, answer, read the feedback. */
  minutesPerCheckItem: 1,
  /** A 你会怎么说？ prompt (<TryReply>): write a reply, compare it with the model and tick the checklist. */
  minutesPerTryReply: 3,
  /** A role-play linked from the lesson, played once to its debrief. */
  minutesPerRoleplay: 6,
  /** An exam question when the exam has no time limit. */
  minutesPerExamQuestion: 1.5,
} as const;

export type TimeModel = { readonly [K in keyof typeof timeModel]: number };

/** What a learner meets in one lesson. */
export interface LessonActivity {
  /** 汉字 the learner reads (prose, dialogues, the standard's quoted rules, objectives and key points). */
  readingChars: number;
  checkItems: number;
  tryReplies: number;
  roleplays: number;
}

export interface LessonTime {
  /** Reading, rounded up to whole minutes. */
  reading: number;
  /** Activities (checks, prompts, role-plays), whole minutes. */
  practice: number;
  /** reading + practice. */
  total: number;
}

export function lessonTime(activity: LessonActivity, model: TimeModel = timeModel): LessonTime {
  const reading = Math.max(1, Math.ceil(activity.readingChars / model.readingCharsPerMinute));
  const practice = Math.ceil(
    activity.checkItems * model.minutesPerCheckItem +
      activity.tryReplies * model.minutesPerTryReply +
      activity.roleplays * model.minutesPerRoleplay,
  );
  return { reading, practice, total: reading + practice };
}

/** The exam's time: its limit when it has one (course.config.yaml exam.timeLimitMinutes), else size × a per-question figure. */
export function examMinutes(size: number, timeLimitMinutes: number, model: TimeModel = timeModel): number {
  return timeLimitMinutes > 0 ? timeLimitMinutes : Math.ceil(size * model.minutesPerExamQuestion);
}

/** Chinese characters (Han script) in a text: what the reading rate counts. */
export function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The `<Rule id="…">` anchors of a lesson source, whose standard text the page quotes from the catalog. */
export function anchoredRuleIds(source: string): string[] {
  return [...source.matchAll(/<Rule\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** How many 你会怎么说？ prompts a lesson source holds. */
export function countTryReplies(source: string): number {
  return source.match(/<TryReply\b/g)?.length ?? 0;
}

/**
 * The 汉字 a lesson page shows: the MDX source (prose, dialogue lines, titles and attributes — tag names are ASCII)
 * plus the standard's text of every anchored rule, which <Rule> renders from the catalog.
 */
export function lessonReadingChars(source: string, ruleText: (id: string) => string | undefined): number {
  const quoted = anchoredRuleIds(source).reduce((sum, id) => sum + countHan(ruleText(id) ?? ''), 0);
  return countHan(source) + quoted;
}
