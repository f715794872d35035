// A mock ERPNext site speaking the Frappe REST API v1: /api/resource/{DocType}[/{name}] and
// /api/method/…, token (or Basic) API-key auth, Frappe's error bodies and the optional site
// rate limiter (X-RateLimit-* headers, 429 "Too Many Requests" + Retry-After).
import type { MockOptions } from '../../src/connector-kit/index.js';
import { json, route, type MockApi, type MockHandler, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { ErpnextMockStore, FrappeMockException } from './mock-store.js';
import { attachErpnextStock, type ErpnextMockStock } from './mock-stock.js';

export const MOCK_CREDENTIALS = { apiKey: 'erpnext_demo_key', apiSecret: 'erpnext_demo_secret_0123456789' } as const;

/** frappe/rate_limiter.py: `limit` seconds of request time per `window` seconds, counted in µs per site. */
export interface MockRateLimit { limitSeconds: number; windowSeconds: number; costMicros: number }

export type ErpnextMock = MockApi & { store: ErpnextMockStore; rateLimit: MockRateLimit | null; stock: ErpnextMockStock };

const EXC_OF_STATUS: Record<number, string> = { 401: 'AuthenticationError', 403: 'PermissionError', 404: 'DoesNotExistError', 409: 'DuplicateEntryError', 417: 'ValidationError' };

export function createErpnextMock(options: MockOptions): ErpnextMock {
  const store = new ErpnextMockStore(options.seed);
  let received: Record<string, number> = {};
  let spent = new Map<number, number>();

  function authorize(request: MockRequest): void {
    const header = request.headers.authorization ?? '';
    const [scheme = '', token = ''] = header.split(/\s+/, 2);
    const pair = scheme.toLowerCase() === 'basic' ? Buffer.from(token, 'base64').toString() : scheme.toLowerCase() === 'token' ? token : '';
    // No credentials: the request runs as Guest, who may not touch these documents.
    if (!header) throw new FrappeMockException('PermissionError', 'Not permitted', 403);
    if (pair !== `${MOCK_CREDENTIALS.apiKey}:${MOCK_CREDENTIALS.apiSecret}`) throw new FrappeMockException('AuthenticationError', 'Invalid API key or secret', 401);
  }

  /** Wraps a handler: counts it, applies the rate limiter and auth, renders exceptions as Frappe does. */
  function api(kind: (r: MockRequest) => string, handler: MockHandler): MockHandler {
    return async (request) => {
      const label = kind(request);
      received[label] = (received[label] ?? 0) + 1;
      const limiter = rateLimiter();
      if (limiter?.rejected) {
        const answer = throttled(limiter.reset);
        return { ...answer, headers: { ...limiter.headers, ...answer.headers } };
      }
      try {
        authorize(request);
        const response = await handler(request);
        return { ...response, headers: { ...response.headers, ...limiter?.headers } };
      } catch (error) {
        const e = error instanceof FrappeMockException ? error : new FrappeMockException('Exception', String(error), 500);
        return { status: e.status, body: errorBody(e.excType, e.message, e.messages), headers: limiter?.headers };
      } finally {
        store.messageLog = [];
      }
    };
  }

  function rateLimiter(): { rejected: boolean; reset: number; headers: Record<string, string> } | undefined {
    const limit = mock.rateLimit;
    if (!limit) return undefined;
    const now = Date.now() / 1000;
    const window = Math.floor(now / limit.windowSeconds);
    const used = spent.get(window) ?? 0;
    const limitMicros = limit.limitSeconds * 1_000_000;
    const reset = Math.ceil(limit.windowSeconds - (now % limit.windowSeconds));
    const rejected = used > limitMicros;
    if (!rejected) spent = new Map([[window, used + limit.costMicros]]);
    return { rejected, reset, headers: { 'x-ratelimit-limit': String(limitMicros), 'x-ratelimit-remaining': String(Math.max(limitMicros - used, 0)), 'x-ratelimit-reset': String(reset) } };
  }

  const doctype = (r: MockRequest): string => r.params.doctype ?? '';
  const mock: ErpnextMock = {
    name: 'erpnext',
    store,
    stock: attachErpnextStock(store),
    // A generous site rate_limit so the headers show; tests lower it.
    rateLimit: { limitSeconds: 3_600, windowSeconds: 3_600, costMicros: 20_000 },
    routes: [
      route('GET', '/api/method/frappe.auth.get_logged_user', api(() => 'GET frappe.auth.get_logged_user', () => json(200, { message: 'ordersync@example.com' }))),
      route('POST', '/api/method/frappe.client.cancel', api(() => 'POST frappe.client.cancel', (r) => {
        const { doctype: dt, name } = (r.json ?? {}) as { doctype?: string; name?: string };
        return json(200, { message: store.cancel(String(dt), String(name)) });
      })),
      route('GET', '/api/resource/:doctype', api((r) => `GET ${doctype(r)}`, (r) => json(200, { data: store.list(doctype(r), r.query) }))),
      route('POST', '/api/resource/:doctype', api((r) => `POST ${doctype(r)}`, (r) => {
        const data = store.insert(doctype(r), bodyOf(r));
        return json(200, { data, ...(store.messageLog.length > 0 ? { _server_messages: serverMessages(store.messageLog, 'blue') } : {}) });
      })),
      route('GET', '/api/resource/:doctype/:name', api((r) => `GET ${doctype(r)}/name`, (r) => json(200, { data: store.get(doctype(r), r.params.name ?? '') }))),
      route('PUT', '/api/resource/:doctype/:name', api((r) => `PUT ${doctype(r)}/name`, (r) => json(200, { data: store.update(doctype(r), r.params.name ?? '', bodyOf(r)) }))),
      route('DELETE', '/api/resource/:doctype/:name', api((r) => `DELETE ${doctype(r)}/name`, (r) => {
        store.remove(doctype(r), r.params.name ?? '');
        return json(202, { message: 'ok' });
      })),
    ],
    state: () => ({
      records: store.table('Sales Order').length,
      duplicates: store.duplicates,
      customers: store.table('Customer').length,
      received,
      orders: store.summary(),
      stockReconciliations: mock.stock.reconciliation.documents().map(({ name, docstatus, company, purpose, expense_account, items }) => ({
        name, docstatus, company, purpose, expense_account,
        items: (items as Record<string, unknown>[]).map(({ item_code, warehouse, qty, valuation_rate, allow_zero_valuation_rate, current_qty }) => ({
          item_code, warehouse, qty, valuation_rate, allow_zero_valuation_rate: allow_zero_valuation_rate ?? 0, current_qty,
        })),
      })),
      stockReconciliationsReceived: mock.stock.reconciliation.received.length,
    }),
    reset: () => { store.reset(); received = {}; spent = new Map(); },
    throttled,
    errorBody: (status, message) => errorBody(EXC_OF_STATUS[status] ?? 'Exception', message),
  };
  return mock;
}

function bodyOf(request: MockRequest): Record<string, unknown> {
  const body = request.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FrappeMockException('ValidationError', 'Invalid request body', 417);
  return body as Record<string, unknown>;
}

/** frappe.rate_limiter.RateLimiter.respond: a plain-text 429 with Retry-After (seconds to the window's end). */
function throttled(retryAfterSeconds: number): MockResponse {
  return { status: 429, headers: { 'retry-after': String(retryAfterSeconds), 'content-type': 'text/html; charset=utf-8' }, body: 'Too Many Requests' };
}

/** frappe utils/response.py: exc_type, exception, exc (traceback list as JSON), _server_messages (JSON list of JSON strings). */
function errorBody(excType: string, message: string, messages: string[] = [message]): Record<string, unknown> {
  return {
    exc_type: excType,
    exception: `frappe.exceptions.${excType}: ${message}`,
    exc: JSON.stringify([`Traceback (most recent call last):\n  File "apps/frappe/frappe/app.py", line 114, in application\nfrappe.exceptions.${excType}: ${message}\n`]),
    _server_messages: serverMessages(messages, 'red'),
  };
}

/** make_logs: each msgprint as a JSON string inside a JSON list. */
function serverMessages(messages: readonly string[], indicator: 'red' | 'blue'): string {
  return JSON.stringify(messages.map((message) => JSON.stringify({ message, title: 'Message', indicator, ...(indicator === 'red' ? { raise_exception: 1 } : {}) })));
}
