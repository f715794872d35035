// Every Medusa 2 admin API call ordersync makes.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import type { MedusaSettings } from './settings.js';

/** Order fields the mapper reads. payment_status, fulfillment_status and items.* are always added by the server. */
export const ORDER_FIELDS = [
  'id', 'display_id', 'custom_display_id', 'status', 'email', 'currency_code', 'created_at', 'updated_at',
  'total', 'item_subtotal', 'shipping_subtotal', 'tax_total', 'discount_subtotal', 'credit_line_total',
  '*items', '*shipping_address', '*billing_address', '*customer',
].join(',');

const PAYMENT_FIELDS = 'id,updated_at,payment_collection.order.id';

// The server parses query strings with qs, whose default arrayLimit is 20 indices.
export const MAX_IDS_PER_REQUEST = 20;

/** A time window on updated_at, walked either by updated_at or (within one instant) by id. */
export interface Window {
  gte: string;
  lt?: string;
  afterId?: string;
  orderBy: 'updated_at' | 'id';
}

export interface ListPage {
  rows: unknown[];
  /** How many rows match the whole query (the list routes answer `count`). */
  count: number | undefined;
  /** The server's clock (its Date header), when it sent one. */
  serverNow: number | undefined;
}

// Authentication: https://docs.medusajs.com/api/admin#authentication — a secret API key goes in
// HTTP Basic as the user name with an empty password (a Bearer sk_… is refused with 401: see
// @medusajs/framework http/middlewares/authenticate-middleware); a user logs in at
// POST /auth/user/emailpass → { token } and sends `Authorization: Bearer <token>`.
export async function medusaClient(ctx: ConnectorContext<MedusaSettings>): Promise<HttpClient> {
  const base = { baseURL: ctx.settings.url, allowInsecure: ctx.settings.allowInsecure };
  if (ctx.settings.apiKey) return ctx.http({ ...base, auth: { username: ctx.settings.apiKey, password: '' } });
  const anonymous = ctx.http(base);
  // https://docs.medusajs.com/api/admin#1-bearer-authorization-with-jwt-tokens
  const login = await anonymous.request<{ token?: unknown }>({
    method: 'POST', path: '/auth/user/emailpass', body: { email: ctx.settings.email, password: ctx.settings.password }, retries: 2,
  });
  if (typeof login.data?.token !== 'string') throw new Error('medusa: the login answer carried no token');
  return ctx.http({ ...base, headers: { authorization: `Bearer ${login.data.token}` } });
}

function windowQuery(window: Window, limit: number): Record<string, string | number> {
  const query: Record<string, string | number> = {
    'updated_at[$gte]': window.gte,
    order: window.orderBy,
    limit,
    offset: 0,
  };
  if (window.lt) query['updated_at[$lt]'] = window.lt;
  if (window.afterId) query['id[$gt]'] = window.afterId;
  return query;
}

// GET /admin/orders — https://docs.medusajs.com/api/admin#orders_getorders
// Response { orders, count, offset, limit }; draft orders are excluded by the route itself.
export async function listOrders(http: HttpClient, window: Window, limit: number): Promise<ListPage> {
  const response = await http.request<{ orders?: unknown; count?: unknown }>({
    method: 'GET', path: '/admin/orders', query: { ...windowQuery(window, limit), fields: ORDER_FIELDS },
  });
  return { rows: rowsOf(response.data?.orders, 'orders'), count: countOf(response.data?.count), serverNow: dateHeader(response.headers.date) };
}

// GET /admin/orders?id[]=… — the same list route, filtered to known ids (payment sweep).
export async function listOrdersById(http: HttpClient, ids: readonly string[]): Promise<unknown[]> {
  const filter = ids.map((id) => `id[]=${encodeURIComponent(id)}`).join('&');
  const response = await http.request<{ orders?: unknown }>({
    method: 'GET', path: `/admin/orders?${filter}`, query: { fields: ORDER_FIELDS, limit: ids.length, offset: 0 },
  });
  return rowsOf(response.data?.orders, 'orders');
}

// GET /admin/payments — https://docs.medusajs.com/api/admin#payments_getpayments
// Filterable by updated_at, but `id` only by value (no operators: AdminGetPaymentsParamsFields),
// so no keyset on id here. payment_collection.order is the order ↔ payment collection link.
export async function listPayments(http: HttpClient, window: Window, limit: number): Promise<ListPage> {
  if (window.afterId) throw new Error('medusa: the payments route cannot filter on id ranges');
  const response = await http.request<{ payments?: unknown; count?: unknown }>({
    method: 'GET', path: '/admin/payments', query: { ...windowQuery(window, limit), fields: PAYMENT_FIELDS },
  });
  return { rows: rowsOf(response.data?.payments, 'payments'), count: countOf(response.data?.count), serverNow: dateHeader(response.headers.date) };
}

// A cheap authenticated call to prove the credentials: one order id.
export async function verifyCredentials(http: HttpClient): Promise<void> {
  await http.request({ method: 'GET', path: '/admin/orders', query: { fields: 'id', limit: 1 } });
}

function rowsOf(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`medusa: the answer carried no "${name}" list`);
  return value;
}

function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function dateHeader(value: string | undefined): number | undefined {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}
