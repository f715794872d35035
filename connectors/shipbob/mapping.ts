// Pure functions between the normalized order and ShipBob's order model.
import { formatMoney, paymentAllowsShipping, type Order } from '../../src/connector-kit/index.js';
import type { ShipBobCreateOrder, ShipBobOrder } from './types.js';

/** Our reference: unique per ShipBob account (`reference_id`, 1–300 characters). */
export function orderReference(order: Order): string {
  return `${order.channel}:${order.externalId}`;
}

/** Why this order must not reach the WMS (routing should already keep it away), or undefined. */
export function wmsRefusal(order: Order): string | undefined {
  const which = `order ${order.number} (${orderReference(order)})`;
  if (order.fulfilledBy === 'channel') {
    return `not for the WMS: ${which} is fulfilled by the channel (e.g. Amazon FBA); add a routing rule "unless: { fulfilledBy: channel }" for this target`;
  }
  if (order.fulfillmentStatus === 'cancelled') return `not for the WMS: ${which} is cancelled`;
  if (!paymentAllowsShipping(order.financialStatus)) {
    return `not for the WMS: ${which} is ${order.financialStatus}; only paid or authorized orders are sent for fulfillment (route with "when: { financialStatus: [paid, authorized] }")`;
  }
  return undefined;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The Create Order body (ReferenceId product model: product `reference_id` = SKU). */
export function toShipBobOrder(order: Order, shippingMethod: string): Mapped<ShipBobCreateOrder> {
  const address = order.shippingAddress;
  const name = address?.name ?? order.customer.name;
  if (!address || !address.line1 || !address.city || !address.countryCode || !name) {
    return { ok: false, reason: `order ${order.number} has no complete shipping address (ShipBob needs a recipient name, address1, city and country)` };
  }
  const lines = order.lines.filter((line) => line.quantity > 0);
  const noSku = lines.filter((line) => !line.sku);
  if (noSku.length > 0) {
    return { ok: false, reason: `order ${order.number}: line(s) ${noSku.map((l) => l.externalId).join(', ')} have no SKU; ShipBob identifies products by reference_id = SKU` };
  }
  if (lines.length === 0) return { ok: false, reason: `order ${order.number} has no lines to ship` };
  return {
    ok: true,
    value: {
      reference_id: orderReference(order),
      order_number: order.number,
      type: 'DTC',
      shipping_method: shippingMethod,
      purchase_date: order.placedAt,
      recipient: {
        name,
        email: order.customer.email,
        phone_number: address.phone ?? order.customer.phone,
        address: {
          address1: address.line1, address2: address.line2, company_name: address.company, city: address.city,
          state: address.region, country: address.countryCode, zip_code: address.postalCode,
        },
      },
      // ShipBob takes decimal numbers; formatMoney keeps the exact decimal digits.
      products: lines.map((line) => ({ reference_id: line.sku!, name: line.title, quantity: line.quantity, unit_price: Number(formatMoney(line.unitPrice)) })),
      financials: { total_price: Number(formatMoney(order.total)) },
      tags: [{ name: 'ordersync_channel', value: order.channel }],
    },
  };
}

/** The fields that matter to the warehouse and differ between ShipBob's record and the order now. */
export function relevantChanges(remote: ShipBobOrder, wanted: ShipBobCreateOrder): string[] {
  const changes: string[] = [];
  const have = quantitiesBySku(remote.products?.map((p) => [p.reference_id ?? '', p.quantity ?? 0]) ?? []);
  const want = quantitiesBySku(wanted.products.map((p) => [p.reference_id, p.quantity]));
  for (const sku of new Set([...have.keys(), ...want.keys()])) {
    if ((have.get(sku) ?? 0) !== (want.get(sku) ?? 0)) changes.push(`quantity of ${sku} (${have.get(sku) ?? 0} → ${want.get(sku) ?? 0})`);
  }
  const a = remote.recipient?.address ?? {};
  const b = wanted.recipient.address;
  if (!same(remote.recipient?.name, wanted.recipient.name)) changes.push('recipient name');
  for (const key of ['address1', 'address2', 'city', 'state', 'zip_code', 'country'] as const) {
    if (!same(a[key], b[key])) changes.push(`address ${key}`);
  }
  return changes;
}

function quantitiesBySku(pairs: [string, number][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [sku, quantity] of pairs) out.set(sku, (out.get(sku) ?? 0) + quantity);
  return out;
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? '').trim() === (b ?? '').trim();

export type FulfillmentState = 'open' | 'shipped' | 'cancelled' | 'unknown';

/** Order status → whether the warehouse can still stop it (status reference: developer.shipbob.com/status-reference). */
export function orderState(status: string | null | undefined): FulfillmentState {
  switch (status) {
    case 'Processing': case 'Exception': case 'ImportReview': return 'open';
    case 'PartiallyFulfilled': case 'Fulfilled': return 'shipped';
    case 'Cancelled': return 'cancelled';
    default: return 'unknown';
  }
}

/** Shipment status → the same question; a printed label (LabeledCreated) is already on its way out. */
export function shipmentState(status: string | null | undefined): FulfillmentState {
  switch (status) {
    case 'None': case 'Processing': case 'Exception': case 'OnHold': case 'ImportReview': return 'open';
    case 'Completed': case 'LabeledCreated': return 'shipped';
    case 'Cancelled': case 'CleanSweeped': return 'cancelled';
    default: return 'unknown';
  }
}

/** The order's overall state: shipped if it or any shipment has left (or is labelled). */
export function fulfillmentState(remote: ShipBobOrder): FulfillmentState {
  const states = [orderState(remote.status), ...(remote.shipments ?? []).map((s) => shipmentState(s.status))];
  if (states.includes('shipped')) return 'shipped';
  if (orderState(remote.status) === 'cancelled') return 'cancelled';
  if (states.includes('unknown')) return 'unknown';
  return 'open';
}
