// ERPNext as the stock source: Bins per warehouse, on hand less what submitted Sales Orders
// reserve, paged over real HTTP against the mock; bad rows skipped, an empty site an empty page.
import { afterEach, describe, expect, it } from 'vitest';
import { erpnextTarget } from '../../connectors/erpnext/index.js';
import { MOCK_ON_HAND, MOCK_WAREHOUSE } from '../../connectors/erpnext/mock-stock.js';
import type { StockPage, StockReading } from '../../src/connector-kit/index.js';
import type { Logger } from '../../src/connector-kit/logger.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullStockLevels } from '../../src/stock/pull-stock.js';
import { currentFigures } from '../../src/stock/push-stock.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { buildOrder, deliveryOf, line } from '../connectors/erpnext/fixtures.js';
import { startErpnext, type ErpnextHarness } from '../connectors/erpnext/harness.js';

let h: ErpnextHarness;
afterEach(async () => { await h.running.close(); });

async function pages(): Promise<StockPage[]> {
  const all: StockPage[] = [];
  for await (const page of erpnextTarget.pullStock!(h.ctx)) all.push(page);
  return all;
}

async function pull(): Promise<Map<string, number>> {
  const levels: StockReading[] = (await pages()).flatMap((p) => p.levels);
  return new Map(levels.map((l) => [`${l.sku}@${l.location}`, l.onHand]));
}

describe('erpnext stock source', () => {
  it('reports each Bin by item code and warehouse; non-stock items have none', async () => {
    h = await startErpnext();
    h.mock.stock.setOnHand('MUG-12OZ', 4);
    h.mock.stock.setOnHand('MUG-12OZ', 7, 'Finished Goods - OS');
    const levels = await pull();
    expect(levels.get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(4);
    expect(levels.get('MUG-12OZ@Finished Goods - OS')).toBe(7);
    expect(levels.get(`TEE-BLK-M@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND);
    expect([...levels.keys()].some((k) => k.startsWith('GIFT-WRAP@'))).toBe(false);
    expect((await h.state()).received['GET Bin']).toBe(1);
  });

  it('pages with limit_start until a short page', async () => {
    h = await startErpnext();
    for (let i = 0; i < 600; i++) h.mock.stock.setOnHand(`BULK-${i}`, i % 7);
    const all = await pages();
    expect(all.map((p) => p.levels.length)).toEqual([500, 600 + 8 - 500]);
    expect((await h.state()).received['GET Bin']).toBe(2);
  });

  it('a submitted Sales Order reserves at once; a draft does not', async () => {
    h = await startErpnext({ submit: false });
    await erpnextTarget.deliver(h.ctx, deliveryOf(buildOrder({ externalId: 'd1', lines: [line('MUG-12OZ', 2, 1800)] })));
    expect((await pull()).get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND);
    await h.running.close();
    h = await startErpnext({ submit: true });
    await erpnextTarget.deliver(h.ctx, deliveryOf(buildOrder({ externalId: 's1', lines: [line('MUG-12OZ', 2, 1800)] })));
    expect((await pull()).get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND - 2);
  });

  it('skips a malformed Bin with a logged reason and keeps the rest', async () => {
    h = await startErpnext();
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error() {} };
    h.ctx = { ...h.ctx, log };
    h.mock.stock.addRawBin({ item_code: 'BROKEN', warehouse: MOCK_WAREHOUSE, actual_qty: 'lots', reserved_qty: 0 });
    h.mock.stock.addRawBin({ item_code: null, warehouse: MOCK_WAREHOUSE, actual_qty: 3 });
    h.mock.stock.addRawBin({ item_code: 'FRACTION', warehouse: MOCK_WAREHOUSE, actual_qty: 5.5, reserved_qty: null });
    const levels = await pull();
    expect(levels.has(`BROKEN@${MOCK_WAREHOUSE}`)).toBe(false);
    expect(levels.get(`FRACTION@${MOCK_WAREHOUSE}`)).toBe(5);
    expect(levels.get(`CAP-NAVY@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/BROKEN.*actual_qty lots is not a number/);
  });

  it('a site without Bins answers one empty page', async () => {
    h = await startErpnext();
    h.mock.stock.clearBins();
    expect(await pages()).toEqual([{ levels: [] }]);
  });

  it('waits out a 429 (Retry-After) and reads on', async () => {
    h = await startErpnext();
    await h.faults({ next: ['429', '500'], retryAfterSeconds: 12 });
    const before = h.ctx.clock.now();
    expect((await pull()).get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND);
    expect(h.ctx.clock.now() - before).toBeGreaterThanOrEqual(12_000);
  });

  it('an order delivered to the source is reserved until a stock read that began after the delivery', async () => {
    h = await startErpnext({ submit: true });
    const ledger = openLedger(':memory:');
    try {
      const order = buildOrder({ externalId: 'r1', lines: [line('MUG-12OZ', 3, 1800)] });
      ledger.orders.commitPage({ channel: 'shop', orders: [{ order, targets: ['erp'], moneyDifference: 0 }], rejected: [], checkpoint: null });
      const source = { kind: 'target' as const, target: { name: 'erp', definition: erpnextTarget, ctx: h.ctx } };
      await pullStockLevels(ledger, source);
      const key = (figures: ReturnType<typeof currentFigures>) => figures.get('MUG-12OZ');
      expect(key(currentFigures(ledger, EMPTY_POLICY, 'erp'))).toMatchObject({ onHand: MOCK_ON_HAND, reserved: 3 });
      const [claimed] = ledger.deliveries.claimDue('erp', 1);
      const outcome = await erpnextTarget.deliver(h.ctx, { ...claimed!, event: claimed!.event });
      expect(outcome.status).toBe('ok');
      ledger.deliveries.settle(claimed!.id, { status: 'done', externalRef: 'x' }, Date.now() - 5);
      const report = await pullStockLevels(ledger, source);
      expect(report).toMatchObject({ source: 'erp', acknowledged: 1, changed: 1 });
      expect(key(currentFigures(ledger, EMPTY_POLICY, 'erp'))).toMatchObject({ onHand: MOCK_ON_HAND - 3, reserved: 0 });
    } finally {
      ledger.close();
    }
  });
});
