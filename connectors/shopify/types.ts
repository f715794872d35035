// The raw shapes of GraphQL Admin API orders, as far as ordersync selects them (queries.ts).
// Field names and enums: https://shopify.dev/docs/api/admin-graphql/2026-01/objects/Order and
// the enum pages linked below. Money amounts are `Decimal` scalars serialized as strings ("25.0").
import { z } from 'zod';

// https://shopify.dev/docs/api/admin-graphql/2026-01/enums/OrderDisplayFinancialStatus
export const SHOPIFY_FINANCIAL_STATUSES = [
  'PENDING', 'AUTHORIZED', 'PARTIALLY_PAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'EXPIRED',
] as const;

// https://shopify.dev/docs/api/admin-graphql/2026-01/enums/OrderDisplayFulfillmentStatus;
// FULFILLMENT_NOT_REQUIRED arrives in 2026-10 and is accepted so a newer apiVersion still maps.
export const SHOPIFY_FULFILLMENT_STATUSES = [
  'UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'RESTOCKED', 'PENDING_FULFILLMENT', 'OPEN',
  'IN_PROGRESS', 'ON_HOLD', 'SCHEDULED', 'REQUEST_DECLINED', 'FULFILLMENT_NOT_REQUIRED',
] as const;

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal amount string');
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value), 'expected an ISO 8601 date-time');
const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a gid://shopify/${type}/<id>`);

export const ShopifyMoneyV2 = z.object({ amount: decimal, currencyCode: z.string().regex(/^[A-Z]{3}$/) });
export const ShopifyMoneyBag = z.object({ shopMoney: ShopifyMoneyV2 });

export const ShopifyMailingAddress = z.object({
  name: z.string().nullable().default(null),
  company: z.string().nullable().default(null),
  address1: z.string().nullable().default(null),
  address2: z.string().nullable().default(null),
  city: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
  provinceCode: z.string().nullable().default(null),
  zip: z.string().nullable().default(null),
  countryCodeV2: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
});

export const ShopifyLineItem = z.object({
  id: gid('LineItem'),
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int().nonnegative(),
  originalUnitPriceSet: ShopifyMoneyBag,
  totalDiscountSet: ShopifyMoneyBag,
  taxLines: z.array(z.object({ priceSet: ShopifyMoneyBag })),
});

export const ShopifyPageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

export const ShopifyOrder = z.object({
  id: gid('Order'),
  name: z.string().min(1),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: dateTime,
  processedAt: dateTime.nullable().default(null),
  updatedAt: dateTime,
  cancelledAt: dateTime.nullable(),
  // Nullable in the schema: an order without a payment summary yet.
  displayFinancialStatus: z.enum(SHOPIFY_FINANCIAL_STATUSES).nullable(),
  displayFulfillmentStatus: z.enum(SHOPIFY_FULFILLMENT_STATUSES),
  currencyCode: z.string().regex(/^[A-Z]{3}$/),
  tags: z.array(z.string()),
  totalPriceSet: ShopifyMoneyBag,
  totalShippingPriceSet: ShopifyMoneyBag,
  totalTaxSet: ShopifyMoneyBag.nullable(),
  totalDiscountsSet: ShopifyMoneyBag.nullable(),
  shippingAddress: ShopifyMailingAddress.nullable(),
  billingAddress: ShopifyMailingAddress.nullable(),
  lineItems: z.object({ pageInfo: ShopifyPageInfo, nodes: z.array(ShopifyLineItem) }),
});

export type ShopifyOrder = z.infer<typeof ShopifyOrder>;
export type ShopifyLineItem = z.infer<typeof ShopifyLineItem>;
export type ShopifyMailingAddress = z.infer<typeof ShopifyMailingAddress>;
export type ShopifyMoneyBag = z.infer<typeof ShopifyMoneyBag>;
export type ShopifyFinancialStatus = (typeof SHOPIFY_FINANCIAL_STATUSES)[number];
export type ShopifyFulfillmentStatus = (typeof SHOPIFY_FULFILLMENT_STATUSES)[number];

/** `extensions.cost` on every GraphQL Admin response (rate-limits page, "Query cost" response example). */
export const ShopifyThrottleStatus = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});
export const ShopifyCost = z.object({
  requestedQueryCost: z.number().nullable().optional(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: ShopifyThrottleStatus,
});
export type ShopifyThrottleStatus = z.infer<typeof ShopifyThrottleStatus>;
export type ShopifyCost = z.infer<typeof ShopifyCost>;

/** The numeric tail of a GID: the id the merchant sees in admin URLs and REST. */
export function legacyId(gidValue: string): string {
  return gidValue.slice(gidValue.lastIndexOf('/') + 1);
}
