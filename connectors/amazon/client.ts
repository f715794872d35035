// Every HTTP call ordersync makes to Amazon: the Login with Amazon token exchange and the
// Orders API v2026-01-01 searchOrders, paced by searchOrders' token bucket.
import { HttpError, TokenBucket, type ConnectorContext, type HttpClient, type HttpResponse } from '../../src/connector-kit/index.js';
import type { HttpRequest } from '../../src/http/index.js';
import type { AmazonSettings } from './settings.js';
import { AmazonSearchOrdersResponse, AmazonTokenResponse, type AmazonIncludedData } from './types.js';

const ORDERS_API = '/orders/2026-01-01';
// Everything the mapper reads; order items always come (migration guide: "items always included").
export const INCLUDED_DATA: readonly AmazonIncludedData[] = ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT'];
/** Refresh this long before expiry, so no request leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

type Ctx = ConnectorContext<AmazonSettings>;

interface Session {
  api: HttpClient;
  lwa: HttpClient;
  /**
   * searchOrders' bucket (the one operation ordersync calls): Amazon's throttled answer carries
   * no Retry-After, so we pace ourselves, never faster than the rate Amazon reports.
   */
  searchOrders: TokenBucket;
  token?: { value: string; refreshAt: number };
  /** Amazon's clock minus ours, from the last Date header (whole seconds, so up to 1 s behind). */
  serverOffsetMs: number;
}

// The access token and the bucket outlive one pull (a `sync` pulls more than once), so they live
// with the context the runtime made for this channel, not in the generator.
const sessions = new WeakMap<Ctx, Session>();

function sessionOf(ctx: Ctx): Session {
  const existing = sessions.get(ctx);
  if (existing) return existing;
  const { ratePerSecond, burst } = ctx.settings.rateLimit;
  const refillMs = () => Math.ceil(1000 / session.searchOrders.ratePerSecond);
  const session: Session = {
    searchOrders: new TokenBucket(ratePerSecond, burst, ctx.clock),
    serverOffsetMs: 0,
    api: ctx.http({
      baseURL: ctx.settings.endpoint,
      allowInsecure: ctx.settings.allowInsecure,
      retry: { maxDelayMs: Math.max(30_000, Math.ceil(1000 / ratePerSecond)) },
      // A 429 means Amazon's bucket is empty: wait one refill. The retry spends that token, so our
      // bucket starts one token in debt rather than letting the next call be throttled too.
      retryAfter: (response) => {
        if (response.status !== 429) return undefined;
        session.searchOrders.observe(-1);
        return refillMs();
      },
    }),
    lwa: ctx.http({ baseURL: new URL(ctx.settings.tokenUrl).origin, allowInsecure: ctx.settings.allowInsecure }),
  };
  sessions.set(ctx, session);
  return session;
}

// POST https://api.amazon.com/auth/o2/token (grant_type=refresh_token) —
// https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api
// A form-encoded body, as Amazon documents it.
async function accessToken(ctx: Ctx, session: Session, force = false): Promise<string> {
  const now = ctx.clock.now();
  if (!force && session.token && now < session.token.refreshAt) return session.token.value;
  const response = await session.lwa.request({
    method: 'POST',
    path: new URL(ctx.settings.tokenUrl).pathname,
    form: {
      grant_type: 'refresh_token',
      refresh_token: ctx.settings.refreshToken,
      client_id: ctx.settings.clientId,
      client_secret: ctx.settings.clientSecret,
    },
  });
  const parsed = AmazonTokenResponse.safeParse(response.data);
  if (!parsed.success) throw new Error(`channel ${ctx.name}: Login with Amazon answered without an access token`);
  noteServerTime(ctx, session, response);
  const lifetimeMs = parsed.data.expires_in * 1000;
  session.token = { value: parsed.data.access_token, refreshAt: now + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) };
  return session.token.value;
}

/** The channel's access token (shared with the fulfillment calls, which keep their own buckets). */
export function accessTokenFor(ctx: Ctx, force = false): Promise<string> {
  return accessToken(ctx, sessionOf(ctx), force);
}

/** One SP-API call: wait for the bucket, send with the access token, renew the token once on 403. */
async function callApi<T>(ctx: Ctx, request: HttpRequest): Promise<HttpResponse<T>> {
  const session = sessionOf(ctx);
  await session.searchOrders.take();
  const response = await withAccessToken(ctx, (token) => session.api.request<T>({ ...request, headers: { ...request.headers, 'x-amz-access-token': token } }));
  noteServerTime(ctx, session, response);
  adoptReportedRate(ctx, session, response);
  return response;
}

