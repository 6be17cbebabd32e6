// `npm run bench`: builds the course and prints what it costs — build and package time, zip sizes, page weights,
// the worst-case suspend_data, the LMS API calls of a full learner journey (SCORM 1.2 and 2004), and the time from
// launch to the first lesson's text against the same page opened bare, and the home screen framed by a minimal
// SCORM 1.2 LMS against the same page opened bare (scripts/bench-launch.ts). Figures only, no pass/fail: the byte budgets
// are asserted in e2e/budgets.spec.ts (same page-weight code), timings are never asserted (docs/lms-behaviour.md: "Measured").
// The same figures are written to dist/bench.json.
//
// Options: --no-build (measure the current dist/), --runs N (launch timing runs, default 7).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, expect, type Browser, type Frame, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser-path.ts';
import { contentFrame, openHarness, readLessonToEnd, shellFrame, type Version } from '../e2e/support/lms.ts';
import { correctResponse, drawFor } from '../e2e/support/course-data.ts';
import { kb, measureSite, readSiteDir, readZip } from './page-weight.ts';
import { contentPrefix, packageNameOf } from '../e2e/support/packages.ts';
import { firstPaintAt, framedVersusBare, printLaunch } from './bench-launch.ts';

const projectRoot = process.cwd();
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 7 : Math.max(1, Number(args[runsIndex + 1]) || 7);
const coursePackage: Record<Version, string> = { '1.2': packageNameOf('1.2'), '2004': packageNameOf('2004') };
/** The lesson the launch timing opens, in the harness (the first one) and bare. */
const firstLesson = 'modules/01-appearance.html';

// ─── small helpers ───────────────────────────────────────────────────────────────────────────────────────────────

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, commandArgs: string[]): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

