import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourseConfig } from '../config/load-config.ts';
import { analyze } from './analyze.ts';
import { AnalyticsError } from './errors.ts';
import { readItemMap } from './item-map.ts';
import { loadOptionTexts } from './option-texts.ts';
import { renderCsvFiles } from './render-csv.ts';
import { renderHtml } from './render-html.ts';
import { writeAtomically } from './write-output.ts';

/**
 * `npm run analyze -- <export files…> [--item-map file] [--out dir] [--pseudonymize [--salt S]]`.
 * Exit codes: 0 report written · 1 unexpected failure · 2 bad input (the message names file, row and column) or bad
 * arguments. Nothing is written unless everything succeeded.
 */
export const USAGE = `用法：npm run analyze -- <导出文件…> [选项]

导出文件：Moodle SCORM 报表（Interactions / Basic / Objectives，text 或 Excel 格式）、成绩簿导出（CSV），
或长表格式 CSV（learner, attempt, interaction_id, response, result[, score, timestamp, correct_response, name]）。

选项：
  --item-map <文件>   考题对照表（默认 dist/packages/<课程标识>-item-map.csv，由 npm run package 生成）
  --out <目录>        输出目录（默认 analytics-report）：report.html、report.json、csv/*.csv
  --pseudonymize      用化名代替学员姓名和邮箱
  --salt <文本>       化名密钥（也可用环境变量 ANALYTICS_SALT）；同一密钥总得到同一化名
  --pass-mark <分>    及格分（默认取 course.config.yaml 的 exam.passMark）
  --attempts <次>     考试次数（默认取 course.config.yaml 的 exam.attempts）
  --help              显示本说明`;

export const DEFAULT_SALT = 'yks-service-conduct-analytics';

export interface CliIo {
  log(message: string): void;
  error(message: string): void;
}

export async function runAnalyze(argv: readonly string[], io: CliIo = console, now = new Date()): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'item-map': { type: 'string' },
        out: { type: 'string' },
        pseudonymize: { type: 'boolean' },
        salt: { type: 'string' },
        'pass-mark': { type: 'string' },
        attempts: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.error(`参数错误：${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.error(`没有给出导出文件。\n\n${USAGE}`);
    return 2;
  }
  try {
    let identifier: string | null = null;
    let passMark = 80;
    let attempts = 3;
    try {
      const config = loadCourseConfig();
      identifier = config.course.identifier;
      passMark = config.exam.passMark;
      attempts = config.exam.attempts;
    } catch {
      // Without course.config.yaml the defaults of the course apply; --pass-mark and --attempts override.
    }
    if (values['pass-mark'] !== undefined) passMark = Number(values['pass-mark']);
    if (values.attempts !== undefined) attempts = Number(values.attempts);
    if (!Number.isInteger(passMark) || passMark < 1 || passMark > 100) {
      io.error(`--pass-mark 应为 1–100 的整数，这里是 “${values['pass-mark']}”。`);
      return 2;
    }
    if (!Number.isInteger(attempts) || attempts < 1) {
      io.error(`--attempts 应为正整数，这里是 “${values.attempts}”。`);
      return 2;
    }
    const mapPath = values['item-map'] ?? (identifier ? path.join('dist', 'packages', `${identifier}-item-map.csv`) : '');
    if (!mapPath || !existsSync(mapPath)) {
      io.error(
        values['item-map']
          ? `找不到考题对照表 ${values['item-map']}。`
          : `找不到考题对照表 ${mapPath || 'dist/packages/<课程标识>-item-map.csv'}。请先运行 npm run package 生成（它必须与上传到 LMS 的课件包是同一次构建），` +
              '或用 --item-map 指定当时生成的 item-map.csv。',
      );
      return 2;
    }
    const itemMap = readItemMap(mapPath, path.basename(mapPath));
    const salt = values.salt ?? process.env.ANALYTICS_SALT;
    const options = loadOptionTexts(path.join('src', 'quizzes', 'bank'), itemMap);
    const report = await analyze({
      files: positionals.map((file) => ({ path: file, name: path.basename(file) })),
      itemMap,
      passMark,
      maxAttempts: attempts,
      courseIdentifier: identifier ?? undefined,
      pseudonymize: values.pseudonymize ? { salt: salt ?? DEFAULT_SALT, defaultSalt: salt === undefined } : undefined,
      generatedAt: now,
      optionTexts: options.texts,
      optionTextsNote: options.note,
    });
    const csv = renderCsvFiles(report);
    const files: Record<string, string> = {
      'report.html': renderHtml(report),
      'report.json': `${JSON.stringify(report, null, 2)}\n`,
      ...Object.fromEntries(Object.entries(csv).map(([name, text]) => [`csv/${name}`, text])),
    };
    const out = values.out ?? 'analytics-report';
    writeAtomically(out, files);
    const c = report.cohort;
    io.log(
      `报告已写入 ${path.join(out, 'report.html')}（及 report.json、csv/ 下 ${Object.keys(csv).length} 个 CSV）\n` +
        `学员 ${c.learners} 人，有逐题数据 ${c.learnersWithItems} 人；考试 ${c.examAttempts} 次，作答 ${c.responses} 次，题目 ${c.itemsSeen} 道。`,
    );
    for (const notice of report.notices) io.log(`注意：${notice}`);
    if (values.pseudonymize && salt === undefined) io.log('注意：没有指定 --salt，化名使用公开的默认密钥。');
    return 0;
  } catch (error) {
    if (error instanceof AnalyticsError) {
      io.error(`分析失败，没有写出任何文件。\n${error.message}`);
      return 2;
    }
    io.error(`分析失败，没有写出任何文件。\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
