// Tryton as a stock target (`stock.targets`): pushStock sets on-hand quantities with a confirmed
// stock.inventory of one warehouse's storage location, over real HTTP against the mock, and
// pullStock reads the new levels back.
import { afterEach, describe, expect, it } from 'vitest';
import { trytonTarget } from '../../connectors/tryton/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/tryton/mock.js';
import { MOCK_ON_HAND, MOCK_WAREHOUSE_CODE as WH } from '../../connectors/tryton/mock-stock.js';
import type { MockInventory } from '../../connectors/tryton/mock-inventory.js';
import { createContext } from '../../src/connector-kit/context.js';
import type { StockUpdate } from '../../src/connector-kit/index.js';
import type { Logger } from '../../src/connector-kit/logger.js';
import type { TrytonSettings } from '../../connectors/tryton/settings.js';
import { startHarness, type Harness } from '../connectors/tryton/fixtures.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

// The harness's 0.3 s request timeout is meant for injected timeouts, which these tests do not use;
// a loaded machine (the whole suite at once) can take longer to answer a pull of every product.
async function start(overrides: Partial<TrytonSettings> = {}): Promise<Harness> {
  const harness = await startHarness(overrides);
  const { settings } = harness;
  harness.ctx = createContext({ role: 'target', name: 'erp', settings, timeoutMs: 5_000, secrets: [settings.password] });
  return harness;
}

const push = (updates: [string, number][], ctx = h.ctx) =>
  trytonTarget.pushStock!(ctx, updates.map(([sku, quantity]): StockUpdate => ({ sku, quantity, previous: null })));

async function pull(): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for await (const page of trytonTarget.pullStock!(h.ctx)) for (const l of page.levels) levels.set(`${l.sku}@${l.location}`, l.onHand);
  return levels;
}

