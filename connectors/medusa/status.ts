// Medusa 2's three order statuses → ordersync's two. Sources: see types.ts.
import type { FinancialStatus, FulfillmentStatus } from '../../src/model/index.js';
import type { MedusaFulfillmentStatus, MedusaOrderStatus, MedusaPaymentStatus } from './types.js';

// payment_status is aggregated over the order's payment collections.
export const PAYMENT_STATUS_MAP: Record<MedusaPaymentStatus, FinancialStatus> = {
  not_paid: 'pending',
  awaiting: 'pending',                 // a payment session exists, nothing authorized yet
  requires_action: 'pending',          // e.g. 3-D Secure pending: no money promised yet
  authorized: 'authorized',
  partially_authorized: 'authorized',  // some collections authorized, none captured
  partially_captured: 'authorized',    // not all of it is in: the rest is still only authorized
  captured: 'paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  canceled: 'voided',                  // every payment collection canceled
};

// fulfillment_status is aggregated over the order's fulfillments (packed → shipped → delivered).
export const FULFILLMENT_STATUS_MAP: Record<MedusaFulfillmentStatus, FulfillmentStatus> = {
  not_fulfilled: 'unfulfilled',
  partially_fulfilled: 'partial',
  partially_shipped: 'partial',
  partially_delivered: 'partial',
  fulfilled: 'fulfilled',
  shipped: 'fulfilled',
  delivered: 'fulfilled',
  canceled: 'unfulfilled',             // every fulfillment was canceled: the goods are to ship again
};

// The order's own status overrides the fulfillment status only when the order is canceled;
// the others (pending, completed, draft, archived, requires_action) leave both statuses as
// payment and fulfillment report them.
export const ORDER_STATUS_OVERRIDE: Record<MedusaOrderStatus, FulfillmentStatus | null> = {
  pending: null,
  completed: null,
  draft: null,
  archived: null,
  requires_action: null,
  canceled: 'cancelled',
};

export function toFinancialStatus(payment: MedusaPaymentStatus): FinancialStatus {
  return PAYMENT_STATUS_MAP[payment];
}

export function toFulfillmentStatus(order: MedusaOrderStatus, fulfillment: MedusaFulfillmentStatus): FulfillmentStatus {
  return ORDER_STATUS_OVERRIDE[order] ?? FULFILLMENT_STATUS_MAP[fulfillment];
}
