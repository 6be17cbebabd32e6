/**
 * Responses as compact ASCII for suspend_data (no `~`, which separates segments; no `.`/`-`, which separate
 * exam fields and answers). Every value is in authored indexes (< 36), so one base-36 digit each:
 *   ''        not answered (null or an empty list)
 *   n3        a number (single)
 *   t / f     a boolean (truefalse)
 *   l0213     a list of numbers (multiple, ordering, spotting)
 *   p1_0      a list of numbers or nulls (matching; `_` = no choice)
 * Decoding gives the raw shape back; the engine's `responseOf` then checks it fits the item.
 */
export function encodeResponse(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return raw ? 't' : 'f';
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < 36) return `n${raw.toString(36)}`;
  if (Array.isArray(raw)) {
    if (raw.length === 0) return '';
    const digits = raw.map((value) =>
      value === null ? '_' : typeof value === 'number' && value >= 0 && value < 36 ? value.toString(36) : '',
    );
    if (digits.some((digit) => digit === '')) return '';
    return (raw.includes(null) ? 'p' : 'l') + digits.join('');
  }
  return '';
}

export function decodeResponse(text: string): unknown {
  if (text === '') return null;
  if (text === 't') return true;
  if (text === 'f') return false;
  const kind = text[0];
  const body = text.slice(1);
  if (!/^[0-9a-z_]+$/.test(body)) return null;
  const values = [...body].map((digit) => (digit === '_' ? null : parseInt(digit, 36)));
  if (kind === 'n' && values.length === 1) return values[0];
  if (kind === 'l' && !values.includes(null)) return values;
  if (kind === 'p') return values;
  return null;
}
