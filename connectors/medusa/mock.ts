// A mock Medusa 2 server: the admin routes ordersync calls, at the root of its own port, with the
// real auth (secret key in HTTP Basic, or a JWT from POST /auth/user/emailpass), limit/offset
// paging, operator filters, `fields` selection and the real error bodies (checked on 2.21.2).
import { json, route, seededRandom, type MockApi, type MockRequest, type MockResponse, type Random } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { changeOrder, generateOrder, medusaId } from './mock-data.js';
import { parseListQuery, selectFields, sortRows, type Row } from './mock-query.js';

export const MOCK_CREDENTIALS = {
  apiKey: 'sk_ordersync_demo_0123456789abcdef',
  email: 'admin@ordersync.test',
  password: 'ordersync-demo',
};

// @medusajs/medusa api/admin/orders/query-config.js (listTransformQueryConfig) and the
// get-orders-list workflow, which always adds id, status, version, items, payment and
// fulfillment status.
const ORDER_DEFAULTS = ['id', 'display_id', 'custom_display_id', 'status', 'version', 'summary', 'total', 'metadata', 'locale', 'created_at', 'updated_at'];
const ORDER_ALWAYS = ['id', 'status', 'version', '*items', 'payment_status', 'fulfillment_status'];
const PAYMENT_DEFAULTS = ['id', 'currency_code', 'amount', 'captured_at', 'payment_collection_id'];
interface ListConfig {
  defaults: string[];
  always: string[];
  defaultLimit: number;
  filterable: string[];
  sortable: string[];
  valueOnly?: string[];
}

const UNAUTHORIZED: MockResponse = json(401, { message: 'Unauthorized' });

