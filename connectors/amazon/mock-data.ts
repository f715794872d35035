// Seeded Orders API v2026-01-01 orders for the mock: same seed, same orders. Each order is stored
// with every dataset; the mock strips what includedData did not ask for.
import { Faker, en } from '@faker-js/faker';
import { formatMoney } from '../../src/model/index.js';
import { findMarketplace, type Marketplace } from './marketplaces.js';
import type { AmazonFulfillmentStatus } from './types.js';

type Money = { amount: string; currencyCode: string };
type Breakdown = { type: string; subtotal: Money };

export interface MockItem {
  orderItemId: string;
  quantityOrdered: number;
  product: { asin: string; title: string; sellerSku: string; condition: { conditionType: string }; price?: { unitPrice: Money } };
  proceeds?: { proceedsTotal: Money; breakdowns: Breakdown[] };
  promotion?: { breakdowns: { promotionId: string }[] };
  fulfillment: { quantityFulfilled: number; quantityUnfulfilled: number };
}

export interface MockOrder {
  orderId: string;
  createdTime: string;
  lastUpdatedTime: string;
  programs: string[];
  salesChannel: { channelName: 'AMAZON' | 'NON_AMAZON'; marketplaceId: string; marketplaceName: string };
  buyer: { buyerName: string; buyerEmail?: string };
  recipient?: { deliveryAddress: Record<string, string> };
  proceeds?: { grandTotal: Money; breakdowns: Breakdown[] };
  fulfillment: { fulfillmentStatus: AmazonFulfillmentStatus; fulfilledBy: 'AMAZON' | 'MERCHANT'; fulfillmentServiceLevel: string };
  orderItems: MockItem[];
}

// Minor units per currency; JPY has no decimals.
const PRODUCTS = [
  { asin: 'B0TEE00001', sku: 'TEE-BLK-M', title: 'Logo Tee Black M', price: { USD: 2499, GBP: 1999, EUR: 2299, JPY: 2980 } },
  { asin: 'B0MUG00002', sku: 'MUG-12OZ', title: 'Mug 12oz', price: { USD: 1299, GBP: 1099, EUR: 1199, JPY: 1480 } },
  { asin: 'B0CAP00003', sku: 'CAP-NAVY', title: 'Cap Navy', price: { USD: 1999, GBP: 1599, EUR: 1799, JPY: 2200 } },
  { asin: 'B0BAG00004', sku: 'BAG-TOTE', title: 'Tote Bag', price: { USD: 1599, GBP: 1299, EUR: 1399, JPY: 1800 } },
] as const;
/**
 * The mock seller's listings (mock-stock.ts): the SKUs the generated orders sell plus the rest of
 * the merchant's stocked goods (the Odoo mock's non-service products), so a stock push finds every SKU.
 */
