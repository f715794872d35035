// WooCommerce order → normalized order (pure).
import type { Address, ChannelOrder, FinancialStatus, FulfillmentStatus } from '../../src/model/index.js';
import { parseMoney } from '../../src/model/index.js';
import { mapRawOrder, type MapResult } from '../../src/connector-kit/index.js';
import { WooOrder, type WooAddress, type WooOrderStatus } from './types.js';

// What each documented status means for money and for shipping.
export const STATUS_MAP: Record<WooOrderStatus, { financial: FinancialStatus; fulfillment: FulfillmentStatus }> = {
  pending: { financial: 'pending', fulfillment: 'unfulfilled' },          // awaiting payment
  'checkout-draft': { financial: 'pending', fulfillment: 'unfulfilled' }, // Blocks checkout in progress
  'on-hold': { financial: 'pending', fulfillment: 'unfulfilled' },        // awaiting payment confirmation
  processing: { financial: 'paid', fulfillment: 'unfulfilled' },          // paid, to be shipped
  completed: { financial: 'paid', fulfillment: 'fulfilled' },
  cancelled: { financial: 'voided', fulfillment: 'cancelled' },
  refunded: { financial: 'refunded', fulfillment: 'cancelled' },
  failed: { financial: 'voided', fulfillment: 'cancelled' },              // payment failed or declined
  trash: { financial: 'voided', fulfillment: 'cancelled' },
};

export function toChannelOrder(raw: unknown): MapResult {
  return mapRawOrder(raw, { what: 'woocommerce order', schema: WooOrder, idOf: (woo) => String(woo.id), map: mapOrder });
}

function mapOrder(woo: WooOrder, raw: unknown): ChannelOrder {
  const currency = woo.currency.toUpperCase();
  const money = (value: string) => parseMoney(value, currency);
  const lines = woo.line_items.map((item) => {
    if (item.quantity <= 0) throw new Error(`line ${item.id} has quantity ${item.quantity}`);
    const subtotal = money(item.subtotal);
    return {
      externalId: String(item.id),
      sku: item.sku || null,
      title: item.name,
      quantity: item.quantity,
      // Woo keeps the line subtotal, not an exact unit price: the unit price is derived.
      unitPrice: { amount: Math.round(subtotal.amount / item.quantity), currency },
      tax: money(item.total_tax),
      discount: { amount: subtotal.amount - money(item.total).amount, currency },
    };
  });
  // Fees (payment surcharges, gift wrap) are charged like lines, so they are carried as lines.
  const fees = woo.fee_lines.map((fee) => ({
    externalId: `fee-${fee.id}`, sku: null, title: fee.name, quantity: 1,
    unitPrice: money(fee.total), tax: money(fee.total_tax), discount: { amount: 0, currency },
  }));
  const lineSubtotals = woo.line_items.reduce((sum, item) => sum + money(item.subtotal).amount, 0);
  const feeTotals = fees.reduce((sum, fee) => sum + fee.unitPrice.amount, 0);
  const status = STATUS_MAP[woo.status];
  const refunded = woo.refunds.length > 0 && status.financial === 'paid';
  return {
    channelKind: 'woocommerce',
    externalId: String(woo.id),
    number: woo.number,
    placedAt: gmt(woo.date_created_gmt),
    updatedAt: gmt(woo.date_modified_gmt),
    financialStatus: refunded ? 'partially_refunded' : status.financial,
    fulfillmentStatus: status.fulfillment,
    fulfilledBy: 'merchant',
    currency,
    subtotal: { amount: lineSubtotals + feeTotals, currency },
    shippingTotal: money(woo.shipping_total),
    taxTotal: money(woo.total_tax),
    discountTotal: money(woo.discount_total),
    total: money(woo.total),
    customer: {
      email: woo.billing.email || null,
      name: fullName(woo.billing) || null,
      phone: woo.billing.phone || null,
    },
    shippingAddress: toAddress(woo.shipping),
    billingAddress: toAddress(woo.billing),
    lines: [...lines, ...fees],
    tags: [],
    raw,
  };
}

function toAddress(address: WooAddress): Address | null {
  if (!address.address_1 && !address.city && !address.country) return null;
  return {
    name: fullName(address) || null,
    company: address.company || null,
    line1: address.address_1 || null,
    line2: address.address_2 || null,
    city: address.city || null,
    region: address.state || null,
    postalCode: address.postcode || null,
    countryCode: address.country ? address.country.toUpperCase() : null,
    phone: address.phone || null,
  };
}

const fullName = (address: WooAddress): string => `${address.first_name} ${address.last_name}`.trim();
const gmt = (value: string): string => `${value}Z`.replace(/^(.{19})Z$/, '$1.000Z');

