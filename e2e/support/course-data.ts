import { readFileSync } from 'node:fs';
import { decodeSuspendData, encodeSuspendData, ModuleFlag } from '../../src/scorm/suspend-data.ts';
import { decodeExamState, encodeExamState, type ExamState } from '../../src/exam/exam-state.ts';
import { loadBank } from '../../src/quizzes/load-bank.ts';
import { rules } from '../../src/rules/index.ts';
import { breakingLines } from '../../src/quizzes/engine/index.ts';
import { drawExamFor, type ExamKind } from '../../src/exam/exam-draw.ts';
import { loadCourseConfig } from '../../src/config/load-config.ts';
import type { BankItem } from '../../src/quizzes/schema.ts';

/** What the built launch page tells the shell (the JSON in index.html / refresher.html). */
export interface BuiltCourseData {
  identifier: string;
  courseTag: string;
  contentHash: string;
  modules: Array<{ id: string; hasCheck: boolean; needsRoleplay?: boolean }>;
}

export function builtCourseData(launch: 'index.html' | 'refresher.html' = 'index.html'): BuiltCourseData {
  const html = readFileSync(`dist/site/${launch}`, 'utf8');
  const json = /<script type="application\/json" id="course-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error(`no course data in dist/site/${launch}`);
  return JSON.parse(json) as BuiltCourseData;
}

/** suspend_data as the course itself would write it, e.g. every module completed, or an exam in a given state. */
export function suspendDataFor(
  options: { modulesDone?: boolean; exam?: ExamState; launch?: 'index.html' | 'refresher.html' } = {},
): string {
  const data = builtCourseData(options.launch);
  const all = ModuleFlag.visited | ModuleFlag.reachedEnd | ModuleFlag.checkAnswered | ModuleFlag.roleplayDone;
  const modules = data.modules.map(() => (options.modulesDone ? all : 0));
  const segments: Record<string, string> = options.exam ? { ex: encodeExamState(options.exam) } : {};
  return encodeSuspendData({ modules, segments }, data.courseTag, data.contentHash);
}

/** The exam state inside a suspend_data string of this course (e.g. what the LMS holds); undefined if it is not one. */
export function examStateIn(suspendData: string, launch: 'index.html' | 'refresher.html' = 'index.html'): ExamState | undefined {
  const data = builtCourseData(launch);
  const decoded = decodeSuspendData(suspendData, data.courseTag, data.contentHash, data.modules.length);
  return decoded.status === 'ok' ? decodeExamState(decoded.state.segments.ex) : undefined;
}

export const config = loadCourseConfig();
export const bank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));

/** The questions a learner gets in an attempt: the same seeded draw the exam page makes (src/exam/exam-draw.ts). */
export function drawFor(learnerId: string, attempt: number, mode: 'course' | 'refresher' | ExamKind = 'certification'): BankItem[] {
  const kind: ExamKind = mode === 'course' ? 'certification' : mode;
  const { size, quotas, require } = config.exam;
  return drawExamFor(bank, { size, quotas, require, edition: config.edition }, learnerId, kind, attempt);
}

/** The fully right response of an item, in authored indexes. */
export function correctResponse(item: BankItem): unknown {
  switch (item.type) {
    case 'single':
      return 0;
    case 'multiple':
      return item.answers.map((_, index) => index);
    case 'truefalse':
      return item.answer;
    case 'ordering':
      return item.steps.map((_, index) => index);
    case 'matching':
      return item.pairs.map((_, index) => index);
    case 'spotting':
      return breakingLines(item);
  }
}

/** A fully wrong response of an item. */
export function wrongResponse(item: BankItem): unknown {
  switch (item.type) {
    case 'single':
      return 1;
    case 'multiple':
      return [item.answers.length];
    case 'truefalse':
      return !item.answer;
    case 'ordering':
      return item.steps.map((_, index) => index).reverse();
    case 'matching':
      return item.pairs.map((_, index) => (index + 1) % item.pairs.length);
    case 'spotting':
      return item.lines.flatMap((line, index) => (line.breaks ? [] : [index]));
  }
}
