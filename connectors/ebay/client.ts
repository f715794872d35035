// Every eBay call ordersync makes: the OAuth refresh-token grant and Fulfillment getOrders.
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpResponse } from '../../src/connector-kit/index.js';
import type { EbaySettings } from './settings.js';
import { createTokenSource, type MintedToken } from './token.js';

const ORDERS_PATH = '/sell/fulfillment/v1/order';
const TOKEN_PATH = '/identity/v1/oauth2/token';
const INVALID_TOKEN = 1001; // common error "Invalid access token" (https://developer.ebay.com/develop/api/sell/error_codes)

// OrderSearchPagedCollection (spec): `next` is present only when another page exists.
const OrdersPage = z.object({
  total: z.number().int().min(0),
  orders: z.array(z.unknown()).default([]),
  next: z.string().optional(),
});
export type OrdersPage = z.infer<typeof OrdersPage>;

export interface Usage {
  /** Answers received from getOrders, retried attempts included: what eBay counts against the daily quota. */
  calls: number;
  throttled: number;
  tokensMinted: number;
}

export interface EbayApi {
  getOrders(query: { filter: string; limit: number; offset: number }): Promise<OrdersPage>;
  usage(): Usage;
}

export function createEbayApi(ctx: ConnectorContext<EbaySettings>): EbayApi {
  const counted = { calls: 0, throttled: 0 };
  const http = ctx.http({
    baseURL: ctx.settings.url,
    allowInsecure: ctx.settings.allowInsecure,
    // eBay sends no Retry-After (429 errorId 2001): count the answer and let the shared backoff wait.
    retryAfter: (response) => {
      counted.calls++;
      if (response.status === 429) counted.throttled++;
      return undefined;
    },
  });
  const tokens = createTokenSource(() => mintUserToken(ctx), ctx.clock);

  async function authorized<T>(path: string): Promise<HttpResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      try {
        const response = await http.request<T>({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
        counted.calls++;
        return response;
      } catch (error) {
        // A token eBay calls invalid (revoked, or expired early) is replaced once; a second refusal is the credentials.
        if (attempt > 0 || !isInvalidToken(error)) throw error;
        ctx.log.info(`channel ${ctx.name}: eBay refused the access token; minting a new one`);
        tokens.invalidate(token);
      }
    }
  }

  return {
    // GET /sell/fulfillment/v1/order — https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrders
    // The filter's [ ] must be percent-encoded (spec getOrders `filter`), so the query is built here, not by the HTTP client.
    // fieldGroups=TAX_BREAKDOWN: only then does `total` include eBay-collected ("Collect and Remit") tax,
    // i.e. what the buyer paid, and special fees appear (spec PricingSummary.total, .fee).
    async getOrders({ filter, limit, offset }) {
      const query = `filter=${encodeURIComponent(filter)}&limit=${limit}&offset=${offset}&fieldGroups=TAX_BREAKDOWN`;
      const response = await authorized<unknown>(`${ORDERS_PATH}?${query}`);
      const page = OrdersPage.safeParse(response.data);
      if (!page.success) throw new Error(`channel ${ctx.name}: getOrders answered without a page of orders (${page.error.issues[0]?.message})`);
      return page.data;
    },
    usage: () => ({ ...counted, tokensMinted: tokens.minted }),
  };
}

// A cheap authenticated call: one order of the default 90-day window.
export async function verifyCredentials(ctx: ConnectorContext<EbaySettings>): Promise<void> {
  await createEbayApi(ctx).getOrders({ filter: `creationdate:[${new Date(ctx.clock.now() - 86_400_000).toISOString()}..]`, limit: 1, offset: 0 });
}

// POST /identity/v1/oauth2/token, grant_type=refresh_token, as a form body with Basic client auth —
// https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html
// `scopes`: the configured ones, or those a call needs (the fulfillment loop asks for sell.fulfillment).
export async function mintUserToken(ctx: ConnectorContext<EbaySettings>, scopes: readonly string[] = ctx.settings.scopes): Promise<MintedToken> {
  const { url, clientId, clientSecret, refreshToken } = ctx.settings;
  const http = ctx.http({ baseURL: url, auth: { username: clientId, password: clientSecret }, allowInsecure: ctx.settings.allowInsecure });
  try {
    const response = await http.request({ method: 'POST', path: TOKEN_PATH, form: { grant_type: 'refresh_token', refresh_token: refreshToken, scope: scopes.join(' ') } });
    const token = MintedTokenBody.safeParse(response.data);
    if (!token.success) throw new HttpError('malformed_body', `channel ${ctx.name}: the token endpoint answered without a token`, 200, undefined, '');
    return { accessToken: token.data.access_token, expiresInSeconds: token.data.expires_in };
  } catch (error) {
    if (error instanceof HttpError && error.failure === 'status' && !error.transient) throw tokenRefusal(ctx.name, error.status, parseJson(error.body), error.body);
    throw error;
  }
}

// https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html (response payload)
const MintedTokenBody = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

// OAuth errors are RFC 6749 §5.2 bodies. A refused client (401 invalid_client) or refresh token
// (400 invalid_grant: expired, revoked, another app's) is a credentials problem: it is reported as
// 401 so the runtime says "check the credentials" rather than "try again later".
function tokenRefusal(name: string, status: number, json: unknown, body: string): HttpError {
  const oauth = json as { error?: unknown; error_description?: unknown } | undefined;
  const code = typeof oauth?.error === 'string' ? oauth.error : undefined;
  const detail = [code, typeof oauth?.error_description === 'string' ? oauth.error_description : undefined].filter(Boolean).join(': ');
  const refused = status === 401 || code === 'invalid_grant' || code === 'invalid_client' || code === 'unauthorized_client';
  const what = code === 'invalid_grant' ? 'the refresh token (mint a new one through the consent flow)' : 'the client id/secret or refresh token';
  return new HttpError('status', `channel ${name}: eBay refused ${refused ? what : 'the token request'} — HTTP ${status}${detail ? ` ${detail}` : ''}`,
    refused ? 401 : status, undefined, body);
}

export function isInvalidToken(error: unknown): boolean {
  if (!(error instanceof HttpError) || error.status !== 401) return false;
  const errors = (parseJson(error.body) as { errors?: { errorId?: unknown }[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.errorId === INVALID_TOKEN);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