export const MOCK_SKUS: readonly string[] = [...PRODUCTS.map((product) => product.sku), 'TEE-WHT-L', 'TEE-BLK-L', 'SOCK-3PK', 'POSTER-A2'];
type Currency = keyof (typeof PRODUCTS)[number]['price'];
const SHIPPING: Record<Currency, number> = { USD: 499, GBP: 399, EUR: 449, JPY: 500 };
const GIFT_WRAP: Record<Currency, number> = { USD: 399, GBP: 299, EUR: 349, JPY: 400 };
const TAX_RATE: Record<string, number> = { US: 0.0825, GB: 0.2, DE: 0.19, JP: 0.1 };
const MOCK_MARKETPLACES = ['ATVPDKIKX0DER', 'ATVPDKIKX0DER', 'ATVPDKIKX0DER', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9', 'A1VC38T7YXB528'];
const STATUSES: AmazonFulfillmentStatus[] = [
  'SHIPPED', 'SHIPPED', 'SHIPPED', 'UNSHIPPED', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'PENDING', 'PENDING', 'PENDING_AVAILABILITY', 'CANCELLED', 'UNFULFILLABLE',
];
// The v0 getOrderItems note: a Pending order has no prices, taxes, shipping charges or promotions yet.
const UNPRICED = new Set<AmazonFulfillmentStatus>(['PENDING', 'PENDING_AVAILABILITY', 'UNFULFILLABLE']);
// v0: a shipping address only for Unshipped, PartiallyShipped and Shipped orders.
const ADDRESSED = new Set<AmazonFulfillmentStatus>(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

export function generateOrder(faker: Faker, createdMs: number, updatedMs: number): MockOrder {
  const status = faker.helpers.arrayElement(STATUSES);
  // UNFULFILLABLE only happens to Amazon-fulfilled orders placed outside Amazon (FulfillmentStatus enum).
  const fulfilledBy = status === 'UNFULFILLABLE' || faker.number.int(9) < 4 ? 'AMAZON' : 'MERCHANT';
  const marketplace = findMarketplace(faker.helpers.arrayElement(MOCK_MARKETPLACES)) as Marketplace;
  const products = faker.helpers.arrayElements(PRODUCTS, { min: status === 'PARTIALLY_SHIPPED' ? 2 : 1, max: 3 });
  const name = faker.person.fullName();
  const order: MockOrder = {
    orderId: `${faker.string.numeric(3)}-${faker.string.numeric(7)}-${faker.string.numeric(7)}`,
    createdTime: iso(createdMs),
    lastUpdatedTime: iso(updatedMs),
    programs: [...(fulfilledBy === 'AMAZON' && faker.datatype.boolean() ? ['PRIME'] : []), ...(status === 'PENDING_AVAILABILITY' ? ['PREORDER'] : [])],
    salesChannel: { channelName: status === 'UNFULFILLABLE' ? 'NON_AMAZON' : 'AMAZON', marketplaceId: marketplace.id, marketplaceName: marketplace.name },
    // buyerEmail: "only available for merchant-fulfilled (FBM) orders".
    buyer: { buyerName: name, ...(fulfilledBy === 'MERCHANT' ? { buyerEmail: `${faker.string.alphanumeric(14).toLowerCase()}@marketplace.amazon.com` } : {}) },
    fulfillment: { fulfillmentStatus: status, fulfilledBy, fulfillmentServiceLevel: faker.helpers.arrayElement(['STANDARD', 'STANDARD', 'EXPEDITED', 'NEXT_DAY']) },
    orderItems: products.map((product) => ({
      orderItemId: faker.string.numeric(14),
      quantityOrdered: faker.number.int({ min: 1, max: 3 }),
      product: { asin: product.asin, title: product.title, sellerSku: product.sku, condition: { conditionType: 'NEW' } },
      fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: 0 },
    })),
  };
  setStatus(order, status, faker);
  return order;
}

/**
 * A real change: the order moves on in its life (a pending order gets its prices), else the
 * buyer's name is corrected. A pre-order is released and paid in one step: PENDING_AVAILABILITY
 * and PENDING look the same once normalized, so a stop at PENDING would change nothing visible.
 */
export function advanceOrder(order: MockOrder, updatedMs: number, faker: Faker): void {
  const next: Partial<Record<AmazonFulfillmentStatus, AmazonFulfillmentStatus>> = {
    PENDING_AVAILABILITY: 'UNSHIPPED', PENDING: 'UNSHIPPED', UNSHIPPED: 'SHIPPED', PARTIALLY_SHIPPED: 'SHIPPED',
  };
  const status = next[order.fulfillment.fulfillmentStatus];
  if (status) setStatus(order, status, faker);
  else order.buyer.buyerName = faker.person.fullName();
  order.lastUpdatedTime = iso(updatedMs);
}

function setStatus(order: MockOrder, status: AmazonFulfillmentStatus, faker: Faker): void {
  order.fulfillment.fulfillmentStatus = status;
  if (!UNPRICED.has(status) && !order.proceeds) priceOrder(order, faker);
  if (ADDRESSED.has(status) && !order.recipient) order.recipient = { deliveryAddress: addressFor(order, faker) };
  order.orderItems.forEach((item, index) => {
    const shipped = status === 'SHIPPED' || (status === 'PARTIALLY_SHIPPED' && index === 0);
    item.fulfillment = { quantityFulfilled: shipped ? item.quantityOrdered : 0, quantityUnfulfilled: shipped ? 0 : item.quantityOrdered };
  });
}

/** Prices every item and adds the proceeds: ITEM = unitPrice × quantity, DISCOUNT negative, grandTotal = their sum. */
function priceOrder(order: MockOrder, faker: Faker): void {
  const marketplace = findMarketplace(order.salesChannel.marketplaceId) as Marketplace;
  const currency = marketplace.currency as Currency;
  const money = (minor: number): Money => ({ amount: formatMoney({ amount: minor, currency }), currencyCode: currency });
  const shipping = order.fulfillment.fulfilledBy === 'MERCHANT' ? faker.helpers.arrayElement([0, SHIPPING[currency]]) : 0;
  const promoted = faker.number.int(3) === 0;
  const wrapped = faker.number.int(9) === 0;
  const totals = new Map<string, number>();
  order.orderItems.forEach((item, index) => {
    const unit = PRODUCTS.find((p) => p.sku === item.product.sellerSku)?.price[currency] ?? 1000;
    const subtotal = unit * item.quantityOrdered;
    const discount = index === 0 && promoted ? Math.round(subtotal / 10) : 0;
    const parts: [string, number][] = [
      ['ITEM', subtotal],
      ['SHIPPING', index === 0 ? shipping : 0],
      ['GIFT_WRAP', index === 0 && wrapped ? GIFT_WRAP[currency] : 0],
      ['DISCOUNT', -discount],
      ['TAX', Math.round((subtotal - discount) * (TAX_RATE[marketplace.countryCode] ?? 0))],
    ];
    const present = parts.filter(([type, minor]) => minor !== 0 || type === 'ITEM');
    item.product.price = { unitPrice: money(unit) };
    item.proceeds = { proceedsTotal: money(sumOf(present)), breakdowns: present.map(([type, minor]) => ({ type, subtotal: money(minor) })) };
    if (discount) item.promotion = { breakdowns: [{ promotionId: 'PROMO-SPRING-10' }] };
    for (const [type, minor] of present) totals.set(type, (totals.get(type) ?? 0) + minor);
  });
  order.proceeds = { grandTotal: money(sumOf([...totals])), breakdowns: [...totals].map(([type, minor]) => ({ type, subtotal: money(minor) })) };
}

function addressFor(order: MockOrder, faker: Faker): Record<string, string> {
  const country = findMarketplace(order.salesChannel.marketplaceId)?.countryCode ?? 'US';
  return {
    name: order.buyer.buyerName,
    addressLine1: faker.location.streetAddress(),
    city: faker.location.city(),
    ...(country === 'US' ? { stateOrRegion: faker.location.state({ abbreviated: true }) } : {}),
    postalCode: faker.location.zipCode(),
    countryCode: country,
    // "The buyer phone number will be suppressed ... [for] all FBA orders."
    ...(order.fulfillment.fulfilledBy === 'MERCHANT' ? { phone: faker.phone.number({ style: 'international' }) } : {}),
    addressType: 'RESIDENTIAL',
  };
}

const sumOf = (parts: [string, number][]): number => parts.reduce((total, [, minor]) => total + minor, 0);
// Amazon's examples stamp whole seconds ("2024-12-25T06:45:00Z").
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
