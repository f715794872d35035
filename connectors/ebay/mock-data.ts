// Seeded eBay orders for the mock, shaped like getOrders' Order (spec v1.20.7): same seed, same orders.
import { Faker, en } from '@faker-js/faker';
import { formatMoney } from '../../src/model/index.js';
import type { EbayCancelState, EbayFulfillmentStatus, EbayPaymentStatus } from './types.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The products the seeded orders sell (their order fixes the seeded orders: append, never reorder). */
export const MOCK_SOLD_PRODUCTS = [
  { sku: 'TEE-BLK-M', title: 'Logo Tee Black M', price: 2500 },
  { sku: 'TEE-WHT-L', title: 'Logo Tee White L', price: 2500 },
  { sku: 'MUG-12OZ', title: 'Mug 12oz', price: 1299 },
  { sku: 'CAP-NAVY', title: 'Cap Navy', price: 1850 },
  { sku: 'BAG-TOTE', title: 'Tote Bag', price: 999 },
] as const;

/**
 * The seller's inventory items (mock-stock.ts): what the orders sell plus the rest of the
 * merchant's stocked goods (the Odoo mock's non-service products), so a stock push finds every SKU.
 */
export const MOCK_PRODUCTS = [
  ...MOCK_SOLD_PRODUCTS,
  { sku: 'TEE-BLK-L', title: 'Logo Tee Black L', price: 2500 },
  { sku: 'SOCK-3PK', title: 'Socks 3-pack', price: 1401 },
  { sku: 'POSTER-A2', title: 'Poster A2', price: 999 },
] as const;

// Marketplace → currency, country; US orders carry a sales tax (basis points), the others VAT-inclusive prices.
const MARKETS = [
  { weight: 5, value: { id: 'EBAY_US', currency: 'USD', country: 'US', taxBp: 825 } },
  { weight: 2, value: { id: 'EBAY_GB', currency: 'GBP', country: 'GB', taxBp: 0 } },
  { weight: 2, value: { id: 'EBAY_DE', currency: 'EUR', country: 'DE', taxBp: 0 } },
  { weight: 1, value: { id: 'EBAY_AU', currency: 'AUD', country: 'AU', taxBp: 0 } },
];

type Status = [EbayFulfillmentStatus, EbayPaymentStatus, EbayCancelState];
const SCENARIOS: Status[] = [
  ['NOT_STARTED', 'PAID', 'NONE_REQUESTED'], ['NOT_STARTED', 'PAID', 'NONE_REQUESTED'], ['NOT_STARTED', 'PAID', 'NONE_REQUESTED'],
  ['IN_PROGRESS', 'PAID', 'NONE_REQUESTED'], ['FULFILLED', 'PAID', 'NONE_REQUESTED'], ['FULFILLED', 'PAID', 'NONE_REQUESTED'],
  ['NOT_STARTED', 'PENDING', 'NONE_REQUESTED'], ['NOT_STARTED', 'FAILED', 'NONE_REQUESTED'],
  ['FULFILLED', 'PARTIALLY_REFUNDED', 'NONE_REQUESTED'], ['NOT_STARTED', 'FULLY_REFUNDED', 'CANCELED'],
  ['NOT_STARTED', 'PAID', 'IN_PROGRESS'],
];

export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

export const ebayInstant = (ms: number): string => new Date(ms).toISOString();
const amount = (minor: number, currency: string) => ({ value: formatMoney({ amount: minor, currency }), currency });
const percentOf = (minor: number, bp: number) => Math.round((minor * bp) / 10_000);

