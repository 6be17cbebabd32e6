/**
 * One error type for everything that is wrong with an input file. HR reads the message, so it names the file, the
 * row (1-based, as a spreadsheet program shows it) and the column (number and header), says what was expected and
 * what to do. The CLI prints it and exits with code 2 before anything is written.
 */
export interface Where {
  readonly file: string;
  /** 1-based row as shown by a spreadsheet program (the header is row 1). */
  readonly row?: number;
  /** 1-based column. */
  readonly column?: number;
  /** The column's header text, when there is one. */
  readonly header?: string;
}

export class AnalyticsError extends Error {
  override name = 'AnalyticsError';
  readonly where: Where;
  constructor(where: Where, message: string) {
    super(`${formatWhere(where)}：${message}`);
    this.where = where;
  }
}

/** A column number as a spreadsheet letter: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function formatWhere(where: Where): string {
  const parts = [`文件 ${where.file}`];
  if (where.row !== undefined) parts.push(`第 ${where.row} 行`);
  if (where.column !== undefined) {
    parts.push(`第 ${where.column} 列（${columnLetter(where.column)}${where.header ? `，“${where.header}”` : ''}）`);
  }
  return parts.join('，');
}
