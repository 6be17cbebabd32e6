/**
 * Certificate helpers. The certificate is a convenience; the LMS record stays the official one.
 * The number is derived, not stored: anyone with the learner id, course identifier, edition and date can
 * recompute it (`npm run certificate -- verify …`, see README), so a printed certificate can be checked.
 */

/** FNV-1a 64-bit over UTF-8, as BigInt: enough bits for a 10-character number with negligible collisions. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/** `YKS-2026-7K3M9Q2XAB`-style: edition, then 10 base-32 characters without look-alikes (no I, L, O, U). */
export function certificateNumber(learnerId: string, courseIdentifier: string, edition: number, date: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let hash = fnv1a64([learnerId, courseIdentifier, String(edition), date].join('|'));
  let code = '';
  for (let index = 0; index < 10; index++) {
    code += alphabet[Number(hash & 31n)];
    hash >>= 5n;
  }
  return `YKS-${edition}-${code}`;
}

export function verifyCertificate(
  number: string,
  learnerId: string,
  courseIdentifier: string,
  edition: number,
  date: string,
): boolean {
  return certificateNumber(learnerId, courseIdentifier, edition, date) === number.trim().toUpperCase();
}

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * LMSs give names as "Last, First" (SCORM 1.2 cmi.core.student_name, 2004 cmi.learner_name). Chinese names read
 * family name first with no space (张三); other names read "First Last". Returns plain text: callers put it in
 * textContent, never innerHTML.
 */
export function displayName(lmsName: string): string {
  const name = lmsName.trim();
  const comma = name.search(/[,，]/);
  if (comma === -1) return name;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  if (!first) return last;
  if (!last) return first;
  return cjk.test(last + first) ? `${last}${first}` : `${first} ${last}`;
}

/** yyyymmdd → 2026 年 11 月 27 日 */
export function formatChineseDate(date: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!match) return date;
  return `${match[1]} 年 ${Number(match[2])} 月 ${Number(match[3])} 日`;
}

export { localDateStamp } from './exam-state.ts';
