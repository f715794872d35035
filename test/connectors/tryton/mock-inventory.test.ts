// The mock's stock.inventory answers as trytond 6.0's modules/stock inventory.py does: expected
// quantities computed on create, confirm moving the difference, Tryton's refusals in its words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, createTrytonMock, type TrytonMockApi } from '../../../connectors/tryton/mock.js';
import { MOCK_ON_HAND } from '../../../connectors/tryton/mock-stock.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';

let api: TrytonMockApi;
let mock: RunningMock;
beforeEach(async () => {
  api = createTrytonMock({ seed: 1 });
  mock = await startMock(api, { port: 0 });
});
afterEach(async () => { await mock.close(); });

const BASIC = `Basic ${Buffer.from(`${MOCK_CREDENTIALS.username}:${MOCK_CREDENTIALS.password}`).toString('base64')}`;

async function call(method: string, ...params: unknown[]): Promise<{ result?: unknown; error?: unknown }> {
  const response = await fetch(`${mock.url}/${MOCK_CREDENTIALS.database}/`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: BASIC },
    body: JSON.stringify({ id: 1, method, params: [...params, { company: 1 }] }),
  });
  return (await response.json()) as { result?: unknown; error?: unknown };
}

async function ids(model: string, domain: unknown[]): Promise<number[]> {
  return (await call(`model.${model}.search`, domain, 0, null, null)).result as number[];
}

async function storage(): Promise<number> {
  return (await ids('stock.location', [['code', '=', 'STO']]))[0]!;
}

async function product(code: string): Promise<number> {
  return (await ids('product.product', [['code', '=', code]]))[0]!;
}

describe('stock.inventory', () => {
  it('computes expected quantities on create and moves the difference to lost-and-found on confirm', async () => {
    const mug = await product('MUG-12OZ');
    const created = await call('model.stock.inventory.create', [{ location: await storage(), lines: [['create', [{ product: mug, quantity: 3 }]]] }]);
    const [id] = created.result as number[];
    const [line] = (await call('model.stock.inventory.line.search_read', [['inventory', '=', id]], 0, null, null, ['expected_quantity', 'quantity'])).result as Record<string, unknown>[];
    expect(line).toMatchObject({ expected_quantity: MOCK_ON_HAND, quantity: 3 });

    expect(await call('model.stock.inventory.confirm', [id])).toEqual({ id: 1, result: null });
    const moves = (await call('model.stock.move.search_read', [], 0, null, null, ['product', 'from_location', 'quantity', 'state'])).result;
    expect(moves).toEqual([{ id: 1, product: mug, from_location: await storage(), quantity: MOCK_ON_HAND - 3, state: 'done' }]);
    expect(api.stock.inventories()[0]).toMatchObject({ state: 'done', lines: [{ sku: 'MUG-12OZ', expected: MOCK_ON_HAND, quantity: 3 }] });
    // A done inventory cannot be deleted (Inventory.delete cancels first, which skips a done one).
    expect((await call('model.stock.inventory.delete', [id])).error).toEqual(['UserError', ['To delete inventory "1" you must cancel it.', '', null]]);
  });

  it('refuses a line without quantity unless empty_quantity says what to do', async () => {
    const mug = await product('MUG-12OZ');
    const [id] = (await call('model.stock.inventory.create', [{ location: await storage(), lines: [['create', [{ product: mug }]]] }])).result as number[];
    expect((await call('model.stock.inventory.confirm', [id])).error).toEqual(['UserError', ['To confirm the inventory "1" you must select an option for empty quantity.', '', null]]);
    await call('model.stock.inventory.write', [id], { empty_quantity: 'keep' });
    expect((await call('model.stock.inventory.confirm', [id])).result).toBeNull();
    expect(api.stock.inventories()[0]!.state).toBe('done');
    expect((await call('model.stock.move.search_count', [])).result).toBe(0);
  });

  it('refuses services, negative counts and a location that is not storage, creating nothing', async () => {
    await call('model.product.product.create', [{ code: 'SERVICE-1', name: 'Setup fee', type: 'service', default_uom: 1 }]);
    const service = await product('SERVICE-1');
    const refusals = [
      await call('model.stock.inventory.create', [{ location: await storage(), lines: [['create', [{ product: service, quantity: 1 }]]] }]),
      await call('model.stock.inventory.create', [{ location: await storage(), lines: [['create', [{ product: await product('MUG-12OZ'), quantity: -1 }]]] }]),
      await call('model.stock.inventory.create', [{ location: (await ids('stock.location', [['type', '=', 'warehouse']]))[0] }]),
    ];
    expect(refusals.map((r) => (r.error as [string, [string]])[1][0])).toEqual([
      'The value for field "Product" in "Stock Inventory Line" is not valid according to its domain.',
      'Inventory line quantity must be positive.',
      'The value for field "Location" in "Stock Inventory" is not valid according to its domain.',
    ]);
    expect(api.stock.inventories()).toEqual([]);
  });

  it('deletes a draft inventory with its lines', async () => {
    const [id] = (await call('model.stock.inventory.create', [{ location: await storage(), lines: [['create', [{ product: await product('MUG-12OZ'), quantity: 1 }]]] }])).result as number[];
    expect((await call('model.stock.inventory.delete', [id])).result).toBeNull();
    expect(api.stock.inventories()).toEqual([]);
    expect((await call('model.stock.inventory.line.search_count', [])).result).toBe(0);
  });
});