export function createMedusaMock(options: MockOptions): MockApi {
  const count = options.orders ?? 40;
  let random: Random = seededRandom(options.seed);
  let orders = new Map<string, Row>();
  let payments = new Map<string, Row>();
  let tokens = new Set<string>();
  let clock = 0;
  let displayId = 0;
  let received = { captures: 0 };

  function seed(): void {
    random = seededRandom(options.seed);
    orders = new Map();
    payments = new Map();
    tokens = new Set();
    received = { captures: 0 };
    displayId = 0;
    // Spread over the 20 days that end a day ago, so that "now" is clearly newer than all of it.
    const end = Date.now() - 86_400_000;
    for (let i = 0; i < count; i++) add(end - 20 * 86_400_000 + Math.floor((i * 20 * 86_400_000) / Math.max(count, 1)));
    clock = Date.now();
  }

  function add(stampMs: number, patch: Row = {}): string {
    const { order, payment } = generateOrder(random, ++displayId, stampMs);
    Object.assign(order, patch);
    orders.set(order.id, order);
    payments.set(payment.id, { ...payment, order_id: order.id });
    return order.id;
  }

  /** Millisecond stamps, strictly newer than any given before. */
  function stamp(): number {
    clock = Math.max(clock + 1, Date.now());
    return clock;
  }

  function authorize(request: MockRequest): MockResponse | undefined {
    const [scheme = '', token = ''] = (request.headers.authorization ?? '').split(' ');
    if (scheme.toLowerCase() === 'basic' && token) {
      const decoded = (token.startsWith('sk_') ? token : Buffer.from(token, 'base64').toString('utf8')).replace(/:$/, '');
      return decoded === MOCK_CREDENTIALS.apiKey ? undefined : UNAUTHORIZED;
    }
    if (scheme.toLowerCase() === 'bearer') {
      if (tokens.has(token)) return undefined;
      if (token.startsWith('sk_')) {
        return json(401, { message: 'A secret API key was passed as a Bearer token. Secret API keys must be sent using HTTP Basic authentication instead (Authorization: Basic <secret-api-key>).' });
      }
    }
    return UNAUTHORIZED;
  }

  function login(request: MockRequest): MockResponse {
    const body = (request.json ?? {}) as { email?: unknown; password?: unknown };
    if (body.email !== MOCK_CREDENTIALS.email || body.password !== MOCK_CREDENTIALS.password) {
      return json(401, { type: 'unauthorized', message: 'Invalid email or password' });
    }
    const token = `eyJhbGciOiJIUzI1NiJ9.${medusaId('mock', Date.now(), random)}.sig`;
    tokens.add(token);
    return json(200, { token });
  }

  function list(request: MockRequest, rows: Row[], name: string, config: ListConfig): MockResponse {
    const denied = authorize(request);
    if (denied) return denied;
    const query = parseListQuery(request.query, config);
    if (Array.isArray(query)) return json(query[0], query[1]);
    const matching = sortRows(rows.filter((row) => query.filters.every((keep) => keep(row))), query.order);
    const page = matching.slice(query.offset, query.offset + query.limit)
      .map((row) => selectFields(row, query.fields, config.defaults, config.always));
    return json(200, { [name]: page, count: matching.length, offset: query.offset, limit: query.limit });
  }

  function paymentRow(payment: Row): Row {
    const order = orders.get(String(payment.order_id));
    const { order_id: _, ...rest } = payment;
    return { ...rest, payment_collection: { id: payment.payment_collection_id, order: order ? { id: order.id, display_id: order.display_id } : null } };
  }

  // POST /admin/payments/:id/capture: as on a real server, the payment changes and the order's
  // payment_status with it, but the order row's updated_at does not move.
  function capture(request: MockRequest): MockResponse {
    const denied = authorize(request);
    if (denied) return denied;
    const payment = payments.get(request.params.id ?? '');
    if (!payment) return json(404, { type: 'not_found', message: `Payment with id: ${request.params.id} was not found` });
    const now = new Date(stamp()).toISOString();
    Object.assign(payment, { captured_at: now, updated_at: now });
    const order = orders.get(String(payment.order_id));
    if (order) order.payment_status = 'captured';
    received.captures++;
    return json(200, { payment: paymentRow(payment) });
  }

  function upsertOrders(body: unknown): unknown {
    const input = (body ?? {}) as { change?: number; add?: number; malformed?: number; orders?: Row[] };
    const changed: string[] = [];
    const added: string[] = [];
    const ids = [...orders.keys()];
    const changes = Math.min(input.change ?? 0, ids.length);
    for (let i = 0; i < changes; i++) {
      const id = ids[Math.floor((i * ids.length) / changes)] as string;
      changeOrder(orders.get(id)!, stamp());
      changed.push(id);
    }
    for (let i = 0; i < (input.add ?? 0); i++) added.push(add(stamp()));
    // A total that is not a number: the mapper must send the order to quarantine.
    for (let i = 0; i < (input.malformed ?? 0); i++) added.push(add(stamp(), { total: 'not-a-number' }));
    for (const order of input.orders ?? []) {
      const id = String(order.id);
      (orders.has(id) ? changed : added).push(id);
      orders.set(id, { ...(orders.get(id) ?? {}), ...order });
    }
    return { changed, added };
  }

  const orderConfig: ListConfig = {
    defaults: ORDER_DEFAULTS, always: ORDER_ALWAYS, defaultLimit: 15,
    filterable: ['id', 'status', 'created_at', 'updated_at'], sortable: ['id', 'display_id', 'created_at', 'updated_at'],
  };
  const paymentConfig: ListConfig = {
    defaults: PAYMENT_DEFAULTS, always: [], defaultLimit: 20,
    filterable: ['id', 'created_at', 'updated_at'], sortable: ['id', 'created_at', 'updated_at'],
    valueOnly: ['id'], // AdminGetPaymentsParamsFields: id is a string or a list, no operators
  };

  seed();
  return {
    name: 'medusa',
    routes: [
      route('POST', '/auth/user/emailpass', login),
      route('GET', '/admin/orders', (request) => list(request, [...orders.values()], 'orders', orderConfig)),
      route('GET', '/admin/orders/:id', (request) => {
        const denied = authorize(request);
        if (denied) return denied;
        const order = orders.get(request.params.id ?? '');
        if (!order) return json(404, { type: 'not_found', message: `Order id not found: ${request.params.id}` });
        return json(200, { order: selectFields(order, request.query.get('fields') ?? undefined, ORDER_DEFAULTS, ORDER_ALWAYS) });
      }),
      route('GET', '/admin/payments', (request) => list(request, [...payments.values()].map(paymentRow), 'payments', paymentConfig)),
      route('POST', '/admin/payments/:id/capture', capture),
    ],
    state: () => ({ orders: orders.size, payments: payments.size, tokensIssued: tokens.size, ...received }),
    upsertOrders,
    reset: seed,
    // Medusa has no rate limiter of its own; a proxy in front answers 429 with Retry-After.
    throttled: (seconds) => ({ status: 429, headers: { 'retry-after': String(seconds) }, body: { message: 'Too Many Requests' } }),
    errorBody: (status, message) => errorBody(status, message),
  };
}

function errorBody(status: number, message: string): Record<string, string> {
  if (status === 401) return { message: 'Unauthorized' };
  if (status >= 500) return { code: 'unknown_error', type: 'unknown_error', message: 'An unknown error occurred.' };
  const type = status === 404 ? 'not_found' : status === 403 ? 'forbidden' : status === 409 ? 'conflict' : 'invalid_data';
  return { type, message };
}
