// pullShipments against the ShipBob mock over real HTTP, on a fake clock shared by the mock and
// the connector: split parcels, the incremental tracking-update window, paging and resuming
// mid-window, and the documented 429 (x-retry-after) waited out.
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, type ConnectorContext, type ShipmentPage } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { shipbobTarget } from '../../../connectors/shipbob/index.js';
import { createShipBobMock, MOCK_CREDENTIALS, type ShipBobMock } from '../../../connectors/shipbob/mock.js';
import { ShipBobSettings } from '../../../connectors/shipbob/settings.js';
import { parseOrderReference, toShipmentReports } from '../../../connectors/shipbob/shipment-mapping.js';
import { buildDelivery, buildOrder } from './fixtures.js';

let server: RunningMock | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

function fakeClock(start = Date.parse('2026-11-02T12:00:00Z')) {
  let t = start;
  return { now: () => t, sleep: async (ms: number) => { t += ms; await new Promise((resolve) => setImmediate(resolve)); }, advance: (ms: number) => { t += ms; } };
}

async function setup(settings: Record<string, unknown> = {}, limit?: number) {
  const clock = fakeClock();
  const api: ShipBobMock = createShipBobMock({ seed: 1, clock, now: clock.now, ...(limit ? { limit } : {}) });
  server = await startMock(api, { port: 0, seed: 1 });
  const ctx: ConnectorContext<ShipBobSettings> = createContext({
    role: 'target', name: 'wms', clock, timeoutMs: 2_000, secrets: [MOCK_CREDENTIALS.token],
    settings: ShipBobSettings.parse({ url: server.url, token: MOCK_CREDENTIALS.token, channelId: MOCK_CREDENTIALS.channelId, ...settings }),
  });
  const place = async (externalId: string) => {
    const outcome = await shipbobTarget.deliver(ctx, buildDelivery(buildOrder({ externalId })));
    expect(outcome.status).toBe('ok');
    return `shop:${externalId}`;
  };
  const pull = async (cursor: unknown) => {
    const pages: ShipmentPage[] = [];
    for await (const page of shipbobTarget.pullShipments!(ctx, cursor)) pages.push(page);
    return pages;
  };
  const state = async () => (await (await fetch(`${server!.url}/__mock/state`)).json()) as { throttled: number; byRoute: Record<string, number> };
  return { clock, api, ctx, place, pull, state };
}

