// Tryton as the stock source: per warehouse storage location, min(quantity, forecast_quantity)
// by product code, over real HTTP (JSON-RPC, session login) against the mock.
import { afterEach, describe, expect, it } from 'vitest';
import { trytonTarget } from '../../connectors/tryton/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/tryton/mock.js';
import { MOCK_ON_HAND, MOCK_WAREHOUSE_CODE as WH } from '../../connectors/tryton/mock-stock.js';
import type { StockPage, StockReading } from '../../src/connector-kit/index.js';
import type { Logger } from '../../src/connector-kit/logger.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullStockLevels } from '../../src/stock/pull-stock.js';
import { currentFigures } from '../../src/stock/push-stock.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { delivery, line, order, startHarness, type Harness } from '../connectors/tryton/fixtures.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

async function pages(): Promise<StockPage[]> {
  const all: StockPage[] = [];
  for await (const page of trytonTarget.pullStock!(h.ctx)) all.push(page);
  return all;
}

async function pull(): Promise<Map<string, number>> {
  const levels: StockReading[] = (await pages()).flatMap((p) => p.levels);
  return new Map(levels.map((l) => [`${l.sku}@${l.location}`, l.onHand]));
}

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  const auth = Buffer.from(`${MOCK_CREDENTIALS.username}:${MOCK_CREDENTIALS.password}`).toString('base64');
  const response = await fetch(`${h.mock.url}/${MOCK_CREDENTIALS.database}/`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${auth}` }, body: JSON.stringify({ id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe('tryton stock source', () => {
  it('reports goods by code per warehouse, read with the storage location in the context', async () => {
    h = await startHarness();
    h.api.stock.addWarehouse('WH2', 'Overflow');
    h.api.stock.setOnHand('MUG-12OZ', 4);
    h.api.stock.setOnHand('MUG-12OZ', 7, 'WH2');
    await rpc('model.product.product.create', [[{ code: 'SERVICE-1', name: 'Setup fee', type: 'service', salable: true, default_uom: 1 }], {}]);
    const levels = await pull();
    expect(levels.get(`MUG-12OZ@${WH}`)).toBe(4);
    expect(levels.get('MUG-12OZ@WH2')).toBe(7);
    expect(levels.get(`TEE-BLK-M@${WH}`)).toBe(MOCK_ON_HAND);
    expect(levels.get('TEE-BLK-M@WH2')).toBe(0);
    expect([...levels.keys()].some((k) => k.startsWith('SERVICE-1@'))).toBe(false);
    const { received } = await h.state();
    expect(received['model.stock.location.search_read']).toBe(1);
    expect(received['model.product.product.search_read']).toBe(2);
  });

  it('pages with offset until a short page', async () => {
    h = await startHarness();
    await rpc('model.product.product.create', [Array.from({ length: 520 }, (_, i) => ({ code: `BULK-${i}`, name: `Bulk ${i}`, type: 'goods', salable: true, default_uom: 1 })), {}]);
    const all = await pages();
    expect(all).toHaveLength(2);
    expect(all[0]!.levels).toHaveLength(500);
    expect(all[1]!.levels.length).toBeGreaterThan(20);
  });

  it('a confirmed sale counts at once (forecast); a quotation does not; a planned receipt never adds', async () => {
    h = await startHarness({ saleState: 'quotation' });
    await trytonTarget.deliver(h.ctx, delivery(order({ externalId: 'q1', lines: [line('MUG-12OZ', 2, 1800)] })));
    h.api.stock.setIncoming('MUG-12OZ', 40);
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(MOCK_ON_HAND);
    await h.mock.close();
    h = await startHarness({ saleState: 'confirmed' });
    await trytonTarget.deliver(h.ctx, delivery(order({ externalId: 'c1', lines: [line('MUG-12OZ', 2, 1800)] })));
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(MOCK_ON_HAND - 2);
  });

  it('skips a product with a malformed quantity with a logged reason and keeps the rest', async () => {
    h = await startHarness();
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error() {} };
    h.ctx = { ...h.ctx, log };
    h.api.stock.overrideRead('CAP-NAVY', { quantity: 'many' });
    h.api.stock.overrideRead('BAG-TOTE', { quantity: 3.75, forecast_quantity: null });
    const levels = await pull();
    expect(levels.has(`CAP-NAVY@${WH}`)).toBe(false);
    expect(levels.get(`BAG-TOTE@${WH}`)).toBe(3);
    expect(levels.get(`MUG-12OZ@${WH}`)).toBe(MOCK_ON_HAND);
    expect(warnings).toEqual([expect.stringMatching(/CAP-NAVY: quantity many is not a number/)]);
  });

  it('a database without warehouses answers one empty page', async () => {
    h = await startHarness();
    h.api.stock.removeWarehouses();
    expect(await pages()).toEqual([{ levels: [] }]);
  });

  it('an order delivered to the source is reserved until a stock read that began after the delivery', async () => {
    h = await startHarness({ saleState: 'confirmed' });
    const ledger = openLedger(':memory:');
    try {
      const o = order({ externalId: 'r1', lines: [line('MUG-12OZ', 3, 1800)] });
      ledger.orders.commitPage({ channel: 'shop', orders: [{ order: o, targets: ['erp'], moneyDifference: 0 }], rejected: [], checkpoint: null });
      const source = { kind: 'target' as const, target: { name: 'erp', definition: trytonTarget, ctx: h.ctx } };
      await pullStockLevels(ledger, source);
      expect(currentFigures(ledger, EMPTY_POLICY, 'erp').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND, reserved: 3 });
      const [claimed] = ledger.deliveries.claimDue('erp', 1);
      expect((await trytonTarget.deliver(h.ctx, { ...claimed!, event: claimed!.event })).status).toBe('ok');
      ledger.deliveries.settle(claimed!.id, { status: 'done', externalRef: 'x' }, Date.now() - 5);
      expect(await pullStockLevels(ledger, source)).toMatchObject({ source: 'erp', acknowledged: 1, changed: 1 });
      expect(currentFigures(ledger, EMPTY_POLICY, 'erp').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND - 3, reserved: 0 });
    } finally {
      ledger.close();
    }
  });
});
