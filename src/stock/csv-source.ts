// A stock source for merchants without an ERP or WMS: a CSV file `sku,location,on_hand` with a
// header line (read as ./csv.ts reads every CSV: each bad line named, all at once).
import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import type { StockReading } from '../connector-kit/stock.js';
import { visitCsvRecords } from './csv.js';

const COLUMNS = ['sku', 'location', 'on_hand'] as const;

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
  const levels: StockReading[] = [];
  const seen = new Map<string, number>();
  visitCsvRecords(text, COLUMNS, file, 'fix each line above; the file was not read into the ledger', (values, line) => {
    const problems: string[] = [];
    const { sku, on_hand: quantity } = values;
    const location = values.location || 'default';
    if (!sku) problems.push('the sku is empty');
    if (!/^-?\d+$/.test(quantity) || !Number.isSafeInteger(Number(quantity))) problems.push(`on_hand "${quantity.slice(0, 40)}" is not a whole number`);
    const key = `${sku}\u0000${location}`;
    if (sku && seen.has(key)) problems.push(`${sku} at ${location} is listed already on line ${seen.get(key)}`);
    seen.set(key, line);
    levels.push({ sku, location, onHand: Number(quantity) });
    return problems;
  });
  return levels;
}
