// What ordersync should report for an order, worked out from the Medusa server's own answer to
// GET /admin/orders/:id (its default retrieve fields) and from what the test placed — written
// apart from the connector's mapping so that the two can disagree.
import type { ChannelOrder } from '../../../src/model/index.js';
import type { OrderSpec } from '../../../scripts/real/medusa/orders.js';

/** Major units (a JSON number) → minor units, half away from zero, via decimal text. */
export function minor(value: number, exponent = 2): number {
  const negative = value < 0;
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(12).split('.');
  const kept = BigInt(whole + fraction.slice(0, exponent)) + ((fraction[exponent] ?? '0') >= '5' ? 1n : 0n);
  return (negative ? -1 : 1) * Number(kept);
}

export interface Expectation {
  /** What the server should report (payment_status, fulfillment_status, status)… */
  server: { payment: string; fulfillment: string; order: string };
  /** …and what ordersync should make of it. */
  financialStatus: ChannelOrder['financialStatus'];
  fulfillmentStatus: ChannelOrder['fulfillmentStatus'];
}

// Written out per case here rather than imported from the connector's status tables.
const FINANCIAL: Record<string, ChannelOrder['financialStatus']> = { authorized: 'authorized', captured: 'paid', canceled: 'voided' };
const FULFILLMENT: Record<string, ChannelOrder['fulfillmentStatus']> = { not_fulfilled: 'unfulfilled', fulfilled: 'fulfilled' };

export function want(payment: string, fulfillment: string, order: string): Expectation {
  return {
    server: { payment, fulfillment, order },
    financialStatus: FINANCIAL[payment]!,
    fulfillmentStatus: order === 'canceled' ? 'cancelled' : FULFILLMENT[fulfillment]!,
  };
}

/** Field-by-field differences between the connector's order and the server's, as readable lines. */
export function compareWithServer(actual: ChannelOrder, server: Record<string, any>, spec: OrderSpec, want: Expectation): string[] {
  const problems: string[] = [];
  const check = (field: string, got: unknown, expected: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${actual.externalId} ${field}: got ${JSON.stringify(got)}, server says ${JSON.stringify(expected)}`);
  };
  const currency = String(server.currency_code).toUpperCase();
  const money = (value: number) => ({ amount: minor(value), currency });
  check('externalId', actual.externalId, server.id);
  check('number', actual.number, String(server.display_id));
  check('placedAt', actual.placedAt, new Date(server.created_at).toISOString());
  check('updatedAt', actual.updatedAt, new Date(server.updated_at).toISOString());
  check('currency', actual.currency, spec.region.toUpperCase());
  check('server payment_status', server.payment_status, want.server.payment);
  check('server fulfillment_status', server.fulfillment_status, want.server.fulfillment);
  check('server status', server.status, want.server.order);
  check('financialStatus', actual.financialStatus, want.financialStatus);
  check('fulfillmentStatus', actual.fulfillmentStatus, want.fulfillmentStatus);
  check('subtotal', actual.subtotal, money(server.item_subtotal));
  check('shippingTotal', actual.shippingTotal, money(server.shipping_subtotal));
  check('taxTotal', actual.taxTotal, money(server.tax_total));
  check('discountTotal', actual.discountTotal, money(server.discount_subtotal + (server.credit_line_total ?? 0)));
  check('total', actual.total, money(server.total));
  check('customer.email', actual.customer.email, spec.email);
  check('customer.name', actual.customer.name, `${spec.address.first_name} ${spec.address.last_name}`);
  for (const [field, address] of [['shippingAddress', actual.shippingAddress], ['billingAddress', actual.billingAddress]] as const) {
    check(field, address, {
      name: `${spec.address.first_name} ${spec.address.last_name}`, company: spec.address.company ?? null,
      line1: spec.address.address_1, line2: spec.address.address_2 ?? null, city: spec.address.city,
      region: spec.address.province ?? null, postalCode: spec.address.postal_code,
      countryCode: spec.address.country_code.toUpperCase(), phone: spec.address.phone ?? null,
    });
  }
  const items = new Map<string, any>(server.items.map((item: any) => [item.id, item]));
  check('line ids', actual.lines.map((l) => l.externalId).sort(), [...items.keys()].sort());
  for (const line of actual.lines) {
    const item = items.get(line.externalId);
    if (!item) continue;
    check(`line ${line.externalId} sku`, line.sku, item.variant_sku);
    check(`line ${line.externalId} quantity`, line.quantity, item.quantity);
    check(`line ${line.externalId} unitPrice`, line.unitPrice, money(item.unit_price));
    check(`line ${line.externalId} tax`, line.tax, money(item.tax_total));
    check(`line ${line.externalId} discount`, line.discount, money(item.discount_subtotal ?? 0));
    check(`line ${line.externalId} title`, line.title, `${item.title} - ${item.subtitle}`);
  }
  const specLines = spec.lines.map((l) => `${l.sku}×${l.quantity}`).sort();
  check('lines (as placed)', actual.lines.map((l) => `${l.sku}×${l.quantity}`).sort(), specLines);
  return problems;
}

/** The normalized fields that differ between two versions of one order (raw left out). */
export function changedFields(before: ChannelOrder, after: ChannelOrder): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('raw');
  return [...keys].filter((key) => JSON.stringify((before as any)[key]) !== JSON.stringify((after as any)[key])).sort();
}
