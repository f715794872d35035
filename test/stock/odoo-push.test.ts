// Odoo in `stock.targets`: on-hand quantities set in one internal location through inventory
// counts (stock.quant inventory_quantity + action_apply_inventory), read back through pullStock.
import { afterEach, describe, expect, it } from 'vitest';
import { odooTarget } from '../../connectors/odoo/index.js';
import { MOCK_LOCATIONS } from '../../connectors/odoo/mock-quant.js';
import { MOCK_ON_HAND } from '../../connectors/odoo/mock-stock.js';
import { MOCK_CREDENTIALS } from '../../connectors/odoo/mock.js';
import type { StockReading, StockUpdate } from '../../src/connector-kit/index.js';
import { startOdoo, type OdooHarness } from '../connectors/odoo/harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

const rpcSettings = { protocol: 'jsonrpc', database: MOCK_CREDENTIALS.database, login: MOCK_CREDENTIALS.login };
const set = (sku: string, quantity: number): StockUpdate => ({ sku, quantity, previous: null });
const push = (updates: StockUpdate[]) => odooTarget.pushStock!(h.ctx, updates);

async function pull(): Promise<Map<string, number>> {
  const levels: StockReading[] = [];
  for await (const page of odooTarget.pullStock!(h.ctx)) levels.push(...page.levels);
  return new Map(levels.map((l) => [l.sku, l.onHand]));
}

const callsTo = (model: string, method: string) => h.mock.store.calls.filter((c) => c.model === model && c.method === method);
const moves = () => h.mock.store.table('stock.move');

