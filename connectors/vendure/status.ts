// Vendure order state (+ payments and fulfillments) → normalized financial / fulfillment status.
// States: the default OrderProcess (config/order/default-order-process.ts). Payment states
// 'Authorized' | 'Settled' | 'Declined' | 'Error' | 'Cancelled' and Refund state 'Settled' come
// from the default PaymentProcess and RefundProcess.
import type { FinancialStatus, FulfillmentStatus } from '../../src/model/index.js';
import type { VendureFulfillment, VendureOrderState, VendurePayment } from './types.js';

interface StateMeaning {
  financial: FinancialStatus;
  /** `derive`: the state says nothing about shipping, so the fulfillments decide. */
  fulfillment: FulfillmentStatus | 'derive';
}

export const STATE_MAP: Record<VendureOrderState, StateMeaning> = {
  Created: { financial: 'pending', fulfillment: 'unfulfilled' },           // just created, no lines yet
  Draft: { financial: 'pending', fulfillment: 'unfulfilled' },             // admin-built draft order
  AddingItems: { financial: 'pending', fulfillment: 'unfulfilled' },       // an active cart
  ArrangingPayment: { financial: 'pending', fulfillment: 'unfulfilled' },  // checkout, payment not yet added
  PaymentAuthorized: { financial: 'authorized', fulfillment: 'unfulfilled' },
  PaymentSettled: { financial: 'paid', fulfillment: 'unfulfilled' },
  PartiallyShipped: { financial: 'paid', fulfillment: 'partial' },
  Shipped: { financial: 'paid', fulfillment: 'fulfilled' },
  PartiallyDelivered: { financial: 'paid', fulfillment: 'partial' },
  Delivered: { financial: 'paid', fulfillment: 'fulfilled' },
  // An admin is editing a placed order: money and shipping stay as they were.
  Modifying: { financial: 'paid', fulfillment: 'derive' },
  // A modification raised the total above what was paid: the difference is awaited.
  ArrangingAdditionalPayment: { financial: 'pending', fulfillment: 'derive' },
  Cancelled: { financial: 'voided', fulfillment: 'cancelled' },
};

export interface StatusInput {
  state: string;
  totalWithTax: number;
  lines: { id: string; quantity: number }[];
  payments?: VendurePayment[] | null;
  fulfillments?: VendureFulfillment[] | null;
}

export function mapStatus(order: StatusInput): { financial: FinancialStatus; fulfillment: FulfillmentStatus } {
  const known = STATE_MAP[order.state as VendureOrderState] as StateMeaning | undefined;
  const meaning = known ?? { financial: fromPayments(order), fulfillment: 'derive' };
  const fulfillment = meaning.fulfillment === 'derive' ? fromFulfillments(order) : meaning.fulfillment;
  return { financial: refineWithPayments(meaning.financial, order.payments), fulfillment };
}

/** The payments say more than the state about refunds and about capture. */
function refineWithPayments(financial: FinancialStatus, payments: VendurePayment[] | null | undefined): FinancialStatus {
  if (!payments) return financial;
  const settled = sumWhere(payments, 'Settled');
  const authorized = sumWhere(payments, 'Authorized');
  const refunded = payments.flatMap((p) => p.refunds).filter((r) => r.state === 'Settled').reduce((sum, r) => sum + r.total, 0);
  if (refunded > 0) return refunded >= settled ? 'refunded' : 'partially_refunded';
  // Modifying an authorized order: nothing has been captured yet.
  if (financial === 'paid' && settled === 0 && authorized > 0) return 'authorized';
  // Cancelled after capture and not refunded (yet): the buyer's money is still held.
  if (financial === 'voided' && settled > 0) return 'paid';
  return financial;
}

/** For custom OrderProcess states: what the payments cover. */
function fromPayments(order: StatusInput): FinancialStatus {
  const payments = order.payments ?? [];
  const settled = sumWhere(payments, 'Settled');
  const authorized = sumWhere(payments, 'Authorized');
  if (settled > 0 && settled >= order.totalWithTax) return 'paid';
  if (authorized > 0 && settled + authorized >= order.totalWithTax) return 'authorized';
  return 'pending';
}

/** Units in live (not cancelled) fulfillments against the lines' quantities. */
function fromFulfillments(order: StatusInput): FulfillmentStatus {
  const shipped = new Map<string, number>();
  for (const fulfillment of order.fulfillments ?? []) {
    if (fulfillment.state === 'Cancelled') continue;
    for (const line of fulfillment.lines) shipped.set(line.orderLineId, (shipped.get(line.orderLineId) ?? 0) + line.quantity);
  }
  const lines = order.lines.filter((line) => line.quantity > 0);
  const total = [...shipped.values()].reduce((sum, q) => sum + q, 0);
  if (lines.length === 0 || total === 0) return 'unfulfilled';
  return lines.every((line) => (shipped.get(line.id) ?? 0) >= line.quantity) ? 'fulfilled' : 'partial';
}

function sumWhere(payments: VendurePayment[], state: string): number {
  return payments.filter((p) => p.state === state).reduce((sum, p) => sum + p.amount, 0);
}
