// A mock of trytond 6.0's JSON-RPC: POST /<database>/ with {id, method, params}, login and
// Session auth (protocols/dispatcher.py, wrappers.py), errors as the envelope's `error` member
// (protocols/jsonrpc.py), HTML pages for HTTP-level refusals (werkzeug), login rate limiting.
import { randomBytes } from 'node:crypto';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { MOCK_CREDENTIALS, seedStore } from './mock-data.js';
import { SALE_TRANSITIONS, defineModels } from './mock-models.js';
import { MockServerError, MockStore, MockUserError, type MockRecord } from './mock-store.js';
import { attachTrytonStock, type TrytonMockStock } from './mock-stock.js';

export { MOCK_CATALOGUE, MOCK_CREDENTIALS, MOCK_CURRENCIES, MOCK_NOT_SALABLE_SKU } from './mock-data.js';

const CRUD = new Set(['search', 'search_read', 'search_count', 'read', 'create', 'write', 'delete']);
const SALE_BUTTONS: Record<string, string> = { quote: 'quotation', confirm: 'confirmed', draft: 'draft', cancel: 'cancelled' };
// res.user.login.attempt: more than `session.max_attempt` (5) failures → RateLimitException (429).
const MAX_LOGIN_FAILURES = 5;

// werkzeug's HTML error pages, which is what trytond sends for aborts.
function htmlError(status: number, title: string, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n` };
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export interface TrytonMockApi extends MockApi {
  /** Forgets every session, as trytond does after `session.max_age` or a logout elsewhere. */
  expireSessions(): void;
  stock: TrytonMockStock;
}

export function createTrytonMock(options: MockOptions): TrytonMockApi {
  const seed = options.seed;
  let store: MockStore;
  const models = new Map(defineModels(() => store).map((model) => [model.name, model]));
  const stock = attachTrytonStock(models, () => store);
  let sessions = new Map<string, number>();
  let failedLogins = 0;
  let duplicates = 0;
  let saleNumber = 0;
  let received: Record<string, number> = {};

  function reset(): void {
    store = new MockStore(models);
    seedStore(store, seed);
    stock.seed(store);
    sessions = new Map(); failedLogins = 0; duplicates = 0; saleNumber = 0; received = {};
  }
  reset();

  function login(params: unknown[]): unknown {
    const [user, parameters] = params as [unknown, Record<string, unknown> | undefined];
    if (!parameters || typeof parameters !== 'object' || !('password' in parameters)) {
      return { error: ['LoginException', ['password', `Password for ${String(user)}`, 'password']] };
    }
    if (failedLogins > MAX_LOGIN_FAILURES) return htmlError(429, TITLES[429]!);
    if (user !== MOCK_CREDENTIALS.username || parameters.password !== MOCK_CREDENTIALS.password) {
      failedLogins++;
      return htmlError(401, TITLES[401]!);
    }
    failedLogins = 0;
    const session = randomBytes(32).toString('hex');
    sessions.set(session, 1);
    return { result: [1, session] };
  }

  // Authorization: Session base64(login:uid:session), or Basic base64(login:password).
  function authenticated(header: string | undefined): boolean {
    const [type, value = ''] = (header ?? '').split(/\s+/, 2);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (type?.toLowerCase() === 'session') {
      const [user, uid, session = ''] = decoded.split(':', 3);
      return user === MOCK_CREDENTIALS.username && sessions.get(session) === Number(uid);
    }
    if (type?.toLowerCase() === 'basic') return decoded === `${MOCK_CREDENTIALS.username}:${MOCK_CREDENTIALS.password}`;
    return false;
  }

  function callModel(model: string, method: string, args: unknown[], context: Record<string, unknown>): unknown {
    if (model === 'res.user' && method === 'get_preferences') {
      return { company: 1, 'company.rec_name': 'ordersync Demo Shop', company_filter: 'one', language: 'en', language_direction: 'ltr', groups: [1] };
    }
    store.model(model); // KeyError for an unknown model
    if (model === 'sale.sale' && method in SALE_BUTTONS) return clickSaleButton(method, args[0] as number[]);
    const stockAnswer = stock.call(model, method, args, context); // stock.inventory create/confirm/…
    if (stockAnswer) return stockAnswer.result;
    if (!CRUD.has(method)) throw new ForbiddenMethod();
    const [first, second, third, fourth, fifth] = args as [unknown, number?, number?, unknown?, string[]?];
    switch (method) {
      case 'search': return store.search(model, first, second ?? 0, third ?? null, fourth ?? null);
      case 'search_count': return store.search(model, first).length;
      case 'search_read': return store.read(model, store.search(model, first, second ?? 0, third ?? null, fourth ?? null), fifth ?? []);
      case 'read': return store.read(model, first as number[], (second as unknown as string[]) ?? []);
      case 'create': return (first as Record<string, unknown>[]).map((values) => {
        if (model === 'sale.sale' && typeof values.reference === 'string'
          && store.all('sale.sale').some((sale) => sale.reference === values.reference)) duplicates++;
        return store.create(model, values, context);
      });
      case 'write':
        for (let i = 0; i < args.length; i += 2) store.write(model, args[i] as number[], args[i + 1] as Record<string, unknown>, context);
        return null;
      default: store.remove(model, first as number[]); return null;
    }
  }

  // Workflow.transition: records whose state does not allow the move are skipped silently.
  function clickSaleButton(button: string, ids: number[]): null {
    const target = SALE_BUTTONS[button]!;
    for (const id of ids) {
      const sale = store.get('sale.sale', id);
      if (!sale) throw new MockUserError(`You are not allowed to read records "${id}" of "Sale" because of at least one of these rules:\nUser in companies`);
      if (!SALE_TRANSITIONS.has(`${String(sale.state)}>${target}`)) continue;
      if (button === 'quote') {
        const name = sale.number ?? String(sale.id);
        if (sale.invoice_address == null) throw new MockUserError(`To get a quote for sale "${name}" you must enter an invoice address.`);
        if (sale.shipment_address == null) throw new MockUserError(`To get a quote for sale "${name}" you must enter a shipment address.`);
        sale.number ??= String(++saleNumber);
      }
      sale.state = target;
    }
    return null;
  }

  function rpc(request: MockRequest): MockResponse {
    const body = request.json as { id?: unknown; method?: unknown; params?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.method !== 'string' || !Array.isArray(body.params)) return htmlError(400, TITLES[400]!);
    const envelope = Object.keys(body).sort().join(',') === 'id,method,params';
    const method = body.method;
    received[method] = (received[method] ?? 0) + 1;
    const answer = (value: { result?: unknown; error?: unknown }): MockResponse => {
      if (envelope) return json(200, { id: body.id ?? 0, ...value });
      return 'error' in value ? htmlError(400, TITLES[400]!) : json(200, value.result ?? null);
    };
    if (request.params.database !== MOCK_CREDENTIALS.database) return htmlError(404, TITLES[404]!);
    if (method === 'common.db.login') {
      const outcome = login(body.params);
      return 'status' in (outcome as object) ? (outcome as MockResponse) : answer(outcome as { result?: unknown; error?: unknown });
    }
    if (!authenticated(request.headers.authorization)) return htmlError(401, TITLES[401]!, { 'www-authenticate': 'Basic realm="Tryton"' });
    if (method === 'common.db.logout') return answer({ result: null });
    const match = /^model\.(.+)\.([^.]+)$/.exec(method);
    if (!match) return htmlError(403, TITLES[403]!);
    const params = [...body.params];
    const context = params.pop();
    if (!context || typeof context !== 'object' || Array.isArray(context)) return answer({ error: ['Missing context argument', ''] });
    const rollback = store.snapshot();
    try {
      return answer({ result: stock.during(context as Record<string, unknown>, () => callModel(match[1]!, match[2]!, params, context as Record<string, unknown>)) });
    } catch (error) {
      rollback();
      if (error instanceof ForbiddenMethod) return htmlError(403, TITLES[403]!);
      if (error instanceof MockUserError) return answer({ error: ['UserError', [error.message, '', null]] });
      return answer({ error: [error instanceof MockServerError ? error.message : String(error), ''] });
    }
  }

  function state(): Record<string, unknown> {
    const sales = store.all('sale.sale');
    return {
      records: sales.length,
      duplicates,
      received,
      parties: store.all('party.party').length,
      sessions: sessions.size,
      failedLogins,
      sales: sales.map((sale) => describeSale(store, sale)),
      inventories: stock.inventories(),
    };
  }

  return {
    name: 'tryton',
    routes: [
      route('POST', '/:database/', rpc),
      route('POST', '/', (request) => {
        const body = request.json as { id?: unknown; method?: unknown } | undefined;
        if (body?.method === 'common.server.version') return json(200, { id: body.id ?? 0, result: '6.0.29' });
        return htmlError(400, TITLES[400]!);
      }),
    ],
    state,
    reset,
    expireSessions: () => { sessions = new Map(); },
    stock,
    // trytond answers throttling and server failures with werkzeug's HTML pages, no Retry-After.
    throttled: () => htmlError(429, TITLES[429]!),
    errorBody: (status) => htmlError(status, TITLES[status] ?? 'Error').body,
  };
}

class ForbiddenMethod extends Error {}

function describeSale(store: MockStore, sale: MockRecord): Record<string, unknown> {
  const [read] = store.read('sale.sale', [sale.id], ['number', 'reference', 'state', 'untaxed_amount', 'total_amount']);
  const currency = store.get('currency.currency', sale.currency as number);
  const party = store.get('party.party', sale.party as number);
  const lines = store.read('sale.line', store.search('sale.line', [['sale', '=', sale.id]], 0, null, [['sequence', 'ASC']]),
    ['product', 'quantity', 'unit_price', 'description', 'amount']);
  return {
    ...read,
    currency: currency?.code ?? null,
    party: party?.name ?? null,
    lines: lines.map((line) => ({ ...line, sku: line.product == null ? null : store.get('product.product', line.product as number)?.code ?? null })),
  };
}
