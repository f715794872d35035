// Odoo as the stock source: on hand less what confirmed orders will take out, over JSON-2 and
// JSON-RPC; and the runner's rule that an order delivered to Odoo stops reserving once counted.
import { afterEach, describe, expect, it } from 'vitest';
import { odooTarget } from '../../connectors/odoo/index.js';
import { MOCK_ON_HAND } from '../../connectors/odoo/mock-stock.js';
import { MOCK_CREDENTIALS } from '../../connectors/odoo/mock.js';
import type { StockReading } from '../../src/connector-kit/index.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullStockLevels } from '../../src/stock/pull-stock.js';
import { currentFigures } from '../../src/stock/push-stock.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { buildOrder, deliveryOf, line } from '../connectors/odoo/fixtures.js';
import { startOdoo, type OdooHarness } from '../connectors/odoo/harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

async function pull(): Promise<Map<string, number>> {
  const levels: StockReading[] = [];
  for await (const page of odooTarget.pullStock!(h.ctx)) levels.push(...page.levels);
  return new Map(levels.map((l) => [l.sku, l.onHand]));
}

describe('odoo stock source', () => {
  it('reports each stockable product by Internal Reference, services left out', async () => {
    h = await startOdoo();
    h.mock.stock.setOnHand('MUG-12OZ', 4);
    const levels = await pull();
    expect(levels.get('MUG-12OZ')).toBe(4);
    expect(levels.get('TEE-BLK-M')).toBe(MOCK_ON_HAND);
    expect(levels.has('SHIP')).toBe(false);
    expect((await h.state()).received['json2 product.product.search_read']).toBe(1);
  });

  it('a confirmed order counts at once (outgoing); a quotation does not', async () => {
    h = await startOdoo({ confirm: false });
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ externalId: 'q1', lines: [line('MUG-12OZ', 2, 1800)] })));
    expect((await pull()).get('MUG-12OZ')).toBe(MOCK_ON_HAND);
    await h.running.close();
    h = await startOdoo({ confirm: true });
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ externalId: 'c1', lines: [line('MUG-12OZ', 2, 1800)] })));
    expect((await pull()).get('MUG-12OZ')).toBe(MOCK_ON_HAND - 2);
  });

  it('reads the same over the legacy JSON-RPC API', async () => {
    h = await startOdoo({ protocol: 'jsonrpc', database: MOCK_CREDENTIALS.database, login: MOCK_CREDENTIALS.login });
    h.mock.stock.setOnHand('CAP-NAVY', 9);
    expect((await pull()).get('CAP-NAVY')).toBe(9);
  });

  it('an order delivered to the source is reserved until a stock read that began after the delivery', async () => {
    h = await startOdoo({ confirm: true });
    const ledger = openLedger(':memory:');
    try {
      const order = buildOrder({ externalId: 'r1', lines: [line('MUG-12OZ', 3, 1800)] });
      ledger.orders.commitPage({ channel: 'shop', orders: [{ order, targets: ['erp'], moneyDifference: 0 }], rejected: [], checkpoint: null });
      const source = { kind: 'target' as const, target: { name: 'erp', definition: odooTarget, ctx: h.ctx } };
      await pullStockLevels(ledger, source);
      expect(currentFigures(ledger, EMPTY_POLICY, 'erp').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND, reserved: 3 });
      const [claimed] = ledger.deliveries.claimDue('erp', 1);
      const outcome = await odooTarget.deliver(h.ctx, { ...claimed!, event: claimed!.event });
      expect(outcome.status).toBe('ok');
      ledger.deliveries.settle(claimed!.id, { status: 'done', externalRef: 'x' }, Date.now() - 5);
      const report = await pullStockLevels(ledger, source);
      expect(report).toMatchObject({ source: 'erp', acknowledged: 1, changed: 1 });
      // Odoo now counts the 3 units itself; the ledger stops reserving them: never counted twice.
      expect(currentFigures(ledger, EMPTY_POLICY, 'erp').get('MUG-12OZ')).toMatchObject({ onHand: MOCK_ON_HAND - 3, reserved: 0 });
    } finally {
      ledger.close();
    }
  });
});
