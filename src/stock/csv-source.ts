// A stock source for merchants without an ERP or WMS: a CSV file `sku,location,on_hand` with a
// header line. Every problem is reported with its line number, all at once.
import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import type { StockReading } from '../connector-kit/stock.js';

const COLUMNS = ['sku', 'location', 'on_hand'] as const;
const MAX_PROBLEMS = 20;

export interface CsvStock {
  levels: StockReading[];
  /** When the file was written (its mtime): the instant its figures are true of. */
  writtenAt: number;
}

export function readStockCsv(file: string): CsvStock {
  let text: string;
  let writtenAt: number;
  try {
    text = readFileSync(file, 'utf8');
    writtenAt = statSync(file).mtimeMs;
  } catch (error) {
    throw new ConfigError(`stock CSV ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'check `stock.source.csv` in the config (relative to the config file)',
    });
  }
  return { levels: parseStockCsv(text, file), writtenAt: Math.floor(writtenAt) };
}

export function parseStockCsv(text: string, file = 'stock CSV'): StockReading[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    throw new ConfigError(`${file} line 1: the header must name the columns sku,location,on_hand (missing: ${missing.join(', ')})`);
  }
  const levels: StockReading[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const at = `line ${i + 1}`;
    let cells: string[];
    try {
      cells = splitCsvLine(raw);
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
      continue;
    }
    const sku = (cells[index.sku] ?? '').trim();
    const location = (cells[index.location] ?? '').trim() || 'default';
    const quantity = (cells[index.on_hand] ?? '').trim();
    if (!sku) problems.push(`${at}: the sku is empty`);
    if (!/^-?\d+$/.test(quantity) || !Number.isSafeInteger(Number(quantity))) problems.push(`${at}: on_hand "${quantity.slice(0, 40)}" is not a whole number`);
    const key = `${sku}\u0000${location}`;
    if (sku && seen.has(key)) problems.push(`${at}: ${sku} at ${location} is listed already on line ${seen.get(key)}`);
    seen.set(key, i + 1);
    if (problems.length === 0) levels.push({ sku, location, onHand: Number(quantity) });
  }
  if (problems.length > 0) {
    throw new ConfigError(`${file} has ${problems.length >= MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
      hint: 'fix each line above; the file was not read into the ledger',
    });
  }
  return levels;
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
