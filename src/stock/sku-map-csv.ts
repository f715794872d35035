// SKU mapping for catalogues too big for the config: a CSV file `channel,channel_sku,master_sku`
// with a header line (config `stock.skuMapCsv`), read when the config is loaded and merged with
// `stock.skuMap`. Every problem is reported with its line number, all at once.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { splitCsvLine } from './csv-source.js';

const COLUMNS = ['channel', 'channel_sku', 'master_sku'] as const;
const MAX_PROBLEMS = 20;

/** Per channel: channel SKU → master SKU, as `stock.skuMap` holds it. */
export type SkuMap = Record<string, Record<string, string>>;

export function readSkuMapCsv(file: string, channels: readonly string[]): SkuMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`SKU map CSV ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'check `stock.skuMapCsv` in the config (relative to the config file)',
    });
  }
  return parseSkuMapCsv(text, channels, file);
}

export function parseSkuMapCsv(text: string, channels: readonly string[], file = 'SKU map CSV'): SkuMap {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    throw new ConfigError(`${file} line 1: the header must name the columns channel,channel_sku,master_sku (missing: ${missing.join(', ')})`);
  }
  const map: SkuMap = {};
  const seen = new Map<string, number>();
  const problems: string[] = [];
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
    const [channel, channelSku, masterSku] = COLUMNS.map((column) => (cells[index[column]] ?? '').trim()) as [string, string, string];
    if (!channels.includes(channel)) problems.push(`${at}: no channel named "${channel}" (channels: ${channels.join(', ') || 'none'})`);
    if (!channelSku) problems.push(`${at}: the channel_sku is empty`);
    if (!masterSku) problems.push(`${at}: the master_sku is empty`);
    const key = `${channel}\u0000${channelSku}`;
    if (channelSku && seen.has(key)) problems.push(`${at}: ${channel} ${channelSku} is mapped already on line ${seen.get(key)}`);
    seen.set(key, i + 1);
    if (problems.length === 0) (map[channel] ??= {})[channelSku] = masterSku;
  }
  if (problems.length > 0) {
    throw new ConfigError(`${file} has ${problems.length >= MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
      hint: 'fix each line above; nothing was run',
    });
  }
  return map;
}

/** The config's table and the CSV together; a channel SKU mapped differently in both is a problem. */
export function mergeSkuMaps(fromConfig: SkuMap, fromCsv: SkuMap): { map: SkuMap; problems: string[] } {
  const map: SkuMap = Object.fromEntries(Object.entries(fromConfig).map(([channel, skus]) => [channel, { ...skus }]));
  const problems: string[] = [];
  for (const [channel, skus] of Object.entries(fromCsv)) {
    for (const [channelSku, masterSku] of Object.entries(skus)) {
      const already = map[channel]?.[channelSku];
      if (already !== undefined && already !== masterSku) {
        problems.push(`stock.skuMap.${channel}.${channelSku}: maps to "${already}", and the SKU map CSV maps it to "${masterSku}"`);
      }
      (map[channel] ??= {})[channelSku] = already ?? masterSku;
    }
  }
  return { map, problems };
}
