// Medusa 2 admin order → normalized order (pure).
//
// Medusa's order totals: total = item_subtotal + shipping_subtotal + tax_total − discount_subtotal
// − credit_line_total (@medusajs/utils totals/cart decorateCartTotals). The subtotals are before
// tax and discounts; discount_subtotal is the pre-tax discount (tax_total is already after
// discounts). Credit lines (store credit, and refunds booked against the order) lower the total,
// so they are counted with the discounts to keep the parts adding up to Medusa's own total.
import type { Address, ChannelOrder, Money, OrderLine } from '../../src/model/index.js';
import { mapRawOrder, type MapResult } from '../../src/connector-kit/index.js';
import { readAmount } from './money.js';
import { toFinancialStatus, toFulfillmentStatus } from './status.js';
import { MedusaOrder, type MedusaAddress, type MedusaLineItem } from './types.js';

export function toChannelOrder(raw: unknown): MapResult {
  return mapRawOrder(raw, { what: 'medusa order', schema: MedusaOrder, idOf: (order) => order.id, map: mapOrder });
}

function mapOrder(order: MedusaOrder, raw: unknown): ChannelOrder {
  const currency = order.currency_code.toUpperCase();
  const record = order as unknown as Record<string, unknown>;
  const money = (field: string): Money => readAmount(record, field, currency);
  const lines = order.items.map((item) => toLine(item, currency));
  const itemSubtotal = order.item_subtotal === undefined || order.item_subtotal === null
    ? { amount: order.items.reduce((sum, item) => sum + readAmount(item as unknown as Record<string, unknown>, 'subtotal', currency).amount, 0), currency }
    : money('item_subtotal');
  const discount = money('discount_subtotal').amount + money('credit_line_total').amount;
  const billing = toAddress(order.billing_address);
  const shipping = toAddress(order.shipping_address);
  const customerName = fullName(order.customer) || billing?.name || shipping?.name || null;
  return {
    channelKind: 'medusa',
    externalId: order.id,
    number: order.custom_display_id || String(order.display_id),
    placedAt: new Date(order.created_at).toISOString(),
    updatedAt: new Date(order.updated_at).toISOString(),
    financialStatus: toFinancialStatus(order.payment_status),
    fulfillmentStatus: toFulfillmentStatus(order.status, order.fulfillment_status),
    fulfilledBy: 'merchant',
    currency,
    subtotal: itemSubtotal,
    shippingTotal: money('shipping_subtotal'),
    taxTotal: money('tax_total'),
    discountTotal: { amount: discount, currency },
    total: money('total'),
    customer: {
      email: order.email || order.customer?.email || null,
      name: customerName,
      phone: order.customer?.phone || billing?.phone || shipping?.phone || null,
    },
    shippingAddress: shipping,
    billingAddress: billing,
    lines,
    tags: [],
    raw,
  };
}

function toLine(item: MedusaLineItem, currency: string): OrderLine {
  const record = item as unknown as Record<string, unknown>;
  // A tax-inclusive unit price holds tax; the normalized unit price is net, like Medusa's subtotal.
  const unitPrice = item.is_tax_inclusive && item.quantity > 0
    ? { amount: Math.round(readAmount(record, 'subtotal', currency).amount / item.quantity), currency }
    : readAmount(record, 'unit_price', currency);
  return {
    externalId: item.id,
    sku: item.variant_sku || null,
    title: item.subtitle && item.subtitle !== item.title ? `${item.title} - ${item.subtitle}` : item.title,
    quantity: item.quantity,
    unitPrice,
    tax: readAmount(record, 'tax_total', currency),
    discount: readAmount(record, 'discount_subtotal', currency),
  };
}

function toAddress(address: MedusaAddress | null | undefined): Address | null {
  if (!address || (!address.address_1 && !address.city && !address.country_code)) return null;
  const country = (address.country_code ?? '').toUpperCase();
  return {
    name: fullName(address) || null,
    company: address.company || null,
    line1: address.address_1 || null,
    line2: address.address_2 || null,
    city: address.city || null,
    region: address.province || null,
    postalCode: address.postal_code || null,
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    phone: address.phone || null,
  };
}

function fullName(person: { first_name?: string | null; last_name?: string | null } | null | undefined): string {
  return `${person?.first_name ?? ''} ${person?.last_name ?? ''}`.trim();
}

