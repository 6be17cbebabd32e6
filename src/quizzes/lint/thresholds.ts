/**
 * The bank lint's thresholds, in ONE place (issue 11 point 7; the contract given to the content writers is
 * "Bank lint thresholds (issue 11)"). Each says why it is what it is. Lengths are characters of the option text with
 * whitespace removed. "Exam items" = use `exam` or `both`.
 */

/**
 * Key length within ±25 % of the mean distractor length (single items; multiple items compare the mean answer
 * length). Why: a test-wise learner picks the longest (most qualified) option; the shipped bank's keys were often 3–5×
 * longer than every distractor. ±25 % is the usual item-writing tolerance: long enough for a precise reply, too short
 * a gap to be a cue.
 */
export const KEY_LENGTH_TOLERANCE = 0.25;

/**
 * The key is the strictly longest option in at most 1/3 of a module's single items and 25 % of the bank's. Why: with
 * 3–4 options chance alone makes the key the longest in 25–33 % of items; more than that turns "longest" into a
 * winning rule (44 of 50 in the shipped bank). A module gets the looser 1/3 because it has few single items.
 */
export const KEY_LONGEST_MAX_SHARE_MODULE = 1 / 3;
export const KEY_LONGEST_MAX_SHARE_BANK = 0.25;

/**
 * True/false balance in the exam pool: 45–55 % keyed true. Why: 14 of 19 keyed 错 let "always 错" score 74 %; a
 * balanced pool makes either constant answer worth about half.
 */
export const TRUE_SHARE_MIN = 0.45;
export const TRUE_SHARE_MAX = 0.55;

/**
 * A true/false statement shares no run of 12 or more consecutive characters (punctuation and spaces removed) with
 * the text of any rule. Why: a statement copied from the standard is recognised, not judged; 12 characters is about
 * one clause — shorter shared runs are unavoidable terms such as 服务对象 or 一次性告知制.
 */
export const VERBATIM_RUN = 12;

/**
 * Multiple response: fewer answers than distractors in at least 70 % of items, and more answers than distractors in
 * none. Why: when most options are right, "tick everything polite" scores well (16 of 17 shipped items); scoring
 * subtracts wrong marks, so fewer right options makes blanket ticking cost points.
 */
export const MULTIPLE_FEWER_ANSWERS_MIN_SHARE = 0.7;

/**
 * At most one option per selection item (single, multiple, matching rights) containing a verbatim 禁忌用语. Why: a
 * rude strawman is rejected by tone, not by knowing the standard; one is allowed where spotting it is the point.
 * Spotting items are exempt: finding the forbidden line is their task. 不知道 inside a normal sentence counts too.
 */
export const FORBIDDEN_OPTIONS_MAX = 1;

/** The eight 禁忌用语 of 第五部分 (s5-f), compared with punctuation and spaces removed. */
export const FORBIDDEN_PHRASES = [
  '不知道',
  '我不管',
  '有牌子，自己看',
  '快点，要下班了',
  '已经告诉你了，还不懂',
  '没看见我正忙吗',
  '有意见找头头去',
  '不行，重填',
] as const;

/**
 * A matching pair's left and its own right share at most 1 distinct CJK character bigram. Why: matching by shared
 * words (窗口 ↔ 窗口) solves a pair without knowing the standard; one shared bigram is allowed for unavoidable words.
 */
export const MATCHING_SHARED_BIGRAMS_MAX = 1;

/** Every matching item has at least one extra right that matches nothing. Why: otherwise the last pair is free. */
export const MATCHING_EXTRAS_MIN = 1;

/**
 * Ordering items only for rules where the standard itself fixes the order. Why: "common-sense chronology" is
 * guessable and not the standard (issue 11: 7 orderings were plain chronology). These are the rules whose text
 * orders the steps: 进入他人房间, 见面介绍, 男女间的介绍, 递出名片, 向外打电话, 接电话, 受理→初审→复核→办结.
 */
export const ORDERED_RULES: readonly string[] = ['s2-a1-4', 's2-a3-1', 's2-a3-2', 's2-a4-1', 's3-1', 's3-2', 's7-w4'];

/**
 * At least 3 exam items cite each rule in `rules:`. Why: with fewer, the draw repeats the same item for a rule and
 * learners pass on remembered answers; 3 lets attempts and the refresher differ. Rules the catalog or the lessons
 * treat as not examinable would be listed here (none today).
 */
export const EXAM_ITEMS_PER_RULE_MIN = 3;
export const NOT_EXAMINABLE_RULES: readonly string[] = [];

/**
 * At least 180 exam items, and each module's exam pool has difficulty 1, 2 and 3 items. Why: 3 per testable rule
 * (about 71 rules) plus scenario variety; a pool of one difficulty gives every learner the same kind of exam.
 */
export const EXAM_POOL_MIN = 180;
export const DIFFICULTIES: readonly number[] = [1, 2, 3];

/**
 * Items on incomplete materials carry the tag `incomplete-materials`; at least 12 exam items carry it, in modules 05
 * and 07 (03 for phone cases). Why: `exam.require` puts at least one in every exam and refresher, and 12 keep those
 * draws varied. Which items are "on incomplete materials": those whose rules include s5-o5, the standard's phrase for
 * that case.
 */
export const INCOMPLETE_TAG = 'incomplete-materials';
export const INCOMPLETE_RULE = 's5-o5';
export const INCOMPLETE_EXAM_MIN = 12;
export const INCOMPLETE_MODULES: readonly string[] = ['05-language', '07-efficiency'];

/**
 * An exam item's key must rest on the standard, not on advice (建议). Why: only the standard is keyed in the exam
 * (issue 11 point 2). The lint flags an exam item whose right answer's feedback (and explanation) cites no rule of the
 * standard — a key that only advice supports; such items become `use: practice`. Feedback may still add a tip marked
 * 建议 (advice is marked everywhere), and the standard itself says 建议 (意见、建议和批评), so the word alone is no sign.
 */
export const ADVICE_MARK = '建议';