async function state(): Promise<{ received: Record<string, number>; inventories: MockInventory[] }> {
  return (await h.state()) as unknown as { received: Record<string, number>; inventories: MockInventory[] };
}

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  const auth = Buffer.from(`${MOCK_CREDENTIALS.username}:${MOCK_CREDENTIALS.password}`).toString('base64');
  const response = await fetch(`${h.mock.url}/${MOCK_CREDENTIALS.database}/`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${auth}` }, body: JSON.stringify({ id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe('tryton stock target', () => {
  it('sets levels up, down and to zero with one confirmed inventory, read back by pullStock; a repeat changes nothing', async () => {
    h = await start();
    const updates: [string, number][] = [['MUG-12OZ', 4], ['CAP-NAVY', 40], ['BAG-TOTE', 0], ['TEE-BLK-M', MOCK_ON_HAND]];

    const answers = await push(updates);

    expect(answers).toEqual(updates.map(([sku]) => ({ sku, status: 'ok' })));
    const levels = await pull();
    expect([levels.get(`MUG-12OZ@${WH}`), levels.get(`CAP-NAVY@${WH}`), levels.get(`BAG-TOTE@${WH}`), levels.get(`TEE-BLK-M@${WH}`)]).toEqual([4, 40, 0, MOCK_ON_HAND]);
    const first = await state();
    expect(first.received['model.product.product.search_read']).toBe(1 + 1); // the push's lookup + pullStock's page
    expect(first.received['model.stock.inventory.create']).toBe(1);
    expect(first.received['model.stock.inventory.confirm']).toBe(1);
    // The product already at its level gets no line; expected quantities are Tryton's (25 each).
    expect(first.inventories).toEqual([{
      id: 1, number: '1', location: 'STO', state: 'done', emptyQuantity: 'keep',
      lines: [
        { sku: 'MUG-12OZ', expected: MOCK_ON_HAND, quantity: 4 },
        { sku: 'CAP-NAVY', expected: MOCK_ON_HAND, quantity: 40 },
        { sku: 'BAG-TOTE', expected: MOCK_ON_HAND, quantity: 0 },
      ].sort((a, b) => skuOrder(a.sku) - skuOrder(b.sku)),
    }]);

    expect(await push(updates)).toEqual(updates.map(([sku]) => ({ sku, status: 'ok' })));
    expect((await state()).inventories).toHaveLength(1); // nothing to count: no second inventory
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(4);
  });

  it('rejects unknown codes, services, negative and fractional quantities, and sets the others', async () => {
    h = await start();
    await rpc('model.product.product.create', [[{ code: 'SERVICE-1', name: 'Setup fee', type: 'service', salable: true, default_uom: 1 }], {}]);

    const answers = await push([['NO-SUCH-SKU', 3], ['MUG-12OZ', 9], ['SERVICE-1', 1], ['CAP-NAVY', -2], ['BAG-TOTE', 1.5], ['TEE-WHT-L', 2]]);

    expect(answers).toEqual([
      { sku: 'NO-SUCH-SKU', status: 'rejected', reason: 'no active Tryton product has code "NO-SUCH-SKU"' },
      { sku: 'MUG-12OZ', status: 'ok' },
      { sku: 'SERVICE-1', status: 'rejected', reason: expect.stringMatching(/"SERVICE-1" \(id \d+\) is of type service, which holds no stock/) },
      { sku: 'CAP-NAVY', status: 'rejected', reason: expect.stringContaining('negative') },
      { sku: 'BAG-TOTE', status: 'rejected', reason: expect.stringContaining('not a whole number') },
      { sku: 'TEE-WHT-L', status: 'ok' },
    ]);
    const levels = await pull();
    expect(levels.get(`MUG-12OZ@${WH}`)).toBe(9);
    expect(levels.get(`TEE-WHT-L@${WH}`)).toBe(2);
    expect(levels.get(`CAP-NAVY@${WH}`)).toBe(MOCK_ON_HAND);
    expect((await state()).inventories[0]!.lines.map((l) => l.sku).sort()).toEqual(['MUG-12OZ', 'TEE-WHT-L']);
  });

  it('an unknown stockWarehouse fails the whole push with the warehouses there are, before anything is written', async () => {
    h = await start({ stockWarehouse: 'NOPE' });
    h.api.stock.addWarehouse('WH2', 'Overflow');
    await expect(push([['MUG-12OZ', 1]])).rejects.toThrow('Tryton has no warehouse with code or name "NOPE" (stockWarehouse); its warehouses: WH (Warehouse), WH2 (Overflow)');
    const { received } = await state();
    expect(received['model.product.product.search_read']).toBeUndefined();
    expect(received['model.stock.inventory.create']).toBeUndefined();
  });

  it('stockWarehouse picks a warehouse by code or by name; the others are left alone', async () => {
    h = await start({ stockWarehouse: 'WH2' });
    h.api.stock.addWarehouse('WH2', 'Overflow');
    expect(await push([['MUG-12OZ', 6]])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    expect(await push([['CAP-NAVY', 2]], { ...h.ctx, settings: { ...h.ctx.settings, stockWarehouse: 'Overflow' } })).toEqual([{ sku: 'CAP-NAVY', status: 'ok' }]);
    const levels = await pull();
    expect([levels.get('MUG-12OZ@WH2'), levels.get('CAP-NAVY@WH2'), levels.get(`MUG-12OZ@${WH}`)]).toEqual([6, 2, MOCK_ON_HAND]);
    expect((await state()).inventories.map((i) => i.location)).toEqual(['WH2-STO', 'WH2-STO']);
  });

  it('counts the storage location itself: stock in a sub-location stays and is allowed for', async () => {
    h = await start();
    h.api.stock.addSubLocation('BIN-1', 'Bin 1');
    h.api.stock.setOnHandIn('BIN-1', 'MUG-12OZ', 5);
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(MOCK_ON_HAND + 5);

    expect(await push([['MUG-12OZ', 12], ['CAP-NAVY', MOCK_ON_HAND]])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }, { sku: 'CAP-NAVY', status: 'ok' }]);
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(12);
    expect((await state()).inventories[0]!.lines).toEqual([{ sku: 'MUG-12OZ', expected: MOCK_ON_HAND, quantity: 7 }]);

    const [refused] = await push([['MUG-12OZ', 3]]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.stringContaining('5 of "MUG-12OZ" are in sub-locations of warehouse WH') });
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(12);
  });

  it('a confirm Tryton refuses fails the push and deletes the draft inventory', async () => {
    h = await start({ stockWarehouse: 'WH3' });
    h.api.stock.addWarehouse('WH3', 'No lost and found', { lostFound: false });
    await expect(push([['MUG-12OZ', 1]])).rejects.toThrow(/Tryton refused model\.stock\.inventory\.confirm: To confirm the inventory "1" you must set a lost and found/);
    const { inventories, received } = await state();
    expect(received['model.stock.inventory.delete']).toBe(1);
    expect(inventories).toEqual([]);
  });

  it('a transient failure of the confirm answers retry for its lines only, and leaves no draft behind', async () => {
    h = await start();
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error() {} };
    h.ctx = { ...h.ctx, log };
    // login, preferences, warehouses, product lookup, sub-location read, inventory create — then the confirm fails.
    await h.faults({ next: [...Array<'none'>(6).fill('none'), '500'] });

    const answers = await push([['MUG-12OZ', 2], ['CAP-NAVY', MOCK_ON_HAND], ['NO-SUCH-SKU', 1]]);

    expect(answers).toEqual([
      { sku: 'MUG-12OZ', status: 'retry', reason: expect.stringContaining('500') },
      { sku: 'CAP-NAVY', status: 'ok' },
      { sku: 'NO-SUCH-SKU', status: 'rejected', reason: expect.any(String) },
    ]);
    expect((await state()).inventories).toEqual([]);
    expect(warnings).toEqual([]);
    expect(await push([['MUG-12OZ', 2]])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(2);
  });

  it('answers a SKU sent twice once per entry: the same quantity is set, conflicting ones are refused', async () => {
    h = await start();
    const answers = await push([['MUG-12OZ', 3], ['MUG-12OZ', 3], ['CAP-NAVY', 1], ['CAP-NAVY', 2]]);
    expect(answers.map((a) => `${a.sku}:${a.status}`)).toEqual(['MUG-12OZ:ok', 'MUG-12OZ:ok', 'CAP-NAVY:rejected', 'CAP-NAVY:rejected']);
    expect((await pull()).get(`MUG-12OZ@${WH}`)).toBe(3);
    expect((await pull()).get(`CAP-NAVY@${WH}`)).toBe(MOCK_ON_HAND);
  });
});

// Inventory lines read back ordered by product (id), as Tryton orders them.
const CATALOGUE_ORDER = ['TEE-BLK-M', 'TEE-WHT-L', 'MUG-12OZ', 'CAP-NAVY', 'BAG-TOTE'];
function skuOrder(sku: string): number {
  return CATALOGUE_ORDER.indexOf(sku);
}
