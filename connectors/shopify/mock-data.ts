// Seeded orders for the Shopify mock, stored in the GraphQL Admin shape: same seed, same orders.
// Money is computed in integer minor units and written as Shopify writes `Decimal`s ("25.0").
import { Faker, en } from '@faker-js/faker';
import { currencyExponent, formatMoney } from '../../src/model/index.js';
import type { ShopifyFinancialStatus, ShopifyFulfillmentStatus } from './types.js';

export type StoredOrder = Record<string, unknown> & { id: string; updatedAt: string; lineItems: { nodes: Record<string, unknown>[] } };

const PRODUCTS = [
  { sku: 'TEE-BLK-M', title: 'Logo Tee', variant: 'Black / M', usdCents: 2500 },
  { sku: 'TEE-WHT-L', title: 'Logo Tee', variant: 'White / L', usdCents: 2500 },
  { sku: 'MUG-12OZ', title: 'Mug 12oz', variant: null, usdCents: 1299 },
  { sku: 'CAP-NAVY', title: 'Cap', variant: 'Navy', usdCents: 1995 },
  { sku: 'BAG-TOTE', title: 'Tote Bag', variant: null, usdCents: 1850 },
  { sku: 'SOCK-3PK', title: 'Socks 3-pack', variant: 'One size', usdCents: 1401 },
  { sku: 'POSTER-A2', title: 'Poster A2', variant: null, usdCents: 999 },
  { sku: 'GIFT-WRAP', title: 'Gift wrapping', variant: null, usdCents: 300 },
] as const;

// A real shop has one shop currency; the mock varies it per order so one mock exercises 0- and
// 2-decimal currencies (JPY has no minor unit). Rates are fixed so amounts repeat.
const CURRENCIES = [
  { weight: 5, value: { code: 'USD', rate: 1, tax: 0.08, country: 'US' } },
  { weight: 2, value: { code: 'EUR', rate: 0.92, tax: 0.19, country: 'DE' } },
  { weight: 1, value: { code: 'GBP', rate: 0.79, tax: 0.2, country: 'GB' } },
  { weight: 1, value: { code: 'CAD', rate: 1.36, tax: 0.13, country: 'CA' } },
  { weight: 2, value: { code: 'JPY', rate: 150, tax: 0.1, country: 'JP' } },
];

type StatusPair = [ShopifyFinancialStatus, ShopifyFulfillmentStatus, boolean /* cancelled */];
const STATUSES: StatusPair[] = [
  ['PAID', 'UNFULFILLED', false], ['PAID', 'UNFULFILLED', false], ['PAID', 'UNFULFILLED', false],
  ['PAID', 'FULFILLED', false], ['PAID', 'FULFILLED', false], ['PAID', 'PARTIALLY_FULFILLED', false],
  ['PENDING', 'UNFULFILLED', false], ['AUTHORIZED', 'UNFULFILLED', false], ['PARTIALLY_PAID', 'UNFULFILLED', false],
  ['PARTIALLY_REFUNDED', 'FULFILLED', false], ['REFUNDED', 'RESTOCKED', true], ['VOIDED', 'UNFULFILLED', true],
  ['EXPIRED', 'UNFULFILLED', false], ['PAID', 'IN_PROGRESS', false], ['PAID', 'ON_HOLD', false],
  ['PAID', 'SCHEDULED', false], ['PAID', 'REQUEST_DECLINED', false], ['PAID', 'PENDING_FULFILLMENT', false],
];

export const ORDER_ID_BASE = 5_500_000_000_000;
const LINE_ID_BASE = 13_200_000_000_000;

export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

