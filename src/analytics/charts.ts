import { esc } from './html.ts';

/**
 * Inline SVG bar charts. Each chart is an image with a <title> and a <desc> (read by screen readers through
 * aria-labelledby) and always comes with a data table in the page, so the numbers never live only in a picture.
 * Colours are SVG presentation attributes, not style attributes, so the page's CSP needs no 'unsafe-inline'.
 */
export interface Bar {
  label: string;
  /** 0–1 of the axis. */
  value: number;
  /** The figure printed at the bar's end, e.g. "75%（n=8）". */
  text: string;
  /** Highlight (e.g. below the pass mark or a weak rule). */
  accent?: boolean;
}

/** Horizontal bars, one row per label; the axis is 0–100 %. */
export function barChart(options: { id: string; title: string; desc: string; bars: readonly Bar[]; labelWidth?: number; marker?: { at: number; label: string } }): string {
  const { bars, title, desc } = options;
  const id = options.id;
  const labelWidth = options.labelWidth ?? 150;
  const row = 26;
  const plot = 360;
  const width = labelWidth + plot + 120;
  const height = bars.length * row + 34;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => {
      const x = labelWidth + t * plot;
      return `<line x1="${x}" y1="4" x2="${x}" y2="${height - 24}" stroke="#c8c8c8" stroke-width="1"/><text x="${x}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#333">${Math.round(t * 100)}%</text>`;
    })
    .join('');
  const marker = options.marker
    ? `<line x1="${labelWidth + options.marker.at * plot}" y1="2" x2="${labelWidth + options.marker.at * plot}" y2="${height - 24}" stroke="#7a1f1f" stroke-width="2" stroke-dasharray="4 3"/>`
    : '';
  const body = bars
    .map((bar, i) => {
      const y = 6 + i * row;
      const w = Math.max(0, Math.min(1, bar.value)) * plot;
      return (
        `<text x="${labelWidth - 6}" y="${y + 15}" font-size="12" text-anchor="end" fill="#1a1a1a">${esc(bar.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="16" fill="${bar.accent ? '#b5542a' : '#2f6690'}"/>` +
        `<text x="${labelWidth + w + 5}" y="${y + 15}" font-size="11" fill="#1a1a1a">${esc(bar.text)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${grid}${body}${marker}</svg>`
  );
}

/** Vertical bars for counts (a distribution). */
export function columnChart(options: { id: string; title: string; desc: string; columns: ReadonlyArray<{ label: string; count: number; accent?: boolean }> }): string {
  const { columns, title, desc } = options;
  const id = options.id;
  const max = Math.max(1, ...columns.map((c) => c.count));
  const colWidth = 64;
  const plot = 150;
  const width = 40 + columns.length * colWidth + 10;
  const height = plot + 64;
  const body = columns
    .map((c, i) => {
      const h = (c.count / max) * plot;
      const x = 40 + i * colWidth + 10;
      return (
        `<rect x="${x}" y="${(24 + plot - h).toFixed(1)}" width="${colWidth - 20}" height="${h.toFixed(1)}" fill="${c.accent ? '#b5542a' : '#2f6690'}"/>` +
        `<text x="${x + (colWidth - 20) / 2}" y="${(20 + plot - h).toFixed(1)}" font-size="12" text-anchor="middle" fill="#1a1a1a">${c.count}</text>` +
        `<text x="${x + (colWidth - 20) / 2}" y="${plot + 42}" font-size="11" text-anchor="middle" fill="#1a1a1a">${esc(c.label)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>` +
    `<line x1="40" y1="${24 + plot}" x2="${width - 10}" y2="${24 + plot}" stroke="#555" stroke-width="1"/>${body}</svg>`
  );
}