describe('odoo stock target: pushStock', () => {
  it('sets levels (a count on the existing quant, a new quant where there is none) and pullStock reads them back', async () => {
    // Given CAP-NAVY holds nothing in Odoo yet (no quant), the others MOCK_ON_HAND in WH/Stock
    h = await startOdoo();
    h.mock.stock.setOnHand('CAP-NAVY', 0);
    // When
    const results = await push([set('TEE-BLK-M', 12), set('MUG-12OZ', 12), set('CAP-NAVY', 5), set('BAG-TOTE', 0)]);
    // Then
    expect(results).toEqual([
      { sku: 'TEE-BLK-M', status: 'ok' }, { sku: 'MUG-12OZ', status: 'ok' }, { sku: 'CAP-NAVY', status: 'ok' }, { sku: 'BAG-TOTE', status: 'ok' },
    ]);
    const levels = await pull();
    expect([levels.get('TEE-BLK-M'), levels.get('MUG-12OZ'), levels.get('CAP-NAVY'), levels.get('BAG-TOTE')]).toEqual([12, 12, 5, 0]);
    expect(levels.get('SOCK-3PK')).toBe(MOCK_ON_HAND);
    // One lookup each, one write per distinct figure, one create and one apply for the batch.
    expect(callsTo('stock.location', 'search_read')).toHaveLength(1);
    expect(callsTo('product.product', 'search_read')[0]!.kw.domain).toEqual([['default_code', 'in', ['TEE-BLK-M', 'MUG-12OZ', 'CAP-NAVY', 'BAG-TOTE']]]);
    expect(callsTo('stock.quant', 'search_read')[0]!.kw.domain).toEqual([['product_id', 'in', [101, 103, 104, 105]], ['location_id', '=', MOCK_LOCATIONS.stock.id]]);
    const writes = callsTo('stock.quant', 'write');
    expect(writes.map((w) => [w.ids.length, w.kw.vals, w.context])).toEqual([
      [2, { inventory_quantity: 12 }, { inventory_mode: true }],
      [1, { inventory_quantity: 0 }, { inventory_mode: true }],
    ]);
    const [create] = callsTo('stock.quant', 'create');
    expect(create!.kw.vals_list).toEqual([{ product_id: 104, location_id: MOCK_LOCATIONS.stock.id, inventory_quantity: 5 }]);
    expect(create!.context).toEqual({ inventory_mode: true });
    const applies = callsTo('stock.quant', 'action_apply_inventory');
    expect(applies).toHaveLength(1);
    expect(applies[0]!.ids).toHaveLength(4);
    expect(applies[0]!.context).toEqual({ inventory_name: 'ordersync stock sync' });
    // Odoo books each difference as a done move from/to the inventory-loss location.
    expect(moves().find((m) => m.product_id === 101)).toMatchObject({ location_id: MOCK_LOCATIONS.stock.id, location_dest_id: MOCK_LOCATIONS.loss.id, product_uom_qty: MOCK_ON_HAND - 12, state: 'done' });
    expect(moves().find((m) => m.product_id === 104)).toMatchObject({ location_id: MOCK_LOCATIONS.loss.id, location_dest_id: MOCK_LOCATIONS.stock.id, product_uom_qty: 5 });
  });

  it('rejects an unknown SKU, a service, an untracked consumable and a lot-tracked product, and sets the others', async () => {
    h = await startOdoo();
    h.mock.stock.setProduct('POSTER-A2', { is_storable: false });
    h.mock.stock.setProduct('SOCK-3PK', { tracking: 'lot' });
    const results = await push([set('NOPE-1', 3), set('MUG-12OZ', 7), set('SHIP', 1), set('POSTER-A2', 2), set('SOCK-3PK', 4), set('TEE-WHT-L', 9)]);
    expect(results).toEqual([
      { sku: 'NOPE-1', status: 'rejected', reason: 'no Odoo product has Internal Reference (default_code) "NOPE-1"' },
      { sku: 'MUG-12OZ', status: 'ok' },
      { sku: 'SHIP', status: 'rejected', reason: '"SHIP" is a service product in Odoo, which holds no stock' },
      { sku: 'POSTER-A2', status: 'rejected', reason: expect.stringContaining('"Track Inventory" is off') },
      { sku: 'SOCK-3PK', status: 'rejected', reason: expect.stringContaining('tracked by lots') },
      { sku: 'TEE-WHT-L', status: 'ok' },
    ]);
    const levels = await pull();
    expect([levels.get('MUG-12OZ'), levels.get('TEE-WHT-L'), levels.get('SOCK-3PK')]).toEqual([7, 9, MOCK_ON_HAND]);
  });

  it('one product Odoo refuses (a kit) is rejected with Odoo\'s message; the rest of the batch is created', async () => {
    h = await startOdoo();
    for (const sku of ['CAP-NAVY', 'BAG-TOTE', 'TEE-BLK-L']) h.mock.stock.setOnHand(sku, 0);
    h.mock.stock.setProduct('BAG-TOTE', { is_kits: true });
    const results = await push([set('CAP-NAVY', 2), set('BAG-TOTE', 3), set('TEE-BLK-L', 4)]);
    expect(results).toEqual([
      { sku: 'CAP-NAVY', status: 'ok' },
      { sku: 'BAG-TOTE', status: 'rejected', reason: 'Odoo UserError: You should update the components quantity instead of directly updating the quantity of the kit product.' },
      { sku: 'TEE-BLK-L', status: 'ok' },
    ]);
    // The batch create was refused as a whole, then each product was created on its own.
    expect(callsTo('stock.quant', 'create').map((c) => (c.kw.vals_list as unknown[]).length)).toEqual([3, 1, 1, 1]);
    const levels = await pull();
    expect([levels.get('CAP-NAVY'), levels.get('BAG-TOTE'), levels.get('TEE-BLK-L')]).toEqual([2, 0, 4]);
  });

  it('a second push of the same figures is harmless: nothing is written, applied or moved', async () => {
    h = await startOdoo();
    h.mock.stock.setOnHand('CAP-NAVY', 0);
    const updates = [set('TEE-BLK-M', 12), set('CAP-NAVY', 5), set('BAG-TOTE', 0)];
    await push(updates);
    const movesAfterFirst = moves().length;
    const callsAfterFirst = h.mock.store.calls.length;
    // When the same figures go again
    const again = await push(updates);
    // Then every SKU is ok and Odoo was only read
    expect(again.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(h.mock.store.calls.slice(callsAfterFirst).map((c) => `${c.model}.${c.method}`)).toEqual([
      'stock.location.search_read', 'product.product.fields_get', 'product.product.search_read', 'stock.quant.search_read',
    ]);
    expect(moves()).toHaveLength(movesAfterFirst);
    expect(h.mock.stock.quants('CAP-NAVY')).toHaveLength(1);
    expect((await pull()).get('TEE-BLK-M')).toBe(12);
  });

  it('sets a negative figure as it is (Odoo keeps negative quants)', async () => {
    h = await startOdoo();
    expect(await push([set('MUG-12OZ', -3)])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    expect((await pull()).get('MUG-12OZ')).toBe(-3);
  });

  it('works the same over the legacy JSON-RPC API', async () => {
    h = await startOdoo(rpcSettings);
    h.mock.stock.setOnHand('CAP-NAVY', 0);
    const results = await push([set('TEE-BLK-M', 21), set('CAP-NAVY', 6), set('NOPE-2', 1)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'rejected']);
    const levels = await pull();
    expect([levels.get('TEE-BLK-M'), levels.get('CAP-NAVY')]).toEqual([21, 6]);
    const state = await h.state();
    expect(state.received['jsonrpc common.login']).toBe(1);
    expect(state.received['jsonrpc stock.quant.create']).toBe(1);
    expect(state.received['jsonrpc stock.quant.action_apply_inventory']).toBe(1);
    expect(state.received['json2 stock.quant.create']).toBeUndefined();
    expect(callsTo('stock.quant', 'create')[0]!.context).toEqual({ inventory_mode: true });
  });

  it('a quantity that moved between the count and the apply is answered retry (Odoo opens the conflict wizard)', async () => {
    h = await startOdoo();
    h.mock.stock.moveDuringNextApply('MUG-12OZ', -1);
    const results = await push([set('MUG-12OZ', 40), set('TEE-BLK-M', 30)]);
    expect(results).toEqual([
      { sku: 'MUG-12OZ', status: 'retry', reason: expect.stringContaining('stock.inventory.conflict') },
      { sku: 'TEE-BLK-M', status: 'retry', reason: expect.stringContaining('stock.inventory.conflict') },
    ]);
    // Next run writes the counts again and applies them.
    expect((await push([set('MUG-12OZ', 40), set('TEE-BLK-M', 30)])).map((r) => r.status)).toEqual(['ok', 'ok']);
    expect((await pull()).get('MUG-12OZ')).toBe(40);
  });

  it('a write that fails with a server error fails the whole push (the engine retries every SKU); the next push completes', async () => {
    h = await startOdoo();
    // location, fields_get, products and quants are read; the write answers 500 (writes are not retried in place)
    await h.faults({ next: ['none', 'none', 'none', 'none', 500] });
    await expect(push([set('MUG-12OZ', 11)])).rejects.toThrow('Odoo InternalServerError: injected failure');
    expect((await pull()).get('MUG-12OZ')).toBe(MOCK_ON_HAND);
    expect(await push([set('MUG-12OZ', 11)])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    expect((await pull()).get('MUG-12OZ')).toBe(11);
  });

  it('an access refusal fails the push and says which rights the API user needs', async () => {
    h = await startOdoo();
    await h.faults({ next: ['none', 'none', 'none', 'none', 403] });
    await expect(push([set('MUG-12OZ', 11)])).rejects.toThrow(/give the API user Inventory \/ Administrator rights/);
  });

  it('an empty batch makes no call', async () => {
    h = await startOdoo();
    expect(await push([])).toEqual([]);
    expect(h.mock.store.calls).toEqual([]);
  });
});

describe('odoo stock target: the stockLocation setting', () => {
  it('sets the quantity in the named location; other internal locations keep theirs and add to Odoo\'s on hand', async () => {
    h = await startOdoo({ stockLocation: 'WH/Stock/Shelf 1' });
    expect(await push([set('MUG-12OZ', 7)])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    expect(h.mock.stock.quants('MUG-12OZ').map((q) => [q.location_id, q.quantity])).toEqual([[MOCK_LOCATIONS.stock.id, MOCK_ON_HAND], [MOCK_LOCATIONS.shelf.id, 7]]);
    expect((await pull()).get('MUG-12OZ')).toBe(MOCK_ON_HAND + 7);
  });

  it('takes a location id too', async () => {
    h = await startOdoo({ stockLocation: MOCK_LOCATIONS.stock.id });
    await push([set('MUG-12OZ', 8)]);
    expect((await pull()).get('MUG-12OZ')).toBe(8);
  });

  it('a location Odoo does not have fails the push with a clear error, and nothing is written', async () => {
    h = await startOdoo({ stockLocation: 'WH/Nowhere' });
    await expect(push([set('MUG-12OZ', 8)])).rejects.toThrow('stockLocation "WH/Nowhere": Odoo has no such active stock.location');
    expect(h.mock.store.calls.map((c) => `${c.model}.${c.method}`)).toEqual(['stock.location.search_read']);
    expect((await pull()).get('MUG-12OZ')).toBe(MOCK_ON_HAND);
  });

  it('a view location is refused: quantities live in internal locations', async () => {
    h = await startOdoo({ stockLocation: 'WH' });
    await expect(push([set('MUG-12OZ', 8)])).rejects.toThrow('stockLocation "WH" is a "view" location in Odoo');
  });

  it('defaults to WH/Stock', () => {
    expect(odooTarget.settings.parse({ url: 'https://odoo.example.com', apiKey: 'k' }).stockLocation).toBe('WH/Stock');
  });
});
