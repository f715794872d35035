// searchOrders as orders_2026-01-01.json defines it: parameter rules, the 2-minute rule, keyset
// pages behind an opaque paginationToken (24 h), and includedData projection.
import { findMarketplace } from './marketplaces.js';
import { AMAZON_FULFILLED_BY, AMAZON_FULFILLMENT_STATUSES, AMAZON_INCLUDED_DATA } from './types.js';

export type StoredOrder = Record<string, unknown>;

const TWO_MINUTES = 120_000; // "*Before … must be … at least two minutes before the time of the request"
const TOKEN_LIFETIME = 86_400_000; // Pagination: "The token will expire after 24 hours."
const MAX_PAGE = 100; // maxResultsPerPage: "between 1 and 100. Default: 100."
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
// "All other parameters must be provided with the same values … with the exception of
// maxResultsPerPage and includedData, which can be modified between calls."
const FREE_BETWEEN_PAGES = new Set(['paginationToken', 'maxResultsPerPage', 'includedData']);

export interface SearchResult {
  orders: StoredOrder[];
  nextToken: string | undefined;
  /** Echoed as lastUpdatedBefore / createdBefore, as the sandbox examples do. */
  echo: Record<string, string>;
}

interface PageToken { params: string; before: number; after: [number, string] | null; issuedAt: number }

/** The orders of one page, or the InvalidInput message for a 400. */
export function searchOrders(query: URLSearchParams, orders: Iterable<StoredOrder>, now: number): SearchResult | string {
  const created = query.has('createdAfter');
  const updated = query.has('lastUpdatedAfter');
  if (created === updated) return 'Exactly one of createdAfter and lastUpdatedAfter must be provided.';
  if (created && query.has('lastUpdatedBefore')) return 'lastUpdatedBefore cannot be combined with createdAfter.';
  if (updated && query.has('createdBefore')) return 'createdBefore cannot be combined with lastUpdatedAfter.';
  const [afterName, beforeName, timeField] = created
    ? ['createdAfter', 'createdBefore', 'createdTime'] as const
    : ['lastUpdatedAfter', 'lastUpdatedBefore', 'lastUpdatedTime'] as const;

  const after = instant(query.get(afterName));
  if (after === undefined) return `${afterName} must be an ISO 8601 date-time.`;
  const beforeText = query.get(beforeName);
  let before = beforeText === null ? now - TWO_MINUTES : instant(beforeText);
  if (before === undefined) return `${beforeName} must be an ISO 8601 date-time.`;
  if (before > now - TWO_MINUTES) return `${beforeName} must be at least two minutes before the time of the request.`;
  if (before < after) return `${beforeName} must be equal to or after ${afterName}.`;

  const maxText = query.get('maxResultsPerPage') ?? String(MAX_PAGE);
  const max = Number(maxText);
  if (!/^\d+$/.test(maxText) || max < 1 || max > MAX_PAGE) return `maxResultsPerPage must be between 1 and ${MAX_PAGE}.`;
  const marketplaces = list(query, 'marketplaceIds');
  if (marketplaces && marketplaces.length > 50) return 'marketplaceIds accepts at most 50 values.';
  const unknownMarketplace = marketplaces?.find((id) => !findMarketplace(id));
  if (unknownMarketplace) return `Invalid marketplaceId: ${unknownMarketplace}.`;
  const statuses = list(query, 'fulfillmentStatuses');
  const fulfilledBy = list(query, 'fulfilledBy');
  for (const [name, values, allowed] of [
    ['fulfillmentStatuses', statuses, AMAZON_FULFILLMENT_STATUSES], ['fulfilledBy', fulfilledBy, AMAZON_FULFILLED_BY],
    ['includedData', list(query, 'includedData'), AMAZON_INCLUDED_DATA],
  ] as const) {
    const bad = values?.find((value) => !(allowed as readonly string[]).includes(value));
    if (bad) return `Invalid ${name} value: ${bad}.`;
  }

  const params = canonicalParams(query);
  let from: [number, string] | null = null;
  const tokenText = query.get('paginationToken');
  if (tokenText !== null) {
    const token = decodeToken(tokenText);
    if (!token) return 'Invalid paginationToken.';
    if (now - token.issuedAt > TOKEN_LIFETIME) return 'The paginationToken has expired.';
    if (token.params !== params) return 'Parameters other than maxResultsPerPage and includedData must match the request that returned the paginationToken.';
    before = token.before; // a window whose end was left to the server keeps the end it had
    from = token.after;
  }
  const end = before;

  const matching = [...orders]
    .map((order) => ({ order, key: [Date.parse(String(order[timeField])), String(order.orderId)] as [number, string] }))
    .filter(({ order, key: [time] }) => time >= after && time <= end
      && (!marketplaces || marketplaces.includes(String(path(order, 'salesChannel', 'marketplaceId'))))
      && (!statuses || statuses.includes(String(path(order, 'fulfillment', 'fulfillmentStatus'))))
      && (!fulfilledBy || fulfilledBy.includes(String(path(order, 'fulfillment', 'fulfilledBy')))))
    .sort((a, b) => compareKeys(a.key, b.key))
    .filter(({ key }) => !from || compareKeys(key, from) > 0);
  const page = matching.slice(0, max);
  const last = page.at(-1);
  const nextToken = matching.length > max && last
    ? encodeToken({ params, before: end, after: last.key, issuedAt: now })
    : undefined;
  return { orders: page.map(({ order }) => order), nextToken, echo: { [beforeName]: new Date(end).toISOString() } };
}

