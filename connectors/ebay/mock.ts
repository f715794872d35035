// A mock eBay speaking the Sell Fulfillment API v1 getOrders and the OAuth refresh-token grant on
// one port: bearer user tokens that expire after 7,200 s, offset paging with href/next/prev/total,
// the lastmodifieddate/creationdate filters, eBay's error bodies, and a daily call quota that
// answers 429 errorId 2001 once spent. Shipping fulfillments: ./mock-fulfillment.ts.
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { changeOrder, createFaker, ebayInstant, generateOrder } from './mock-data.js';
export { MOCK_CREDENTIALS, TOKEN_LIFETIME_SECONDS } from './mock-oauth.js';
import * as errors from './mock-errors.js';
import { inRange, parseOrdersQuery, type OrdersQuery } from './mock-query.js';
import { createMockOAuth } from './mock-oauth.js';
import { createMockFulfillments } from './mock-fulfillment.js';
import { createMockInventory } from './mock-stock.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const DEFAULT_DAILY_QUOTA = 100_000; // Fulfillment API default call limit per day (developer.ebay.com/develop/api/sell/api_call_limits)
const DAY = 86_400_000;
const ORDERS = '/sell/fulfillment/v1/order';

export interface EbayMockOptions extends MockOptions {
  /** The mock's clock (stamps, token expiry, quota day, "in the future"); else `clock`, else real time. */
  now?: () => number;
  /** getOrders calls allowed per Pacific-time day. */
  dailyQuota?: number;
  /** Inventory API calls allowed per Pacific-time day (its own quota, 2,000,000 by default). */
  inventoryDailyQuota?: number;
  /** SKUs with an inventory item, in place of the SKUs the orders sell (benchmarks). */
  stockSkus?: readonly string[];
}

export interface EbayMock extends MockApi {
  /** Revokes every access token issued so far, and with `future` every one issued until reset. */
  revokeTokens(future?: boolean): void;
}