function mustSucceed(what: string, result: Spawned): Spawned {
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  }
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function section(title: string, body: string): void {
  console.log(`\n${title}\n${body}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${Math.round(ms)} ms`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts e2e/server/serve.ts on a free port; resolves once it answers. */
async function startServer(): Promise<{ baseURL: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['e2e/server/serve.ts', '--port', String(port)], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the test server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${baseURL}/lms/lms.html`)).ok) return { baseURL, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('the test server did not start');
}

// ─── 1. build and package ────────────────────────────────────────────────────────────────────────────────────────

async function buildAndPackage(): Promise<{ astroBuildMs: number; packageMs: number } | null> {
  if (skipBuild) return null;
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const build = mustSucceed('astro build', await run(process.execPath, [astro, 'build']));
  const pack = mustSucceed('node scripts/package.ts', await run(process.execPath, ['scripts/package.ts']));
  return { astroBuildMs: build.ms, packageMs: pack.ms };
}

// ─── 2. zips ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface ZipFigure {
  zip: string;
  bytes: number;
  files: number;
}

function zipFigures(): ZipFigure[] {
  const dir = path.join(projectRoot, 'dist/packages');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.zip'))
    .sort()
    .map((zip) => {
      const full = path.join(dir, zip);
      return { zip, bytes: statSync(full).size, files: Object.keys(readZip(full)).length };
    });
}

// ─── 4. worst-case suspend_data ──────────────────────────────────────────────────────────────────────────────────

async function worstCaseSuspendData(): Promise<number> {
  const result = await run(process.execPath, ['--test', 'src/scorm/worst-case-suspend.test.ts']);
  const match = /worst-case suspend_data: (\d+) characters/.exec(result.stdout);
  if (!match) throw new Error(`no "worst-case suspend_data: N characters" line:\n${result.stdout}\n${result.stderr}`);
  return Number(match[1]);
}

// ─── 5. a full learner journey in the harness ───────────────────────────────────────────────────────────────────

interface HarnessEntry {
  fn: string;
  args: string[];
  result: string;
}

interface JourneyFigures {
  version: Version;
  durationMs: number;
  total: number;
  getValue: number;
  setValue: number;
  commit: number;
  other: number;
  answeredFalse: number;
  byFunction: Record<string, number>;
  status: string;
  score: string;
}

async function answerExamRight(page: Page, learner: string): Promise<void> {
  const content = contentFrame(page);
  const items = drawFor(learner, 1);
  await expect(content.locator('#exam-run')).toBeVisible();
  // The way the widgets report an answer: the question element's `response`, then a `quiz-change` event.
  for (const item of items) {
    await content.locator(`.exam-slot[data-item-id="${item.id}"] quiz-question`).evaluate(
      (element, detail) => {
        (element as HTMLElement & { response: unknown }).response = detail.response;
        element.dispatchEvent(new CustomEvent('quiz-change', { bubbles: true, detail }));
      },
      { itemId: item.id, response: correctResponse(item) },
    );
  }
  await expect(content.locator('.exam-map-button.answered')).toHaveCount(items.length);
  await content.locator('#exam-submit').click();
  await expect(content.locator('#exam-confirm')).toBeVisible();
  await content.locator('#exam-confirm-submit').click();
  await expect(content.locator('#result-verdict')).toHaveText('恭喜您，通过认证考试！');
}

async function journey(browser: Browser, baseURL: string, version: Version): Promise<JourneyFigures> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const learner = `bench-${version}-${process.pid}-${Date.now().toString(36)}`;
    const started = performance.now();
    await openHarness(page, version, learner);
    const content = contentFrame(page);
    await content.locator('#home-continue').click();
    for (let module = 1; module <= 7; module++) {
      await expect(content.locator('.lesson-kicker')).toHaveText(`第 ${module} 单元`);
      await readLessonToEnd(page); // answers the knowledge check, then scrolls to the end marker
      await content.locator('.pager a.button:not(.secondary)').click();
    }
    await expect(content.locator('#home-progress-text')).toHaveText('已完成 7/7 个单元');
    await content.locator('a[href$="exam.html"]').first().click();
    await content.locator('#exam-start').click();
    await answerExamRight(page, learner);
    await shellFrame(page).locator('#shell-exit').click();
    await expect(shellFrame(page).locator('#shell-exited')).toBeVisible();
    const terminate = version === '2004' ? 'Terminate' : 'LMSFinish';
    await expect
      .poll(() => page.evaluate((fn) => (window as any).harness.log.some((e: HarnessEntry) => e.fn === fn), terminate))
      .toBe(true);
    const durationMs = performance.now() - started;
    const { log, status, score } = await page.evaluate((v) => {
      const harness = (window as any).harness;
      return {
        log: harness.log as HarnessEntry[],
        status: String(harness.value(v === '2004' ? 'cmi.success_status' : 'cmi.core.lesson_status') ?? ''),
        score: String(harness.value(v === '2004' ? 'cmi.score.raw' : 'cmi.core.score.raw') ?? ''),
      };
    }, version);
    const byFunction: Record<string, number> = {};
    for (const entry of log) byFunction[entry.fn] = (byFunction[entry.fn] ?? 0) + 1;
    const count = (pattern: RegExp) => log.filter((entry) => pattern.test(entry.fn)).length;
    const getValue = count(/^(LMS)?GetValue$/);
    const setValue = count(/^(LMS)?SetValue$/);
    const commit = count(/^(LMS)?Commit$/);
    return {
      version,
      durationMs,
      total: log.length,
      getValue,
      setValue,
      commit,
      other: log.length - getValue - setValue - commit,
      answeredFalse: log.filter((entry) => entry.result === 'false').length,
      byFunction,
      status,
      score,
    };
  } finally {
    await context.close();
  }
}

// ─── 6. launch to the first lesson's text, against the same page opened bare ─────────────────────────────────────

function frameAt(page: Page, file: string): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname.endsWith(`/${file}`));
  if (!frame) throw new Error(`no frame shows ${file}: ${page.frames().map((f) => f.url()).join(', ')}`);
  return frame;
}

interface LaunchRun {
  /** Harness navigation start → the home page's text painted (harness, scorm-again, shell, home). */
  homeMs: number;
  /** Click on 开始学习 → the first lesson's text painted (a navigation inside the shell's content frame). */
  lessonMs: number;
}

async function harnessLaunch(browser: Browser, baseURL: string, version: Version): Promise<LaunchRun> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`/lms/lms.html?v=${version}&learner=bench-launch-${process.pid}-${Date.now().toString(36)}`);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const content = contentFrame(page);
    await content.locator('h1').first().waitFor({ state: 'visible' });
    const homePainted = await firstPaintAt(frameAt(page, 'home.html'));
    // Connected (the shell holds the session), as when a learner clicks: then click from the shell, which stays.
    await expect(shellFrame(page).locator('html[data-lms]')).toHaveAttribute('data-lms', version);
    const clickedAt = await frameAt(page, 'index.html').evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#content-frame')!;
      const link = frame.contentDocument!.querySelector<HTMLAnchorElement>('#home-continue')!;
      const at = performance.timeOrigin + performance.now();
      link.click();
      return at;
    });
    await expect(content.locator('.lesson-kicker')).toHaveText('第 1 单元');
    await content.locator('h1').first().waitFor({ state: 'visible' });
    const lessonPainted = await firstPaintAt(frameAt(page, firstLesson));
    return { homeMs: homePainted - navigationStart, lessonMs: lessonPainted - clickedAt };
  } finally {
    await context.close();
  }
}

/** Navigation start → the lesson's text painted, the lesson opened directly (no harness, no shell). */
async function bareLaunch(browser: Browser, baseURL: string, version: Version): Promise<number> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${contentPrefix}${coursePackage[version]}/${firstLesson}`);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    return (await firstPaintAt(page.mainFrame())) - navigationStart;
  } finally {
    await context.close();
  }
}

