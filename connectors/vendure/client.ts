// Every Vendure Admin API call ordersync makes: GraphQL over POST {url}/{adminApiPath}.
// Vendure answers most failures with HTTP 200 and an `errors` array whose
// `extensions.code` says what happened (FORBIDDEN, USER_INPUT_ERROR, INTERNAL_SERVER_ERROR…);
// this file turns those into HttpErrors the runtime already understands.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import { HttpError } from '../../src/connector-kit/index.js';
import { LOGIN, ORDERS, VERIFY } from './queries.js';
import type { VendureSettings } from './settings.js';

interface GraphQLError { message: string; extensions?: { code?: string } }
interface GraphQLResponse<T> { data?: T | null; errors?: GraphQLError[] }

export interface VendureClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

// authOptions.authTokenHeaderKey default (vendure-config.ts); bearer sessions come back in it.
const AUTH_TOKEN_HEADER = 'vendure-auth-token';
// An INTERNAL_SERVER_ERROR inside a 200 (a dropped DB connection, a deadlock) is worth a retry.
const INTERNAL_RETRIES = 2;

export function vendureClient(ctx: ConnectorContext<VendureSettings>): VendureClient {
  const settings = ctx.settings;
  const service = `channel ${ctx.name}`;
  const path = `/${settings.adminApiPath.replace(/^\/+/, '')}`;
  const http: HttpClient = ctx.http({
    baseURL: settings.url,
    // https://docs.vendure.io/guides/core-concepts/channels/#channel-aware-requests
    headers: settings.channelToken ? { 'vendure-token': settings.channelToken } : {},
    allowInsecure: settings.allowInsecure,
  });
  let session: Record<string, string> | undefined;

  async function post<T>(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) {
    return http.request<GraphQLResponse<T>>({ method: 'POST', path, body: { query, variables }, headers });
  }

  // Bearer when the server offers it (`vendure-auth-token` header), else the session cookie.
  async function login(): Promise<Record<string, string>> {
    const response = await post<{ login: { __typename: string; errorCode?: string; message?: string } }>(
      LOGIN, { username: settings.username, password: settings.password }, {});
    const result = response.data?.data?.login;
    if (!result) throw graphQLFailure(response.data?.errors ?? [], 'login');
    if (result.__typename !== 'CurrentUser') {
      throw new HttpError('status', `${service}: Vendure refused the login (${result.errorCode ?? result.__typename}: ${result.message ?? 'no detail'}); check username and password`, 401, undefined, '');
    }
    const token = response.headers[AUTH_TOKEN_HEADER];
    if (token) return { authorization: `Bearer ${token}` };
    const cookie = sessionCookie(response.headers['set-cookie']);
    if (cookie) return { cookie };
    throw new HttpError('status', `${service}: the login worked but Vendure sent neither a ${AUTH_TOKEN_HEADER} header nor a session cookie; enable authOptions.tokenMethod 'bearer' or use an apiKey`, 401, undefined, '');
  }

  async function authHeaders(): Promise<{ headers: Record<string, string>; fresh: boolean }> {
    if (settings.apiKey) return { headers: { [settings.apiKeyHeader]: settings.apiKey }, fresh: true };
    if (session) return { headers: session, fresh: false };
    session = await login();
    return { headers: session, fresh: true };
  }

  function graphQLFailure(errors: GraphQLError[], operation: string): HttpError {
    const first = errors[0];
    const code = first?.extensions?.code ?? 'UNKNOWN';
    const detail = `${code}: ${first?.message ?? 'no detail'}`;
    if (code === 'FORBIDDEN') {
      return new HttpError('status', `${service}: Vendure refused ${operation} (${detail}); the credentials are wrong or expired, or the administrator lacks the ReadOrder permission on this channel`, 403, undefined, '');
    }
    const status = code === 'INTERNAL_SERVER_ERROR' ? 500 : 400;
    return new HttpError('status', `${service}: Vendure answered ${operation} with an error (${detail})`, status, undefined, '');
  }

  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'a request';
      for (let attempt = 0; ; attempt++) {
        const auth = await authHeaders();
        const response = await post<T>(query, variables, auth.headers);
        const errors = response.data?.errors ?? [];
        if (errors.length === 0 && response.data?.data) return response.data.data;
        const code = errors[0]?.extensions?.code;
        // A session older than this run may have expired (authOptions.sessionDuration): log in once more.
        if (code === 'FORBIDDEN' && !auth.fresh) {
          session = undefined;
          continue;
        }
        if (code === 'INTERNAL_SERVER_ERROR' && attempt < INTERNAL_RETRIES) {
          await ctx.clock.sleep(1_000 * 2 ** attempt);
          continue;
        }
        throw graphQLFailure(errors, operation);
      }
    },
  };
}

/** `session=…; session.sig=…` from Set-Cookie headers (joined with ", " by the HTTP layer). */
export function sessionCookie(setCookie: string | undefined): string | undefined {
  if (!setCookie) return undefined;
  const pairs = setCookie
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((cookie) => cookie.trim().split(';')[0]?.trim() ?? '')
    .filter((pair) => /^[^=\s]+=.+/.test(pair) && !/^(expires|path|domain|max-age|samesite)=/i.test(pair));
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

export interface OrdersPage {
  items: unknown[];
  totalItems: number;
}

// https://docs.vendure.io/reference/graphql-api/admin/queries#orders — only placed orders
// (orderPlacedAt set: past checkout, see README), oldest change first.
export async function listOrdersUpdatedAfter(client: VendureClient, after: Date, skip: number, take: number): Promise<OrdersPage> {
  const data = await client.request<{ orders?: { items?: unknown; totalItems?: unknown } }>(ORDERS, {
    options: {
      filter: { updatedAt: { after: after.toISOString() }, orderPlacedAt: { isNull: false } },
      sort: { updatedAt: 'ASC' },
      skip,
      take,
    },
  });
  const items = data.orders?.items;
  if (!Array.isArray(items)) throw new Error('the orders query did not answer with a list of items');
  return { items, totalItems: Number(data.orders?.totalItems ?? items.length) };
}

export async function verifyCredentials(client: VendureClient): Promise<void> {
  await client.request(VERIFY);
}
