// Shared set-up for the Shopify connector tests: a fake clock shared by the connector and the
// mock (so waiting for the cost bucket costs no wall time), a running mock, a context.
import { createContext, type ConnectorContext, type OrderPage, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import { createShopifyMock, MOCK_CREDENTIALS, type ShopifyMockOptions } from '../../../connectors/shopify/mock.js';
import { ShopifySettings } from '../../../connectors/shopify/settings.js';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  sleeps: number[];
}

export function fakeClock(start = Date.parse('2026-03-02T12:00:00Z')): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms) => { sleeps.push(ms); t += ms; }, sleeps };
}

export interface ShopifyHarness {
  mock: RunningMock;
  clock: FakeClock;
  context(settings?: Partial<ShopifySettings>): ConnectorContext<ShopifySettings>;
  pull(ctx: ConnectorContext<ShopifySettings>, checkpoint?: UpdatedCursor, since?: Date): Promise<OrderPage<UpdatedCursor>[]>;
  control(path: string, body?: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function startShopify(options: Partial<ShopifyMockOptions> = {}, clock = fakeClock()): Promise<ShopifyHarness> {
  const mock = await startMock(createShopifyMock({ seed: 1, now: clock.now, ...options }), { port: 0, seed: 1 });
  return {
    mock,
    clock,
    context: (settings = {}) => createContext({
      role: 'channel', name: 'shop', clock, timeoutMs: 2_000,
      settings: ShopifySettings.parse({ shopUrl: mock.url, accessToken: MOCK_CREDENTIALS.accessToken, ...settings }),
      secrets: [MOCK_CREDENTIALS.accessToken],
    }),
    pull: async (ctx, checkpoint, since) => {
      const pages: OrderPage<UpdatedCursor>[] = [];
      for await (const page of shopifyChannel.pullOrders(ctx, { checkpoint, since })) pages.push(page);
      return pages;
    },
    control: async (path, body) => {
      const response = await fetch(`${mock.url}${path}`, body === undefined ? {} : {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      return response.json();
    },
  };
}

/** POSTs a GraphQL document straight to the mock, as a client would. */
export async function graphqlRequest(url: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string; version?: string } = {}) {
  const response = await fetch(`${url}/admin/api/${options.version ?? '2026-01'}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': options.token ?? MOCK_CREDENTIALS.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

export const lastCheckpoint = (pages: OrderPage<UpdatedCursor>[]): UpdatedCursor | undefined => pages.at(-1)?.checkpoint;
export const allOrders = (pages: OrderPage<UpdatedCursor>[]) => pages.flatMap((page) => page.orders);
