// Shared set-up for the Amazon tests: a fake clock the connector and the mock both read, the mock
// on 127.0.0.1, and a context with the mock's demo credentials.
import { createContext, type ConnectorContext, type OrderPage, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { amazonChannel } from '../../../connectors/amazon/index.js';
import { createAmazonMock, MOCK_CREDENTIALS, type AmazonMockApi, type AmazonMockOptions } from '../../../connectors/amazon/mock.js';
import { AmazonSettings } from '../../../connectors/amazon/settings.js';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  slept: number[];
}

export function fakeClock(start = Date.now()): FakeClock {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => { slept.push(ms); t += ms; },
    advance: (ms) => { t += ms; },
    slept,
  };
}

export interface Harness {
  clock: FakeClock;
  mock: RunningMock;
  api: AmazonMockApi;
  ctx(overrides?: Record<string, unknown>): ConnectorContext<AmazonSettings>;
  post(path: string, body: unknown): Promise<unknown>;
  state(): Promise<Record<string, any>>;
}

export async function startHarness(options: Partial<AmazonMockOptions> = {}): Promise<Harness> {
  const clock = fakeClock();
  const api = createAmazonMock({ seed: 1, clock, ...options });
  const mock = await startMock(api, { port: 0, seed: 1 });
  return {
    clock, mock, api,
    ctx: (overrides = {}) => createContext({
      role: 'channel', name: 'amazon-test', clock,
      settings: AmazonSettings.parse({ endpoint: mock.url, tokenUrl: `${mock.url}/auth/o2/token`, ...MOCK_CREDENTIALS, ...overrides }),
      secrets: [MOCK_CREDENTIALS.clientSecret, MOCK_CREDENTIALS.refreshToken],
      timeoutMs: 2_000,
    }),
    post: async (path, body) => (await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json(),
    state: async () => (await fetch(`${mock.url}/__mock/state`)).json() as Promise<Record<string, any>>,
  };
}

/** Every page of one pull; `afterPage` runs after each page is received, before the next request. */
export async function pullAll(
  ctx: ConnectorContext<AmazonSettings>,
  request: { checkpoint?: UpdatedCursor; since?: Date } = {},
  afterPage?: (index: number) => Promise<void>,
): Promise<OrderPage<UpdatedCursor>[]> {
  const pages: OrderPage<UpdatedCursor>[] = [];
  for await (const page of amazonChannel.pullOrders(ctx, { checkpoint: request.checkpoint, since: request.since })) {
    pages.push(page);
    await afterPage?.(pages.length - 1);
  }
  return pages;
}
