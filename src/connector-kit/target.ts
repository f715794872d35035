// A target connector receives one delivery at a time and answers with an outcome value;
// the push engine owns queues, retries and the ledger.
import type { z } from 'zod';
import { HttpError } from '../http/errors.js';
import type { OrderEvent } from '../model/event.js';
import type { Money } from '../model/order.js';
import type { MockApi } from '../mock/server.js';
import type { MockOptions } from './channel.js';
import type { ConnectorContext } from './context.js';
import type { ShipmentToConfirm } from './fulfillment.js';
import type { StockPage, StockPushResult, StockUpdate } from './stock.js';
import type { ShipmentPage } from './shipments.js';

export interface Delivery {
  id: number;
  /** Stable across retries and crashes: send it where the API takes one. */
  idempotencyKey: string;
  attempt: number;
  event: OrderEvent;
  /** What this target answered for an earlier event of the same order (e.g. its record id). */
  previousExternalRef: string | null;
  /** For a `shipment.created` event: the shipment to confirm on the order's channel. */
  shipment?: ShipmentToConfirm;
}

/** A label a carrier target bought: recorded as a `shipment.created` event on the order. */
export interface LabelShipment {
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string | null;
  cost: Money;
}

export type DeliveryOutcome =
  | { status: 'ok'; externalRef: string | null; shipment?: LabelShipment }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'rejected'; reason: string }
  | { status: 'unauthorized'; reason: string };

export interface RateLimit {
  concurrency: number;
  /** At most `intervalCap` requests per `interval` milliseconds. */
  intervalCap: number;
  interval: number;
}

export interface TargetDefinition<Settings = unknown> {
  role: 'target';
  id: string;
  displayName: string;
  docsUrl: string;
  settings: z.ZodType<Settings>;
  /** Defaults from the API's published limits; config may lower or raise them. */
  rateLimit: RateLimit;
  verify?(ctx: ConnectorContext<Settings>): Promise<void>;
  deliver(ctx: ConnectorContext<Settings>, delivery: Delivery): Promise<DeliveryOutcome>;
  /** Reports on-hand quantities when this target is the stock source (see ./stock.ts). */
  pullStock?(ctx: ConnectorContext<Settings>): AsyncIterable<StockPage>;
  /**
   * When this target is named in `stock.targets`: sets its on-hand quantity of each master SKU to
   * the stock source's figure (`quantity`, all the source's locations together), in the API's
   * batch form where it has one; one answer per update (see ./stock.ts).
   */
  pushStock?(ctx: ConnectorContext<Settings>, updates: StockUpdate[]): Promise<StockPushResult[]>;
  /** Reports the parcels a WMS shipped, from the cursor it last yielded (see ./shipments.ts). */
  pullShipments?(ctx: ConnectorContext<Settings>, cursor: unknown): AsyncIterable<ShipmentPage>;
  mock?(options: MockOptions): MockApi;
}

export function defineTarget<Settings>(definition: Omit<TargetDefinition<Settings>, 'role'>): TargetDefinition<Settings> {
  return { role: 'target', ...definition };
}

/** The outcome an HTTP failure implies: transient → retry, 401/403 → unauthorized, other 4xx → rejected. */
export function outcomeFromError(error: unknown): DeliveryOutcome {
  if (error instanceof HttpError) {
    if (error.transient) return { status: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs };
    if (error.status === 401 || error.status === 403) return { status: 'unauthorized', reason: error.message };
    return { status: 'rejected', reason: error.message };
  }
  return { status: 'rejected', reason: error instanceof Error ? error.message : String(error) };
}
