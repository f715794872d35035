// The contract every channel connector must pass, built-in or third-party: run it from a test
// file with `describeChannelContract({ channel, settings })`. It drives the real pull engine
// and an in-memory ledger against the connector's own mock server over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ChannelDefinition } from '../connector-kit/index.js';
import { ChannelError } from '../errors.js';
import { openLedger, type Ledger } from '../ledger/index.js';
import { startMock, type MockApi, type RunningMock } from '../mock/index.js';
import { pullChannel, type ChannelPullResult } from '../pull/pull-channel.js';
import { fastClock } from './fake-clock.js';
import type { Clock } from '../http/token-bucket.js';

export interface ChannelContractOptions<Settings> {
  // Any connector's definition: the contract only drives it through the engine.
  channel: ChannelDefinition<Settings, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Settings that point the connector at its mock, with a page size small enough for many pages. */
  settings(mockUrl: string): unknown;
  /** The same settings with credentials the mock refuses. */
  badCredentials(mockUrl: string): unknown;
  /** The mock to run; defaults to the channel's own. It gets the test's clock for its rate limits. */
  mock?(seed: number, orders: number, clock: Clock): MockApi;
  /** Orders the mock starts with (enough for several pages). */
  orders?: number;
}

interface MockChange { changed: unknown[]; added: unknown[] }

export function describeChannelContract<Settings>(options: ChannelContractOptions<Settings>): void {
  const { channel } = options;
  const orders = options.orders ?? 120;
  const makeMock = options.mock ?? ((seed: number, count: number, clock: Clock) => {
    if (!channel.mock) throw new Error(`${channel.id} has no mock: pass one to describeChannelContract`);
    return channel.mock({ seed, orders: count, clock });
  });

  describe(`channel contract: ${channel.id}`, () => {
    let mock: RunningMock;
    let ledger: Ledger;
    let clock: ReturnType<typeof fastClock>;

    beforeEach(async () => {
      clock = fastClock();
      mock = await startMock(makeMock(7, orders, clock), { port: 0, seed: 7 });
      ledger = openLedger(':memory:');
    });
    afterEach(async () => {
      ledger.close();
      await mock.close();
    });

    const runtime = (settings: unknown = options.settings(mock.url)) => {
      const parsed = channel.settings.parse(settings);
      return { name: 'contract', definition: channel, ctx: createContext({ role: 'channel', name: 'contract', settings: parsed, clock, timeoutMs: 1_500 }) };
    };
    const pull = (target: Ledger = ledger, definition = channel) =>
      pullChannel(target, { ...runtime(), definition }, { route: () => ['sink'] });
    const control = async (path: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${mock.url}/__mock/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect(response.ok, `control ${path} answered ${response.status}`).toBe(true);
      return response.json();
    };
    const mockOrderCount = async () => ((await control('state')) as { orders: number }).orders;
    const heldOrders = (target: Ledger = ledger) => Object.values(target.queries.ordersByChannel()).reduce((a, b) => a + b, 0);
    const events = (mark = 0) => ledger.queries.eventsSince(mark);

    it('pulls every order across many pages, once', async () => {
      const result = await pull();
      expect(result.pages).toBeGreaterThan(1);
      expect(heldOrders()).toBe(await mockOrderCount());
      expect(result.created).toBe(heldOrders());
      expect(events()['order.created']).toBe(heldOrders());
      expect(result.quarantined).toBe(0);
    });

    it('a second pull with nothing changed writes no event', async () => {
      await pull();
      const mark = ledger.queries.eventMark();
      const again = await pull();
      expect(again.created + again.updated + again.cancelled).toBe(0);
      expect(events(mark)).toEqual({});
    });

    it('`pull --since` backfills: it re-reads everything since then and writes only real changes', async () => {
      await pull();
      const mark = ledger.queries.eventMark();
      const since = new Date(clock.now() - 60 * 86_400_000);
      const backfill = await pullChannel(ledger, runtime(), { route: () => ['sink'], since });
      expect(backfill.received).toBeGreaterThanOrEqual(heldOrders());
      expect(events(mark)).toEqual({});
    });

    it('an incremental pull sees exactly the changed and added orders', async () => {
      await pull();
      const mark = ledger.queries.eventMark();
      const change = (await control('orders', { change: 3, add: 2 })) as MockChange;
      expect(change.changed).toHaveLength(3);
      expect(change.added).toHaveLength(2);
      await pull();
      const after = events(mark);
      expect((after['order.updated'] ?? 0) + (after['order.cancelled'] ?? 0)).toBe(3);
      expect(after['order.created']).toBe(2);
      expect(heldOrders()).toBe(await mockOrderCount());
    });

    it('orders modified while a pull is paging are neither missed nor doubled', async () => {
      let pages = 0;
      const interrupted: ChannelDefinition<Settings, unknown> = {
        ...channel,
        async *pullOrders(ctx, request) {
          for await (const page of channel.pullOrders(ctx, request)) {
            yield page;
            if (++pages === 1) await control('orders', { change: 6, add: 2 });
          }
        },
      };
      await pull(ledger, interrupted);
      await pull();
      // A fresh ledger pulling everything now must hold exactly what the interrupted one holds.
      const fresh = openLedger(':memory:');
      try {
        await pull(fresh);
        expect(heldOrders()).toBe(await mockOrderCount());
        expect(heldOrders(fresh)).toBe(heldOrders());
        expect(contentOf(ledger)).toEqual(contentOf(fresh));
        const created = events()['order.created'] ?? 0;
        expect(created).toBe(heldOrders());
        const changes = (events()['order.updated'] ?? 0) + (events()['order.cancelled'] ?? 0);
        expect(changes).toBeLessThanOrEqual(6);
      } finally {
        fresh.close();
      }
    });

    it('honours throttling with the API\'s own signals and completes', async () => {
      await control('faults', { next: [429, 429] });
      const result = await pull();
      expect(heldOrders()).toBe(await mockOrderCount());
      expect(result.created).toBe(heldOrders());
      expect(((await control('state')) as { throttled: number }).throttled).toBeGreaterThanOrEqual(2);
    });

    it('retries server errors, timeouts, dropped connections and garbled bodies', async () => {
      await control('faults', { next: ['500', 'timeout', 503, 'none', 'drop', 'malformed', 'none', 502], timeoutHoldMs: 5_000 });
      const result = await pull();
      expect(result.created).toBe(await mockOrderCount());
    });

    it('refused credentials give a clear channel error and write nothing', async () => {
      const failing = pullChannel(ledger, runtime(options.badCredentials(mock.url)), { route: () => [] });
      await expect(failing).rejects.toBeInstanceOf(ChannelError);
      await expect(failing).rejects.toMatchObject({ code: 'channel_unauthorized' });
      expect(heldOrders()).toBe(0);
    });

    it('a malformed order lands in quarantine while the rest of its page lands', async () => {
      await pull();
      const mark = ledger.queries.quarantineMark();
      await control('orders', { malformed: 1, add: 1 });
      const result: ChannelPullResult = await pull();
      expect(result.quarantined).toBe(1);
      expect(result.created).toBe(1);
      expect(ledger.queries.quarantinedSince(mark)).toHaveLength(1);
    });
  });
}

function contentOf(ledger: Ledger): string[] {
  return ledger.queries.orderFingerprints();
}
