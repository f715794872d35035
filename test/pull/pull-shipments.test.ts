// The shipments runner: cursor in and out through the ledger, confirmations routed to the order's
// channel's queue, --dry-run writes nothing, one WMS failing never stops another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext, defineTarget, HttpError, type ShipmentPage, type ShipmentReport } from '../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { pullAllShipments, shipmentSources, type ShipmentSourceRuntime } from '../../src/pull/pull-shipments.js';
import { makeOrder } from '../support/orders.js';

const report = (trackingNumber: string): ShipmentReport => ({
  reference: 'shop:1001', order: { channel: 'shop', externalId: '1001' }, externalId: trackingNumber, carrier: 'USPS', service: null,
  trackingNumber, trackingUrl: null, shippedAt: null, lines: [{ sku: 'TEE-BLK-M', lineExternalId: null, quantity: 1 }], raw: {},
});

function source(name: string, pages: (cursor: unknown) => ShipmentPage[] | Error, seen: unknown[] = []): ShipmentSourceRuntime {
  const definition = defineTarget({
    id: 'fake-wms', displayName: 'Fake WMS', docsUrl: 'https://example.com', settings: z.object({}),
    rateLimit: { concurrency: 1, intervalCap: 1, interval: 1000 },
    deliver: async () => ({ status: 'ok', externalRef: null }),
    async *pullShipments(_ctx, cursor) {
      seen.push(cursor);
      const answer = pages(cursor);
      if (answer instanceof Error) throw answer;
      yield* answer;
    },
  });
  return { name, definition, ctx: createContext({ role: 'target', name, settings: {} }) };
}

describe('pullAllShipments', () => {
  let ledger: Ledger;
  const confirmOn = (channel: string) => (channel === 'shop' ? 'channel:shop' : undefined);
  beforeEach(() => {
    ledger = openLedger(':memory:');
    ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: null, orders: [{ order: makeOrder(), targets: ['wms'], moneyDifference: 0 }] });
  });
  afterEach(() => ledger.close());

  it('records each page with its cursor, hands the cursor back next time, and queues the confirmation on the channel', async () => {
    const seen: unknown[] = [];
    const wms = source('wms', (cursor) => (cursor === undefined ? [{ shipments: [report('T1')], rejected: [], cursor: { n: 1 } }, { shipments: [report('T2')], rejected: [], cursor: { n: 2 } }] : []), seen);
    const first = await pullAllShipments(ledger, [wms], { confirmOn });
    expect(first.results).toEqual([{ target: 'wms', pages: 2, received: 2, recorded: 2, known: 0, quarantined: 0, deliveries: 2 }]);
    await pullAllShipments(ledger, [wms], { confirmOn });
    expect(seen).toEqual([undefined, { n: 2 }]);
    expect(ledger.deliveries.counts()['channel:shop']?.pending).toBe(2);
  });

  it('--dry-run reads and counts but writes nothing, not even the cursor', async () => {
    const wms = source('wms', () => [{ shipments: [report('T1')], rejected: [{ reference: 'x', reason: 'bad', raw: {} }], cursor: { n: 1 } }]);
    const dry = await pullAllShipments(ledger, [wms], { confirmOn, dryRun: true });
    expect(dry.results[0]).toMatchObject({ received: 2, recorded: 0, quarantined: 0 });
    expect(ledger.shipments.readCursor('wms')).toBeUndefined();
    expect(ledger.queries.eventsSince(0)['shipment.created']).toBeUndefined();
  });

  it('one WMS failing is reported as one line naming it; the other WMS is still read', async () => {
    const broken = source('wms-eu', () => new HttpError('status', 'GET /order answered 401 Unauthorized', 401, undefined, ''));
    const fine = source('wms-us', () => [{ shipments: [report('T1')], rejected: [], cursor: { n: 1 } }]);
    const result = await pullAllShipments(ledger, [broken, fine], { confirmOn });
    expect(result.results.map((r) => [r.target, r.recorded])).toEqual([['wms-us', 1]]);
    expect(result.failures.map((e) => e.message)).toEqual(['target wms-eu: reading shipments: GET /order answered 401 Unauthorized']);
  });

  it('only targets that report shipments take part', () => {
    const plain = { ...source('erp', () => []), definition: { ...source('erp', () => []).definition, pullShipments: undefined } };
    expect(shipmentSources([plain, source('wms', () => [])]).map((s) => s.name)).toEqual(['wms']);
  });
});
