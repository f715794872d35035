// Stock: a target that is a source of truth for on-hand quantities reports them (`pullStock`),
// and a channel that sells from that stock takes the quantities it may sell (`pushStock`).
// Neither touches the ledger: the stock runner records levels and push results.
import type { ConnectorContext } from './context.js';

/** One on-hand figure as the source reports it: whole units, any sign (some ERPs go negative). */
export interface StockReading {
  sku: string;
  location: string;
  onHand: number;
}

/** One page of a source's levels; a pull yields every level it knows (a full snapshot). */
export interface StockPage {
  levels: StockReading[];
}

/**
 * The quantity a channel should offer for one of its SKUs (available-to-sell), or a target should
 * hold on hand of a master SKU (the source's figure); `previous` is what we last pushed (null: never).
 */
export interface StockUpdate {
  sku: string;
  quantity: number;
  previous: number | null;
}

/**
 * Per SKU: `ok` (the channel holds the quantity now), `rejected` (the channel refused it, e.g. an
 * unknown SKU: not retried until the quantity changes), `retry` (transient: tried again next run).
 */
export interface StockPushResult {
  sku: string;
  status: 'ok' | 'rejected' | 'retry';
  reason?: string;
}

export interface StockSource<Settings = unknown> {
  pullStock(ctx: ConnectorContext<Settings>): AsyncIterable<StockPage>;
}

export interface StockChannel<Settings = unknown> {
  /** Sends every update, in the API's batch form where it has one; one answer per update. */
  pushStock(ctx: ConnectorContext<Settings>, updates: StockUpdate[]): Promise<StockPushResult[]>;
}
