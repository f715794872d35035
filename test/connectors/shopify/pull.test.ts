import { afterEach, describe, expect, it } from 'vitest';
import { reconciliationDifference } from '../../../src/model/index.js';
import type { OrderPage, UpdatedCursor } from '../../../src/connector-kit/index.js';
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import { allOrders, graphqlRequest, lastCheckpoint, startShopify, type ShopifyHarness } from './helpers.js';

const NEWEST = '{ orders(first: 1, sortKey: UPDATED_AT, reverse: true) { nodes { updatedAt } } }';

describe('shopify pull', () => {
  let harness: ShopifyHarness;
  afterEach(async () => { await harness.mock.close(); });

  it('pulls every order across many pages, each once, with all its lines', async () => {
    // Given a shop of 250 orders and pages of 15
    harness = await startShopify({ orders: 250 });
    // When a first pull runs with no checkpoint
    const pages = await harness.pull(harness.context({ pageSize: 15 }));
    // Then every order arrives once, in pages of at most 15, money reconciled
    const orders = allOrders(pages);
    expect(pages[0]?.orders).toHaveLength(15);
    expect(pages.every((page) => page.orders.length <= 15)).toBe(true);
    await harness.clock.sleep(20_000); // let the bucket refill for the checks below
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(250);
    expect((await harness.control('/__mock/state')).orderIds.sort()).toEqual(orders.map((o) => o.externalId).sort());
    expect(orders.filter((o) => reconciliationDifference(o) !== 0)).toEqual([]);
    expect(new Set(orders.map((o) => o.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'CAD', 'JPY']));
    // Orders with 7 lines got the two that did not fit the page (lineItemsPerOrder 5) from a follow-up query
    const big = orders.filter((o) => o.lines.length === 7);
    expect(big.length).toBeGreaterThan(0);
    const { body } = await graphqlRequest(harness.mock.url, `{ order(id: "gid://shopify/Order/${big[0]!.externalId}") { lineItems(first: 50) { nodes { id } } } }`);
    expect(big[0]!.lines.map((l) => `gid://shopify/LineItem/${l.externalId}`)).toEqual(body.data.order.lineItems.nodes.map((n: { id: string }) => n.id));
    // And the checkpoint is the newest stamp read
    const newest = (await graphqlRequest(harness.mock.url, NEWEST)).body.data.orders.nodes[0].updatedAt;
    expect(lastCheckpoint(pages)?.updatedAt).toBe(new Date(newest).toISOString());
  });

  it('cuts pages down to what fits 1,000 points: 250 asked, 18 served (5 lines an order)', async () => {
    harness = await startShopify({ orders: 40 });
    const pages = await harness.pull(harness.context());
    expect(pages[0]?.orders).toHaveLength(18);
    expect(allOrders(pages)).toHaveLength(40);
    expect((await harness.control('/__mock/state')).maxCostExceeded).toBe(0);
  });

  it('with the bucket low, asks for what it holds (at least a quarter page) rather than wait for a full page', async () => {
    harness = await startShopify({ orders: 40 });
    const pages = await harness.pull(harness.context());
    const sizes = pages.map((page) => page.orders.length);
    expect(sizes.slice(1, -1).every((size) => size >= 5 && size < 18)).toBe(true);
    // The 956-point full page is never waited for once the bucket is low: every wait is for less
    expect(harness.clock.sleeps.every((ms) => ms < ((956 - 440) / 50) * 1000)).toBe(true);
  });

  it('follows a large order\'s lines over several follow-up pages', async () => {
    harness = await startShopify({ orders: 14 });
    // One line with the order, then 4 lines a follow-up query (3 + 4 × 8 points ≤ 40)
    const pages = await harness.pull(harness.context({ lineItemsPerOrder: 1, maxQueryCost: 40 }));
    await harness.clock.sleep(20_000);
    const { body } = await graphqlRequest(harness.mock.url, '{ orders(first: 20) { nodes { id lineItems(first: 20) { nodes { id } } } } }');
    const expected = Object.fromEntries(body.data.orders.nodes.map((n: { id: string; lineItems: { nodes: { id: string }[] } }) =>
      [n.id.split('/').pop(), n.lineItems.nodes.map((l) => l.id.split('/').pop())]));
    const got = Object.fromEntries(allOrders(pages).map((o) => [o.externalId, o.lines.map((l) => l.externalId)]));
    expect(got).toEqual(expected);
    expect(Object.values(got).some((lines) => lines.length > 5)).toBe(true);
  });

  it('commits a checkpoint with every page, never moving backwards', async () => {
    harness = await startShopify({ orders: 60 });
    const pages = await harness.pull(harness.context({ pageSize: 10 }));
    const stamps = pages.map((page) => page.checkpoint.updatedAt);
    expect(stamps).toEqual([...stamps].sort());
    for (const page of pages) {
      const newestOnPage = page.orders.map((o) => o.updatedAt).sort().at(-1);
      expect(page.checkpoint.updatedAt).toBe(newestOnPage);
      expect(page.checkpoint.idsAtUpdatedAt).toEqual(page.orders.filter((o) => o.updatedAt === newestOnPage).map((o) => o.externalId));
    }
  });

  it('an incremental pull sees the changed and added orders (no overlap: nothing else but the checkpoint instant)', async () => {
    harness = await startShopify({ orders: 80 });
    const ctx = harness.context({ pageSize: 25, overlapSeconds: 0 });
    const first = lastCheckpoint(await harness.pull(ctx));
    const { changed, added } = await harness.control('/__mock/orders', { change: 5, add: 3 });
    const pages = await harness.pull(ctx, first);
    const ids = allOrders(pages).map((o) => o.externalId);
    expect(ids.filter((id) => !first!.idsAtUpdatedAt.includes(id)).sort()).toEqual([...changed, ...added].sort());
    // Each changed order carries its new state
    const state = Object.fromEntries(allOrders(pages).map((o) => [o.externalId, o]));
    for (const id of changed) expect(state[id]!.updatedAt > first!.updatedAt).toBe(true);
    // And with nothing new, the next pull reads only the orders at the checkpoint's instant
    const again = allOrders(await harness.pull(ctx, lastCheckpoint(pages))).map((o) => o.externalId);
    expect(again.sort()).toEqual([...lastCheckpoint(pages)!.idsAtUpdatedAt].sort());
  });

  it('the overlap re-reads recent orders, so one indexed late is still caught', async () => {
    harness = await startShopify({ orders: 30 });
    const ctx = harness.context({ overlapSeconds: 300 });
    const checkpoint = lastCheckpoint(await harness.pull(ctx))!;
    // An order whose stamp is 2 minutes older than the checkpoint appears only now (search index lag)
    const late = new Date(Date.parse(checkpoint.updatedAt) - 120_000).toISOString().replace('.000Z', 'Z');
    const { added } = await harness.control('/__mock/orders', { orders: [{ name: '#late', updatedAt: late }] });
    const ids = allOrders(await harness.pull(ctx, checkpoint)).map((o) => o.externalId);
    expect(ids).toContain(added[0]);
    // Without overlap the late order would be lost: that is why the overlap is there
    const strict = allOrders(await harness.pull(harness.context({ overlapSeconds: 0 }), checkpoint)).map((o) => o.externalId);
    expect(strict).not.toContain(added[0]);
  });

  it('orders changed while a pull is paging are neither missed nor doubled', async () => {
    // Given 100 orders read in pages of 10
    harness = await startShopify({ orders: 100 });
    const ctx = harness.context({ pageSize: 10 });
    const pages: OrderPage<UpdatedCursor>[] = [];
    let changed: string[] = [];
    let added: string[] = [];
    for await (const page of shopifyChannel.pullOrders(ctx, { checkpoint: undefined, since: undefined })) {
      pages.push(page);
      // When, after the second page, 10 orders change (read and unread alike) and 2 are added
      if (pages.length === 2) ({ changed, added } = await harness.control('/__mock/orders', { change: 10, add: 2 }));
    }
    const orders = allOrders(pages);
    const seen = new Map<string, string[]>();
    for (const order of orders) seen.set(order.externalId, [...(seen.get(order.externalId) ?? []), order.updatedAt]);
    // Then every order arrives, the added ones too
    expect(seen.size).toBe(102);
    for (const id of added) expect(seen.has(id)).toBe(true);
    // Unchanged orders arrive exactly once; a changed order at most twice (before and after), the last its new state
    for (const [id, stamps] of seen) {
      if (!changed.includes(id)) expect(stamps).toHaveLength(1);
      else expect(new Set(stamps).size).toBe(stamps.length);
    }
    await harness.clock.sleep(20_000); // let the bucket refill for the check below
    const { body } = await graphqlRequest(harness.mock.url, '{ orders(first: 200) { nodes { id updatedAt displayFinancialStatus displayFulfillmentStatus } } }');
    for (const node of body.data.orders.nodes) {
      const id = node.id.split('/').pop();
      expect(seen.get(id)?.at(-1)).toBe(new Date(node.updatedAt).toISOString());
    }
    // And the checkpoint ends at the newest change
    expect(lastCheckpoint(pages)?.updatedAt).toBe([...seen.values()].flat().sort().at(-1));
  });

  it('quarantines a malformed order and lands the rest of its page', async () => {
    harness = await startShopify({ orders: 12 });
    const ctx = harness.context({ overlapSeconds: 0 });
    const checkpoint = lastCheckpoint(await harness.pull(ctx));
    const { added } = await harness.control('/__mock/orders', { add: 2, malformed: 2 });
    const pages = await harness.pull(ctx, checkpoint);
    const rejected = pages.flatMap((page) => page.rejected);
    expect(rejected.map((r) => r.externalId).sort()).toEqual(added.slice(2).sort());
    expect(rejected[0]?.reason).toMatch(/totalPriceSet\.shopMoney\.amount: expected a decimal amount string/);
    expect(allOrders(pages).map((o) => o.externalId)).toEqual(expect.arrayContaining(added.slice(0, 2)));
    // The cursor moved past the quarantined orders: they are not read again and again
    expect(lastCheckpoint(pages)?.idsAtUpdatedAt).toEqual([added[3]]);
  });

  it('--since backfills from that instant without dragging the stored cursor back', async () => {
    harness = await startShopify({ orders: 40 });
    const ctx = harness.context();
    const checkpoint = lastCheckpoint(await harness.pull(ctx))!;
    const since = new Date(Date.parse(checkpoint.updatedAt) - 5 * 86_400_000);
    const pages = await harness.pull(ctx, checkpoint, since);
    const orders = allOrders(pages);
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length).toBeLessThan(40);
    expect(orders.every((o) => o.updatedAt >= new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString())).toBe(true);
    expect(lastCheckpoint(pages)).toEqual(checkpoint);
  });

  it('a first pull can be limited by initialLookbackDays', async () => {
    harness = await startShopify({ orders: 60 });
    const orders = allOrders(await harness.pull(harness.context({ initialLookbackDays: 3 })));
    const cutoff = new Date(harness.clock.now() - 3 * 86_400_000).toISOString();
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length).toBeLessThan(60);
    expect(orders.every((o) => o.updatedAt >= cutoff.slice(0, 19))).toBe(true);
  });

  it('an empty shop yields no page and no checkpoint', async () => {
    harness = await startShopify({ orders: 0 });
    expect(await harness.pull(harness.context())).toEqual([]);
  });
});
