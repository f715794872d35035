// Seeded Medusa 2 orders for the mock, shaped like GET /admin/orders answers of a 2.21.2 server
// (taxes and discounts unrounded, totals as JSON numbers, line amounts also as raw_* text).
import { intBetween, pick, type Random } from '../../src/mock/index.js';
import { jsonNumber, nano, percentOf, rawValue, sum, type Nano } from './mock-decimal.js';
import type { MedusaFulfillmentStatus, MedusaOrderStatus, MedusaPaymentStatus } from './types.js';

export const MOCK_PRODUCTS = [
  { sku: 'TEE-BLK-M', title: 'Logo Tee', variant: 'M', price: { eur: '19.99', usd: '24.5', jpy: '2900' } },
  { sku: 'TEE-BLK-L', title: 'Logo Tee', variant: 'L', price: { eur: '21.49', usd: '26.25', jpy: '3100' } },
  { sku: 'MUG-12OZ', title: 'Mug', variant: 'One size', price: { eur: '12.5', usd: '14.99', jpy: '1800' } },
  { sku: 'CAP-NAVY', title: 'Cap', variant: 'One size', price: { eur: '24.95', usd: '29.95', jpy: '3500' } },
] as const;

type Currency = 'eur' | 'usd' | 'jpy';
const MARKETS: Record<Currency, { tax: string; shipping: string; countries: { code: string; city: string; province: string | null }[] }> = {
  eur: { tax: '19', shipping: '4.9', countries: [{ code: 'de', city: 'Berlin', province: null }, { code: 'fr', city: 'Paris', province: null }] },
  usd: { tax: '8.875', shipping: '5.5', countries: [{ code: 'us', city: 'New York', province: 'us-ny' }] },
  jpy: { tax: '10', shipping: '600', countries: [{ code: 'jp', city: 'Tokyo', province: null }] },
};

// Order status, payment status, fulfillment status: combinations a store really shows.
const STATES: [MedusaOrderStatus, MedusaPaymentStatus, MedusaFulfillmentStatus][] = [
  ['pending', 'authorized', 'not_fulfilled'], ['pending', 'authorized', 'not_fulfilled'],
  ['pending', 'captured', 'not_fulfilled'], ['pending', 'captured', 'fulfilled'], ['pending', 'captured', 'shipped'],
  ['completed', 'captured', 'delivered'], ['canceled', 'canceled', 'not_fulfilled'],
  ['pending', 'partially_refunded', 'delivered'], ['pending', 'not_paid', 'not_fulfilled'],
  ['archived', 'captured', 'delivered'], ['requires_action', 'requires_action', 'not_fulfilled'],
];

const FIRST = ['Anna', 'Luc', 'Joe', 'Kim', 'Mia', 'Noah', 'Yuki', 'Emma'];
const LAST = ['Schmidt', 'Martin', 'Miller', 'Lee', 'Rossi', 'Sato', 'Dubois'];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-like id as Medusa makes them: prefix, 10 time characters, 16 random ones. */
export function medusaId(prefix: string, ms: number, random: Random): string {
  let time = '';
  for (let rest = ms, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time;
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(random() * 32)];
  return `${prefix}_${time}${tail}`;
}

export interface GeneratedOrder {
  order: Record<string, any>;
  payment: Record<string, any>;
}

// Ids take their time part from the display id, not the clock, so a seed always gives the same ids.
const ID_EPOCH = Date.UTC(2026, 0, 1);

