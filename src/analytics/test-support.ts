// Helpers for the analytics unit tests (not part of the tool).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from './analyze.ts';
import type { AnalyzeOptions, Report } from './analyze.ts';
import { readItemMap } from './item-map.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/moodle-4.3/', import.meta.url));

export const fixture = (name: string) => path.join(FIXTURES, name);

export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'analytics-test-'));

export const fixtureItemMap = () => readItemMap(fixture('item-map.csv'), 'item-map.csv');

export function analyzeFiles(paths: readonly string[], extra: Partial<AnalyzeOptions> = {}): Promise<Report> {
  return analyze({
    files: paths.map((p) => ({ path: p.includes('/') ? p : fixture(p), name: path.basename(p) })),
    itemMap: fixtureItemMap(),
    passMark: 80,
    maxAttempts: 3,
    generatedAt: new Date('2026-12-01T12:00:00Z'),
    ...extra,
  });
}

/** The figures of a report without where they came from (file names and formats differ between forms). */
export function figures(report: Report): Omit<Report, 'sources' | 'notices'> {
  const { sources: _sources, notices: _notices, ...rest } = report;
  return rest;
}
