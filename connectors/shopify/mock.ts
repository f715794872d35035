// A mock Shopify shop speaking the GraphQL Admin API: POST /admin/api/{version}/graphql.json with
// X-Shopify-Access-Token, a real GraphQL engine over the schema subset in mock-schema.ts, the
// calculated query cost and its leaky bucket (THROTTLED, MAX_COST_EXCEEDED), extensions.cost on
// every answer, X-Shopify-API-Version, and Shopify's 401 body.
import type { MockOptions } from '../../src/connector-kit/index.js';
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { CostBucket, DEFAULT_BUCKET, type BucketFigures } from './mock-cost.js';
import { answerGraphql, MOCK_SHOP, throttledBody, type GraphqlRequest, type Tally } from './mock-graphql.js';
import { FulfillmentStore } from './mock-fulfillment.js';
import { OrderStore, type UpsertBody } from './mock-store.js';
import { InventoryStore } from './mock-stock.js';

export const MOCK_CREDENTIALS = { accessToken: 'shpat_ordersync_mock_token_0001' };
export { MOCK_SHOP };

// Stable versions are supported for at least 12 months (https://shopify.dev/docs/api/usage/versioning);
// this window is the mock's choice around the default 2026-01.
export const SUPPORTED_API_VERSIONS = ['2025-10', '2026-01', '2026-04', '2026-07', '2026-10', 'unstable'] as const;
const VERSION_FORMAT = /^(\d{4}-(01|04|07|10)|unstable)$/;

// Shopify's body for a missing or wrong token (seen verbatim in gatsbyjs/gatsby-starter-shopify#65).
const UNAUTHORIZED = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

export interface ShopifyMockOptions extends MockOptions {
  /** The mock's clock for timestamps and the cost bucket (tests pass their fake clock). */
  now?: () => number;
  /** Bucket size and restore rate; defaults to 1,000 points restoring 50/s. */
  bucket?: Partial<BucketFigures>;
  /** SKUs with an inventory item at the mock location, in place of the demo catalogue (benchmarks). */
  stockSkus?: readonly string[];
}

export function createShopifyMock(options: ShopifyMockOptions): MockApi {
  const now = options.now ?? (options.clock ? () => options.clock!.now() : Date.now);
  const figures: BucketFigures = { ...DEFAULT_BUCKET, ...options.bucket };
  const store = new OrderStore(options.seed, options.orders ?? 40, now);
  const inventory = new InventoryStore(options.stockSkus);
  const fulfillments = new FulfillmentStore(store);
  let buckets = new Map<string, CostBucket>();
  let tally = newTally();
  let requestNo = 0;

  const bucketFor = (token: string): CostBucket => {
    let bucket = buckets.get(token);
    if (!bucket) buckets.set(token, (bucket = new CostBucket(figures, now)));
    return bucket;
  };

  function headers(served?: string): Record<string, string> {
    requestNo++;
    return {
      'x-request-id': `00000000-0000-4000-8000-${requestNo.toString(16).padStart(12, '0')}`,
      ...(served ? { 'x-shopify-api-version': served } : {}),
    };
  }

  function graphqlEndpoint(request: MockRequest): MockResponse {
    const token = request.headers['x-shopify-access-token'];
    if (token !== MOCK_CREDENTIALS.accessToken) return json(401, UNAUTHORIZED, headers());
    const asked = request.params.version ?? '';
    if (!VERSION_FORMAT.test(asked)) return json(404, { errors: 'Not Found' }, headers());
    // An unsupported version is served by the oldest supported one; the header says which.
    const served = (SUPPORTED_API_VERSIONS as readonly string[]).includes(asked) ? asked : SUPPORTED_API_VERSIONS[0];
    const body = readRequest(request);
    if (!body) return json(400, { errors: { query: 'Required parameter missing or invalid' } }, headers(served));
    return json(200, answerGraphql(body, store, bucketFor(token), tally, { ...inventory.root(served), ...fulfillments.root() }, (order) => fulfillments.orderFields(order)), headers(served));
  }

  return {
    name: 'shopify',
    routes: [route('POST', '/admin/api/:version/graphql.json', graphqlEndpoint)],
    state: () => ({
      orders: store.orders.size,
      orderIds: [...store.orders.keys()],
      shop: MOCK_SHOP.myshopifyDomain,
      apiVersions: SUPPORTED_API_VERSIONS,
      bucket: bucketFor(MOCK_CREDENTIALS.accessToken).status(),
      graphqlQueries: tally.queries,
      bucketThrottled: tally.throttled,
      maxCostExceeded: tally.maxCostExceeded,
      lastRequestedCost: tally.lastRequestedCost,
      stock: inventory.availableBySku(),
      stockMutations: inventory.mutations,
      stockLookups: inventory.lookups,
      stockQuantitiesSet: inventory.quantitiesSet,
      stockStale: inventory.stale,
      fulfillments: fulfillments.state(),
    }),
    upsertOrders: (body) => store.upsert((body ?? {}) as UpsertBody),
    reset: () => {
      store.reset();
      inventory.reset();
      fulfillments.reset();
      buckets = new Map();
      tally = newTally();
    },
    // Injected throttling answers as Shopify does (HTTP 200, THROTTLED). The reported bucket is
    // `retryAfterSeconds` of restore short of a full one, so a client that waits what the numbers
    // say waits exactly that long (the fault comes before the query is read, its cost unknown).
    throttled: (retryAfterSeconds) => {
      const { maximumAvailable, restoreRate } = figures;
      const currentlyAvailable = Math.max(0, maximumAvailable - retryAfterSeconds * restoreRate);
      return json(200, throttledBody(maximumAvailable, { maximumAvailable, currentlyAvailable, restoreRate }), headers(SUPPORTED_API_VERSIONS[1]));
    },
    errorBody: (status, message) => ({ errors: status === 404 ? 'Not Found' : message }),
  };
}

function newTally(): Tally {
  return { queries: 0, throttled: 0, maxCostExceeded: 0, lastRequestedCost: 0, documents: new Map() };
}

/** The GraphQL request from a JSON body, or from an application/graphql body. */
function readRequest(request: MockRequest): GraphqlRequest | undefined {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/graphql')) return request.body.trim() ? { query: request.body } : undefined;
  const body = request.json as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (!body || typeof body.query !== 'string' || body.query.trim() === '') return undefined;
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : undefined;
  return { query: body.query, variables, operationName: typeof body.operationName === 'string' ? body.operationName : undefined };
}
