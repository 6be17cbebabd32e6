/**
 * The `tr` suspend-data segment: which 你会怎么说？ prompts (<TryReply>) the learner has done. Only the fact is kept —
 * never the learner's words or ticks (issue 12: "nothing sent to the LMS but the fact that it was done") — as one
 * base-36 digit per lesson, in course order: bit n set = the lesson's prompt n (0-based, in page order) was done.
 * Five bits per digit, so a lesson may hold up to five prompts; the whole segment is at most seven characters.
 *
 *   tr=3010000   lesson 1: prompts 0 and 1 done; lesson 3: prompt 0 done
 */
export const tryReplySegmentKey = 'tr';
/** Prompts per lesson the segment can record (one base-36 digit holds five bits). */
export const maxPromptsPerLesson = 5;

/** The bitmask per lesson, from the segment (missing, short or foreign characters count as "nothing done"). */
export function decodeTryReplies(value: string | undefined, lessonCount: number): number[] {
  return Array.from({ length: lessonCount }, (_, index) => {
    const digit = parseInt(value?.[index] ?? '0', 36);
    return Number.isInteger(digit) && digit >= 0 && digit < 32 ? digit : 0;
  });
}

export function encodeTryReplies(masks: readonly number[]): string {
  return masks.map((mask) => (mask & 0x1f).toString(36)).join('');
}

/** The segment with one more prompt marked done (other lessons' bits are kept). */
export function markTryReplyDone(value: string | undefined, lessonCount: number, lesson: number, prompt: number): string {
  const masks = decodeTryReplies(value, lessonCount);
  if (lesson >= 0 && lesson < lessonCount && prompt >= 0 && prompt < maxPromptsPerLesson) masks[lesson]! |= 1 << prompt;
  return encodeTryReplies(masks);
}

/** Union of two segments' bits (what this page knows plus what the shell last saved). */
export function mergeTryReplies(a: string | undefined, b: string | undefined, lessonCount: number): string {
  const left = decodeTryReplies(a, lessonCount);
  const right = decodeTryReplies(b, lessonCount);
  return encodeTryReplies(left.map((mask, index) => mask | (right[index] ?? 0)));
}
