// What `npm test` (scripts/test.ts) repeats from Playwright's list report after its closing line.

/**
 * The reason of each failure in Playwright's list report: the block after `  1) <spec>:<line>:<col> › <title> ───`
 * (a long title gets no ─ rule), up to its code frame, without blank lines, at most 10 lines, plus the
 * `at <spec>:<line>` that names the failing assertion.
 */
const blockHead = /^\s+\d+\) (\S+\.spec\.ts:\d+:\d+ › .*?)\s*─*\s*$/;

export function playwrightFailureReasons(output: string): string[] {
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const reasons: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = blockHead.exec(lines[i]!);
    if (!head) continue;
    const why: string[] = [];
    let where = '';
    for (let j = i + 1; j < lines.length && !blockHead.test(lines[j]!) && !/^\s+\d+ (failed|passed|flaky)/.test(lines[j]!); j++) {
      const line = lines[j]!.trim();
      if (!where && /^at .+\.spec\.ts:\d+/.test(line)) where = line.replace(/^at .*?(e2e\/)/, 'at $1');
      if (/^>?\s*\d+ \|/.test(line) || /^\|/.test(line) || /^at /.test(line) || line.startsWith('Error Context:')) continue;
      if (line && why.length < 10) why.push(line);
    }
    reasons.push(`${head[1]}\n      ${[...why, where].filter(Boolean).join('\n      ')}`);
  }
  return reasons;
}
