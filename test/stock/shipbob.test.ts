// ShipBob as the stock source: fulfillable quantity (on hand − committed) per inventory item by
// SKU, paged by `next` links, inside the 150/min sliding window, over real HTTP against the mock.
import { afterEach, describe, expect, it } from 'vitest';
import { shipbobTarget } from '../../connectors/shipbob/index.js';
import { MOCK_ON_HAND } from '../../connectors/shipbob/mock-stock.js';
import { STOCK_LOCATION } from '../../connectors/shipbob/stock.js';
import type { StockPage, StockReading } from '../../src/connector-kit/index.js';
import type { Logger } from '../../src/connector-kit/logger.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullStockLevels } from '../../src/stock/pull-stock.js';
import { currentFigures } from '../../src/stock/push-stock.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { buildDelivery, buildOrder } from '../connectors/shipbob/fixtures.js';
import { startHarness, type Harness } from '../connectors/shipbob/helpers.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

async function pages(): Promise<StockPage[]> {
  const all: StockPage[] = [];
  for await (const page of shipbobTarget.pullStock!(h.ctx)) all.push(page);
  return all;
}

async function pull(): Promise<Map<string, number>> {
  const levels: StockReading[] = (await pages()).flatMap((p) => p.levels);
  expect(levels.every((l) => l.location === STOCK_LOCATION)).toBe(true);
  return new Map(levels.map((l) => [l.sku, l.onHand]));
}

const mug = (qty: number) => ({ externalId: 'l1', sku: 'MUG-12OZ', title: 'Mug 12oz', quantity: qty, unitPrice: { amount: 1800, currency: 'USD' }, tax: { amount: 0, currency: 'USD' }, discount: { amount: 0, currency: 'USD' } });

describe('shipbob stock source', () => {
  it('reports each inventory item by SKU: fulfillable, so committed units are already out', async () => {
    h = await startHarness();
    h.api.stock.setOnHand('CAP-NAVY', 4);
    expect((await h.deliver(buildDelivery(buildOrder({ externalId: 'c1', lines: [mug(2)] })))).status).toBe('ok');
    const levels = await pull();
    expect(levels.get('CAP-NAVY')).toBe(4);
    expect(levels.get('MUG-12OZ')).toBe(MOCK_ON_HAND - 2);
    expect(levels.get('TEE-BLK-M')).toBe(MOCK_ON_HAND);
    expect((await h.state()).received.inventory).toBe(1);
  });

  it('follows next links until there is none', async () => {
    h = await startHarness();
    for (let i = 0; i < 600; i++) h.api.stock.setOnHand(`BULK-${i}`, 1);
    const all = await pages();
    expect(all.map((p) => p.levels.length)).toEqual([250, 250, 105]);
    expect((await h.state()).received.inventory).toBe(3);
  });

  it('waits out the sliding window (x-retry-after) and reads on', async () => {
    let clockNow = (): number => 0;
    h = await startHarness({}, { limit: 2, windowMs: 60_000, now: () => clockNow() });
    clockNow = () => h.ctx.clock.now();
    const start = h.ctx.clock.now();
    for (let i = 0; i < 600; i++) h.api.stock.setOnHand(`BULK-${i}`, 1);
    const all = await pages();
    expect(all.flatMap((p) => p.levels)).toHaveLength(605);
    expect(h.ctx.clock.now() - start).toBeGreaterThanOrEqual(59_000);
    expect((await h.state()).received.inventory).toBe(3);
  });

  it('skips a malformed item with a logged reason and keeps the rest', async () => {
    h = await startHarness();
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error() {} };
    h.ctx = { ...h.ctx, log };
    h.api.stock.addRawItem({ inventory_id: 1, name: 'No SKU', sku: null, total_fulfillable_quantity: 3 });
    h.api.stock.addRawItem({ inventory_id: 2, name: 'Broken', sku: 'BROKEN', total_fulfillable_quantity: 'n/a' });
    const levels = await pull();
    expect(levels.has('BROKEN')).toBe(false);
    expect(levels.get('MUG-12OZ')).toBe(MOCK_ON_HAND);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/BROKEN: total_fulfillable_quantity n\/a is not a number/);
  });

  it('an account without inventory answers one empty page', async () => {
    h = await startHarness();
    h.api.stock.clear();
    expect(await pages()).toEqual([{ levels: [] }]);
  });

  it('an order delivered to the source is reserved until a stock read that began after the delivery', async () => {
    h = await startHarness();
    const ledger = openLedger(':memory:');
    try {
      const order = buildOrder({ externalId: 'r1', lines: [mug(3)] });
      ledger.orders.commitPage({ channel: 'shop', orders: [{ order, targets: ['wms'], moneyDifference: 0 }], rejected: [], checkpoint: null });
      const source = { kind: 'target' as const, target: { name: 'wms', definition: shipbobTarget, ctx: h.ctx } };
      await pullStockLevels(ledger, source);
      expect(currentFigures(ledger, EMPTY_POLICY, 'wms').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND, reserved: 3 });
      const [claimed] = ledger.deliveries.claimDue('wms', 1);
      expect((await h.deliver({ ...claimed!, event: claimed!.event })).status).toBe('ok');
      ledger.deliveries.settle(claimed!.id, { status: 'done', externalRef: 'x' }, Date.now() - 5);
      expect(await pullStockLevels(ledger, source)).toMatchObject({ source: 'wms', acknowledged: 1, changed: 1 });
      expect(currentFigures(ledger, EMPTY_POLICY, 'wms').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND - 3, reserved: 0 });
    } finally {
      ledger.close();
    }
  });
});
