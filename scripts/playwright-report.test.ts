import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playwrightFailureReasons } from './playwright-report.ts';

// A real list report of one failing test (CI=true, no colours), with the colour codes a terminal run adds.
const report = [
  '',
  '  \u001b[31m✘\u001b[39m  1 e2e/a.spec.ts:2:1 › counts (27ms)',
  '',
  '  1) e2e/a.spec.ts:2:1 › counts ──────────────────────',
  '',
  '    Error: the count',
  '',
  '    expect(received).toBe(expected) // Object.is equality',
  '',
  '    Expected: 2',
  '    Received: 1',
  '',
  '      1 | import { expect, test } from \'@playwright/test\';',
  "    > 3 |   expect(1, 'the count').toBe(2);",
  '        |                          ^',
  '        at /tmp/tmp.x/e2e/a.spec.ts:3:26',
  '',
  '    Error Context: test-results/a-counts/error-context.md',
  '',
  '  2) e2e/b.spec.ts:9:1 › waits, with a title so long that the list reporter draws no rule after it at all ',
  '',
  '    Error: expect(locator).toBeVisible() failed',
  '        at /tmp/tmp.x/e2e/support/exam.ts:40:3',
  '        at /tmp/tmp.x/e2e/b.spec.ts:12:5',
  '',
  '  2 failed',
  '    e2e/a.spec.ts:2:1 › counts ───',
].join('\n');

test('each failure: its title, the error lines without the code frame, and the spec line that failed', () => {
  assert.deepEqual(playwrightFailureReasons(report), [
    'e2e/a.spec.ts:2:1 › counts\n      Error: the count\n      expect(received).toBe(expected) // Object.is equality\n      Expected: 2\n      Received: 1\n      at e2e/a.spec.ts:3:26',
    'e2e/b.spec.ts:9:1 › waits, with a title so long that the list reporter draws no rule after it at all\n      Error: expect(locator).toBeVisible() failed\n      at e2e/b.spec.ts:12:5',
  ]);
});

test('a report without failures gives none', () => {
  assert.deepEqual(playwrightFailureReasons('\n  ✓  1 e2e/a.spec.ts:2:1 › counts (27ms)\n\n  1 passed (1.0s)\n'), []);
});
