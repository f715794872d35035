// Every GraphQL Admin API call ordersync makes, and the cost pacing around them.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import { requestedQueryCost } from './query-cost.js';
import { ORDER_LINES_QUERY, ORDER_STAMPS_QUERY, ORDERS_QUERY, PARSED, SHOP_QUERY, type OrdersVariables } from './queries.js';
import type { ShopifySettings } from './settings.js';
import { CostBudget } from './throttle.js';
import { ShopifyCost } from './types.js';

/** Shopify's advice after a throttle when the numbers give no wait: about a second. */
const MIN_THROTTLE_WAIT_MS = 1_000;

export interface ShopifyClient {
  http: HttpClient;
  budget: CostBudget;
  ctx: ConnectorContext<ShopifySettings>;
  /** The version the shop actually served (X-Shopify-API-Version), once known. */
  servedVersion?: string;
}

export class ShopifyGraphqlError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'ShopifyGraphqlError';
  }
}

export function shopifyClient(ctx: ConnectorContext<ShopifySettings>): ShopifyClient {
  const http = ctx.http({
    baseURL: ctx.settings.shopUrl,
    // https://shopify.dev/docs/api/admin-graphql#authentication: the token goes in this header.
    headers: { 'X-Shopify-Access-Token': ctx.settings.accessToken },
    allowInsecure: ctx.settings.allowInsecure,
  });
  return { http, budget: new CostBudget(ctx.clock), ctx };
}

interface GraphqlError { message?: string; extensions?: { code?: string } }
interface GraphqlBody<T> { data?: T | null; errors?: GraphqlError[] | string; extensions?: { cost?: unknown } }

// POST /admin/api/{version}/graphql.json — https://shopify.dev/docs/api/admin-graphql (endpoint and auth).
// A THROTTLED answer is HTTP 200 with errors[].extensions.code "THROTTLED"; it is waited out here
// (from the reported throttleStatus) instead of going through the HTTP layer's retries.
// `retries`: HTTP-level retries (timeouts, 5xx); 0 for a mutation that must not be sent blind twice.
export async function runQuery<T>(client: ShopifyClient, query: string, variables: Record<string, unknown>, options: { retries?: number } = {}): Promise<T> {
  const { ctx } = client;
  const cost = requestedQueryCost(PARSED.get(query) ?? query, variables);
  for (let throttled = 0; ; throttled++) {
    await client.budget.reserve(cost);
    const response = await client.http.request<GraphqlBody<T>>({
      method: 'POST',
      path: `/admin/api/${ctx.settings.apiVersion}/graphql.json`,
      body: { query, variables },
      ...(options.retries === undefined ? {} : { retries: options.retries }),
    });
    noteServedVersion(client, response.headers['x-shopify-api-version']);
    const body = response.data ?? {};
    const reported = ShopifyCost.safeParse(body.extensions?.cost);
    if (reported.success) client.budget.observe(reported.data.throttleStatus);
    const errors = Array.isArray(body.errors) ? body.errors : body.errors ? [{ message: body.errors }] : [];
    if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
      if (throttled >= ctx.settings.maxThrottleRetries) {
        throw new ShopifyGraphqlError(`channel ${ctx.name}: still THROTTLED by Shopify after ${throttled + 1} attempts (query cost ${cost})`, 'THROTTLED');
      }
      const requested = reported.success ? reported.data.requestedQueryCost ?? cost : cost;
      const wait = Math.max(client.budget.waitFor(requested), MIN_THROTTLE_WAIT_MS);
      ctx.log.debug('shopify: THROTTLED, waiting for the cost bucket', { waitMs: wait, cost: requested });
      client.budget.waitedMs += wait;
      await ctx.clock.sleep(wait);
      continue;
    }
    if (errors.length > 0) {
      const first = errors[0];
      const code = first?.extensions?.code;
      throw new ShopifyGraphqlError(`channel ${ctx.name}: Shopify GraphQL error${code ? ` ${code}` : ''}: ${first?.message ?? 'unknown'}`, code);
    }
    if (body.data === undefined || body.data === null) throw new ShopifyGraphqlError(`channel ${ctx.name}: Shopify answered without data`, undefined);
    return body.data;
  }
}

function noteServedVersion(client: ShopifyClient, served: string | undefined): void {
  if (!served || client.servedVersion === served) return;
  client.servedVersion = served;
  const asked = client.ctx.settings.apiVersion;
  // Shopify serves another version when the asked one is unsupported (apis.md §1.1).
  if (served !== asked) client.ctx.log.warn(`shopify: asked for API version ${asked}, the shop served ${served}`);
}

export interface OrdersPage { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] }

// orders query — https://shopify.dev/docs/api/admin-graphql/2026-01/queries/orders
export async function fetchOrders(client: ShopifyClient, variables: OrdersVariables): Promise<OrdersPage> {
  const data = await runQuery<{ orders?: OrdersPage }>(client, ORDERS_QUERY, variables);
  if (!data.orders || !Array.isArray(data.orders.nodes)) throw new ShopifyGraphqlError('the orders query answered without a connection', undefined);
  return data.orders;
}

export interface StampsPage { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] }

// orders query, ids and stamps only — https://shopify.dev/docs/api/admin-graphql/2026-01/queries/orders
export async function fetchOrderStamps(client: ShopifyClient, variables: { first: number; after: string | null; query: string | null }): Promise<StampsPage> {
  const data = await runQuery<{ orders?: StampsPage }>(client, ORDER_STAMPS_QUERY, variables);
  if (!data.orders || !Array.isArray(data.orders.nodes)) throw new ShopifyGraphqlError('the orders query answered without a connection', undefined);
  return data.orders;
}

export interface LinesPage { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] }

// order(id:) { lineItems } — https://shopify.dev/docs/api/admin-graphql/2026-01/queries/order
export async function fetchOrderLines(client: ShopifyClient, id: string, first: number, after: string | null): Promise<LinesPage | null> {
  const data = await runQuery<{ order?: { lineItems: LinesPage } | null }>(client, ORDER_LINES_QUERY, { id, first, after });
  return data.order?.lineItems ?? null;
}

// shop { name } — https://shopify.dev/docs/api/admin-graphql/2026-01/queries/shop
export async function verifyShop(client: ShopifyClient): Promise<void> {
  await runQuery(client, SHOP_QUERY, {});
}
