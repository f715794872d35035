// Shared set-up for the Vendure connector tests: the mock on 127.0.0.1:0, a fake clock, pulls.
import { vendureChannel } from '../../../connectors/vendure/index.js';
import { createVendureMock, MOCK_CREDENTIALS, type VendureMockApi } from '../../../connectors/vendure/mock.js';
import type { VendureSettings } from '../../../connectors/vendure/settings.js';
import { createContext, type OrderPage, type PullRequest, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';

export interface FakeClock { now(): number; sleep(ms: number): Promise<void>; slept: number[] }

export function fakeClock(start = Date.now()): FakeClock {
  let t = start;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; }, slept };
}

export async function startVendureMock(orders = 40, seed = 1): Promise<RunningMock & { api: VendureMockApi }> {
  const api = createVendureMock({ seed, orders });
  const running = await startMock(api, { port: 0, seed });
  return { ...running, api };
}

export function settingsFor(url: string, overrides: Record<string, unknown> = {}): VendureSettings {
  return vendureChannel.settings.parse({ url, username: MOCK_CREDENTIALS.username, password: MOCK_CREDENTIALS.password, ...overrides });
}

export function contextFor(settings: VendureSettings, clock: FakeClock = fakeClock()) {
  return createContext({ role: 'channel', name: 'vendure-test', settings, clock, timeoutMs: 1_000 });
}

export async function collect(
  settings: VendureSettings,
  request: Partial<PullRequest<UpdatedCursor>> = {},
  between?: (pageNo: number) => Promise<void>,
  clock: FakeClock = fakeClock(),
): Promise<OrderPage<UpdatedCursor>[]> {
  const pages: OrderPage<UpdatedCursor>[] = [];
  const ctx = contextFor(settings, clock);
  for await (const page of vendureChannel.pullOrders(ctx, { checkpoint: undefined, since: undefined, ...request })) {
    pages.push(page);
    await between?.(pages.length);
  }
  return pages;
}

export async function control(url: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__mock/${path}`, body === undefined ? {} : {
    method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status}`);
  return response.json();
}

export async function adminApi(url: string, query: string, headers: Record<string, string> = {}, variables?: unknown) {
  const response = await fetch(`${url}/admin-api`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() as Record<string, unknown> };
}
