// The GraphQL documents ordersync sends, and how big a page of them may be.
// Selections follow https://shopify.dev/docs/api/admin-graphql/2026-01/objects/Order and
// .../objects/LineItem; each money field reads only shopMoney (the shop's currency). Nothing is
// selected that the mapping does not read: every object costs a point per order.
import { parse, type DocumentNode } from 'graphql';
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from './query-cost.js';

const MONEY = '{ shopMoney { amount currencyCode } }';
const ADDRESS = '{ name company address1 address2 city province provinceCode zip countryCodeV2 phone }';

const LINE_ITEM = `id sku name quantity
        originalUnitPriceSet ${MONEY}
        totalDiscountSet ${MONEY}
        taxLines { priceSet ${MONEY} }`;

export const ORDERS_QUERY = `query OrdersUpdatedSince($first: Int!, $after: String, $query: String, $lines: Int!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name email phone createdAt processedAt updatedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus currencyCode tags
      totalPriceSet ${MONEY}
      totalShippingPriceSet ${MONEY}
      totalTaxSet ${MONEY}
      totalDiscountsSet ${MONEY}
      shippingAddress ${ADDRESS}
      billingAddress ${ADDRESS}
      lineItems(first: $lines) {
        pageInfo { hasNextPage endCursor }
        nodes { ${LINE_ITEM} }
      }
    }
  }
}`;

// The rest of a large order's lines.
export const ORDER_LINES_QUERY = `query OrderLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    lineItems(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ${LINE_ITEM} }
    }
  }
}`;

// The overlap window, cheaply: only each order's id and stamp (scalars cost 0, so an order costs
// 1 point and a page of 250 costs 252), to find the first order the ledger does not hold as it is.
export const ORDER_STAMPS_QUERY = `query OrderStampsUpdatedSince($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id updatedAt }
  }
}`;

const FOLLOW_UP_LINES = 20;
/** Shopify's most items per connection page (`first` ≤ 250, https://shopify.dev/docs/api/usage/limits). */
const MAX_FIRST = 250;

/** Each document parsed once, for costing before every call. */
export const PARSED: ReadonlyMap<string, DocumentNode> = new Map([ORDERS_QUERY, ORDER_LINES_QUERY, ORDER_STAMPS_QUERY].map((q) => [q, parse(q)]));

/** The stamps page: as many as `first` allows within the cost cap (250 at 1,000 points). */
export function stampsPageSize(maxCost = MAX_SINGLE_QUERY_COST): number {
  const document = PARSED.get(ORDER_STAMPS_QUERY) ?? ORDER_STAMPS_QUERY;
  const base = requestedQueryCost(document, { first: 0 });
  const perOrder = requestedQueryCost(document, { first: 1 }) - base;
  return Math.max(1, Math.min(MAX_FIRST, Math.floor((maxCost - base) / perOrder)));
}

// A cheap authenticated call (1 point) for `verify`.
export const SHOP_QUERY = 'query VerifyShop { shop { name } }';

export interface OrdersVariables {
  first: number;
  after: string | null;
  query: string | null;
  lines: number;
  [name: string]: unknown;
}

/** The orders query's cost is linear in `first`: base + first × perOrder. */
export function ordersQueryCost(lines: number): { base: number; perOrder: number } {
  const document = PARSED.get(ORDERS_QUERY) ?? ORDERS_QUERY;
  const base = requestedQueryCost(document, { first: 0, lines });
  return { base, perOrder: requestedQueryCost(document, { first: 1, lines }) - base };
}

/** The largest page (≤ pageSize) whose requested cost fits the single-query cap. */
export function ordersPageSize(pageSize: number, lines: number, maxCost = MAX_SINGLE_QUERY_COST): number {
  const { base, perOrder } = ordersQueryCost(lines);
  const fitting = Math.floor((maxCost - base) / perOrder);
  if (fitting < 1) throw new Error(`one order with ${lines} line items costs ${perOrder} points, over the ${maxCost}-point query limit: lower lineItemsPerOrder`);
  return Math.min(pageSize, fitting);
}

/**
 * The follow-up line page: 20 lines (163 points) finishes most large orders in one call while
 * asking the bucket for little (the requested cost, not the actual, decides the wait); never
 * more than the cap allows.
 */
export function linesPageSize(maxCost = MAX_SINGLE_QUERY_COST): number {
  const base = requestedQueryCost(ORDER_LINES_QUERY, { id: 'x', first: 0 });
  const perLine = requestedQueryCost(ORDER_LINES_QUERY, { id: 'x', first: 1 }) - base;
  return Math.max(1, Math.min(FOLLOW_UP_LINES, Math.floor((maxCost - base) / perLine)));
}

/**
 * The search filter for the window. Date values must be quoted ("Date values must be a string
 * surrounded by quotes", https://shopify.dev/docs/api/usage/search-syntax); unquoted, the time
 * of day is ignored. Whole seconds, floored: Shopify's timestamps carry no fractions.
 */
export function updatedSinceFilter(since: Date | undefined): string | null {
  if (!since || Number.isNaN(since.getTime())) return null;
  const seconds = new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return `updated_at:>='${seconds}'`;
}
