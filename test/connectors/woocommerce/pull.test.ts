// The WooCommerce pull's incremental cost over real HTTP against the mock: orders changed in the
// same second are read once (the restart leaves out, with `exclude`, the ids already read at the
// newest second), and the mock reads `exclude` as WordPress does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { pullChannel } from '../../../src/pull/pull-channel.js';
import { woocommerceChannel } from '../../../connectors/woocommerce/index.js';
import { createWooMock, MOCK_CREDENTIALS } from '../../../connectors/woocommerce/mock.js';
import { MAX_EXCLUDE } from '../../../connectors/woocommerce/pull.js';
import { WooSettings } from '../../../connectors/woocommerce/settings.js';

// A clock that stands still unless told: every change the mock stamps lands in the same second.
function stillClock(start = Math.floor(Date.now() / 1000) * 1000) {
  let t = start;
  return { now: () => t, sleep: async (ms: number) => { t += ms; await new Promise((resolve) => setImmediate(resolve)); }, advance: (ms: number) => { t += ms; } };
}

let clock: ReturnType<typeof stillClock>;
let mock: RunningMock;
let ledger: Ledger;
const auth = 'Basic ' + Buffer.from(`${MOCK_CREDENTIALS.consumerKey}:${MOCK_CREDENTIALS.consumerSecret}`).toString('base64');

async function start(orders: number): Promise<void> {
  clock = stillClock();
  mock = await startMock(createWooMock({ seed: 3, orders, clock }), { port: 0, seed: 3 });
  ledger = openLedger(':memory:');
}
beforeEach(() => { ledger = undefined as unknown as Ledger; });
afterEach(async () => { ledger?.close(); await mock.close(); });

const control = async (path: string, body?: unknown) => (await fetch(`${mock.url}/__mock/${path}`, body === undefined ? {} : {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
})).json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const requests = async (): Promise<number> => (await control('state')).requests;

async function pull(pageSize = 100) {
  const settings = WooSettings.parse({ url: mock.url, ...MOCK_CREDENTIALS, pageSize });
  const ctx = createContext({ role: 'channel', name: 'woo', settings, clock, timeoutMs: 2_000 });
  const before = await requests();
  const result = await pullChannel(ledger, { name: 'woo', definition: woocommerceChannel, ctx }, { route: () => ['sink'] });
  return { ...result, requests: (await requests()) - before };
}

describe('woocommerce pull: incremental cost', () => {
  it('after 100 changes stamped in one second, reads each changed order once, in two requests', async () => {
    // Given a ledger that holds the store, and 100 orders then changed within one second
    await start(1_000);
    await pull();
    const changed = await control('orders', { change: 100 });
    expect(changed.changed).toHaveLength(100);
    // When the next pull runs
    const result = await pull();
    // Then it reads the 100 once, plus the one order the overlap re-reads (the cursor's own): a full
    // page, then the restart at the changes' second, excluding the 99 it read there, finds the last one
    expect(result.received).toBe(101);
    expect(result.updated + result.cancelled).toBe(100);
    expect(result.requests).toBe(2);
  });

  it('with nothing changed, makes one request and writes nothing', async () => {
    await start(300);
    await pull();
    const mark = ledger.queries.eventMark();
    const result = await pull();
    expect(result.requests).toBe(1);
    expect(result.created + result.updated + result.cancelled).toBe(0);
    expect(ledger.queries.eventsSince(mark)).toEqual({});
  });

  it('reads once each of 250 orders sharing one second across pages of 40 (exclude grows)', async () => {
    await start(400);
    await pull(40);
    await control('orders', { change: 250 });
    const result = await pull(40);
    expect(result.received).toBe(251); // and the cursor's own order, in the overlap
    expect(result.updated + result.cancelled).toBe(250);
    // ⌈251 / 40⌉ = 7 pages, the 7th short: the walk ends there
    expect(result.requests).toBe(7);
  });

  it(`past ${MAX_EXCLUDE} ids at one second, steps by page within it and still reads each once`, async () => {
    await start(600);
    await pull(100);
    await control('orders', { change: 450 });
    const result = await pull(100);
    expect(result.received).toBe(451); // and the cursor's own order, in the overlap
    expect(result.updated + result.cancelled).toBe(450);
    expect(ledger.queries.ordersByChannel()).toEqual({ woo: 600 });
  });

  it('an order changed while the walk sits at its second is read by the next pull', async () => {
    // Given 150 orders changed in one second and pages of 100
    await start(300);
    await pull(100);
    const { changed } = await control('orders', { change: 150 });
    // When one of the first page's orders changes again (a second later) before the restart
    let pages = 0;
    const interrupted = {
      ...woocommerceChannel,
      async *pullOrders(ctx: Parameters<typeof woocommerceChannel.pullOrders>[0], request: Parameters<typeof woocommerceChannel.pullOrders>[1]) {
        for await (const page of woocommerceChannel.pullOrders(ctx, request)) {
          yield page;
          if (++pages === 1) {
            clock.advance(1_000);
            await control('orders', { orders: [{ id: Number(changed[0]), status: 'completed', date_modified_gmt: new Date(clock.now()).toISOString().slice(0, 19) }] });
          }
        }
      },
    };
    const settings = WooSettings.parse({ url: mock.url, ...MOCK_CREDENTIALS, pageSize: 100 });
    const ctx = createContext({ role: 'channel', name: 'woo', settings, clock, timeoutMs: 2_000 });
    await pullChannel(ledger, { name: 'woo', definition: interrupted, ctx }, { route: () => ['sink'] });
    // Then the next pull reads its new state, and the ledger matches a fresh pull of the store
    await pull(100);
    const fresh = openLedger(':memory:');
    try {
      const settingsFresh = WooSettings.parse({ url: mock.url, ...MOCK_CREDENTIALS, pageSize: 100 });
      await pullChannel(fresh, { name: 'woo', definition: woocommerceChannel, ctx: createContext({ role: 'channel', name: 'woo', settings: settingsFresh, clock, timeoutMs: 2_000 }) }, { route: () => [] });
      expect(ledger.queries.orderFingerprints()).toEqual(fresh.queries.orderFingerprints());
    } finally {
      fresh.close();
    }
  });
});

describe('woocommerce mock: exclude', () => {
  const list = async (query: string) => {
    const response = await fetch(`${mock.url}/wp-json/wc/v3/orders?${query}`, { headers: { authorization: auth } });
    return ((await response.json()) as { id: number }[]).map((order) => order.id);
  };

  it('leaves out the ids given as a comma-separated list or as exclude[]', async () => {
    await start(8);
    expect(await list('orderby=id&order=asc')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await list('orderby=id&order=asc&exclude=2,5%2C7')).toEqual([1, 3, 4, 6, 8]);
    expect(await list('orderby=id&order=asc&exclude[]=1&exclude[]=8')).toEqual([2, 3, 4, 5, 6, 7]);
    // wp_parse_id_list: absint of each item, spaces separate too, junk becomes 0 (no order)
    expect(await list('orderby=id&order=asc&exclude=-3%20x,4')).toEqual([1, 2, 5, 6, 7, 8]);
  });

  it('counts X-WP-Total without the excluded orders', async () => {
    await start(8);
    const response = await fetch(`${mock.url}/wp-json/wc/v3/orders?exclude=1,2,3`, { headers: { authorization: auth } });
    expect(response.headers.get('x-wp-total')).toBe('5');
  });
});
