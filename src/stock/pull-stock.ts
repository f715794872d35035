// `stock pull`: reads the source's on-hand levels into the ledger, with the acknowledgements
// that stop counted orders from reserving (see src/ledger/migrations/004-stock.ts).
import type { ConnectorContext, StockPage, StockReading } from '../connector-kit/index.js';
import type { Acknowledgement, Ledger, LevelsResult } from '../ledger/index.js';
import { readStockCsv } from './csv-source.js';
import { OrdersyncError, EXIT } from '../errors.js';

export class StockSourceError extends OrdersyncError {
  constructor(message: string) {
    super('stock_source_empty', message, EXIT.failed, { hint: 'check the source (or the CSV file); to really sell nothing, list each SKU with on_hand 0' });
  }
}

export interface StockSourceTarget {
  name: string;
  definition: { id: string; pullStock?(ctx: ConnectorContext<never>): AsyncIterable<StockPage> };
  ctx: ConnectorContext<unknown>;
}

export type StockSourceRuntime = { kind: 'target'; target: StockSourceTarget } | { kind: 'csv'; file: string };

export interface StockPullReport extends LevelsResult {
  source: string;
  levels: number;
}

/** The name levels are kept under: the target's name, or `csv:<path>`. */
export function sourceName(source: StockSourceRuntime): string {
  return source.kind === 'target' ? source.target.name : `csv:${source.file}`;
}

export async function pullStockLevels(ledger: Ledger, source: StockSourceRuntime, now: () => number = Date.now): Promise<StockPullReport> {
  const name = sourceName(source);
  let readings: StockReading[];
  let ack: Acknowledgement;
  if (source.kind === 'csv') {
    const csv = readStockCsv(source.file);
    readings = csv.levels;
    ack = { kind: 'placed-before', at: csv.writtenAt };
  } else {
    const { target } = source;
    const pull = target.definition.pullStock;
    if (!pull) throw new Error(`bug: target ${target.name} has no pullStock`);
    // Only deliveries finished before the read began can be in the figures read.
    const started = now();
    readings = [];
    for await (const page of pull(target.ctx as ConnectorContext<never>)) readings.push(...page.levels);
    ack = { kind: 'delivered', target: target.name, before: started };
  }
  const levels = sumDuplicates(readings);
  // An empty answer is far likelier a broken export than a warehouse emptied overnight.
  if (levels.length === 0 && ledger.stock.levels(name).length > 0) {
    throw new StockSourceError(`stock source ${name} reported no levels at all; the ledger keeps the last ones (nothing was set to 0)`);
  }
  const result = ledger.stock.recordLevels(name, levels, ack, now());
  return { source: name, levels: levels.length, ...result };
}

/** A source may report one SKU and location in parts (lots, packages): they add up. */
function sumDuplicates(readings: readonly StockReading[]): StockReading[] {
  const byKey = new Map<string, StockReading>();
  for (const reading of readings) {
    const key = `${reading.sku}\u0000${reading.location}`;
    const seen = byKey.get(key);
    if (seen) seen.onHand += reading.onHand;
    else byKey.set(key, { ...reading });
  }
  return [...byKey.values()];
}
