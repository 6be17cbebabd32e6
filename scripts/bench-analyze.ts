// `npm run bench:analyze [-- --rows N]`: writes a synthetic long-format export (default 100 000 interaction rows)
// and times `analyze` on it, printing time per 10 000 rows and peak memory (RSS and heap). Only printed, never
// asserted. A second, smaller run shows whether memory grows with the file: with streaming it should not.
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../src/analytics/analyze.ts';
import { readItemMap } from '../src/analytics/item-map.ts';
import { renderCsvFiles } from '../src/analytics/render-csv.ts';
import { renderHtml } from '../src/analytics/render-html.ts';
import { writeSyntheticLongExport } from '../src/analytics/synthetic.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const total = Number(values.rows ?? 100_000);
// The fixture's item map: synthetic rows need real item ids, and the fixture's are the project's test data.
const itemMap = readItemMap('src/analytics/fixtures/moodle-4.3/item-map.csv', 'item-map.csv');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-analyze-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure(rows: number) {
  const file = path.join(dir, `long-${rows}.csv`);
  const written = await writeSyntheticLongExport(file, { rows, itemMap });
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await analyze({ files: [{ path: file, name: path.basename(file) }], itemMap, passMark: 80, maxAttempts: 3 });
  const analysed = performance.now();
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  // Peaks of the analysis alone; rendering builds the page for every learner and item, which is not streaming.
  clearInterval(sample);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  renderHtml(report);
  renderCsvFiles(report);
  const rendered = performance.now();
  globalThis.gc?.();
  // What the analysis keeps (the report model: per learner, item and rule), as opposed to garbage not yet collected.
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  return { rows: written.rows, learners: written.learners, analyse: analysed - started, cpuMs, render: rendered - analysed, peakRss, peakHeap, baseHeap: base.heapUsed, retained, report };
}

try {
  const small = await measure(Math.max(1000, Math.round(total / 10)));
  const big = await measure(total);
  for (const run of [small, big]) {
    console.log(
      `${run.rows.toLocaleString('en')} rows (${run.learners} learners, ${run.report.cohort.examAttempts} exam attempts): ` +
        `analyse ${(run.analyse / 1000).toFixed(2)} s wall = ${((run.analyse / run.rows) * 10_000).toFixed(0)} ms per 10 000 rows ` +
        `(CPU ${((run.cpuMs / run.rows) * 10_000).toFixed(0)} ms per 10 000; two streaming passes), render HTML + CSV ${run.render.toFixed(0)} ms; ` +
        `analysis peak RSS ${mb(run.peakRss)}, peak heap ${mb(run.peakHeap)} (before ${mb(run.baseHeap)}), kept after GC ${mb(run.retained)}`,
    );
  }
  console.log(
    `for ${(big.rows / small.rows).toFixed(0)}× the rows (and ${(big.learners / small.learners).toFixed(0)}× the learners): peak heap +${mb(big.peakHeap - small.peakHeap)}, ` +
      `RSS +${mb(big.peakRss - small.peakRss)}, kept +${mb(big.retained - small.retained)} (per-learner rows of the report, not the file); ` +
      `KR-20 of the synthetic exam ${big.report.reliability.kr20?.toFixed(2)} (n = ${big.report.reliability.attempts} attempts)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
