import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { readSheet } from 'read-excel-file/node';
import { AnalyticsError } from './errors.ts';

/**
 * Reads any supported export as rows of strings, one at a time: the header is row 1, as a spreadsheet program
 * numbers it. Text files (Moodle's "text format" = tab-separated, the gradebook's comma-separated CSV, the long
 * format) are streamed through csv-parse, so memory does not grow with the file. Excel files are read with
 * read-excel-file; an .xlsx sheet is one zipped XML document, and Moodle's report workbooks are small.
 */
export interface TableRow {
  /** 1-based row number; the header is row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

export type TableFormat = 'text' | 'xlsx';

export interface OpenedTable {
  readonly format: TableFormat;
  /** Field separator of a text file. */
  readonly delimiter?: string;
  readonly rows: AsyncIterable<TableRow>;
}

const SNIFF_BYTES = 64 * 1024;

async function sniff(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The separator of the first line: Moodle's text format is tab-separated, its gradebook CSV comma-separated. */
export function detectDelimiter(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export async function openTable(path: string, name: string): Promise<OpenedTable> {
  let head: Buffer;
  try {
    head = await sniff(path);
  } catch (error) {
    throw new AnalyticsError({ file: name }, `无法读取文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）。请检查路径。`);
  }
  const lower = name.toLowerCase();
  if (lower.endsWith('.ods')) {
    throw new AnalyticsError(
      { file: name },
      'ODS 格式暂不支持。请在 Moodle 报表的下载菜单里选 “Download in text format”（文本）或 “Download in Excel format”（Excel）。',
    );
  }
  if (isZip(head) || lower.endsWith('.xlsx')) {
    if (!isZip(head)) {
      const hint = head.subarray(0, 6).toString('latin1') === '</div>'
        ? 'Moodle 4.3 在报表没有任何数据行时会在文件开头多写一个 “</div>”，这样的 Excel 文件打不开：请先确认报表里有学员的记录。'
        : '文件内容不是 Excel 工作簿（.xlsx 是 zip 压缩包）。请重新从 Moodle 下载，不要用其他程序另存。';
      throw new AnalyticsError({ file: name }, `无法作为 Excel 文件读取。${hint}`);
    }
    return { format: 'xlsx', rows: xlsxRows(path, name) };
  }
  if (head.includes(0)) {
    throw new AnalyticsError({ file: name }, '这是二进制文件，不是文本格式的导出（Moodle 的 text format 或 CSV）。');
  }
  try {
    // A multi-byte character may straddle the end of the sniffed chunk: decode in streaming mode.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length === SNIFF_BYTES });
  } catch {
    throw new AnalyticsError(
      { file: name },
      '文件不是 UTF-8 编码（可能被 Excel 以 GBK/ANSI 另存过）。请使用从 Moodle 直接下载的原始文件，或另存为 “CSV UTF-8”。',
    );
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  return { format: 'text', delimiter, rows: textRows(path, name, delimiter) };
}

async function* textRows(path: string, name: string, delimiter: string): AsyncGenerator<TableRow> {
  // relax_column_count: a ragged row is reported by the caller, which knows the header and the file kind
  // (Moodle's Objectives report is ragged by design); a quote left open is csv-parse's error, mapped below.
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const code = (error as { code?: string }).code ?? '';
    const what = code === 'CSV_QUOTE_NOT_CLOSED'
      ? '引号没有闭合，文件可能被截断（下载未完成）或被编辑过'
      : `无法解析（${(error as Error).message}）`;
    throw new AnalyticsError({ file: name, row: lines ?? row + 1 }, `${what}。请重新从 LMS 下载完整的文件。`);
  }
}

async function* xlsxRows(path: string, name: string): AsyncGenerator<TableRow> {
  let data: unknown[][];
  try {
    data = (await readSheet(path)) as unknown[][];
  } catch (error) {
    throw new AnalyticsError(
      { file: name },
      `无法读取 Excel 工作簿（${(error as Error).message}）。文件可能不完整或已损坏，请重新从 Moodle 下载。`,
    );
  }
  // read-excel-file pads every row to the sheet's width, so a ragged row cannot show here; a cut-off workbook
  // fails as a whole above (its zip directory is at the end of the file).
  let row = 0;
  for (const cells of data) {
    row += 1;
    yield { row, cells: cells.map(cellText) };
  }
}
