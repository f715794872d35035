// Shared scaffolding for the Medusa connector tests: a mock on port 0, a context with a fake
// clock (retries and backoff cost no wall time) and a pull collected into arrays.
import { createContext } from '../../../src/connector-kit/context.js';
import type { ChannelOrder, OrderPage, RejectedPayload } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { medusaChannel, MOCK_CREDENTIALS } from '../../../connectors/medusa/index.js';
import type { MedusaCheckpoint } from '../../../connectors/medusa/pull.js';
import { MedusaSettings } from '../../../connectors/medusa/settings.js';

export async function startMedusaMock(orders?: number, seed = 1): Promise<RunningMock> {
  return startMock(medusaChannel.mock!({ seed, orders }), { port: 0, seed });
}

export function fakeClock(start = Date.now()) {
  let t = start;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; } };
}

export function contextFor(url: string, overrides: Record<string, unknown> = {}, clock = fakeClock()) {
  const settings = MedusaSettings.parse({ url, apiKey: MOCK_CREDENTIALS.apiKey, ...overrides });
  return createContext({ role: 'channel', name: 'test', settings, clock, timeoutMs: 500, secrets: [MOCK_CREDENTIALS.apiKey] });
}

export interface Pulled {
  pages: OrderPage<MedusaCheckpoint>[];
  orders: ChannelOrder[];
  rejected: RejectedPayload[];
  checkpoint: MedusaCheckpoint | undefined;
}

export async function pullAll(
  ctx: ReturnType<typeof contextFor>,
  checkpoint?: MedusaCheckpoint,
  since?: Date,
  between?: (pageIndex: number) => Promise<void>,
): Promise<Pulled> {
  const pulled: Pulled = { pages: [], orders: [], rejected: [], checkpoint };
  for await (const page of medusaChannel.pullOrders(ctx, { checkpoint, since })) {
    pulled.pages.push(page);
    pulled.orders.push(...page.orders);
    pulled.rejected.push(...page.rejected);
    pulled.checkpoint = page.checkpoint;
    if (between) await between(pulled.pages.length);
  }
  return pulled;
}

export async function control(mock: RunningMock, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${mock.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

export const basicAuth = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** Latest version of each order by id (what a ledger keeps). */
export function latestById(orders: ChannelOrder[]): Map<string, ChannelOrder> {
  const map = new Map<string, ChannelOrder>();
  for (const order of orders) map.set(order.externalId, order);
  return map;
}
