/**
 * Response codes. The course writes SCORM 1.2 responses as single characters by authored option
 * (src/scorm/scorm12/responses.ts, SCORM 1.2 RTE 3.4.2: option index 0 → `a`; true-false `t`/`f`; matching
 * `a.b` pairs; lists joined by `,`) and SCORM 2004 ones as `o1[,]o2`, `l1[.]r2`, `s1`, `true`/`false`
 * (src/scorm/scorm2004/responses.ts, RTE 4.2.9.1). The analysis keeps one canonical form, the 1.2 one, so a long
 * export taken from either version's data counts the same option as the same response.
 */
const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';

function letterOf(oneBased: string): string {
  return letters[Number(oneBased) - 1] ?? `?${oneBased}`;
}

export function normalizeResponse(raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  if (value === 'true') return 't';
  if (value === 'false') return 'f';
  if (!value.includes('[') && !/^[olrs]\d/.test(value)) return value.replace(/\s+/g, '');
  return value
    .split('[,]')
    .map((part) =>
      part
        .split('[.]')
        .map((id) => {
          const match = /^[olrs](\d+)$/.exec(id.trim());
          return match ? letterOf(match[1]!) : id.trim();
        })
        .join('.'),
    )
    .join(',');
}

/** `b,c,d` → [`b`, `c`, `d`]; '' → []. */
export function codesOf(response: string): string[] {
  return response === '' ? [] : response.split(',');
}

/** `a` → 0, `b` → 1: the authored option index behind a 1.2 code. */
export function optionIndex(code: string): number {
  return letters.indexOf(code);
}
