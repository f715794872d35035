// A mock Selling Partner API (Orders v2026-01-01) with its Login with Amazon token endpoint on the
// same port: x-amz-access-token auth with expiring tokens, a token bucket per operation with
// x-amzn-RateLimit-Limit and the documented 429, x-amzn-RequestId, and {"errors":[…]} bodies.
// Orders v0 confirmShipment (the one v0 call ordersync makes): ./mock-fulfillment.ts.
import { randomUUID } from 'node:crypto';
import { systemClock, TokenBucket, type MockOptions } from '../../src/connector-kit/index.js';
import { route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { createTokenIssuer, MOCK_CREDENTIALS, type TokenIssuer } from './mock-auth.js';
import { advanceOrder, createFaker, generateOrder, type MockOrder } from './mock-data.js';
import { createMockConfirmations } from './mock-fulfillment.js';
import { createMockFeeds, FEEDS_PLANS, type FeedOutcome } from './mock-feeds.js';
import { createMockListings, LISTINGS_PLANS, MOCK_SELLER_ID } from './mock-stock.js';
import { includedDataOf, projectOrder, searchOrders, type StoredOrder } from './mock-search.js';

export { MOCK_CREDENTIALS, MOCK_SELLER_ID };

export type Operation = 'searchOrders' | 'getOrder';
export interface UsagePlan { rate: number; burst: number }

// The "Usage Plan" tables of orders_2026-01-01.json: searchOrders 0.0056/s burst 20, getOrder 0.5/s burst 30.
export const USAGE_PLANS: Record<Operation, UsagePlan> = { searchOrders: { rate: 0.0056, burst: 20 }, getOrder: { rate: 0.5, burst: 30 } };

// `clock` (MockOptions) runs everything time-bound here: buckets, token lifetimes, the 2-minute
// rule, stamps and the Date header. Tests share their fake clock with it; real time otherwise.
export interface AmazonMockOptions extends MockOptions {
  /** Access-token lifetime; Login with Amazon's is 3600 s. */
  tokenTtlSeconds?: number;
  /** Per-operation buckets; default the spec's usage plans. */
  usagePlans?: Partial<Record<Operation, UsagePlan>>;
  /**
   * How long ago the changes POST /__mock/orders simulates were made. Amazon only answers for
   * instants at least 2 minutes old, so a change stamped "now" would stay invisible that long.
   */
  changeAgeSeconds?: number;
  /** confirmShipment's bucket; default its usage plan (2/s, burst 10). */
  confirmShipmentPlan?: UsagePlan;
  /** Listings Items buckets; default their usage plans (patch 5/s burst 5, get 5/s burst 10). */
  listingsPlans?: Partial<Record<keyof typeof LISTINGS_PLANS, UsagePlan>>;
  /** SKUs the mock seller lists, in place of the SKUs its orders sell (benchmarks). */
  stockSkus?: readonly string[];
  /** Feeds API buckets; default their usage plans (mock-feeds.ts). */
  feedsPlans?: Partial<Record<keyof typeof FEEDS_PLANS, UsagePlan>>;
}

export interface AmazonMockApi extends MockApi {
  /** Invalidates every issued access token, as if Amazon revoked them early. */
  revokeAccessTokens(): void;
  setUsagePlan(operation: Operation, plan: UsagePlan): void;
  setConfirmShipmentPlan(plan: UsagePlan): void;
  /** How the next JSON_LISTINGS_FEEDs end, one entry per feed (also `POST /__mock/feed-outcomes {outcomes}`). */
  setFeedOutcomes(outcomes: FeedOutcome[]): void;
}

const ORDERS_API = '/orders/2026-01-01';
const DAY = 86_400_000;
const QUOTA_EXCEEDED = { code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' };

export function createAmazonMock(options: AmazonMockOptions): AmazonMockApi {
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const count = options.orders ?? 40;
  const changeAgeMs = (options.changeAgeSeconds ?? 150) * 1000;
  // Everything below is (re)built by seed(), at start and on POST /__mock/reset.
  let plans!: Record<Operation, UsagePlan>;
  let buckets!: Record<Operation, TokenBucket>;
  let faker!: ReturnType<typeof createFaker>;
  let orders!: Map<string, StoredOrder>;
  let malformed!: Set<string>;
  let tokens!: TokenIssuer;
  let calls!: Record<Operation, { requests: number; throttled: number }>;
  let lastStamp!: number;
  let lastSearch!: Record<string, string> | null;

  const bucketFor = (plan: UsagePlan) => new TokenBucket(plan.rate, plan.burst, clock);

  function seed(): void {
    plans = { ...USAGE_PLANS, ...options.usagePlans };
    buckets = { searchOrders: bucketFor(plans.searchOrders), getOrder: bucketFor(plans.getOrder) };
    faker = createFaker(options.seed);
    orders = new Map();
    malformed = new Set();
    tokens = createTokenIssuer(now, options.tokenTtlSeconds ?? 3600);
    calls = { searchOrders: { requests: 0, throttled: 0 }, getOrder: { requests: 0, throttled: 0 } };
    lastSearch = null;
    confirmations.reset();
    listings.reset();
    feeds.reset();
    // Placed over the last 25 days; the newest update is 10 minutes old, behind any pull's overlap.
    const start = now() - 25 * DAY;
    for (let i = 0; i < count; i++) {
      const createdMs = start + Math.floor((i * (25 * DAY - 3_600_000)) / Math.max(count, 1));
      const updatedMs = Math.min(createdMs + faker.number.int(3 * 3_600_000), now() - 600_000);
      store(generateOrder(faker, createdMs, updatedMs));
    }
    lastStamp = Math.max(0, ...[...orders.values()].map((order) => Date.parse(String(order.lastUpdatedTime))));
  }

  function store(order: MockOrder | StoredOrder): string {
    const id = typeof order.orderId === 'string' && order.orderId ? order.orderId : `missing-id-${orders.size + 1}`;
    orders.set(id, order as StoredOrder);
    return id;
  }

  /** Whole seconds, strictly after every stamp already given. */
  function stamp(): number {
    lastStamp = Math.max(Math.floor((now() - changeAgeMs) / 1000) * 1000, lastStamp + 1000);
    return lastStamp;
  }

  function respond(status: number, body: unknown, operation?: Operation): MockResponse {
    return withHeaders({ status, body }, operation);
  }

  function withHeaders(response: MockResponse, operation?: Operation): MockResponse {
    return {
      ...response,
      headers: {
        'x-amzn-RequestId': randomUUID(),
        date: new Date(now()).toUTCString(), // the mock's clock, which callers may read for the 2-minute rule
        ...(operation ? { 'x-amzn-RateLimit-Limit': String(plans[operation].rate) } : {}),
        ...response.headers,
      },
    };
  }

  const errors = (status: number, code: string, message: string, details = '', operation?: Operation): MockResponse =>
    respond(status, { errors: [{ code, message, details }] }, operation);

  /** Auth, then the operation's bucket: what every SP-API call goes through. */
  function admit(request: MockRequest, operation: Operation): MockResponse | undefined {
    calls[operation].requests++;
    const denied = tokens.deny(request);
    if (denied) return errors(403, denied.code, denied.message, denied.details);
    const bucket = buckets[operation];
    if (bucket.available < 1) {
      calls[operation].throttled++;
      return respond(429, { errors: [QUOTA_EXCEEDED] }); // the spec's 429 has no x-amzn-RateLimit-Limit
    }
    bucket.observe(bucket.available - 1);
    return undefined;
  }

  function search(request: MockRequest): MockResponse {
    const refused = admit(request, 'searchOrders');
    if (refused) return refused;
    lastSearch = Object.fromEntries(request.query);
    const result = searchOrders(request.query, orders.values(), now());
    if (typeof result === 'string') return errors(400, 'InvalidInput', 'Invalid Input', result, 'searchOrders');
    const included = includedDataOf(request.query);
    return respond(200, {
      orders: result.orders.map((order) => projectOrder(order, included)),
      ...(result.nextToken ? { pagination: { nextToken: result.nextToken } } : {}),
      ...result.echo,
    }, 'searchOrders');
  }

  function getOrder(request: MockRequest): MockResponse {
    const refused = admit(request, 'getOrder');
    if (refused) return refused;
    const order = orders.get(request.params.orderId ?? '');
    if (!order) return errors(404, 'NotFound', 'The resource specified does not exist.', '', 'getOrder');
    return respond(200, { order: projectOrder(order, includedDataOf(request.query)) }, 'getOrder');
  }

  function upsertOrders(body: unknown): unknown {
    const input = (body ?? {}) as { change?: number; add?: number; malformed?: number; orders?: StoredOrder[] };
    const changed: string[] = [];
    const added: string[] = [];
    const at = input.change || input.add || input.malformed ? stamp() : 0;
    const candidates = [...orders.keys()].filter((id) => !malformed.has(id) && isMockOrder(orders.get(id)));
    for (let i = 0; i < Math.min(input.change ?? 0, candidates.length); i++) {
      const id = candidates[Math.floor((i * candidates.length) / (input.change ?? 1))] as string;
      advanceOrder(orders.get(id) as unknown as MockOrder, at, faker);
      changed.push(id);
    }
    for (let i = 0; i < (input.add ?? 0); i++) added.push(store(generateOrder(faker, at, at)));
    for (let i = 0; i < (input.malformed ?? 0); i++) {
      // An amount that is not a decimal: the mapper must quarantine it and keep the rest of the page.
      const order = generateOrder(faker, at, at) as unknown as StoredOrder;
      order.proceeds = { grandTotal: { amount: 'twelve', currencyCode: 'USD' } };
      // A US order, as its currency says: a pull of one region's marketplaces (config.example.yml: North America) sees it.
      order.salesChannel = { ...(order.salesChannel as Record<string, unknown>), marketplaceId: 'ATVPDKIKX0DER', marketplaceName: 'Amazon.com' };
      const id = store(order);
      malformed.add(id);
      added.push(id);
    }
    for (const order of input.orders ?? []) {
      const existing = typeof order.orderId === 'string' ? orders.get(order.orderId) : undefined;
      const id = store({ ...existing, ...order, lastUpdatedTime: order.lastUpdatedTime ?? new Date(stamp()).toISOString() });
      (existing ? changed : added).push(id);
    }
    return { changed, added };
  }

  const confirmations = createMockConfirmations({
    clock,
    plan: options.confirmShipmentPlan,
    order: (orderId) => orders.get(orderId),
    authenticate(request) {
      const denied = tokens.deny(request);
      return denied ? errors(403, denied.code, denied.message, denied.details) : undefined;
    },
    withHeaders: (response) => withHeaders(response),
    quotaExceeded: () => respond(429, { errors: [QUOTA_EXCEEDED] }),
    touch(order) {
      // A confirmation changes the order now (not changeAgeSeconds ago): the next searchOrders sees it once 2 minutes old.
      lastStamp = Math.max(Math.floor(now() / 1000) * 1000, lastStamp + 1000);
      order.lastUpdatedTime = new Date(lastStamp).toISOString().replace('.000Z', 'Z');
    },
  });

  const listings = createMockListings({
    clock,
    plans: options.listingsPlans,
    skus: options.stockSkus,
    authenticate(request) {
      const denied = tokens.deny(request);
      return denied ? errors(403, denied.code, denied.message, denied.details) : undefined;
    },
    withHeaders: (response) => withHeaders(response),
  });

  const feeds = createMockFeeds({
    clock,
    plans: options.feedsPlans,
    authenticate(request) {
      const denied = tokens.deny(request);
      return denied ? errors(403, denied.code, denied.message, denied.details) : undefined;
    },
    withHeaders: (response) => withHeaders(response),
    quotaExceeded: () => respond(429, { errors: [QUOTA_EXCEEDED] }),
    applyPatches: (sku, marketplaceId, patches) => listings.applyPatches(sku, marketplaceId, patches),
  });

  seed();
  return {
    name: 'amazon',
    routes: [
      route('POST', '/auth/o2/token', (request) => withHeaders(tokens.exchange(request))),
      route('GET', `${ORDERS_API}/orders`, search),
      route('GET', `${ORDERS_API}/orders/:orderId`, getOrder),
      ...confirmations.routes,
      ...listings.routes,
      ...feeds.routes,
    ],
    state: () => ({
      orders: orders.size,
      orderIds: [...orders.keys()],
      ...tokens.state(),
      operations: calls,
      usagePlans: Object.fromEntries(Object.entries(plans).map(([op, plan]) => [op, { ...plan, available: buckets[op as Operation].available }])),
      lastSearch,
      shipmentConfirmation: confirmations.state(),
      ...listings.state(),
      ...feeds.state(),
    }),
    upsertOrders,
    reset: seed,
    throttled: () => respond(429, { errors: [QUOTA_EXCEEDED] }),
    errorBody: (status, message) => ({ errors: [{ code: errorCode(status), message, details: '' }] }),
    revokeAccessTokens: () => tokens.revokeAll(),
    setConfirmShipmentPlan: (plan) => confirmations.setUsagePlan(plan),
    setFeedOutcomes: (outcomes) => feeds.setFeedOutcomes(outcomes),
    setBaseUrl: (url) => feeds.setBaseUrl(url),
    control(method, path, body) {
      if (method !== 'POST' || path !== '/__mock/feed-outcomes') return undefined;
      const outcomes = (body as { outcomes?: unknown } | undefined)?.outcomes;
      if (!Array.isArray(outcomes) || outcomes.some((o) => !['DONE', 'FATAL', 'CANCELLED', 'IN_PROGRESS'].includes(o as string))) {
        return { status: 400, body: { message: 'outcomes: a list of DONE | FATAL | CANCELLED | IN_PROGRESS' } };
      }
      feeds.setFeedOutcomes(outcomes as FeedOutcome[]);
      return { status: 200, body: { outcomes } };
    },
    setUsagePlan(operation, plan) {
      plans = { ...plans, [operation]: plan };
      buckets[operation] = bucketFor(plan);
    },
  };
}

function errorCode(status: number): string {
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'QuotaExceeded';
  return status >= 500 ? 'InternalFailure' : 'InvalidInput';
}

function isMockOrder(order: StoredOrder | undefined): boolean {
  return !!order && typeof order.fulfillment === 'object' && typeof order.buyer === 'object' && Array.isArray(order.orderItems);
}
