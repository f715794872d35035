// The mock fleet the reliability harnesses run against: every built-in mock on 127.0.0.1 (port
// chosen by the OS), like `startAllMocks`, but with a size per connector (a few thousand orders
// on one channel, a handful on the others, so a run spends its time where the harness aims) and
// a tap on the webhook receiver that remembers the last version of each order it stored.
import { CHANNELS, TARGETS } from '../../connectors/index.js';
import { mockEnvironment, stopAllMocks } from '../../src/cli/mocks.js';
import { contentHash } from '../../src/ledger/hash.js';
import type { Order } from '../../src/model/index.js';
import { startMock, type MockApi, type MockRequest, type MockResponse, type RunningMock } from '../../src/mock/index.js';

export interface FleetOptions {
  seed: number;
  /** Orders on the main channel's mock (WooCommerce unless `mainChannel` says otherwise). */
  orders: number;
  /** Orders on every other channel's mock. */
  otherOrders: number;
  mainChannel?: string;
  /** Extra options for one connector's mock, by connector id. */
  mockOptions?: Record<string, Record<string, unknown>>;
}

export interface Fleet {
  mocks: RunningMock[];
  /** `ORDERSYNC_MOCK_<NAME>=url` for config.example.yml. */
  env: Record<string, string>;
  url(name: string): string;
  has(name: string): boolean;
  /** The mock's in-process API object, for what its control API does not offer (the Odoo mock's `stock.setOnHand`). */
  api(name: string): MockApi | undefined;
  /** Per `channel:externalId`: the ledger's content hash of the last order the webhook mock stored. */
  webhookLastSeen: Map<string, string>;
  /** Calls `listener` on every request a mock answers (the control API aside). */
  onRequest(listener: (role: 'channel' | 'target', name: string) => void): () => void;
  close(): Promise<void>;
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const main = options.mainChannel ?? 'woocommerce';
  const webhookLastSeen = new Map<string, string>();
  const listeners = new Set<(role: 'channel' | 'target', name: string) => void>();
  const mocks: RunningMock[] = [];
  const apis = new Map<string, MockApi>();
  try {
    for (const entry of [...CHANNELS, ...TARGETS]) {
      const { definition } = entry;
      if (!definition.mock) continue;
      const orders = definition.role === 'channel' ? (definition.id === main ? options.orders : options.otherOrders) : undefined;
      let api = definition.mock({ seed: options.seed, orders, ...options.mockOptions?.[definition.id] });
      apis.set(api.name, api);
      if (definition.id === 'webhook') api = tapWebhook(api, webhookLastSeen);
      const role = definition.role;
      for (const route of api.routes) {
        const handler = route.handler;
        route.handler = (request) => {
          for (const listener of listeners) listener(role, api.name);
          return handler(request);
        };
      }
      mocks.push(await startMock(api, { port: 0, seed: options.seed }));
    }
  } catch (error) {
    await stopAllMocks(mocks);
    throw error;
  }
  const find = (name: string) => mocks.find((mock) => mock.name === name);
  return {
    mocks,
    env: mockEnvironment(mocks),
    url: (name) => {
      const mock = find(name);
      if (!mock) throw new Error(`no mock named ${name}`);
      return mock.url;
    },
    has: (name) => find(name) !== undefined,
    api: (name) => apis.get(name),
    webhookLastSeen,
    onRequest(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => stopAllMocks(mocks),
  };
}

/** Wraps the receiver's routes: an event the mock stored for the first time (201) is remembered. */
function tapWebhook(api: MockApi, lastSeen: Map<string, string>): MockApi {
  const routes = api.routes.map((route) => ({
    ...route,
    handler: async (request: MockRequest): Promise<MockResponse> => {
      const response = await route.handler(request);
      const event = request.json as { order?: Record<string, unknown> } | undefined;
      const order = event?.order;
      const replayed = response.headers?.['idempotent-replayed'] === 'true';
      if (response.status === 201 && !replayed && order && typeof order.channel === 'string' && typeof order.externalId === 'string') {
        // The same hash the ledger keeps per event: the event says which version the target should hold.
        lastSeen.set(`${order.channel}:${order.externalId}`, contentHash(order as unknown as Order));
      }
      return response;
    },
  }));
  return {
    name: api.name, routes, state: () => api.state(), reset: () => { lastSeen.clear(); api.reset(); },
    ...(api.upsertOrders ? { upsertOrders: (body: unknown) => api.upsertOrders!(body) } : {}),
    ...(api.throttled ? { throttled: (seconds: number) => api.throttled!(seconds) } : {}),
    ...(api.errorBody ? { errorBody: (status: number, message: string) => api.errorBody!(status, message) } : {}),
    ...(api.setBaseUrl ? { setBaseUrl: (url: string) => api.setBaseUrl!(url) } : {}),
  };
}

export async function mockState<T = Record<string, unknown>>(url: string): Promise<T> {
  const response = await fetch(`${url}/__mock/state`);
  if (!response.ok) throw new Error(`GET ${url}/__mock/state answered ${response.status}`);
  return (await response.json()) as T;
}

export async function postMock(url: string, path: '/__mock/orders' | '/__mock/faults' | '/__mock/reset', body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`POST ${url}${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
