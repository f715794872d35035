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

/**
 * Payment states in which a parcel may leave: paid, or authorized — the buyer's money is held and
 * taken when the order ships (Amazon charges every merchant-fulfilled order at shipment;
 * Shopify's manual capture does the same). Pending, voided and refunded orders do not ship.
 */
const SHIPPABLE = new Set<Order['financialStatus']>(['paid', 'authorized', 'partially_refunded']);

export const paymentAllowsShipping = (status: Order['financialStatus']): boolean => SHIPPABLE.has(status);

/**
 * Why a carrier must not buy a label for this order (routing should already keep it away), or
 * undefined. `which` names the order in the message, e.g. with the carrier's own reference.
 */
export function labelRefusal(order: Order, which = `order ${order.number} (${order.channel}:${order.externalId})`): string | undefined {
  if (order.fulfilledBy === 'channel') return `no label: ${which} is fulfilled by the channel (e.g. Amazon FBA); route it elsewhere`;
  if (order.fulfillmentStatus === 'cancelled') return `no label: ${which} is cancelled`;
  if (!paymentAllowsShipping(order.financialStatus)) return `no label: ${which} is ${order.financialStatus}; labels are bought for paid or authorized orders only`;
  return undefined;
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
