// A mock Vendure 3 server speaking the Admin GraphQL API at POST /admin-api, executed by a real
// GraphQL engine over Vendure's own schema names (mock-schema.ts). Like the real server it
// answers HTTP 200 with `errors[].extensions.code` (FORBIDDEN without a session), returns the
// session token in the `vendure-auth-token` header after `login`, accepts `Authorization: Bearer`,
// the session cookie or a `vendure-api-key`, and answers parse/validation errors with HTTP 400.
import { randomBytes } from 'node:crypto';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { changeOrder, createFaker, generateOrder, type MockOrder } from './mock-data.js';
import { listOrders, type ListOptions } from './mock-query.js';
import { buildVendureSchema } from './mock-schema.js';

export const MOCK_CREDENTIALS = { username: 'superadmin', password: 'superadmin', apiKey: 'ordersync-demo-api-key' };

const ADMIN_API = '/admin-api';
const FORBIDDEN = 'You are not currently authorized to perform this action';
const DAY = 86_400_000;
const CARTS = ['AddingItems', 'ArrangingPayment', 'Draft']; // active orders: never pulled

export interface VendureMockApi extends MockApi {
  /** Forgets every session, as an expired `authOptions.sessionDuration` would. */
  expireSessions(): void;
}

export function createVendureMock(options: MockOptions): VendureMockApi {
  const schema = buildVendureSchema();
  const count = options.orders ?? 40;
  let faker = createFaker(options.seed);
  let orders = new Map<string, MockOrder>();
  let sessions = new Set<string>();
  let clock = 0;
  let received = { queries: 0, logins: 0, forbidden: 0 };

  function seed(): void {
    faker = createFaker(options.seed);
    orders = new Map();
    sessions = new Set();
    received = { queries: 0, logins: 0, forbidden: 0 };
    // Whole seconds, three orders to an instant: SQLite-backed servers stamp updatedAt to the second.
    const start = Math.floor((Date.now() - 30 * DAY) / 1000) * 1000;
    const step = Math.max(1000, Math.floor((29 * DAY) / Math.max(1, Math.ceil(count / 3)) / 1000) * 1000);
    for (let id = 1; id <= count; id++) orders.set(String(id), generateOrder(faker, id, start + Math.floor((id - 1) / 3) * step));
    CARTS.forEach((state, i) => orders.set(String(count + i + 1), generateOrder(faker, count + i + 1, Date.now() - 60_000 + i, state)));
    clock = Math.max(...[...orders.values()].map((o) => Date.parse(o.updatedAt)));
  }
  seed();

  /** Strictly newer than any stamp already given. */
  function stamp(): number {
    clock = Math.max(Date.now(), clock + 1);
    return clock;
  }

  function authorized(request: MockRequest): boolean {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    return request.headers['vendure-api-key'] === MOCK_CREDENTIALS.apiKey
      || (bearer !== undefined && sessions.has(bearer)) || (cookie !== undefined && sessions.has(cookie));
  }

  function handle(request: MockRequest): MockResponse {
    const body = request.json as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (!body || typeof body.query !== 'string') {
      return json(400, { errors: [{ message: 'POST body missing, invalid Content-Type, or JSON object has no keys.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return json(400, { errors: [format(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] });
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return json(400, { errors: invalid.map((e) => format(e, 'GRAPHQL_VALIDATION_FAILED')) });
    received.queries++;
    const headers: Record<string, string> = {};
    const context = { authorized: authorized(request), headers };
    const result = execute({
      schema, document, rootValue: root, contextValue: context,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    }) as Awaited<ReturnType<typeof execute>>;
    if (!('data' in result)) return json(400, { errors: (result.errors ?? []).map((e) => format(e, 'BAD_USER_INPUT')) });
    const errors = result.errors?.map((e) => format(e, 'INTERNAL_SERVER_ERROR'));
    return json(200, errors ? { errors, data: result.data ?? null } : { data: result.data }, headers);
  }

  function requireSession(context: { authorized: boolean }): void {
    if (!context.authorized) {
      received.forbidden++;
      throw new GraphQLError(FORBIDDEN, { extensions: { code: 'FORBIDDEN' } });
    }
  }

  const everything = (): MockOrder[] => [...orders.values()];
  const root = {
    login(args: { username: string; password: string }, context: { headers: Record<string, string> }) {
      received.logins++;
      if (args.username !== MOCK_CREDENTIALS.username || args.password !== MOCK_CREDENTIALS.password) {
        return { __typename: 'InvalidCredentialsError', errorCode: 'INVALID_CREDENTIALS_ERROR', message: 'The provided credentials are invalid', authenticationError: '' };
      }
      const token = randomBytes(32).toString('hex');
      sessions.add(token);
      context.headers['vendure-auth-token'] = token;
      context.headers['access-control-expose-headers'] = 'vendure-auth-token';
      return { __typename: 'CurrentUser', id: '1', identifier: args.username, channels: [{ id: '1', token: 'default-channel', code: '__default_channel__', permissions: ['SuperAdmin'] }] };
    },
    logout: () => ({ success: true }),
    me: (_args: unknown, context: { authorized: boolean }) => (context.authorized ? { id: '1', identifier: MOCK_CREDENTIALS.username, channels: [] } : null),
    orders(args: { options?: ListOptions }, context: { authorized: boolean }) {
      requireSession(context);
      return listOrders(everything(), args.options);
    },
    order(args: { id: string }, context: { authorized: boolean }) {
      requireSession(context);
      return orders.get(String(args.id)) ?? null;
    },
  };

  function upsertOrders(input: unknown): unknown {
    const body = (input ?? {}) as { change?: number; add?: number; malformed?: number; orders?: Record<string, unknown>[] };
    const changed: string[] = [];
    const added: string[] = [];
    const eligible = [...orders.values()].filter((o) => !CARTS.includes(o.state));
    const n = Math.min(body.change ?? 0, eligible.length);
    for (let i = 0; i < n; i++) {
      const order = eligible[Math.floor((i * eligible.length) / n)]!;
      changeOrder(order, stamp());
      changed.push(order.id);
    }
    const nextId = (): number => Math.max(0, ...[...orders.keys()].map(Number)) + 1;
    for (let i = 0; i < (body.add ?? 0); i++) {
      const id = nextId();
      orders.set(String(id), generateOrder(faker, id, stamp(), 'PaymentSettled'));
      added.push(String(id));
    }
    for (let i = 0; i < (body.malformed ?? 0); i++) {
      const id = nextId();
      // Valid GraphQL (a bad field would fail the whole query) that no real order has:
      // no order code and a negative line quantity. The mapper must quarantine it.
      const order = generateOrder(faker, id, stamp(), 'PaymentSettled');
      order.code = '';
      (order.lines as { quantity: number }[])[0]!.quantity = -1;
      orders.set(String(id), order);
      added.push(String(id));
    }
    for (const raw of body.orders ?? []) {
      const id = String(raw.id);
      const existing = orders.get(id);
      orders.set(id, { ...(existing ?? {}), ...raw, id } as MockOrder);
      (existing ? changed : added).push(id);
    }
    return { changed, added };
  }

  return {
    name: 'vendure',
    routes: [route('POST', ADMIN_API, handle)],
    state: () => {
      const all = [...orders.values()];
      const live = all.filter((o) => !CARTS.includes(o.state));
      return { orders: live.length, carts: all.length - live.length, orderIds: live.map((o) => o.id), sessions: sessions.size, received };
    },
    upsertOrders,
    reset: seed,
    expireSessions: () => sessions.clear(),
    errorBody: (status, message) => ({ errors: [{ message, extensions: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : status === 401 || status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST' } }] }),
  };
}

function format(error: GraphQLError, code: string): Record<string, unknown> {
  const shape = error.toJSON();
  return { ...shape, extensions: { code, ...(shape.extensions ?? {}) } };
}
