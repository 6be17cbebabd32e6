/**
 * The citation format of feedback texts (the project's common brief, "Citation format"), parsed into rule ids. Only
 * FULL citations count — `第五部分办公用语第5条`, not the short `……第6条` that may follow one in the same text.
 *
 *   第一部分仪表规范第N条 → s1-yN      第一部分举止规范第N条 → s1-jN
 *   第二部分第K条第N项 → s2-aK-N       第二部分第K条 → s2-aK, or s2-aK-0 where article K has items (第一条 → s2-a1-0)
 *   第三部分第N条 → s3-N               第四部分行为规范第N条 → s4-xN    第四部分服务态度第N条 → s4-tN
 *   第五部分总则 → s5-p0   第五部分办公用语第N条 → s5-oN   第五部分电话用语第N条 → s5-tN   第五部分禁忌用语 → s5-f
 *   第六部分第N条 → s6-N               第七部分基本要求（N） → s7-bN    第七部分工作规范（N） → s7-wN
 *
 * N in Arabic or Chinese numerals (一 … 十, 十一 …). Pure: the caller says which rule ids exist (for 第二部分第K条).
 */

export interface Citation {
  /** The rule id the citation names (it may not exist in the catalog: the lint reports that). */
  readonly id: string;
  /** The citation as written. */
  readonly text: string;
}

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `5`, `五`, `十`, `十二`, `二十`, `二十三` → number; NaN for anything else. */
export function parseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return Number.NaN;
  const [, tens, ten, units] = match;
  if (ten === undefined) return tens !== undefined && units === undefined ? (digits[tens] ?? Number.NaN) : Number.NaN;
  return (tens === undefined ? 1 : (digits[tens] ?? 0)) * 10 + (units === undefined ? 0 : (digits[units] ?? 0));
}

const N = '(\\d+|[一二两三四五六七八九十]+)';
const CITATION = new RegExp(
  `第([一二三四五六七1-7])部分` +
    `(仪表规范|举止规范|行为规范|服务态度|总则|办公用语|电话用语|禁忌用语|基本要求|工作规范)?` +
    `(?:第${N}条(?:第${N}项)?|[（(]${N}[）)])?`,
  'g',
);

/**
 * Rule-id prefixes of the groups numbered inside a part (第一部分仪表规范第N条 → s1-yN); 第七部分 numbers its groups'
 * rules in parentheses (第七部分工作规范（六） → s7-w6).
 */
const GROUP_PREFIX: Readonly<Record<string, string>> = {
  '1仪表规范': 's1-y',
  '1举止规范': 's1-j',
  '4行为规范': 's4-x',
  '4服务态度': 's4-t',
  '5办公用语': 's5-o',
  '5电话用语': 's5-t',
  '7基本要求': 's7-b',
  '7工作规范': 's7-w',
};

/** Groups that are one rule each: 第五部分总则, 第五部分禁忌用语. */
const GROUP_RULE: Readonly<Record<string, string>> = { '5总则': 's5-p0', '5禁忌用语': 's5-f' };

/** The rule id a citation names: part, group (if any), 第N条, 第K项, （N）. `known` as in `parseCitations`. */
function citedId(
  part: number,
  group: string | undefined,
  n: number | undefined,
  k: number | undefined,
  p: number | undefined,
  known: ReadonlySet<string>,
): string | undefined {
  if (group !== undefined) {
    const key = `${part}${group}`;
    const number = part === 7 ? p : n;
    if (GROUP_RULE[key] !== undefined) return GROUP_RULE[key];
    return GROUP_PREFIX[key] !== undefined && number !== undefined ? `${GROUP_PREFIX[key]}${number}` : undefined;
  }
  if (n === undefined) return undefined;
  if (part === 2) {
    if (k !== undefined) return `s2-a${n}-${k}`;
    return known.has(`s2-a${n}`) || !known.has(`s2-a${n}-0`) ? `s2-a${n}` : `s2-a${n}-0`;
  }
  return part === 3 || part === 6 ? `s${part}-${n}` : undefined;
}

/** Every full citation in a text, in order of appearance. `known` decides 第二部分第K条 (s2-aK vs s2-aK-0). */
export function parseCitations(text: string, known: ReadonlySet<string> = new Set()): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const [whole, partText = '', group, article, item, paren] = match;
    const part = parseNumeral(partText);
    const n = article !== undefined ? parseNumeral(article) : undefined;
    const k = item !== undefined ? parseNumeral(item) : undefined;
    const p = paren !== undefined ? parseNumeral(paren) : undefined;
    const id = citedId(part, group, n, k, p, known);
    if (id !== undefined && !id.includes('NaN')) found.push({ id, text: whole });
  }
  return found;
}
