// Carrying a shipment back to the channel the order came from: the tracking number, once.
import type { Order } from '../model/order.js';
import type { DeliveryOutcome } from './target.js';
import type { ConnectorContext } from './context.js';

export interface ShipmentToConfirm {
  /** The ledger's id of the shipment: stable, to recognise our own fulfillment on the channel. */
  id: number;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  /** The order lines in this parcel; empty means every line still open. */
  lines: { externalId: string; quantity: number }[];
}

export interface FulfillmentRequest {
  order: Order;
  shipment: ShipmentToConfirm;
  /** Stable across retries and crashes. */
  idempotencyKey: string;
  attempt: number;
}

/**
 * A channel that takes tracking back implements this. It must look up the fulfillments the
 * channel already holds for the order first and answer `ok` without a second call when this
 * tracking number is already there (a crash between the channel's confirmation and the ledger
 * update resends the request). `externalRef` is the channel's fulfillment id.
 */
export type PushFulfillment<Settings> = (ctx: ConnectorContext<Settings>, request: FulfillmentRequest) => Promise<DeliveryOutcome>;