/** Shopify's DateTime: UTC, whole seconds. */
export const dateTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** A Decimal as Shopify serializes it: no trailing zeros, at least one decimal ("25.0", "104.1", "1500.0"). */
export function decimal(minor: number, currency: string): string {
  const text = formatMoney({ amount: minor, currency });
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.replace(/0+$/, '') || '0'}`;
}

export function moneyBag(minor: number, currency: string): Record<string, unknown> {
  const money = { amount: decimal(minor, currency), currencyCode: currency };
  return { shopMoney: money, presentmentMoney: { ...money } };
}

export function generateOrder(faker: Faker, n: number, createdMs: number, updatedMs: number): StoredOrder {
  const currency = faker.helpers.weightedArrayElement(CURRENCIES);
  const [financial, fulfillment, cancelled] = faker.helpers.arrayElement(STATUSES);
  const lineCount = faker.helpers.weightedArrayElement([
    { weight: 5, value: 1 }, { weight: 4, value: 2 }, { weight: 3, value: 3 }, { weight: 1, value: 4 }, { weight: 1, value: 7 },
  ]);
  const discountPercent = faker.helpers.arrayElement([0, 0, 0, 10, 15]);
  const scale = 10 ** (currencyExponent(currency.code) - 2);
  const totals = { subtotal: 0, discount: 0, tax: 0 };
  const products = faker.helpers.arrayElements(PRODUCTS, Math.min(lineCount, PRODUCTS.length));
  while (products.length < lineCount) products.push(faker.helpers.arrayElement(PRODUCTS));
  const lines = products.map((product, index) => {
    const unit = Math.round(product.usdCents * currency.rate * scale);
    const quantity = faker.number.int({ min: 1, max: 4 });
    const gross = unit * quantity;
    const discount = Math.round((gross * discountPercent) / 100);
    const tax = Math.round((gross - discount) * currency.tax);
    totals.subtotal += gross; totals.discount += discount; totals.tax += tax;
    return lineItem(n * 10 + index, product, quantity, unit, discount, tax, currency.code, currency.tax);
  });
  const shipping = Math.round(faker.helpers.arrayElement([0, 500, 990]) * currency.rate * scale);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const address = {
    name: `${first} ${last}`, firstName: first, lastName: last, company: faker.helpers.maybe(() => faker.company.name(), { probability: 0.2 }) ?? null,
    address1: faker.location.streetAddress(), address2: faker.helpers.maybe(() => `Apt ${faker.number.int({ min: 1, max: 40 })}`, { probability: 0.3 }) ?? null,
    city: faker.location.city(), province: null, provinceCode: null, zip: faker.location.zipCode('#####'),
    country: currency.country, countryCodeV2: currency.country, phone: faker.helpers.maybe(() => faker.phone.number({ style: 'international' }), { probability: 0.5 }) ?? null,
  };
  const id = ORDER_ID_BASE + n;
  const total = totals.subtotal - totals.discount + shipping + totals.tax;
  return {
    id: `gid://shopify/Order/${id}`, legacyResourceId: String(id), name: `#${1000 + n}`,
    email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(), phone: address.phone,
    createdAt: dateTime(createdMs), processedAt: dateTime(createdMs), updatedAt: dateTime(updatedMs),
    cancelledAt: cancelled ? dateTime(updatedMs) : null, cancelReason: cancelled ? 'CUSTOMER' : null, closedAt: null,
    displayFinancialStatus: financial, displayFulfillmentStatus: fulfillment,
    currencyCode: currency.code, presentmentCurrencyCode: currency.code, taxesIncluded: false, test: false, note: null,
    tags: faker.helpers.arrayElements(['wholesale', 'vip', 'gift', 'preorder', 'instagram'], { min: 0, max: 2 }),
    subtotalPriceSet: moneyBag(totals.subtotal - totals.discount, currency.code), // Shopify: after discounts
    totalPriceSet: moneyBag(total, currency.code),
    totalShippingPriceSet: moneyBag(shipping, currency.code),
    totalTaxSet: moneyBag(totals.tax, currency.code),
    totalDiscountsSet: moneyBag(totals.discount, currency.code),
    shippingAddress: address, billingAddress: { ...address },
    lineItems: { nodes: lines },
  };
}

function lineItem(n: number, product: (typeof PRODUCTS)[number], quantity: number, unit: number, discount: number, tax: number, currency: string, rate: number): Record<string, unknown> {
  const gross = unit * quantity;
  return {
    id: `gid://shopify/LineItem/${LINE_ID_BASE + n}`, sku: product.sku, title: product.title, variantTitle: product.variant,
    name: product.variant ? `${product.title} - ${product.variant}` : product.title,
    quantity, currentQuantity: quantity, requiresShipping: product.sku !== null,
    originalUnitPriceSet: moneyBag(unit, currency), originalTotalSet: moneyBag(gross, currency),
    discountedTotalSet: moneyBag(gross - discount, currency), totalDiscountSet: moneyBag(discount, currency),
    discountAllocations: discount > 0 ? [{ allocatedAmountSet: moneyBag(discount, currency) }] : [],
    taxLines: [{ title: 'Tax', rate, ratePercentage: Math.round(rate * 10_000) / 100, priceSet: moneyBag(tax, currency) }],
  };
}

/** A real change a merchant would make: the order moves on in its life, stamped `updatedMs`. */
export function changeOrder(order: StoredOrder, updatedMs: number): void {
  const financial = order.displayFinancialStatus as ShopifyFinancialStatus | null;
  const fulfillment = order.displayFulfillmentStatus as ShopifyFulfillmentStatus;
  if (financial === 'PENDING' || financial === 'AUTHORIZED' || financial === 'PARTIALLY_PAID') order.displayFinancialStatus = 'PAID';
  else if (!order.cancelledAt && fulfillment !== 'FULFILLED') order.displayFulfillmentStatus = 'FULFILLED';
  else if (financial === 'PAID') order.displayFinancialStatus = 'PARTIALLY_REFUNDED';
  else order.tags = [...(order.tags as string[]), `reviewed-${dateTime(updatedMs).slice(0, 19)}`];
  order.updatedAt = dateTime(updatedMs);
}
