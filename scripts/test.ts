// `npm test`: everything a change must pass, in the order a failure is cheapest to read:
// type-check → unit tests → build + package → browser tests (after making sure a Chromium exists).
// It prints one closing line `tests: N passed, N failed` summing the unit and browser runners.
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Reads the runner's own closing counts from its output. */
  counts?: (output: string) => { passed: number; failed: number };
}

const nodeTestCounts = (output: string) => ({
  passed: Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0),
  failed: Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0),
});

const playwrightCounts = (output: string) => ({
  passed: Number(/^\s*(\d+) passed/m.exec(output)?.[1] ?? 0),
  failed: Number(/^\s*(\d+) failed/m.exec(output)?.[1] ?? 0),
});

const steps: Step[] = [
  { name: 'type-check (astro check)', command: 'astro', args: ['check'] },
  {
    name: 'unit tests',
    command: 'node',
    args: ['--test', '--test-isolation=none', '--test-reporter=spec', 'src/**/*.test.ts'],
    counts: nodeTestCounts,
  },
  { name: 'build + package', command: 'npm', args: ['run', '--silent', 'package'] },
  { name: 'browser', command: 'node', args: ['scripts/ensure-browser.ts'] },
  { name: 'browser tests (Playwright)', command: 'playwright', args: ['test'], counts: playwrightCounts },
];

function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    console.log(`\n━━ ${step.name}: ${step.command} ${step.args.join(' ')}`);
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

let passed = 0;
let failed = 0;
let exitCode = 0;
const started = Date.now();
for (const step of steps) {
  const { code, output } = await run(step);
  if (step.counts) {
    const counts = step.counts(output);
    passed += counts.passed;
    failed += counts.failed;
  }
  if (code !== 0) {
    console.error(`\n✖ ${step.name} failed (exit ${code})`);
    exitCode = code;
    if (!step.counts) {
      failed += 1; // a failed check or build counts as a failure, not silence
      break;
    }
    // A red test runner does not stop the later steps: one failing unit test (e.g. the bank lint while the bank is
    // being rewritten) must not hide what the build and the browser tests say.
  }
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
