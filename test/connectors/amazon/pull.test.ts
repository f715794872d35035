// pullOrders against the mock: paging with paginationToken, the window and its lag, the cursor.
import { afterEach, describe, expect, test } from 'vitest';
import { amazonChannel } from '../../../connectors/amazon/index.js';
import { openLedger } from '../../../src/ledger/index.js';
import { pullChannel } from '../../../src/pull/pull-channel.js';
import { systemClock, type ChannelOrder, type UpdatedCursor } from '../../../src/connector-kit/index.js';
import { pullAll, startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

const MINUTE = 60_000;

describe('full pull', () => {
  test('pages with paginationToken, every order exactly once, other parameters repeated unchanged', async () => {
    h = await startHarness({ orders: 40 });
    const pages = await pullAll(h.ctx({ pageSize: 7 }));
    expect(pages).toHaveLength(6); // 7 × 5 + 5
    const ids = pages.flatMap((p) => p.orders.map((o) => o.externalId));
    expect(ids).toHaveLength(40);
    expect(new Set(ids)).toEqual(new Set((await h.state()).orderIds));
    const last = (await h.state()).lastSearch;
    expect(last).toMatchObject({ maxResultsPerPage: '7', includedData: 'BUYER,RECIPIENT,PROCEEDS,FULFILLMENT', paginationToken: expect.any(String) });
    expect((await h.state()).operations.searchOrders).toEqual({ requests: 6, throttled: 0 });
  });

  test('the window ends the safety lag behind now; pages inside it keep the start, the last page moves the cursor to its end', async () => {
    h = await startHarness({ orders: 12 });
    const now = h.clock.now();
    const pages = await pullAll(h.ctx({ pageSize: 5 }));
    const sent = (await h.state()).lastSearch;
    const end = Date.parse(sent.lastUpdatedBefore);
    expect(now - end).toBeGreaterThanOrEqual(120_000);
    expect(now - end).toBeLessThan(121_000); // Amazon's clock (the Date header) is read to the second
    expect(Date.parse(sent.lastUpdatedAfter)).toBe(end + 120_000 - 30 * 86_400_000); // initialLookbackDays before Amazon's now
    const start = { updatedAt: sent.lastUpdatedAfter, idsAtUpdatedAt: [] };
    expect(pages.map((p) => p.checkpoint)).toEqual([start, start, { updatedAt: new Date(end).toISOString(), idsAtUpdatedAt: [] }]);
  });

  test.each([['an hour fast', 3_600_000], ['an hour slow', -3_600_000]])('with our clock %s, the window still ends two minutes behind Amazon\'s (its Date header)', async (_, skew) => {
    h = await startHarness({ orders: 10, clock: systemClock }); // the mock on real time, our clock skewed
    h.clock.advance(skew);
    const cursor = (await pullAll(h.ctx())).at(-1)!.checkpoint;
    const lag = Date.now() - Date.parse((await h.state()).lastSearch.lastUpdatedBefore);
    expect(lag).toBeGreaterThanOrEqual(120_000);
    expect(lag).toBeLessThan(125_000);
    const answer = await h.post('/__mock/orders', { change: 2 }) as { changed: string[] };
    const pages = await pullAll(h.ctx(), { checkpoint: cursor });
    expect(pages.flatMap((p) => p.orders.map((o) => o.externalId)).sort()).toEqual(answer.changed.sort());
  });

  test('a longer configured lag moves the window end back', async () => {
    h = await startHarness({ orders: 3 });
    const now = h.clock.now();
    await pullAll(h.ctx({ safetyLagSeconds: 600 }));
    expect(now - Date.parse((await h.state()).lastSearch.lastUpdatedBefore)).toBeGreaterThanOrEqual(600_000);
  });

  test('a lag under two minutes is refused by the settings schema', () => {
    expect(amazonChannel.settings.safeParse({ clientId: 'a', clientSecret: 'b', refreshToken: 'c', safetyLagSeconds: 60 }).success).toBe(false);
  });

  test('--since backfills from that instant, ignoring the cursor', async () => {
    h = await startHarness({ orders: 20 });
    const since = new Date(h.clock.now() - 10 * 86_400_000);
    const cursor = { updatedAt: new Date(h.clock.now()).toISOString(), idsAtUpdatedAt: [] };
    const orders = (await pullAll(h.ctx(), { checkpoint: cursor, since })).flatMap((p) => p.orders);
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length).toBeLessThan(20);
    expect(orders.every((o) => o.updatedAt >= since.toISOString())).toBe(true);
  });
});

