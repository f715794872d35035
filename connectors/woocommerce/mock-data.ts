// Seeded WooCommerce orders for the mock: same seed, same orders.
import { Faker, en } from '@faker-js/faker';
import { formatMoney } from '../../src/model/index.js';
import type { WooOrderStatus } from './types.js';

/** The products the seeded orders sell (their order fixes the seeded orders: append, never reorder). */
export const MOCK_SOLD_PRODUCTS = [
  { id: 93, variationId: 95, sku: 'TEE-BLK-M', name: 'Logo Tee - Black M', price: 1995 },
  { id: 94, variationId: 96, sku: 'TEE-WHT-L', name: 'Logo Tee - White L', price: 1995 },
  { id: 22, variationId: 0, sku: 'MUG-12OZ', name: 'Mug 12oz', price: 1800 },
  { id: 31, variationId: 0, sku: 'CAP-NAVY', name: 'Cap Navy', price: 2450 },
  { id: 40, variationId: 0, sku: 'BAG-TOTE', name: 'Tote Bag', price: 1250 },
] as const;

/**
 * The store's catalogue (mock-stock.ts stocks each): what it sells plus the rest of the merchant's
 * stocked goods (the Odoo mock's non-service products), so a stock push from the ERP finds every
 * SKU. TEE-BLK-L is a second variation of the black tee.
 */
export const MOCK_PRODUCTS = [
  ...MOCK_SOLD_PRODUCTS,
  { id: 93, variationId: 97, sku: 'TEE-BLK-L', name: 'Logo Tee - Black L', price: 1995 },
  { id: 52, variationId: 0, sku: 'SOCK-3PK', name: 'Socks 3-pack', price: 1401 },
  { id: 61, variationId: 0, sku: 'POSTER-A2', name: 'Poster A2', price: 999 },
] as const;

const STATUSES: WooOrderStatus[] = ['processing', 'processing', 'processing', 'completed', 'completed', 'on-hold', 'pending', 'cancelled', 'refunded', 'failed'];

export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

const wooTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const local = (ms: number): string => wooTime(ms + 3_600_000); // the mock store's site time is UTC+1

export function generateOrder(faker: Faker, id: number, modifiedMs: number): Record<string, unknown> {
  const currency = faker.helpers.weightedArrayElement([{ weight: 8, value: 'EUR' }, { weight: 2, value: 'USD' }]);
  const status = faker.helpers.arrayElement(STATUSES);
  const products = faker.helpers.arrayElements(MOCK_SOLD_PRODUCTS, { min: 1, max: 3 });
  const couponPercent = faker.helpers.arrayElement([0, 0, 0, 10]);
  const totals = { subtotal: 0, total: 0, tax: 0 };
  const lineItems = products.map((product, index) => {
    const quantity = faker.number.int({ min: 1, max: 3 });
    const subtotal = product.price * quantity;
    const discount = Math.round((subtotal * couponPercent) / 100);
    const tax = Math.round(((subtotal - discount) * 21) / 100);
    totals.subtotal += subtotal;
    totals.total += subtotal - discount;
    totals.tax += tax;
    return {
      id: id * 100 + index, name: product.name, product_id: product.id, variation_id: product.variationId,
      quantity, tax_class: '', subtotal: money(subtotal, currency), subtotal_tax: money(Math.round((subtotal * 21) / 100), currency),
      total: money(subtotal - discount, currency), total_tax: money(tax, currency), taxes: [], meta_data: [],
      sku: product.sku, price: (subtotal - discount) / quantity / 100,
    };
  });
  const shipping = faker.helpers.arrayElement([0, 490, 590]);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const address = {
    first_name: first, last_name: last, company: '', address_1: faker.location.streetAddress(), address_2: '',
    city: faker.location.city(), state: '', postcode: faker.location.zipCode('#####'), country: faker.helpers.arrayElement(['DE', 'FR', 'NL', 'US', 'CZ']),
  };
  const createdMs = modifiedMs - faker.number.int({ min: 0, max: 3_600_000 });
  return {
    id, parent_id: 0, number: String(id), order_key: `wc_order_${faker.string.alphanumeric(13)}`, created_via: 'checkout',
    version: '9.4.0', status, currency, prices_include_tax: false,
    date_created: local(createdMs), date_created_gmt: wooTime(createdMs),
    date_modified: local(modifiedMs), date_modified_gmt: wooTime(modifiedMs),
    discount_total: money(totals.subtotal - totals.total, currency), discount_tax: money(0, currency),
    shipping_total: money(shipping, currency), shipping_tax: money(0, currency),
    cart_tax: money(totals.tax, currency), total: money(totals.total + shipping + totals.tax, currency), total_tax: money(totals.tax, currency),
    customer_id: 0, customer_note: '',
    billing: { ...address, email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(), phone: faker.phone.number({ style: 'international' }) },
    shipping: { ...address, phone: '' },
    payment_method: 'stripe', payment_method_title: 'Card', transaction_id: `pi_${faker.string.alphanumeric(14)}`,
    line_items: lineItems, tax_lines: [], shipping_lines: shipping > 0
      ? [{ id: id * 100 + 90, method_title: 'Flat rate', method_id: 'flat_rate', total: money(shipping, currency), total_tax: money(0, currency), taxes: [] }] : [],
    fee_lines: [], coupon_lines: couponPercent ? [{ id: id * 100 + 95, code: 'SAVE10', discount: money(totals.subtotal - totals.total, currency), discount_tax: '0.00' }] : [],
    refunds: status === 'refunded' ? [{ id: id * 100 + 99, reason: '', total: `-${money(totals.total + shipping + totals.tax, currency)}` }] : [],
    meta_data: [],
  };
}

/**
 * A real change a merchant would make: the order moves on in its life (paid, shipped,
 * reinstated), or, once it has nowhere to go, its delivery address is corrected. Never a
 * cancellation, so a test can count `order.updated` events exactly.
 */
export function changeOrder(order: Record<string, unknown>, modifiedMs: number): void {
  const next: Partial<Record<WooOrderStatus, WooOrderStatus>> = {
    pending: 'processing', 'on-hold': 'processing', processing: 'completed', failed: 'processing', cancelled: 'processing',
  };
  const status = order.status as WooOrderStatus;
  const moved = next[status];
  if (moved) order.status = moved;
  else order.shipping = { ...(order.shipping as object), address_2: `Apt ${Math.floor(modifiedMs / 1000) % 97}` };
  order.date_modified_gmt = wooTime(modifiedMs);
  order.date_modified = local(modifiedMs);
}

const money = (minor: number, currency: string): string => formatMoney({ amount: minor, currency });
