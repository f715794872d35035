// Shared set-up for the eBay connector tests: a fake clock the connector and the mock share,
// the mock on 127.0.0.1, a context with the demo credentials, and page collection.
import { createContext, type ConnectorContext, type LogFields, type OrderPage, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { createEbayMock, MOCK_CREDENTIALS, type EbayMock } from '../../../connectors/ebay/mock.js';
import { EbaySettings } from '../../../connectors/ebay/settings.js';
import { ebayChannel } from '../../../connectors/ebay/index.js';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  slept: number[];
}

export function fakeClock(start = Date.parse('2026-03-14T12:00:00.000Z')): FakeClock {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => { slept.push(ms); t += ms; await new Promise((resolve) => setImmediate(resolve)); },
    advance: (ms) => { t += ms; },
    slept,
  };
}

export interface Harness {
  clock: FakeClock;
  mock: EbayMock;
  server: RunningMock;
  logs: { message: string; fields?: LogFields }[];
  context(settings?: Record<string, unknown>): ConnectorContext<EbaySettings>;
  pull(request?: { checkpoint?: UpdatedCursor; since?: Date }, settings?: Record<string, unknown>): Promise<OrderPage<UpdatedCursor>[]>;
  control<T = unknown>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(options: { orders?: number; dailyQuota?: number } = {}): Promise<Harness> {
  const clock = fakeClock();
  const mock = createEbayMock({ seed: 1, orders: options.orders ?? 40, now: clock.now, dailyQuota: options.dailyQuota });
  const server = await startMock(mock, { port: 0, seed: 1 });
  const logs: Harness['logs'] = [];
  const log = { debug() {}, warn() {}, error() {}, info: (message: string, fields?: LogFields) => { logs.push({ message, fields }); } };
  const context = (settings: Record<string, unknown> = {}) => createContext({
    role: 'channel', name: 'test', clock, log, timeoutMs: 2_000,
    settings: EbaySettings.parse({ url: server.url, ...MOCK_CREDENTIALS, safetyLagSeconds: 0, ...settings }),
  });
  return {
    clock, mock, server, logs, context,
    async pull(request = {}, settings = {}) {
      const pages: OrderPage<UpdatedCursor>[] = [];
      for await (const page of ebayChannel.pullOrders(context(settings), { checkpoint: request.checkpoint, since: request.since })) pages.push(page);
      return pages;
    },
    async control<T>(path: string, body?: unknown) {
      const response = await fetch(`${server.url}/__mock/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return (await response.json()) as T;
    },
    close: () => server.close(),
  };
}

export const idsOf = (pages: OrderPage<UpdatedCursor>[]): string[] => pages.flatMap((page) => page.orders.map((order) => order.externalId));
export const lastCheckpoint = (pages: OrderPage<UpdatedCursor>[]): UpdatedCursor | undefined => pages.at(-1)?.checkpoint;

export interface MockState {
  orders: number;
  orderIds: string[];
  received: { tokenExchanges: number; tokensRefused: number; getOrders: number; recentQueries: string[] };
  quota: { limit: number; used: number; day: string | null };
  throttled: number;
  byRoute: Record<string, number>;
}