export interface SearchWindow {
  lastUpdatedAfter: Date;
  lastUpdatedBefore: Date;
  maxResultsPerPage: number;
  /** The previous page's pagination.nextToken; every other parameter must repeat unchanged. */
  paginationToken?: string;
}

export interface SearchOrdersPage {
  orders: unknown[];
  nextToken: string | undefined;
}

// GET /orders/2026-01-01/orders (searchOrders) — https://github.com/amzn/selling-partner-api-models/blob/main/models/orders-api-model/orders_2026-01-01.json
// Arrays are comma-separated: Swagger 2's default collectionFormat (csv).
export async function searchOrders(ctx: Ctx, window: SearchWindow): Promise<SearchOrdersPage> {
  const response = await callApi<unknown>(ctx, {
    method: 'GET',
    path: `${ORDERS_API}/orders`,
    query: {
      lastUpdatedAfter: window.lastUpdatedAfter.toISOString(),
      lastUpdatedBefore: window.lastUpdatedBefore.toISOString(),
      marketplaceIds: ctx.settings.marketplaceIds.length > 0 ? ctx.settings.marketplaceIds.join(',') : undefined,
      includedData: INCLUDED_DATA.join(','),
      maxResultsPerPage: window.maxResultsPerPage,
      paginationToken: window.paginationToken,
    },
  });
  const parsed = AmazonSearchOrdersResponse.safeParse(response.data);
  if (!parsed.success) throw new Error(`channel ${ctx.name}: searchOrders answered without an orders list`);
  return { orders: parsed.data.orders, nextToken: parsed.data.pagination?.nextToken || undefined };
}

/**
 * Amazon's now, for the 2-minute rule. Each pull starts with a fresh token, and the Date of that
 * answer tells Amazon's time, whatever our clock says (a skewed host, a fake clock in tests).
 */
export async function amazonNow(ctx: Ctx): Promise<number> {
  const session = sessionOf(ctx);
  await accessToken(ctx, session, true);
  return ctx.clock.now() + session.serverOffsetMs;
}

// A cheap proof of the credentials: a token, then one order from the last hour.
export async function verifyCredentials(ctx: Ctx): Promise<void> {
  const end = (await amazonNow(ctx)) - ctx.settings.safetyLagSeconds * 1000;
  await searchOrders(ctx, { lastUpdatedAfter: new Date(end - 3_600_000), lastUpdatedBefore: new Date(end), maxResultsPerPage: 1 });
}

function noteServerTime(ctx: Ctx, session: Session, response: HttpResponse<unknown>): void {
  const date = Date.parse(response.headers.date ?? '');
  if (!Number.isNaN(date)) session.serverOffsetMs = date - ctx.clock.now();
}

/** x-amzn-RateLimit-Limit is the rate Amazon applies to this seller and app: never pace faster than it. */
function adoptReportedRate(ctx: Ctx, session: Session, response: HttpResponse<unknown>): void {
  const reported = Number(response.headers['x-amzn-ratelimit-limit']);
  const current = session.searchOrders;
  if (!(reported > 0) || reported >= current.ratePerSecond) return;
  ctx.log.warn(`channel ${ctx.name}: Amazon allows searchOrders ${reported}/s, less than rateLimit.ratePerSecond ${current.ratePerSecond}; pacing to Amazon's rate`);
  const slower = new TokenBucket(reported, current.burst, ctx.clock);
  slower.observe(current.available);
  session.searchOrders = slower;
}

/**
 * Sends with the channel's access token. Amazon answers an expired or revoked token with 403
 * Unauthorized before anything is done: one fresh token, one more try.
 */
export async function withAccessToken<T>(ctx: Ctx, send: (token: string) => Promise<T>): Promise<T> {
  try {
    return await send(await accessTokenFor(ctx));
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    return send(await accessTokenFor(ctx, true));
  }
}

export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof HttpError) || error.status !== 403) return false;
  try {
    const body = JSON.parse(error.body) as { errors?: { code?: string }[] };
    return body.errors?.[0]?.code === 'Unauthorized';
  } catch {
    return false;
  }
}