/** Order number n (1-based) created at createdMs, last modified at modifiedMs. */
export function generateOrder(faker: Faker, n: number, createdMs: number, modifiedMs: number): Raw {
  const market = faker.helpers.weightedArrayElement(MARKETS);
  const { currency } = market;
  const products = faker.helpers.arrayElements(MOCK_SOLD_PRODUCTS, { min: 1, max: 3 });
  let [fulfillment, payment, cancel] = faker.helpers.arrayElement(SCENARIOS);
  if (fulfillment === 'IN_PROGRESS' && products.length === 1) fulfillment = 'FULFILLED'; // IN_PROGRESS needs several lines
  const promoBp = faker.helpers.arrayElement([0, 0, 0, 1_000]);
  const freeShipping = faker.datatype.boolean({ probability: 0.2 });
  const sum = { cost: 0, discount: 0, delivery: 0, deliveryDiscount: 0, tax: 0 };
  const lineItems = products.map((product, j) => {
    const quantity = faker.number.int({ min: 1, max: 3 });
    const cost = product.price * quantity;
    const discount = percentOf(cost, promoBp);
    const shipping = faker.helpers.arrayElement([0, 399, 599]);
    const shippingDiscount = freeShipping ? shipping : 0;
    const tax = percentOf(cost - discount, market.taxBp);
    Object.entries({ cost, discount, delivery: shipping, deliveryDiscount: shippingDiscount, tax }).forEach(([k, v]) => { sum[k as keyof typeof sum] += v; });
    return {
      lineItemId: String(10_000_000_000_000 + n * 10 + j), legacyItemId: String(256_000_000_000 + MOCK_SOLD_PRODUCTS.indexOf(product)),
      sku: product.sku, title: product.title, quantity,
      lineItemCost: amount(cost, currency),
      ...(discount ? { discountedLineItemCost: amount(cost - discount, currency) } : {}),
      total: amount(cost - discount + shipping - shippingDiscount + tax, currency),
      deliveryCost: { shippingCost: amount(shipping, currency), ...(shippingDiscount ? { discountAmount: amount(shippingDiscount, currency) } : {}) },
      appliedPromotions: discount ? [{ promotionId: '5100042001', description: '10% off', discountAmount: amount(discount, currency) }] : [],
      lineItemFulfillmentStatus: fulfillment === 'IN_PROGRESS' ? (j === 0 ? 'FULFILLED' : 'NOT_STARTED') : fulfillment,
      soldFormat: 'FIXED_PRICE', listingMarketplaceId: market.id, purchaseMarketplaceId: market.id,
      taxes: tax ? [{ amount: amount(tax, currency), taxType: 'STATE_SALES_TAX' }] : [],
      properties: { buyerProtection: true }, refunds: [],
    };
  });
  const total = sum.cost - sum.discount + sum.delivery - sum.deliveryDiscount + sum.tax;
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const contact = {
    fullName: `${first} ${last}`,
    email: `${faker.string.alphanumeric(10).toLowerCase()}@members.ebay.com`,
    primaryPhone: { phoneNumber: faker.string.numeric(10) },
    contactAddress: {
      addressLine1: faker.location.streetAddress(), ...(faker.datatype.boolean() ? { addressLine2: `Apt ${faker.number.int({ min: 1, max: 40 })}` } : {}),
      city: faker.location.city(), ...(market.country === 'US' ? { stateOrProvince: faker.location.state({ abbreviated: true }) } : {}),
      postalCode: faker.location.zipCode('#####'), countryCode: market.country,
    },
  };
  const paid = payment === 'PAID' || payment === 'PARTIALLY_REFUNDED' || payment === 'FULLY_REFUNDED';
  const refunded = payment === 'FULLY_REFUNDED' ? total : payment === 'PARTIALLY_REFUNDED' ? Math.min(total, sum.cost - sum.discount) / 2 : 0;
  return {
    orderId: `${String(10 + (n % 90)).padStart(2, '0')}-${String(n).padStart(5, '0')}-${faker.string.numeric(5)}`,
    creationDate: ebayInstant(createdMs), lastModifiedDate: ebayInstant(modifiedMs),
    orderFulfillmentStatus: fulfillment, orderPaymentStatus: payment, sellerId: 'ordersync_demo_store',
    buyer: {
      username: `${first}_${last}`.toLowerCase().replace(/[^a-z_]/g, ''),
      taxAddress: { city: contact.contactAddress.city, postalCode: contact.contactAddress.postalCode, countryCode: market.country },
      buyerRegistrationAddress: contact,
    },
    pricingSummary: {
      priceSubtotal: amount(sum.cost, currency),
      ...(sum.discount ? { priceDiscount: amount(-sum.discount, currency) } : {}),
      deliveryCost: amount(sum.delivery, currency),
      ...(sum.deliveryDiscount ? { deliveryDiscount: amount(-sum.deliveryDiscount, currency) } : {}),
      ...(sum.tax ? { tax: amount(sum.tax, currency) } : {}),
      total: amount(total, currency),
    },
    cancelStatus: { cancelState: cancel, cancelRequests: [], ...(cancel === 'CANCELED' ? { cancelledDate: ebayInstant(modifiedMs) } : {}) },
    paymentSummary: {
      payments: [{ paymentMethod: 'EBAY', paymentReferenceId: faker.string.alphanumeric(12).toUpperCase(), paymentDate: ebayInstant(createdMs), amount: amount(total, currency), paymentStatus: paid ? 'PAID' : payment }],
      refunds: refunded ? [{ refundId: faker.string.numeric(10), refundStatus: 'REFUNDED', refundDate: ebayInstant(modifiedMs), amount: amount(Math.round(refunded), currency) }] : [],
      totalDueSeller: amount(total - Math.round(refunded), currency),
    },
    fulfillmentStartInstructions: [{
      fulfillmentInstructionsType: 'SHIP_TO', ebaySupportedFulfillment: false,
      minEstimatedDeliveryDate: ebayInstant(createdMs + 3 * 86_400_000), maxEstimatedDeliveryDate: ebayInstant(createdMs + 6 * 86_400_000),
      shippingStep: { shippingCarrierCode: 'USPS', shippingServiceCode: 'USPSPriority', shipTo: structuredClone(contact) },
    }],
    fulfillmentHrefs: [], lineItems, salesRecordReference: String(1000 + n),
  };
}

/** A real change a seller or buyer makes: the order moves on in its life, or the buyer fixes the address. */
export function changeOrder(order: Raw, modifiedMs: number): void {
  const lines: Raw[] = order.lineItems ?? [];
  const ship = (status: string) => {
    order.orderFulfillmentStatus = status;
    lines.forEach((line, j) => { line.lineItemFulfillmentStatus = status === 'IN_PROGRESS' && j > 0 ? 'NOT_STARTED' : status; });
  };
  if (order.orderPaymentStatus === 'PENDING' || order.orderPaymentStatus === 'FAILED') order.orderPaymentStatus = 'PAID';
  else if (order.cancelStatus?.cancelState === 'IN_PROGRESS') order.cancelStatus = { cancelState: 'NONE_REQUESTED', cancelRequests: [] };
  else if (order.orderFulfillmentStatus === 'NOT_STARTED' && order.cancelStatus?.cancelState !== 'CANCELED') ship(lines.length > 1 ? 'IN_PROGRESS' : 'FULFILLED');
  else if (order.orderFulfillmentStatus === 'IN_PROGRESS') ship('FULFILLED');
  else if (order.orderPaymentStatus === 'PAID') order.orderPaymentStatus = 'PARTIALLY_REFUNDED';
  else {
    const address = order.fulfillmentStartInstructions?.[0]?.shippingStep?.shipTo?.contactAddress;
    if (address) address.addressLine2 = `Unit ${modifiedMs % 100_000}`;
    else order.buyerCheckoutNotes = `changed ${ebayInstant(modifiedMs)}`;
  }
  order.lastModifiedDate = ebayInstant(modifiedMs);
}