export function generateOrder(random: Random, displayId: number, stampMs: number): GeneratedOrder {
  const idMs = ID_EPOCH + displayId * 60_000;
  const currency = pick<Currency>(random, ['eur', 'eur', 'eur', 'usd', 'usd', 'jpy']);
  const market = MARKETS[currency];
  const [status, paymentStatus, fulfillmentStatus] = pick(random, STATES);
  const promo = random() < 0.3;
  const createdMs = stampMs - intBetween(random, 0, 3_600_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const orderId = medusaId('order', idMs, random);
  const products = MOCK_PRODUCTS.filter(() => random() < 0.5);
  const lines = (products.length > 0 ? products : [MOCK_PRODUCTS[0]]).map((product) => {
    const quantity = intBetween(random, 1, 3);
    const unit = nano(product.price[currency]);
    const subtotal = unit * BigInt(quantity);
    const discount = promo ? percentOf(subtotal, '10') : 0n;
    const tax = percentOf(subtotal - discount, market.tax);
    const originalTax = percentOf(subtotal, market.tax);
    return {
      quantity, unit, subtotal, discount, tax, originalTax,
      item: {
        id: medusaId('ordli', idMs, random), title: product.title, subtitle: product.variant,
        variant_sku: product.sku, variant_title: product.variant, product_title: product.title,
        is_tax_inclusive: false, requires_shipping: true, metadata: {}, created_at: iso(createdMs), updated_at: iso(createdMs),
        tax_lines: [{ rate: jsonNumber(nano(market.tax)), code: 'STD' }],
        adjustments: promo ? [{ code: 'SAVE10', amount: jsonNumber(discount), raw_amount: rawValue(discount) }] : [],
      },
    };
  });
  const shipping = nano(market.shipping);
  const shippingTax = percentOf(shipping, market.tax);
  const itemSubtotal = sum(lines.map((l) => l.subtotal));
  const discountSubtotal = sum(lines.map((l) => l.discount));
  const taxTotal = sum(lines.map((l) => l.tax)) + shippingTax;
  const total = itemSubtotal + shipping + taxTotal - discountSubtotal;
  const country = pick(random, market.countries);
  const [first, last] = [pick(random, FIRST), pick(random, LAST)];
  const email = `${first}.${last}${displayId}@example.com`.toLowerCase();
  const address = {
    id: medusaId('ordaddr', idMs, random), first_name: first, last_name: last, company: random() < 0.2 ? `${last} GmbH` : null,
    address_1: `${intBetween(random, 1, 200)} Main Street`, address_2: null, city: country.city, province: country.province,
    postal_code: String(intBetween(random, 10000, 99999)), country_code: country.code, phone: random() < 0.5 ? '+49 30 1234567' : null,
  };
  const order: Record<string, any> = {
    id: orderId, display_id: displayId, custom_display_id: null, status, version: 1, email, currency_code: currency, locale: null, metadata: null,
    region_id: `reg_${currency}`, sales_channel_id: 'sc_default', customer_id: medusaId('cus', idMs, random),
    created_at: iso(createdMs), updated_at: iso(stampMs),
    summary: { current_order_total: jsonNumber(total), paid_total: paymentStatus === 'captured' ? jsonNumber(total) : 0 },
    total: jsonNumber(total), subtotal: jsonNumber(itemSubtotal + shipping), item_subtotal: jsonNumber(itemSubtotal),
    shipping_subtotal: jsonNumber(shipping), shipping_total: jsonNumber(shipping + shippingTax), tax_total: jsonNumber(taxTotal),
    discount_subtotal: jsonNumber(discountSubtotal), discount_total: jsonNumber(discountSubtotal + sum(lines.map((l) => l.originalTax - l.tax))),
    credit_line_total: 0, original_total: jsonNumber(itemSubtotal + shipping + sum(lines.map((l) => l.originalTax)) + shippingTax),
    items: lines.map((l) => ({
      ...l.item, quantity: l.quantity, raw_quantity: { value: String(l.quantity), precision: 20 },
      unit_price: jsonNumber(l.unit), raw_unit_price: rawValue(l.unit),
      subtotal: jsonNumber(l.subtotal), raw_subtotal: rawValue(l.subtotal),
      tax_total: jsonNumber(l.tax), raw_tax_total: rawValue(l.tax),
      discount_subtotal: jsonNumber(l.discount), raw_discount_subtotal: rawValue(l.discount),
      total: jsonNumber(l.subtotal - l.discount + l.tax), raw_total: rawValue(l.subtotal - l.discount + l.tax),
    })),
    shipping_address: address, billing_address: { ...address, id: medusaId('ordaddr', idMs, random) },
    customer: { id: 'cus', email, first_name: null, last_name: null, phone: null, has_account: false },
    payment_status: paymentStatus, fulfillment_status: fulfillmentStatus,
  };
  order.customer.id = order.customer_id;
  const paymentMs = Math.min(createdMs + 1_000, stampMs);
  const payment = {
    id: medusaId('pay', idMs, random), currency_code: currency, amount: order.total, provider_id: 'pp_system_default',
    payment_collection_id: medusaId('pay_col', idMs, random), created_at: iso(createdMs), updated_at: iso(paymentMs),
    captured_at: ['captured', 'partially_refunded'].includes(paymentStatus) ? iso(paymentMs) : null,
    canceled_at: paymentStatus === 'canceled' ? iso(paymentMs) : null,
  };
  return { order, payment };
}

/** A real change a merchant makes, bumping updated_at: fulfil what is open, else edit the email. */
export function changeOrder(order: Record<string, any>, stampMs: number): void {
  const open = ['not_fulfilled', 'partially_fulfilled', 'partially_shipped', 'partially_delivered', 'canceled'];
  if (order.status !== 'canceled' && open.includes(order.fulfillment_status)) {
    order.fulfillment_status = 'fulfilled';
  } else {
    order.email = `changed-v${order.version + 1}-${String(order.email).replace(/^changed-v\d+-/, '')}`;
  }
  order.version += 1;
  order.updated_at = new Date(stampMs).toISOString();
}