// ─── main ────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_PATH or run `npx playwright install chromium`');

  // 1. Build + package.
  const build = await buildAndPackage();
  if (!existsSync(path.join(projectRoot, 'dist/packages'))) throw new Error('dist/packages is missing: run without --no-build');
  section(
    'Build + package',
    build
      ? table(
          ['step', 'time'],
          [
            ['astro build', seconds(build.astroBuildMs)],
            ['node scripts/package.ts', seconds(build.packageMs)],
            ['total', seconds(build.astroBuildMs + build.packageMs)],
          ],
        )
      : '(skipped: --no-build)',
  );

  // 2. Zips.
  const zips = zipFigures();
  section(
    'Packages (dist/packages)',
    table(
      ['zip', 'bytes', 'KB', 'files'],
      zips.map((z) => [z.zip, z.bytes, (z.bytes / 1024).toFixed(1), z.files]),
    ),
  );

  // 3. Pages.
  const pages = measureSite(readSiteDir(path.join(projectRoot, 'dist/site')));
  if (pages.length === 0) throw new Error('dist/site has no HTML pages (a build running elsewhere?): run the bench again');
  section(
    'Pages (dist/site; JS = module scripts + their static imports, recursively; gzip -9 per file, summed)',
    table(
      ['page', 'HTML', 'HTML gz', 'CSS', 'CSS gz', 'JS', 'JS gz', 'JS files'],
      pages.map((p) => [p.page, kb(p.html.raw), kb(p.html.gzip), kb(p.css.raw), kb(p.css.gzip), kb(p.js.raw), kb(p.js.gzip), p.js.files.length]),
    ),
  );
  const unresolved = pages.flatMap((p) => p.unresolved.map((reference) => `${p.page}: ${reference}`));
  if (unresolved.length) console.log(`\nReferences outside the site (not measured):\n  ${unresolved.join('\n  ')}`);

  // 4. Worst-case suspend_data.
  const suspendChars = await worstCaseSuspendData();
  section(
    'Worst-case suspend_data (src/scorm/worst-case-suspend.test.ts)',
    table(['limit', 'characters'], [['worst case', suspendChars], ['SCORM 1.2 limit', 4096], ['course budget', 2048]]),
  );

  // 5 and 6 need the browser and the test server.
  const server = await startServer();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const journeys: JourneyFigures[] = [];
    for (const version of ['1.2', '2004'] as const) journeys.push(await journey(browser, server.baseURL, version));
    section(
      'LMS API calls, full journey (7 lessons with checks, exam passed, 保存并退出) in the scorm-again harness',
      table(
        ['SCORM', 'duration', 'total calls', 'GetValue', 'SetValue', 'Commit', 'other', 'answered "false"', 'final status', 'score'],
        journeys.map((j) => [j.version, seconds(j.durationMs), j.total, j.getValue, j.setValue, j.commit, j.other, j.answeredFalse, j.status, j.score]),
      ),
    );
    for (const j of journeys) {
      const parts = Object.entries(j.byFunction).map(([fn, n]) => `${fn} ${n}`);
      console.log(`  ${j.version}: ${parts.join(', ')}`);
    }
    if (journeys.some((j) => j.answeredFalse > 0)) console.log('  WARNING: some calls were answered "false"');

    // Launch timing: one untimed warm-up of each kind, then `runs` rounds, kinds interleaved to share the noise.
    const versions = ['1.2', '2004'] as const;
    const harnessRuns: Record<Version, LaunchRun[]> = { '1.2': [], '2004': [] };
    const bareRuns: number[] = [];
    for (const version of versions) await harnessLaunch(browser, server.baseURL, version);
    await bareLaunch(browser, server.baseURL, '1.2');
    for (let round = 0; round < runs; round++) {
      for (const version of versions) harnessRuns[version].push(await harnessLaunch(browser, server.baseURL, version));
      bareRuns.push(await bareLaunch(browser, server.baseURL, '1.2'));
    }
    const bare = median(bareRuns);
    const launch = versions.map((version) => {
      const list = harnessRuns[version];
      const home = median(list.map((r) => r.homeMs));
      const lesson = median(list.map((r) => r.lessonMs));
      const total = median(list.map((r) => r.homeMs + r.lessonMs));
      return { version, homeMs: home, lessonMs: lesson, totalMs: total, runs: list };
    });
    section(
      `Launch → first lesson text painted (median of ${runs} runs, fresh browser context each; first-contentful-paint of the page)`,
      table(
        ['how', 'launch → home text', 'click → lesson text', 'launch → lesson text*', 'vs bare'],
        [
          ...launch.map((l) => [
            `harness, SCORM ${l.version}`,
            millis(l.homeMs),
            millis(l.lessonMs),
            millis(l.totalMs),
            `${(l.totalMs / bare).toFixed(1)}×`,
          ]),
          [`bare ${firstLesson}`, '—', '—', millis(bare), '1.0×'],
        ],
      ),
    );
    console.log(
      '  * harness: harness navigation start → home text painted, plus click on 开始学习 → lesson text painted' +
        ' (the learner’s own delay left out).\n    bare: the same lesson file opened directly at its deep URL,' +
        ' navigation start → text painted. Timings are noisy on a shared machine; nothing asserts them.',
    );

    // The course's own start-up: framed by a minimal SCORM 1.2 LMS vs the home page opened bare.
    const framed = await framedVersusBare(browser, server.baseURL, runs);
    printLaunch(framed);

    const figures = {
      date: new Date().toISOString(),
      node: process.version,
      chromium: browser.version(),
      build,
      zips,
      pages: pages.map((p) => ({
        page: p.page,
        html: { raw: p.html.raw, gzip: p.html.gzip },
        css: { raw: p.css.raw, gzip: p.css.gzip, files: p.css.files },
        js: { raw: p.js.raw, gzip: p.js.gzip, files: p.js.files },
      })),
      suspendData: { worstCaseCharacters: suspendChars },
      journeys,
      launch: { runs, lesson: firstLesson, harness: launch, bare: { medianMs: bare, runs: bareRuns } },
      framedVersusBare: framed,
    };
    writeFileSync(path.join(projectRoot, 'dist/bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nFigures written to dist/bench.json · bench took ${seconds(performance.now() - benchStarted)}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
