/**
 * Text checks shared by the catalog tests and anyone who writes course text (lessons, quiz items):
 * the standard was published with typing slips and half-width punctuation; the course uses the
 * corrected forms (see standard/README.md, "Known slips in the source text").
 */

export interface Slip {
  /** The slip as it appears in the published standard. */
  readonly wrong: string;
  /** The form the course uses. */
  readonly correct: string;
}

/** The slips of the published standard (README, left column) and their corrections. */
export const SLIPS: readonly Slip[] = Object.freeze([
  { wrong: '姿势和和动作', correct: '姿势和动作' },
  { wrong: '两腳中间', correct: '两脚中间' },
  { wrong: '不得做慢地把腿向前伸', correct: '不得傲慢地把腿向前伸' },
  { wrong: '做慢地', correct: '傲慢地' },
  { wrong: '再进进入后', correct: '再进入，进入后' },
  { wrong: '如是钢笔笔', correct: '如是钢笔' },
  { wrong: '把ー个人介绍给很多人', correct: '把一个人介绍给很多人' },
  // U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK, typed for 一.
  { wrong: 'ー', correct: '一' },
  { wrong: '交換名片', correct: '交换名片' },
  { wrong: '应到到门口迎接', correct: '应到门口迎接' },
  { wrong: '正确地拔号', correct: '正确地拨号' },
  { wrong: '拔号', correct: '拨号' },
  { wrong: '不要故意延误误先报出', correct: '不要故意延误，先报出' },
  { wrong: '延误误', correct: '延误' },
  { wrong: '应面对微笑', correct: '应面带微笑' },
  { wrong: '面对微笑', correct: '面带微笑' },
  { wrong: '请稍侯', correct: '请稍候' },
  { wrong: '请稍后', correct: '请稍候' },
]);

/** Every slip found in `text` (empty when clean). */
export function findSlips(text: string): Slip[] {
  return SLIPS.filter((s) => text.includes(s.wrong));
}

// CJK ideographs, full-width forms and CJK punctuation: a half-width , : ; ? ! ( ) " next to one of these is
// a slip of the source's half-width punctuation.
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’]';
const HALF_WIDTH_NEAR_CJK = new RegExp(`${CJK}\\s*[,:;?!()"]|[,:;?!()"]\\s*${CJK}`, 'gu');

/** Half-width punctuation touching Chinese text, with a little context, e.g. `["您好,请坐"]`. */
export function findHalfWidthPunctuation(text: string): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(HALF_WIDTH_NEAR_CJK)) {
    const at = m.index ?? 0;
    hits.push(text.slice(Math.max(0, at - 3), at + m[0].length + 3));
  }
  return hits;
}
