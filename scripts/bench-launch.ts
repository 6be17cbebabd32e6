// Launch speed: the course's home screen inside an LMS frame against the same home page opened bare, in one
// interleaved run (cold browser context each time). The LMS is e2e/harness/minimal-lms.html: a SCORM 1.2 API that
// answers at once, so what is measured is the course (its shell, API discovery, its own files), not an LMS runtime.
// Called by scripts/bench.ts; on its own: `npm run bench:launch -- [--runs N]` (needs `npm run package` first).
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser-path.ts';
import { contentPrefix, packageNameOf } from '../e2e/support/packages.ts';

interface Series {
  medianMs: number;
  runsMs: number[];
  requests: number;
}

export interface LaunchFigures {
  runs: number;
  framed: Series;
  /** The same LMS framing home.html itself, without the course shell: the floor any framed course starts from. */
  noShell: Series;
  bare: Series;
  ratio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** First contentful paint of a frame's document, on the epoch clock all frames share (`timeOrigin` + entry time). */
export async function firstPaintAt(frame: Frame): Promise<number> {
  return frame.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no first-contentful-paint in ${location.pathname}`)), 10_000);
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (!entry) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.timeOrigin + entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

async function homeFrame(page: Page): Promise<Frame> {
  for (let tries = 0; tries < 200; tries++) {
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/home.html'));
    if (frame) {
      await frame.locator('.module').first().waitFor({ state: 'visible' });
      return frame;
    }
    await page.waitForTimeout(10);
  }
  throw new Error('the home page never appeared in the course frame');
}

/**
 * One cold run: a fresh browser context, `open` navigates and returns when the module list is painted (epoch ms);
 * the time counts from the top page's navigation start, the requests are those for the package's files.
 */
async function coldRun(
  browser: Browser,
  baseURL: string,
  url: string,
  painted: (page: Page) => Promise<number>,
): Promise<{ ms: number; requests: number }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (request) => void (request.url().includes(contentPrefix) && requests++));
    await page.goto(url);
    const start = await page.evaluate(() => performance.timeOrigin);
    return { ms: (await painted(page)) - start, requests };
  } finally {
    await context.close();
  }
}

/** LMS navigation start → the course home's module list painted inside the LMS frame. */
const framed = (browser: Browser, baseURL: string) =>
  coldRun(browser, baseURL, `/lms/minimal-lms.html?pkg=${packageNameOf('1.2')}`, async (page) => firstPaintAt(await homeFrame(page)));

/** The same, with the LMS framing home.html directly (no shell, no SCORM session): what the shell costs. */
const noShell = (browser: Browser, baseURL: string) =>
  coldRun(browser, baseURL, `/lms/minimal-lms.html?pkg=${packageNameOf('1.2')}&page=home.html`, async (page) =>
    firstPaintAt(await homeFrame(page)),
  );

/** Navigation start → the same home page painted, opened directly at its deep URL (no LMS, no shell). */
const bare = (browser: Browser, baseURL: string) =>
  coldRun(browser, baseURL, `${contentPrefix}${packageNameOf('1.2')}/home.html`, async (page) => {
    await page.locator('.module').first().waitFor({ state: 'visible' });
    return firstPaintAt(page.mainFrame());
  });

export async function framedVersusBare(browser: Browser, baseURL: string, runs: number): Promise<LaunchFigures> {
  const ways = { framed, noShell, bare };
  for (const way of Object.values(ways)) await way(browser, baseURL); // one untimed warm-up of each
  const results = { framed: [], noShell: [], bare: [] } as Record<keyof typeof ways, Array<{ ms: number; requests: number }>>;
  for (let round = 0; round < runs; round++) {
    for (const [name, way] of Object.entries(ways)) results[name as keyof typeof ways].push(await way(browser, baseURL));
  }
  const series = (runsOf: Array<{ ms: number; requests: number }>): Series => ({
    medianMs: median(runsOf.map((r) => r.ms)),
    runsMs: runsOf.map((r) => r.ms),
    requests: median(runsOf.map((r) => r.requests)),
  });
  const figures = { framed: series(results.framed), noShell: series(results.noShell), bare: series(results.bare) };
  return { runs, ...figures, ratio: figures.framed.medianMs / figures.bare.medianMs };
}

/**
 * Without a Chinese font every glyph of these zh-CN pages goes through font fallback, which made each page's first
 * layout 40–60 ms longer here (Chromium trace); a learner's machine has one, so the figures are not like theirs.
 */
function cjkFontNote(): string | undefined {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()
      ? undefined
      : '  note: no Chinese font installed (fc-list :lang=zh is empty): layout is slower than on a learner’s machine; apt-get install fonts-noto-cjk';
  } catch {
    return undefined; // no fontconfig: not a Linux desktop stack, nothing to say
  }
}

export function printLaunch(figures: LaunchFigures): void {
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`\n== Launch: home screen framed by a minimal SCORM 1.2 LMS vs opened bare (median of ${figures.runs} interleaved cold runs)`);
  console.log(`  framed (LMS page → shell → home.html, module list painted): ${ms(figures.framed.medianMs)}, ${figures.framed.requests} package requests`);
  console.log(`  bare   (home.html at its deep URL, module list painted):     ${ms(figures.bare.medianMs)}, ${figures.bare.requests} package requests`);
  console.log(`  no shell (LMS page → home.html, the floor of any framing):  ${ms(figures.noShell.medianMs)}, ${figures.noShell.requests} package requests`);
  console.log(`  framed / bare: ${figures.ratio.toFixed(2)}×   no shell / bare: ${(figures.noShell.medianMs / figures.bare.medianMs).toFixed(2)}×`);
  const runsOf = (series: Series) => series.runsMs.map(Math.round).join(' ');
  console.log(`  runs framed: ${runsOf(figures.framed)} · no shell: ${runsOf(figures.noShell)} · bare: ${runsOf(figures.bare)}`);
  const note = cjkFontNote();
  if (note) console.log(note);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { spawn } = await import('node:child_process');
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
  const port = 4391 + 50;
  const server = spawn(process.execPath, ['e2e/server/serve.ts', '--port', String(port)], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 800));
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    try {
      printLaunch(await framedVersusBare(browser, `http://127.0.0.1:${port}`, runs));
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
