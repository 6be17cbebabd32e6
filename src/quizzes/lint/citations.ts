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

/** Every full citation in a text, in order of appearance. `known` decides 第二部分第K条 (s2-aK vs s2-aK-0). */
export function parseCitations(text: string, known: ReadonlySet<string> = new Set()): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const [whole, partText = '', group, article, item, paren] = match;
    const part = parseNumeral(partText);
    const n = article !== undefined ? parseNumeral(article) : undefined;
    const k = item !== undefined ? parseNumeral(item) : undefined;
    const p = paren !== undefined ? parseNumeral(paren) : undefined;
    let id: string | undefined;
    switch (part) {
      case 1:
        if (n !== undefined && group === '仪表规范') id = `s1-y${n}`;
        if (n !== undefined && group === '举止规范') id = `s1-j${n}`;
        break;
      case 2:
        if (group === undefined && n !== undefined) {
          if (k !== undefined) id = `s2-a${n}-${k}`;
          else id = known.has(`s2-a${n}`) || !known.has(`s2-a${n}-0`) ? `s2-a${n}` : `s2-a${n}-0`;
        }
        break;
      case 3:
        if (group === undefined && n !== undefined) id = `s3-${n}`;
        break;
      case 4:
        if (n !== undefined && group === '行为规范') id = `s4-x${n}`;
        if (n !== undefined && group === '服务态度') id = `s4-t${n}`;
        break;
      case 5:
        if (group === '总则') id = 's5-p0';
        else if (group === '禁忌用语') id = 's5-f';
        else if (n !== undefined && group === '办公用语') id = `s5-o${n}`;
        else if (n !== undefined && group === '电话用语') id = `s5-t${n}`;
        break;
      case 6:
        if (group === undefined && n !== undefined) id = `s6-${n}`;
        break;
      case 7:
        if (p !== undefined && group === '基本要求') id = `s7-b${p}`;
        if (p !== undefined && group === '工作规范') id = `s7-w${p}`;
        break;
    }
    if (id !== undefined && !id.includes('NaN')) found.push({ id, text: whole });
  }
  return found;
}
