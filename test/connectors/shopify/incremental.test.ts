// The Shopify pull's incremental cost, over real HTTP against the mock and into a real ledger:
// an idle pull is one cheap request (ids and stamps of the overlap window) and writes nothing; a
// changed order is read in full, and orders the ledger holds as Shopify stamps them get no
// line-item follow-up. Only orders read at least a second after their stamp are trusted (held.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../../src/ledger/index.js';
import { pullChannel } from '../../../src/pull/pull-channel.js';
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import type { ShopifySettings } from '../../../connectors/shopify/settings.js';
import { graphqlRequest, startShopify, type ShopifyHarness } from './helpers.js';

let harness: ShopifyHarness;
let ledger: Ledger;
afterEach(async () => { ledger.close(); await harness.mock.close(); });

const operationOf = (query: string) => /query (\w+)/.exec(query)?.[1] ?? 'anonymous';

/** A context that also tallies the GraphQL operations it sends. */
function countingContext(): { ctx: ConnectorContext<ShopifySettings>; sent: string[] } {
  const sent: string[] = [];
  const base = harness.context();
  const ctx: ConnectorContext<ShopifySettings> = {
    ...base,
    http: (options) => {
      const client = base.http(options);
      return { ...client, request: (request) => { sent.push(operationOf(String((request.body as { query?: unknown })?.query))); return client.request(request); } };
    },
  };
  return { ctx, sent };
}

async function pull() {
  const { ctx, sent } = countingContext();
  const result = await pullChannel(ledger, { name: 'shop', definition: shopifyChannel, ctx }, { route: () => ['sink'] });
  return { ...result, sent };
}

const gid = (n: number) => `gid://shopify/Order/${5_500_000_000_000 + n}`;
const stamp = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Gives the mock's newest-looking orders stamps spread over the last few minutes, as a busy shop's are. */
async function spreadRecentStamps(count: number): Promise<void> {
  const now = harness.clock.now();
  await harness.control('/__mock/orders', { orders: Array.from({ length: count }, (_, i) => ({ id: gid(i + 1), updatedAt: stamp(now - 240_000 + i * 10_000) })) });
}

async function linesOf(n: number): Promise<number> {
  await harness.clock.sleep(2_000); // the bucket refills (53 points a question) on the shared fake clock
  const { body } = await graphqlRequest(harness.mock.url, `{ order(id: "${gid(n)}") { lineItems(first: 50) { nodes { id } } } }`);
  return body.data.order.lineItems.nodes.length;
}

describe('shopify pull: incremental cost', () => {
  it('an idle pull makes one request (ids and stamps of the window) and writes nothing', async () => {
    // Given 20 orders stamped over the last 4 minutes, and a ledger that pulled them all
    harness = await startShopify({ orders: 60 });
    ledger = openLedger(':memory:');
    await spreadRecentStamps(20);
    await harness.clock.sleep(5_000);
    const first = await pull();
    expect(first.created).toBe(60);
    expect(first.sent).toContain('OrderLineItems'); // some orders have 7 lines: the first pull follows them up
    const mark = ledger.queries.eventMark();
    // When the next pull runs with nothing changed
    await harness.clock.sleep(60_000);
    const idle = await pull();
    // Then it lists the window's stamps once, reads no order in full, and writes nothing
    expect(idle.sent).toEqual(['OrderStampsUpdatedSince']);
    expect(idle.received).toBe(0);
    expect(ledger.queries.eventsSince(mark)).toEqual({});
  });

  it('reads a changed order in full, and no follow-up for held orders after it', async () => {
    harness = await startShopify({ orders: 60 });
    ledger = openLedger(':memory:');
    const t0 = harness.clock.now();
    await spreadRecentStamps(20);
    await harness.clock.sleep(5_000);
    await pull();
    // Given order 1 (stamped t0 − 240 s) changed at t0 − 235 s, before orders 2…20 (t0 − 230 s on),
    // as an order that reached the search index late would be; 7-line orders among those 19
    const sevenLines = [];
    for (let n = 2; n <= 20; n++) if ((await linesOf(n)) > 5) sevenLines.push(n);
    expect(sevenLines.length).toBeGreaterThan(0);
    await harness.control('/__mock/orders', { orders: [{ id: gid(1), tags: ['changed'], updatedAt: stamp(t0 - 235_000) }] });
    await harness.clock.sleep(60_000);
    const mark = ledger.queries.eventMark();
    // When the next pull runs
    const changed = await pull();
    // Then only order 1 is read again and written; the held orders after it get no follow-up
    expect(changed.received).toBe(1);
    expect(changed.updated).toBe(1);
    expect(changed.sent.filter((op) => op === 'OrderLineItems')).toHaveLength((await linesOf(1)) > 5 ? 1 : 0);
    expect(changed.sent.filter((op) => op === 'OrderStampsUpdatedSince')).toHaveLength(1);
    expect(ledger.queries.eventsSince(mark)).toEqual({ 'order.updated': 1 });
  });

  it('does not trust an order read within two seconds of its stamp: it is read again in full once', async () => {
    // Given orders changed just before a pull (same second as the pull's start)
    harness = await startShopify({ orders: 30 });
    ledger = openLedger(':memory:');
    await harness.clock.sleep(5_000);
    await pull();
    await harness.control('/__mock/orders', { change: 3 });
    const changed = await pull();
    expect(changed.updated + changed.cancelled).toBe(3);
    // When the next pull runs a minute later
    await harness.clock.sleep(60_000);
    const again = await pull();
    // Then those three are read again in full (they could have changed again within their second), and nothing is written
    expect(again.received).toBe(3);
    expect(again.updated + again.created + again.cancelled).toBe(0);
    // And the pull after that trusts them: one stamps request
    await harness.clock.sleep(60_000);
    const idle = await pull();
    expect(idle.sent).toEqual(['OrderStampsUpdatedSince']);
  });

  it('a --since backfill trusts nothing: it reads every order of its window in full', async () => {
    harness = await startShopify({ orders: 30 });
    ledger = openLedger(':memory:');
    await harness.clock.sleep(5_000);
    await pull();
    const { ctx, sent } = countingContext();
    const result = await pullChannel(ledger, { name: 'shop', definition: shopifyChannel, ctx }, { route: () => ['sink'], since: new Date(0) });
    expect(result.received).toBe(30);
    expect(sent).not.toContain('OrderStampsUpdatedSince');
  });
});
