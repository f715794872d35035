// The CSV files a merchant hands ordersync (stock levels, SKU mapping): a header line naming the
// columns, then one record per line. Every problem is reported with its line number, all at once.
import { ConfigError } from '../errors.js';

const MAX_PROBLEMS = 20;

/**
 * Calls `visit` with each record's trimmed values by column name and its line number; `visit`
 * answers the record's problems (none: an empty list). Throws one ConfigError naming them all.
 */
export function visitCsvRecords<C extends string>(
  text: string, columns: readonly C[], file: string, hint: string, visit: (values: Record<C, string>, line: number) => string[],
): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.trim().toLowerCase());
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ConfigError(`${file} line 1: the header must name the columns ${columns.join(',')} (missing: ${missing.join(', ')})`);
  }
  const problems: string[] = [];
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    let cells: string[];
    try {
      cells = splitCsvLine(raw);
    } catch (error) {
      problems.push(`line ${i + 1}: ${(error as Error).message}`);
      continue;
    }
    const values = Object.fromEntries(columns.map((column) => [column, (cells[header.indexOf(column)] ?? '').trim()])) as Record<C, string>;
    problems.push(...visit(values, i + 1).map((problem) => `line ${i + 1}: ${problem}`));
  }
  if (problems.length > 0) {
    throw new ConfigError(`${file} has ${problems.length >= MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, { hint });
  }
}

/** One CSV record (RFC 4180 quoting: "a ""quoted"" value", commas inside quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (char === ',') { cells.push(cell); cell = ''; }
    else cell += char;
  }
  if (quoted) throw new Error('a quoted value is not closed');
  cells.push(cell);
  return cells;
}