export function createEbayMock(options: EbayMockOptions): EbayMock {
  const clock = options.clock;
  const now = options.now ?? (clock ? () => clock.now() : Date.now);
  const quotaLimit = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
  let orders = new Map<string, Raw>();
  let lastStamp = 0;
  let sequence = 0;
  let faker = createFaker(options.seed);
  const oauth = createMockOAuth(options.seed, now);
  let getOrdersCalls = 0;
  let recentQueries: string[] = []; // the last getOrders query strings, decoded, for tests and demos
  let quota = { day: '', used: 0 };
  let baseUrl = '';
  const fulfillments = createMockFulfillments({
    order: (orderId) => orders.get(orderId),
    authenticate: (request, scope) => oauth.authenticate(request, scope),
    spendQuota: () => spendQuota(),
    throttled: () => json(429, errors.throttledBody()),
    now,
    stamp: () => ebayInstant(stamp()),
    present: (order, query) => {
      const fieldGroups = query.get('fieldGroups');
      if (fieldGroups !== null && fieldGroups !== 'TAX_BREAKDOWN') return errors.fulfillmentError(32800, `Invalid field group: ${fieldGroups}`, { fieldGroup: fieldGroups });
      return json(200, fieldGroups ? order : withoutTaxBreakdown(order));
    },
    baseUrl: () => baseUrl,
  });

  const inventory = createMockInventory({
    authenticate: (request, scope) => oauth.authenticate(request, scope),
    throttled: () => json(429, errors.throttledBody()),
    now,
    dailyQuota: options.inventoryDailyQuota,
    skus: options.stockSkus,
  });

  function seed(): void {
    faker = createFaker(options.seed);
    inventory.reset();
    orders = new Map();
    oauth.reset();
    getOrdersCalls = 0;
    recentQueries = [];
    quota = { day: '', used: 0 };
    fulfillments.reset();
    const count = options.orders ?? 40;
    const start = now() - 20 * DAY;
    for (sequence = 1; sequence <= count; sequence++) {
      const created = start + Math.floor(((sequence - 1) * 20 * DAY) / Math.max(count, 1)) + faker.number.int({ min: 0, max: 999 });
      const modified = Math.min(created + faker.number.int({ min: 0, max: 36 * 3_600_000 }), now() - 3_600_000); // settled: older than any safety lag
      const order = generateOrder(faker, sequence, created, Math.max(created, modified));
      orders.set(order.orderId, order);
    }
    lastStamp = Math.max(0, ...[...orders.values()].map((o) => Date.parse(o.lastModifiedDate)));
  }
  seed();

  /**
   * One millisecond stamp per batch of changes, strictly newer than any order's. Orders changed
   * together share it (eBay stamps can tie too); per-order stamps would run ahead of the clock.
   */
  const stamp = (): number => (lastStamp = Math.max(now(), lastStamp + 1));

  /** Counts a call against today's quota (the day runs midnight to midnight Pacific time); false once spent. */
  function spendQuota(): boolean {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(now()));
    if (day !== quota.day) quota = { day, used: 0 };
    if (quota.used >= quotaLimit) return false;
    quota.used++;
    return true;
  }

  // GET /sell/fulfillment/v1/order (getOrders) — spec paths./order.get
  function getOrders(request: MockRequest): MockResponse {
    const denied = oauth.authenticate(request);
    if (denied) return denied;
    if (!spendQuota()) return json(429, errors.throttledBody());
    getOrdersCalls++;
    recentQueries = [...recentQueries.slice(-99), decodeURIComponent(request.query.toString())];
    const query = parseOrdersQuery(request.query, now());
    if ('status' in query) return query;
    const matching = select(query).sort((a, b) => compare(b.creationDate, a.creationDate) || compare(a.orderId, b.orderId));
    const page = query.orderIds ? matching : matching.slice(query.offset, query.offset + query.limit);
    const link = (offset: number) => {
      const params = new URLSearchParams(request.query);
      params.set('limit', String(query.limit));
      params.set('offset', String(offset));
      return `${baseUrl}${request.path}?${params}`;
    };
    const more = !query.orderIds && query.offset + query.limit < matching.length;
    return json(200, {
      href: `${baseUrl}${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`,
      total: matching.length, limit: query.limit, offset: query.offset,
      orders: page.map((order) => (query.taxBreakdown ? order : withoutTaxBreakdown(order))),
      ...(more ? { next: link(query.offset + query.limit) } : {}),
      ...(query.offset > 0 && !query.orderIds ? { prev: link(Math.max(0, query.offset - query.limit)) } : {}),
    });
  }

  function select(query: OrdersQuery): Raw[] {
    const all = [...orders.values()];
    if (query.orderIds) return all.filter((order) => query.orderIds!.includes(order.orderId));
    const reach = { from: now() - 730 * DAY, to: undefined }; // orders up to two years old (spec `filter`)
    // creationdate wins over lastmodifieddate; no date filter: created in the last 90 days (spec getOrders).
    const [field, range] = query.created ? ['creationDate', query.created] as const
      : query.modified ? ['lastModifiedDate', query.modified] as const
      : ['creationDate', { from: now() - 90 * DAY, to: undefined }] as const;
    return all.filter((order) => inRange(order[field], range) && inRange(order.creationDate, reach)
      && (!query.fulfillment || query.fulfillment.includes(order.orderFulfillmentStatus)));
  }

  function upsertOrders(body: unknown): unknown {
    const input = (body ?? {}) as { change?: number; add?: number; malformed?: number; orders?: Raw[] };
    const changed: string[] = [];
    const added: string[] = [];
    const ids = [...orders.keys()];
    const change = Math.min(input.change ?? 0, ids.length);
    const at = change + (input.add ?? 0) + (input.malformed ?? 0) > 0 ? stamp() : lastStamp;
    for (let i = 0; i < change; i++) {
      const id = ids[Math.floor((i * ids.length) / change)]!;
      changeOrder(orders.get(id)!, at);
      changed.push(id);
    }
    const create = (mutate?: (order: Raw) => void) => {
      const order = generateOrder(faker, ++sequence, at, at);
      mutate?.(order);
      orders.set(order.orderId, order);
      added.push(order.orderId);
    };
    for (let i = 0; i < (input.add ?? 0); i++) create();
    // A total the mapper cannot read as money: the order must land in quarantine, not the ledger.
    for (let i = 0; i < (input.malformed ?? 0); i++) create((order) => { order.pricingSummary.total.value = 'N/A'; });
    for (const order of input.orders ?? []) {
      if (typeof order?.orderId !== 'string') throw new Error('each of "orders" needs an orderId');
      (orders.has(order.orderId) ? changed : added).push(order.orderId);
      orders.set(order.orderId, { ...(orders.get(order.orderId) ?? {}), ...order });
      const modified = Date.parse(String(order.lastModifiedDate));
      if (!Number.isNaN(modified)) lastStamp = Math.max(lastStamp, modified);
    }
    return { changed, added };
  }

  return {
    name: 'ebay',
    routes: [
      route('POST', '/identity/v1/oauth2/token', (request) => oauth.mintToken(request)),
      route('GET', ORDERS, getOrders),
      ...fulfillments.routes,
      ...inventory.routes,
    ],
    state: () => ({
      orders: orders.size, orderIds: [...orders.keys()], newestModified: lastStamp ? ebayInstant(lastStamp) : null,
      received: { ...oauth.counts(), getOrders: getOrdersCalls, recentQueries }, quota: { limit: quotaLimit, used: quota.used, day: quota.day || null },
      fulfillments: fulfillments.state(),
      ...inventory.state(),
    }),
    upsertOrders,
    reset: seed,
    // eBay's throttle answer carries no Retry-After.
    throttled: () => json(429, errors.throttledBody()),
    errorBody: (status, message) => status === 401 ? errors.invalidTokenBody()
      : status === 429 ? errors.throttledBody()
      : status === 404 ? errors.notFoundBody(message)
      : status >= 500 ? errors.systemError()
      : errors.errorBody({ errorId: 2004, domain: 'ACCESS', category: 'REQUEST', message: 'Invalid request', longMessage: 'Request has errors. For help, see the documentation for this API.' }),
    setBaseUrl: (url) => { baseUrl = url; },
    revokeTokens: (future = false) => oauth.revoke(future),
  };
}

/** Without fieldGroups=TAX_BREAKDOWN, taxType and pricingSummary.fee are not returned (spec Tax.taxType, PricingSummary.fee). */
function withoutTaxBreakdown(order: Raw): Raw {
  const copy = structuredClone(order);
  if (copy.pricingSummary) delete copy.pricingSummary.fee;
  for (const line of copy.lineItems ?? []) for (const tax of line.taxes ?? []) delete tax.taxType;
  return copy;
}

function compare(a: unknown, b: unknown): number {
  return a === b ? 0 : String(a) < String(b) ? -1 : 1;
}
