// A mock Odoo server speaking both external APIs: JSON-2 (`POST /json/2/<model>/<method>`, bearer
// API key, Odoo 19) and JSON-RPC (`POST /jsonrpc`, common.login + object.execute_kw, Odoo ≤ 18).
import type { MockOptions } from '../../src/connector-kit/index.js';
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { invoke, toNamedCall } from './mock-methods.js';
import { OdooMockException, OdooMockStore } from './mock-store.js';
import { attachOdooStock, type OdooMockStock } from './mock-stock.js';

export const MOCK_CREDENTIALS = { apiKey: 'odoo_demo_0123456789abcdef0123456789abcdef', database: 'ordersync', login: 'bot@example.com' } as const;
const MOCK_UID = 2;

export type OdooMock = MockApi & { store: OdooMockStore; stock: OdooMockStock };

export function createOdooMock(options: MockOptions): OdooMock {
  const store = new OdooMockStore(options.seed);
  const stock = attachOdooStock(store);
  let received: Record<string, number> = {};
  const count = (kind: string): void => { received[kind] = (received[kind] ?? 0) + 1; };

  // external_api.rst "Request"/"Response": Authorization: bearer <key>; 200 + return value, or 4xx/5xx + error object.
  function json2(request: MockRequest): MockResponse {
    const { model = '', method = '' } = request.params;
    count(`json2 ${model}.${method}`);
    const key = /^bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (key !== MOCK_CREDENTIALS.apiKey) return json2Error(new OdooMockException('werkzeug.exceptions.Unauthorized', 'Invalid apikey', 401));
    const database = request.headers['x-odoo-database'];
    if (database !== undefined && database !== MOCK_CREDENTIALS.database) {
      return json2Error(new OdooMockException('werkzeug.exceptions.NotFound', `database "${database}" not found`, 404));
    }
    const body = request.json;
    if (body === undefined || typeof body !== 'object' || Array.isArray(body)) {
      return json2Error(new OdooMockException('werkzeug.exceptions.BadRequest', 'could not parse the body, expecting a json object', 400));
    }
    const { ids = [], context = {}, ...kw } = body as { ids?: number[]; context?: Record<string, unknown> } & Record<string, unknown>;
    try {
      return json(200, invoke(store, model, method, ids, kw, context));
    } catch (error) {
      return json2Error(asOdooException(error));
    }
  }

  function jsonRpc(request: MockRequest): MockResponse {
    const envelope = request.json as { id?: unknown; params?: { service?: string; method?: string; args?: unknown[] } } | undefined;
    const id = envelope?.id ?? null;
    const { service = '', method = '', args = [] } = envelope?.params ?? {};
    count(`jsonrpc ${service}.${method}`);
    try {
      return json(200, { jsonrpc: '2.0', id, result: rpcCall(service, method, args) });
    } catch (error) {
      const e = asOdooException(error);
      return json(200, { jsonrpc: '2.0', id, error: { code: 200, message: 'Odoo Server Error', data: serialize(e) } });
    }
  }

  function rpcCall(service: string, method: string, args: unknown[]): unknown {
    if (service === 'common' && method === 'version') return { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1 };
    if (service === 'common' && (method === 'login' || method === 'authenticate')) {
      const [db, login, password] = args;
      checkDatabase(db);
      return login === MOCK_CREDENTIALS.login && password === MOCK_CREDENTIALS.apiKey ? MOCK_UID : false;
    }
    if (service === 'object' && method === 'execute_kw') {
      const [db, uid, password, model, modelMethod, positional = [], kwargs = {}] = args as [unknown, unknown, unknown, string, string, unknown[], Record<string, unknown>];
      checkDatabase(db);
      if (uid !== MOCK_UID || password !== MOCK_CREDENTIALS.apiKey) throw new OdooMockException('odoo.exceptions.AccessDenied', 'Access Denied', 403);
      count(`jsonrpc ${model}.${modelMethod}`);
      const call = toNamedCall(model, modelMethod, positional, kwargs);
      const result = invoke(store, model, modelMethod, call.ids, call.kw, call.context);
      return call.single && Array.isArray(result) ? result[0] : result;
    }
    throw new OdooMockException('builtins.NameError', `service ${service} has no method ${method}`, 500);
  }

  function checkDatabase(db: unknown): void {
    if (db !== MOCK_CREDENTIALS.database) throw new OdooMockException('psycopg2.OperationalError', `connection to server failed: FATAL:  database "${String(db)}" does not exist`, 500);
  }

  return {
    name: 'odoo',
    store,
    stock,
    routes: [
      route('POST', '/json/2/:model/:method', json2),
      route('POST', '/jsonrpc', jsonRpc),
      route('GET', '/web/version', () => json(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' })),
    ],
    state: () => ({
      records: store.table('sale.order').length,
      duplicates: store.duplicates,
      partners: store.table('res.partner').length,
      received,
      orders: store.summary(),
      stock: stock.onHand(),
    }),
    reset: () => { store.reset(); received = {}; },
    errorBody: (status, message) => serialize(new OdooMockException(`werkzeug.exceptions.${status >= 500 ? 'InternalServerError' : 'HTTPException'}`, message, status)),
  };
}

function asOdooException(error: unknown): OdooMockException {
  if (error instanceof OdooMockException) return error;
  return new OdooMockException('builtins.Exception', error instanceof Error ? error.message : String(error), 500);
}

function json2Error(e: OdooMockException): MockResponse {
  return json(e.status, serialize(e));
}

/** odoo.http.serialize_exception: name, message, arguments, context, debug (the traceback, last). */
function serialize(e: OdooMockException): Record<string, unknown> {
  const werkzeug = e.exception.startsWith('werkzeug.');
  return {
    name: e.exception, message: e.message, arguments: werkzeug ? [e.message, e.status] : [e.message], context: {},
    debug: `Traceback (most recent call last):\n  File "/opt/odoo/odoo/http.py", line 2212, in _transactioning\n${e.exception}: ${e.message}\n`,
  };
}
