// SKU mapping for catalogues too big for the config: a CSV file `channel,channel_sku,master_sku`
// with a header line (config `stock.skuMapCsv`), read when the config is loaded and merged with
// `stock.skuMap`, each bad line named (./csv.ts).
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { visitCsvRecords } from './csv.js';

const COLUMNS = ['channel', 'channel_sku', 'master_sku'] as const;

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
  const map: SkuMap = {};
  const seen = new Map<string, number>();
  visitCsvRecords(text, COLUMNS, file, 'fix each line above; nothing was run', ({ channel, channel_sku: channelSku, master_sku: masterSku }, line) => {
    const problems: string[] = [];
    if (!channels.includes(channel)) problems.push(`no channel named "${channel}" (channels: ${channels.join(', ') || 'none'})`);
    if (!channelSku) problems.push('the channel_sku is empty');
    if (!masterSku) problems.push('the master_sku is empty');
    const key = `${channel}\u0000${channelSku}`;
    if (channelSku && seen.has(key)) problems.push(`${channel} ${channelSku} is mapped already on line ${seen.get(key)}`);
    seen.set(key, line);
    (map[channel] ??= {})[channelSku] = masterSku;
    return problems;
  });
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