// Which top-level and item-level fields each includedData value releases (the enum's descriptions).
const ORDER_DATASETS: Record<string, string> = {
  buyer: 'BUYER', recipient: 'RECIPIENT', proceeds: 'PROCEEDS', fulfillment: 'FULFILLMENT', packages: 'PACKAGES',
  tax: 'TAX', payment: 'PAYMENT', fulfillmentOrders: 'FULFILLMENT_ORDERS',
};
const ITEM_DATASETS: Record<string, string> = {
  proceeds: 'PROCEEDS', expense: 'EXPENSE', promotion: 'PROMOTION', cancellation: 'CANCELLATION', fulfillment: 'FULFILLMENT', tax: 'TAX',
};

export function includedDataOf(query: URLSearchParams): Set<string> {
  return new Set(list(query, 'includedData') ?? []);
}

/** The order as the response shows it: order items always, other datasets only when asked for. */
export function projectOrder(order: StoredOrder, included: Set<string>): StoredOrder {
  const shown = keep(order, ORDER_DATASETS, included);
  if (Array.isArray(order.orderItems)) shown.orderItems = order.orderItems.map((item: StoredOrder) => keep(item, ITEM_DATASETS, included));
  return shown;
}

function keep(object: StoredOrder, datasets: Record<string, string>, included: Set<string>): StoredOrder {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !(key in datasets) || included.has(datasets[key] as string)));
}

/** An array parameter: comma-separated (Swagger 2's default csv) or repeated. */
function list(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length > 0 ? values : undefined;
}

function instant(text: string | null): number | undefined {
  if (text === null || !ISO_8601.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function canonicalParams(query: URLSearchParams): string {
  return JSON.stringify([...query.entries()].filter(([name]) => !FREE_BETWEEN_PAGES.has(name)).sort());
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString()) as PageToken;
    return typeof token.params === 'string' && typeof token.before === 'number' && typeof token.issuedAt === 'number' ? token : undefined;
  } catch {
    return undefined;
  }
}

function compareKeys(a: [number, string], b: [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function path(object: StoredOrder, ...keys: string[]): unknown {
  let value: unknown = object;
  for (const key of keys) value = value && typeof value === 'object' ? (value as StoredOrder)[key] : undefined;
  return value;
}
