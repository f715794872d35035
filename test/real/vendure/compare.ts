// Field-by-field comparison of what the connector produced with what the real server reports
// through its Admin API (an independent query, not the connector's own document).
import { expect } from 'vitest';
import type { ChannelOrder } from '../../../src/model/index.js';
import { reconciliationDifference } from '../../../src/model/index.js';
import type { GraphQLSession } from './graphql.js';

const ADDRESS = 'fullName company streetLine1 streetLine2 city province postalCode countryCode phoneNumber';
export const SERVER_ORDER = `query($id: ID!) { order(id: $id) {
  id code state orderPlacedAt updatedAt currencyCode subTotal shipping total totalWithTax
  customer { firstName lastName emailAddress phoneNumber }
  shippingAddress { ${ADDRESS} } billingAddress { ${ADDRESS} }
  lines { id quantity unitPrice linePrice proratedLinePrice proratedLinePriceWithTax productVariant { sku name } }
  shippingLines { price discountedPrice }
  discounts { amount }
} }`;

interface ServerAddress { fullName: string; company: string; streetLine1: string; streetLine2: string; city: string; province: string; postalCode: string; countryCode: string; phoneNumber: string }
export interface ServerOrder {
  id: string; code: string; state: string; orderPlacedAt: string; updatedAt: string; currencyCode: string;
  subTotal: number; shipping: number; total: number; totalWithTax: number;
  customer: { firstName: string; lastName: string; emailAddress: string; phoneNumber: string };
  shippingAddress: ServerAddress; billingAddress: ServerAddress;
  lines: { id: string; quantity: number; unitPrice: number; linePrice: number; proratedLinePrice: number; proratedLinePriceWithTax: number; productVariant: { sku: string; name: string } }[];
  shippingLines: { price: number; discountedPrice: number }[];
  discounts: { amount: number }[];
}

export async function serverOrder(admin: GraphQLSession, id: string): Promise<ServerOrder> {
  const data = await admin.send<{ order: ServerOrder }>(SERVER_ORDER, { id });
  return data.order;
}

export function expectSameOrder(ours: ChannelOrder, server: ServerOrder): void {
  const c = server.currencyCode;
  const at = `order ${server.code}`;
  expect(ours.externalId, at).toBe(server.id);
  expect(ours.number, at).toBe(server.code);
  expect(ours.placedAt, at).toBe(server.orderPlacedAt);
  expect(ours.updatedAt, at).toBe(server.updatedAt);
  expect(ours.currency, at).toBe(c);
  expect(ours.total, at).toEqual({ amount: server.totalWithTax, currency: c });
  expect(ours.taxTotal, at).toEqual({ amount: server.totalWithTax - server.total, currency: c });
  expect(ours.shippingTotal, at).toEqual({ amount: server.shippingLines.reduce((s, l) => s + l.price, 0), currency: c });
  expect(ours.subtotal, at).toEqual({ amount: server.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0), currency: c });
  // Vendure's own discounts, plus the rounding cents of net unit prices in tax-inclusive channels.
  const rounding = server.lines.reduce((s, l) => s + l.unitPrice * l.quantity - l.linePrice, 0);
  expect(ours.discountTotal, at).toEqual({ amount: -server.discounts.reduce((s, d) => s + d.amount, 0) + rounding, currency: c });
  expect(reconciliationDifference(ours), at).toBe(0);
  expect(ours.customer, at).toEqual({
    email: server.customer.emailAddress, name: `${server.customer.firstName} ${server.customer.lastName}`, phone: server.customer.phoneNumber,
  });
  for (const [mine, theirs] of [[ours.shippingAddress, server.shippingAddress], [ours.billingAddress, server.billingAddress]] as const) {
    expect(mine, at).toEqual({
      name: theirs.fullName, company: theirs.company || null, line1: theirs.streetLine1, line2: theirs.streetLine2 || null, city: theirs.city,
      region: theirs.province || null, postalCode: theirs.postalCode, countryCode: theirs.countryCode, phone: theirs.phoneNumber || null,
    });
  }
  expect(ours.lines, at).toEqual(server.lines.map((line) => ({
    externalId: line.id, sku: line.productVariant.sku, title: line.productVariant.name, quantity: line.quantity,
    unitPrice: { amount: line.unitPrice, currency: c },
    tax: { amount: line.proratedLinePriceWithTax - line.proratedLinePrice, currency: c },
    discount: { amount: line.unitPrice * line.quantity - line.proratedLinePrice, currency: c },
  })));
}
