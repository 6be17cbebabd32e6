// Launch speed: the course's home screen inside an LMS frame against the same home page opened bare, in one
// interleaved run (cold browser context each time). The LMS is e2e/harness/minimal-lms.html: a SCORM 1.2 API that
// answers at once, so what is measured is the course (its shell, API discovery, its own files), not an LMS runtime.
// Called by scripts/bench.ts; on its own: `npm run bench:launch -- [--runs N]` (needs `npm run package` first).
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser-path.ts';
import { contentPrefix, packageNameOf } from '../e2e/support/packages.ts';

export interface LaunchFigures {
  runs: number;
  framed: { medianMs: number; runsMs: number[]; requests: number };
  bare: { medianMs: number; runsMs: number[]; requests: number };
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

/** Navigation start → the same home page painted, opened directly at its deep URL (no LMS, no shell). */
const bare = (browser: Browser, baseURL: string) =>
  coldRun(browser, baseURL, `${contentPrefix}${packageNameOf('1.2')}/home.html`, async (page) => {
    await page.locator('.module').first().waitFor({ state: 'visible' });
    return firstPaintAt(page.mainFrame());
  });

export async function framedVersusBare(browser: Browser, baseURL: string, runs: number): Promise<LaunchFigures> {
  await framed(browser, baseURL); // one untimed warm-up of each (server caches, Chromium's first-run work)
  await bare(browser, baseURL);
  const framedRuns: Array<{ ms: number; requests: number }> = [];
  const bareRuns: Array<{ ms: number; requests: number }> = [];
  for (let round = 0; round < runs; round++) {
    framedRuns.push(await framed(browser, baseURL));
    bareRuns.push(await bare(browser, baseURL));
  }
  const framedMedian = median(framedRuns.map((r) => r.ms));
  const bareMedian = median(bareRuns.map((r) => r.ms));
  return {
    runs,
    framed: { medianMs: framedMedian, runsMs: framedRuns.map((r) => r.ms), requests: median(framedRuns.map((r) => r.requests)) },
    bare: { medianMs: bareMedian, runsMs: bareRuns.map((r) => r.ms), requests: median(bareRuns.map((r) => r.requests)) },
    ratio: framedMedian / bareMedian,
  };
}

export function printLaunch(figures: LaunchFigures): void {
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`\n== Launch: home screen framed by a minimal SCORM 1.2 LMS vs opened bare (median of ${figures.runs} interleaved cold runs)`);
  console.log(`  framed (LMS page → shell → home.html, module list painted): ${ms(figures.framed.medianMs)}, ${figures.framed.requests} package requests`);
  console.log(`  bare   (home.html at its deep URL, module list painted):     ${ms(figures.bare.medianMs)}, ${figures.bare.requests} package requests`);
  console.log(`  framed / bare: ${figures.ratio.toFixed(2)}×   (runs framed: ${figures.framed.runsMs.map(Math.round).join(' ')} · bare: ${figures.bare.runsMs.map(Math.round).join(' ')})`);
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