describe('incremental pulls', () => {
  async function fullPull(pageSize = 100): Promise<UpdatedCursor> {
    const pages = await pullAll(h.ctx({ pageSize }));
    return pages.at(-1)!.checkpoint;
  }

  test('see exactly the changed and added orders', async () => {
    h = await startHarness({ orders: 40 });
    const cursor = await fullPull();
    h.clock.advance(5 * MINUTE);
    const answer = await h.post('/__mock/orders', { change: 4, add: 2 }) as { changed: string[]; added: string[] };
    const pages = await pullAll(h.ctx(), { checkpoint: cursor });
    expect(pages.flatMap((p) => p.orders.map((o) => o.externalId)).sort()).toEqual([...answer.changed, ...answer.added].sort());
  });

  test('an empty window still moves the cursor forward', async () => {
    h = await startHarness({ orders: 5 });
    const cursor = await fullPull();
    h.clock.advance(30 * MINUTE);
    const pages = await pullAll(h.ctx(), { checkpoint: cursor });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.orders).toEqual([]);
    expect(Date.parse(pages[0]!.checkpoint.updatedAt) - Date.parse(cursor.updatedAt)).toBeGreaterThanOrEqual(29 * MINUTE);
  });

  test('a cursor newer than the window end asks for nothing and keeps the cursor', async () => {
    h = await startHarness({ orders: 5 });
    const cursor = { updatedAt: new Date(h.clock.now() + 10 * MINUTE).toISOString(), idsAtUpdatedAt: [] };
    expect(await pullAll(h.ctx({ overlapSeconds: 0 }), { checkpoint: cursor })).toEqual([]);
    expect((await h.state()).operations.searchOrders.requests).toBe(0);
  });

  test('orders changed while a pull is paging are neither missed nor doubled', async () => {
    h = await startHarness({ orders: 30 });
    const ctx = h.ctx({ pageSize: 10 });
    const latest = new Map<string, ChannelOrder>();
    const keep = (orders: ChannelOrder[]) => { for (const o of orders) if ((latest.get(o.externalId)?.updatedAt ?? '') <= o.updatedAt) latest.set(o.externalId, o); };
    let cursor: UpdatedCursor | undefined;
    let page = 0;
    let changed: string[] = [];
    for await (const result of amazonChannel.pullOrders(ctx, { checkpoint: undefined, since: undefined })) {
      keep(result.orders);
      cursor = result.checkpoint;
      // between the first and second page: change orders both behind and ahead of the reader
      if (page++ === 0) changed = ((await h.post('/__mock/orders', { change: 6 })) as { changed: string[] }).changed;
    }
    h.clock.advance(5 * MINUTE);
    for (const result of await pullAll(ctx, { checkpoint: cursor })) keep(result.orders);
    const state = await h.state();
    expect([...latest.keys()].sort()).toEqual([...state.orderIds].sort());
    const current = await pullAll(h.ctx(), { since: new Date(0) });
    for (const order of current.flatMap((p) => p.orders)) expect(latest.get(order.externalId)?.updatedAt, order.externalId).toBe(order.updatedAt);
    expect(changed).toHaveLength(6);
  });
});

describe('into the ledger', () => {
  test('a pending order lands with zero money; its priced update is an update event; every order reconciles', async () => {
    h = await startHarness({ orders: 40 });
    const ledger = openLedger(':memory:');
    const ctx = h.ctx();
    const runtime = { name: 'amazon', definition: amazonChannel, ctx };
    const first = await pullChannel(ledger, runtime, { route: () => [] });
    expect(first).toMatchObject({ created: 40, quarantined: 0, unreconciled: 0 });

    const pending = (await pullAll(ctx, { since: new Date(0) })).flatMap((p) => p.orders).filter((o) => o.raw && (o.raw as any).fulfillment.fulfillmentStatus === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((o) => o.total.amount === 0 && o.financialStatus === 'pending')).toBe(true);

    // The mock's change moves every PENDING order to UNSHIPPED and prices it, stamped anew.
    await h.post('/__mock/orders', { change: 40 });
    h.clock.advance(5 * 60_000);
    const second = await pullChannel(ledger, runtime, { route: () => [] });
    expect(second).toMatchObject({ created: 0, updated: 40, quarantined: 0, unreconciled: 0 });
    const now = (await pullAll(ctx, { since: new Date(0) })).flatMap((p) => p.orders);
    for (const before of pending) {
      const after = now.find((o) => o.externalId === before.externalId)!;
      expect(after.financialStatus).toBe('authorized');
      expect(after.total.amount).toBeGreaterThan(0);
      expect(after.lines.every((line) => line.unitPrice.amount > 0)).toBe(true);
    }
    ledger.close();
  });

  test('a malformed order goes to quarantine while the rest of its page lands', async () => {
    h = await startHarness({ orders: 10 });
    const ledger = openLedger(':memory:');
    const runtime = { name: 'amazon', definition: amazonChannel, ctx: h.ctx() };
    await h.post('/__mock/orders', { malformed: 2, add: 3 });
    h.clock.advance(5 * 60_000);
    const result = await pullChannel(ledger, runtime, { route: () => [] });
    expect(result).toMatchObject({ pages: 1, created: 13, quarantined: 2 });
    ledger.close();
  });
});