describe('shipbob pullShipments', () => {
  it('a two-line order shipped in two parcels: two reports naming our order, each with its own lines and tracking', async () => {
    const { clock, place, pull } = await setup();
    const reference = await place('5512345678901');
    clock.advance(60_000);
    const shipped = await fetch(`${server!.url}/__mock/ship`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference_id: reference, parcels: [{ products: [{ reference_id: 'TEE-BLK-M', quantity: 2 }] }, { products: [{ reference_id: 'MUG-12OZ', quantity: 1 }] }] }),
    });
    expect(shipped.status).toBe(200);
    clock.advance(60_000);
    const [page, ...rest] = await pull(undefined);
    expect(rest).toEqual([]);
    expect(page!.rejected).toEqual([]);
    expect(page!.shipments.map((s) => ({ order: s.order, carrier: s.carrier, service: s.service, lines: s.lines }))).toEqual([
      { order: { channel: 'shop', externalId: '5512345678901' }, carrier: 'USPS', service: 'Priority', lines: [{ sku: 'TEE-BLK-M', lineExternalId: null, quantity: 2 }] },
      { order: { channel: 'shop', externalId: '5512345678901' }, carrier: 'USPS', service: 'Priority', lines: [{ sku: 'MUG-12OZ', lineExternalId: null, quantity: 1 }] },
    ]);
    const [a, b] = page!.shipments;
    expect(a!.trackingNumber).not.toBe(b!.trackingNumber);
    expect(a!.trackingUrl).toContain(a!.trackingNumber);
    expect(a!.shippedAt).toBe('2026-11-02T12:01:00.000Z');
    expect(page!.cursor).toEqual({ readUntil: '2026-11-02T12:02:00.000Z' });
  });

  it('reads only orders whose tracking changed since the cursor (minus the overlap); unshipped orders never', async () => {
    const { clock, api, place, pull } = await setup({ shipmentsOverlapSeconds: 0 });
    const first = await place('A1');
    const second = await place('A2');
    await place('A3'); // never ships
    expect(api.ship(first)).toBeUndefined();
    clock.advance(60_000);
    const [one] = await pull(undefined);
    expect(one!.shipments.map((s) => s.reference)).toEqual([first]);
    clock.advance(60_000);
    expect((await pull(one!.cursor))[0]!.shipments).toEqual([]);
    expect(api.ship(second)).toBeUndefined();
    clock.advance(60_000);
    const [two] = await pull(one!.cursor);
    expect(two!.shipments.map((s) => s.reference)).toEqual([second]);
  });

  it('pages by Page/Limit until a short page; a cursor left mid-window resumes at the next page', async () => {
    const { clock, api, place, pull, state } = await setup({ shipmentsPageSize: 2 });
    for (const id of ['B1', 'B2', 'B3', 'B4', 'B5']) expect(api.ship(await place(id))).toBeUndefined();
    clock.advance(60_000);
    const pages = await pull(undefined);
    expect(pages.map((p) => p.shipments.map((s) => s.order?.externalId))).toEqual([['B1', 'B2'], ['B3', 'B4'], ['B5']]);
    expect(pages[0]!.cursor).toMatchObject({ window: { nextPage: 2 } });
    expect(pages[2]!.cursor).toEqual({ readUntil: '2026-11-02T12:01:00.000Z' });
    expect((await state()).byRoute['GET /:version/order']).toBe(3);
    // A crash after the first page: the next pull reads pages 2 and 3 of the same window.
    const resumed = await pull(pages[0]!.cursor);
    expect(resumed.map((p) => p.shipments.map((s) => s.order?.externalId))).toEqual([['B3', 'B4'], ['B5']]);
  });

  it('a 429 is waited out for x-retry-after on the clock, and the pull completes', async () => {
    const { clock, api, place, pull, state } = await setup({}, 3);
    expect(api.ship(await place('C1'))).toBeUndefined(); // 1 call
    await place('C2'); // 2 calls: the window has 1 left
    await fetch(`${server!.url}/2026-07/order`, { headers: { authorization: `Bearer ${MOCK_CREDENTIALS.token}` } }); // the last one
    const before = clock.now();
    const [page] = await pull(undefined);
    expect(page!.shipments.map((s) => s.order?.externalId)).toEqual(['C1']);
    expect((await state()).throttled).toBeGreaterThan(0);
    expect(clock.now() - before).toBeGreaterThanOrEqual(59_000); // the oldest call left the 60 s window
  });
});

describe('shipbob shipment mapping', () => {
  it('reads back our reference; anything else is not ours', () => {
    expect(parseOrderReference('shop:gid://shopify/Order/1')).toEqual({ channel: 'shop', externalId: 'gid://shopify/Order/1' });
    expect(parseOrderReference('PORTAL-77')).toBeNull();
    expect(parseOrderReference(':1')).toBeNull();
    expect(parseOrderReference('shop:')).toBeNull();
  });

  it('skips shipments not yet shipped; rejects a shipped one without tracking number, and an unreadable order', () => {
    const order = { id: 1, reference_id: 'shop:1', shipments: [
      { id: 10, status: 'Processing', tracking: null, products: [] },
      { id: 11, status: 'Completed', tracking: { carrier: 'UPS', tracking_number: '' }, products: [] },
    ] };
    const mapped = toShipmentReports(order);
    expect(mapped.shipments).toEqual([]);
    expect(mapped.rejected).toEqual([{ reference: 'shop:1', reason: 'shipbob shipment 11 of order 1: status Completed but no tracking number', raw: order }]);
    expect(toShipmentReports({ id: 'x', reference_id: 'shop:2' }).rejected[0]).toMatchObject({ reference: 'shop:2', reason: expect.stringContaining('shipbob order: id') });
  });

  it('LabeledCreated counts as shipped (guides/tracking: use both statuses)', () => {
    const mapped = toShipmentReports({ id: 1, reference_id: 'shop:1', shipments: [
      { id: 11, status: 'LabeledCreated', tracking: { carrier: 'FedEx', tracking_number: '7712', carrier_service: 'Ground', tracking_url: null, shipping_date: '2026-11-02T10:00:00Z' },
        products: [{ reference_id: 'TEE', inventory_items: [{ quantity: 1 }, { quantity: 2 }] }] },
    ] });
    expect(mapped.shipments[0]).toMatchObject({ carrier: 'FedEx', service: 'Ground', trackingNumber: '7712', shippedAt: '2026-11-02T10:00:00.000Z', lines: [{ sku: 'TEE', lineExternalId: null, quantity: 3 }] });
  });
});
