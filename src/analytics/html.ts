/** HTML text escaping for the report (every value from an export passes through here). */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const pct = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;

export const num = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits).replace(/^-/, '−');

/** "right/n", as the tables print a share. */
export const frac = (right: number, n: number) => `${right}/${n}`;

/** A data table with row headers; `numeric`: the columns aligned as numbers. */
export function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="n"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric.has(i) ? ' class="n"' : ''}>${c}</td>`)).join('')}</tr>`)
    .join('');
  // A wide table scrolls in its own box on a small screen; the box takes focus so keyboard users can scroll it.
  const label = caption.replace(/<[^>]+>/g, '').slice(0, 80).replace(/&[a-z#0-9]*$/, '');
  return `<div class="scroll" tabindex="0" role="region" aria-label="${label}"><table><caption>${caption}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
