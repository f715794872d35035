// The Tryton target against a real trytond 6.0 (Debian 12 packages): a fresh SQLite database,
// the ledger and the push engine delivering created, updated and cancelled orders in three
// currencies, read back field by field through Tryton's own API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { trytonTarget } from '../../connectors/tryton/index.js';
import { TrytonSettings } from '../../connectors/tryton/settings.js';
import { createContext } from '../../src/connector-kit/context.js';
import { systemClock, type Delivery, type Order } from '../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { pushAll } from '../../src/push/push-all.js';
import type { TargetRuntime } from '../../src/push/push-target.js';
import { line, order } from '../connectors/tryton/fixtures.js';
import { openRpc, setUpMasterData, type MasterData, type Rpc } from './tryton/rpc.js';
import { startTrytonServer, trytondMissing, type TrytonServer } from './tryton/server.js';

const missing = trytondMissing();
if (missing) console.warn(`skipping the real Tryton test: ${missing}`);

const SKUS = { 'TEE-BLK-M': 'Logo Tee - Black M', 'MUG-12OZ': 'Mug 12oz', 'CAP-NAVY': 'Cap Navy' };

describe.skipIf(missing !== null)('Tryton target against a real trytond', () => {
  let server: TrytonServer;
  let rpc: Rpc;
  let data: MasterData;
  let dir: string;
  let ledger: Ledger;
  const failures: string[] = [];

  const contextFor = (overrides: Partial<TrytonSettings> = {}) => {
    const settings = TrytonSettings.parse({ url: server.url, database: server.database, username: server.username, password: server.password, ...overrides });
    return createContext({ role: 'target', name: 'erp', settings, secrets: [settings.password], timeoutMs: 20_000 });
  };

  beforeAll(async () => {
    const started = Date.now();
    server = await startTrytonServer();
    try {
      rpc = await openRpc(server);
      data = await setUpMasterData(rpc, SKUS);
    } catch (error) {
      console.error(`Tryton setup failed; server log:\n${server.log()}`);
      throw error;
    }
    dir = mkdtempSync(join(tmpdir(), 'ordersync-ledger-'));
    ledger = openLedger(join(dir, 'ordersync.db'));
    console.info(`trytond ready with master data in ${((Date.now() - started) / 1000).toFixed(1)}s at ${server.url}`);
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failures.push(context.task.name);
  });

  afterAll(async () => {
    if (failures.length > 0 && server) console.error(`failed: ${failures.join(', ')}\n--- Tryton server log ---\n${server.log().slice(-20_000)}`);
    ledger?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  });

  // ---- helpers: our orders, the engine, and Tryton read back ----
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const orderA = order({ externalId: 'A-1', number: '#A1', discountTotal: eur(200) });
  const orderB = order({
    externalId: 'B-1', number: '#B1', currency: 'USD', lines: [line('CAP-NAVY', 3, 2450, 'USD', 'Cap Navy')],
    shippingTotal: { amount: 0, currency: 'USD' }, customer: { email: 'grace@example.com', name: 'Grace Hopper', phone: null },
  });
  const orderC = order({ externalId: 'C-1', number: '#C1', lines: [line('MUG-12OZ', 4, 1800, 'EUR', 'Mug 12oz')] });
  const orderD = order({
    externalId: 'D-1', number: '#D1', currency: 'JPY', lines: [line('TEE-BLK-M', 1, 2500, 'JPY', 'Logo Tee - Black M')],
    shippingTotal: { amount: 0, currency: 'JPY' }, customer: { email: 'ken@example.com', name: 'Ken Thompson', phone: null },
  });
  const later = (o: Order, changes: Partial<Order>): Order => ({ ...o, updatedAt: '2025-03-15T09:00:00Z', ...changes });

  const runtime = (): TargetRuntime => ({ name: 'erp', definition: trytonTarget, ctx: contextFor() as TargetRuntime['ctx'], rateLimit: trytonTarget.rateLimit });
  const push = async () => {
    const [result] = await pushAll(ledger, [runtime()], { maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 50, maxWaitMs: 0, clock: systemClock });
    return result!;
  };
  const commit = (orders: Order[]) => ledger.orders.commitPage({
    channel: 'shop', orders: orders.map((o) => ({ order: o, targets: ['erp'], moneyDifference: 0 })), rejected: [], checkpoint: null,
  });

  interface SaleRow { id: number; number: string | null; state: string; currency: number; party: number; reference: string; shipment_address: number; invoice_address: number;
    untaxed_amount: { decimal: string }; tax_amount: { decimal: string }; total_amount: { decimal: string }; sale_date: unknown; description: string }
  interface LineRow { product: number | null; quantity: number; unit_price: { decimal: string }; amount: { decimal: string }; description: string; unit: number | null }

  const salesFor = (reference: string) => rpc.model<SaleRow[]>('sale.sale', 'search_read', [['reference', '=', reference]], 0, null, [['id', 'ASC']],
    ['number', 'state', 'currency', 'party', 'reference', 'shipment_address', 'invoice_address', 'untaxed_amount', 'tax_amount', 'total_amount', 'sale_date', 'description']);
  const linesOf = async (sale: number) => (await rpc.model<LineRow[]>('sale.line', 'search_read', [['sale', '=', sale]], 0, null, [['sequence', 'ASC'], ['id', 'ASC']],
    ['product', 'quantity', 'unit_price', 'amount', 'description', 'unit']))
    .map((l) => [l.product, l.quantity, l.unit_price.decimal, l.amount.decimal, l.description, l.unit]);
  const oneSale = async (reference: string) => {
    const sales = await salesFor(reference);
    expect(sales).toHaveLength(1);
    return sales[0]!;
  };

  it('pushes new orders in EUR, USD and JPY through the engine as quotations', async () => {
    expect(commit([orderA, orderB, orderC, orderD])).toMatchObject({ created: 4, deliveries: 4 });
    const result = await push();
    expect(ledger.deliveries.listDead().map((d) => `${d.externalId}: ${d.lastError}`)).toEqual([]);
    expect(result).toMatchObject({ done: 4, dead: 0, retried: 0, error: null });

    const { products: p, unit } = data;
    const a = await oneSale('shop:A-1');
    expect(a).toMatchObject({ state: 'quotation', currency: data.currencies.EUR, description: 'woocommerce order #A1', sale_date: { __class__: 'date', year: 2025, month: 3, day: 14 } });
    expect(a.number).toMatch(/^\d+$/);
    expect(await linesOf(a.id)).toEqual([
      [p['TEE-BLK-M'], 2, '19.95', '39.90', 'Logo Tee - Black M', unit],
      [p['MUG-12OZ'], 1, '18.00', '18.00', 'Mug 12oz', unit],
      [null, 1, '4.95', '4.95', 'Shipping', null],
      [null, 1, '-2.00', '-2.00', 'Discount', null],
    ]);
    expect(a.untaxed_amount.decimal).toBe('60.85'); // 39.90 + 18.00 + 4.95 − 2.00
    expect(a.tax_amount.decimal).toBe('0');
    expect(a.total_amount.decimal).toBe('60.85');

    const [party] = await rpc.model<{ name: string; email: string; phone: string; addresses: number[] }[]>('party.party', 'read', [a.party], ['name', 'email', 'phone', 'addresses']);
    expect(party).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', addresses: [a.shipment_address] });
    const [address] = await rpc.model<{ street: string; postal_code: string; city: string; party: number }[]>('party.address', 'read', [a.shipment_address], ['street', 'postal_code', 'city', 'party']);
    expect(address).toEqual({ id: a.shipment_address, street: '12 Analytical Row', postal_code: 'N1 9GU', city: 'London', party: a.party });
    expect(a.invoice_address).toBe(a.shipment_address);

    const b = await oneSale('shop:B-1');
    expect(b).toMatchObject({ state: 'quotation', currency: data.currencies.USD });
    expect(await linesOf(b.id)).toEqual([[p['CAP-NAVY'], 3, '24.50', '73.50', 'Cap Navy', unit]]);
    expect(b.total_amount.decimal).toBe('73.50');

    const c = await oneSale('shop:C-1');
    expect(c.total_amount.decimal).toBe('76.95'); // 4 × 18.00 + 4.95
    expect(c.party).toBe(a.party); // the same e-mail: the same party

    const d = await oneSale('shop:D-1');
    expect(d).toMatchObject({ state: 'quotation', currency: data.currencies.JPY });
    expect(await linesOf(d.id)).toEqual([[p['TEE-BLK-M'], 1, '2500', '2500', 'Logo Tee - Black M', unit]]);
    expect(d.total_amount.decimal).toBe('2500');
  });

  it('delivers an update as rewritten lines of the same quotation, and a cancellation as a cancelled sale', async () => {
    const before = await oneSale('shop:A-1');
    const updatedA = later(orderA, { lines: [line('TEE-BLK-M', 3, 1995, 'EUR', 'Logo Tee - Black M'), line('CAP-NAVY', 1, 2450, 'EUR', 'Cap Navy')] });
    const cancelledC = later(orderC, { fulfillmentStatus: 'cancelled' });
    expect(commit([updatedA, cancelledC])).toMatchObject({ updated: 1, cancelled: 1, deliveries: 2 });
    const result = await push();
    expect(ledger.deliveries.listDead().map((d) => `${d.externalId}: ${d.lastError}`)).toEqual([]);
    expect(result).toMatchObject({ done: 2, dead: 0 });

    const a = await oneSale('shop:A-1');
    expect(a).toMatchObject({ id: before.id, number: before.number, state: 'quotation' });
    expect(await linesOf(a.id)).toEqual([
      [data.products['TEE-BLK-M'], 3, '19.95', '59.85', 'Logo Tee - Black M', data.unit],
      [data.products['CAP-NAVY'], 1, '24.50', '24.50', 'Cap Navy', data.unit],
      [null, 1, '4.95', '4.95', 'Shipping', null],
      [null, 1, '-2.00', '-2.00', 'Discount', null],
    ]);
    expect(a.total_amount.decimal).toBe('87.30'); // 59.85 + 24.50 + 4.95 − 2.00
    expect((await oneSale('shop:C-1')).state).toBe('cancelled');
    expect(ledger.deliveries.counts().erp).toMatchObject({ done: 6, dead: 0 });
  });

  it('redelivering the same delivery (a crash before the ledger update) makes no second sale', async () => {
    const ctx = contextFor();
    const replay: Delivery = {
      id: 9_001, idempotencyKey: 'replay:B', attempt: 2, previousExternalRef: null,
      event: { id: 'replay:B', type: 'order.created', occurredAt: orderB.updatedAt, order: orderB },
    };
    const first = await trytonTarget.deliver(ctx, replay);
    const second = await trytonTarget.deliver(ctx, replay);
    const b = await oneSale('shop:B-1');
    expect(first).toEqual({ status: 'ok', externalRef: String(b.id) });
    expect(second).toEqual(first);
    expect(await rpc.model<number>('sale.sale', 'search_count', [])).toBe(4);
    expect(await linesOf(b.id)).toHaveLength(1);
  });

  it('confirms when configured, and then refuses updates and cancellations with "needs manual action"', async () => {
    const ctx = contextFor({ saleState: 'confirmed' });
    const e = order({ externalId: 'E-1', number: '#E1', lines: [line('MUG-12OZ', 2, 1800, 'EUR', 'Mug 12oz')] });
    const created = await trytonTarget.deliver(ctx, { id: 9_002, idempotencyKey: 'e:1', attempt: 1, previousExternalRef: null, event: { id: 'e:1', type: 'order.created', occurredAt: e.updatedAt, order: e } });
    expect(created.status).toBe('ok');
    const sale = await oneSale('shop:E-1');
    // Processing needs a chart of accounts this database lacks, so Tryton's queue leaves it confirmed.
    expect(['confirmed', 'processing']).toContain(sale.state);
    expect(sale.total_amount.decimal).toBe('40.95');

    const changed = later(e, { lines: [line('MUG-12OZ', 5, 1800, 'EUR', 'Mug 12oz')] });
    const update = await trytonTarget.deliver(ctx, { id: 9_003, idempotencyKey: 'e:2', attempt: 1, previousExternalRef: String(sale.id), event: { id: 'e:2', type: 'order.updated', occurredAt: changed.updatedAt, order: changed } });
    expect(update).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: sale .* is (confirmed|processing) in Tryton/) });
    const cancelled = later(e, { fulfillmentStatus: 'cancelled' });
    const cancel = await trytonTarget.deliver(ctx, { id: 9_004, idempotencyKey: 'e:3', attempt: 1, previousExternalRef: String(sale.id), event: { id: 'e:3', type: 'order.cancelled', occurredAt: cancelled.updatedAt, order: cancelled } });
    expect(cancel).toMatchObject({ status: 'rejected', reason: expect.stringContaining('can no longer be cancelled through the API') });
    expect((await oneSale('shop:E-1')).state).toBe(sale.state);
    expect(await linesOf(sale.id)).toEqual([[data.products['MUG-12OZ'], 2, '18.00', '36.00', 'Mug 12oz', data.unit], [null, 1, '4.95', '4.95', 'Shipping', null]]);
  });

  it('pullStock reads back a quantity set by a confirmed inventory of the warehouse storage', async () => {
    const [warehouse] = await rpc.model<{ id: number; code: string; storage_location: number }[]>('stock.location', 'search_read', [['type', '=', 'warehouse']], 0, 1, [['id', 'ASC']], ['code', 'storage_location']);
    const [inventory] = await rpc.model<number[]>('stock.inventory', 'create', [{
      location: warehouse!.storage_location, company: data.company,
      lines: [['create', [{ product: data.products['CAP-NAVY'], quantity: 7 }]]],
    }]);
    await rpc.model('stock.inventory', 'confirm', [inventory]);
    const levels = new Map<string, number>();
    for await (const page of trytonTarget.pullStock!(contextFor())) for (const l of page.levels) levels.set(`${l.sku}@${l.location}`, l.onHand);
    expect(levels.get(`CAP-NAVY@${warehouse!.code}`)).toBe(7);
    expect(levels.get(`TEE-BLK-M@${warehouse!.code}`)).toBeLessThanOrEqual(0);
  });

  it('pushStock sets levels with a confirmed inventory (up, down to 0, unknown code refused), read back by pullStock; a repeat changes nothing', async () => {
    const [warehouse] = await rpc.model<{ id: number; code: string; storage_location: number }[]>('stock.location', 'search_read', [['type', '=', 'warehouse']], 0, 1, [['id', 'ASC']], ['code', 'storage_location']);
    const ctx = contextFor({ stockWarehouse: warehouse!.code });
    const pull = async () => {
      const levels = new Map<string, number>();
      for await (const page of trytonTarget.pullStock!(contextFor())) for (const l of page.levels) if (l.location === warehouse!.code) levels.set(l.sku, l.onHand);
      return levels;
    };
    const counts = async () => ({
      inventories: await rpc.model<number>('stock.inventory', 'search_count', []),
      moves: await rpc.model<number>('stock.move', 'search_count', []),
    });
    // Given CAP-NAVY at 6 and TEE-BLK-M below 12 (quotations only in this database: no moves for them)
    expect(await trytonTarget.pushStock!(ctx, [{ sku: 'CAP-NAVY', quantity: 6, previous: null }])).toEqual([{ sku: 'CAP-NAVY', status: 'ok' }]);
    const before = await pull();
    expect(before.get('CAP-NAVY')).toBe(6);
    expect(before.get('TEE-BLK-M')).toBeLessThan(12);

    // When one goes up, one goes down to 0, and one code is unknown
    const updates = [{ sku: 'TEE-BLK-M', quantity: 12, previous: null }, { sku: 'CAP-NAVY', quantity: 0, previous: 6 }, { sku: 'NO-SUCH-SKU', quantity: 3, previous: null }];
    const answers = await trytonTarget.pushStock!(ctx, updates);

    // Then
    expect(answers).toEqual([
      { sku: 'TEE-BLK-M', status: 'ok' },
      { sku: 'CAP-NAVY', status: 'ok' },
      { sku: 'NO-SUCH-SKU', status: 'rejected', reason: 'no active Tryton product has code "NO-SUCH-SKU"' },
    ]);
    const after = await pull();
    expect([after.get('TEE-BLK-M'), after.get('CAP-NAVY'), after.has('NO-SUCH-SKU')]).toEqual([12, 0, false]);
    const [inventory] = await rpc.model<{ id: number; state: string; location: number; lines: number[] }[]>('stock.inventory', 'search_read', [], 0, 1, [['id', 'DESC']], ['state', 'location', 'lines']);
    expect(inventory).toMatchObject({ state: 'done', location: warehouse!.storage_location });
    const lines = await rpc.model<{ product: number; quantity: number; expected_quantity: number }[]>('stock.inventory.line', 'read', inventory!.lines, ['product', 'quantity', 'expected_quantity']);
    expect(lines.map((l) => [l.product, l.quantity, l.expected_quantity]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      [[data.products['TEE-BLK-M'], 12, before.get('TEE-BLK-M')], [data.products['CAP-NAVY'], 0, 6]].sort((a, b) => a[0]! - b[0]!),
    );

    // And the same push again finds every level in place: no inventory, no move
    const settled = await counts();
    expect(await trytonTarget.pushStock!(ctx, updates)).toEqual(answers);
    expect(await counts()).toEqual(settled);
    expect(await pull()).toEqual(after);

    await expect(trytonTarget.pushStock!(contextFor({ stockWarehouse: 'NO-SUCH-WAREHOUSE' }), updates))
      .rejects.toThrow(`Tryton has no warehouse with code or name "NO-SUCH-WAREHOUSE" (stockWarehouse); its warehouses: ${warehouse!.code}`);
  });

  it('rejects an unknown SKU without creating anything, and reports refused credentials as unauthorized', async () => {
    const f = order({ externalId: 'F-1', lines: [line('NO-SUCH-SKU', 1, 100)] });
    const unknown = await trytonTarget.deliver(contextFor(), { id: 9_005, idempotencyKey: 'f:1', attempt: 1, previousExternalRef: null, event: { id: 'f:1', type: 'order.created', occurredAt: f.updatedAt, order: f } });
    expect(unknown).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no Tryton product has code "NO-SUCH-SKU"') });
    expect(await salesFor('shop:F-1')).toHaveLength(0);

    const refused = await trytonTarget.deliver(contextFor({ password: 'not-the-password' }), { id: 9_006, idempotencyKey: 'f:2', attempt: 1, previousExternalRef: null, event: { id: 'f:2', type: 'order.created', occurredAt: orderA.updatedAt, order: orderA } });
    expect(refused).toMatchObject({ status: 'unauthorized', reason: expect.stringContaining('HTTP 401') });
    await expect(trytonTarget.verify!(contextFor())).resolves.toBeUndefined();
  });

  it('pushStock counts the storage location itself and allows for stock in its sub-locations', async () => {
    const [warehouse] = await rpc.model<{ code: string; storage_location: number }[]>('stock.location', 'search_read', [['type', '=', 'warehouse']], 0, 1, [['id', 'ASC']], ['code', 'storage_location']);
    const [bin] = await rpc.model<number[]>('stock.location', 'create', [{ name: 'Bin A', code: 'BIN-A', type: 'storage', parent: warehouse!.storage_location }]);
    const [counted] = await rpc.model<number[]>('stock.inventory', 'create', [{ location: bin, company: data.company, lines: [['create', [{ product: data.products['CAP-NAVY'], quantity: 4 }]]] }]);
    await rpc.model('stock.inventory', 'confirm', [counted]);
    const level = async () => {
      for await (const page of trytonTarget.pullStock!(contextFor())) for (const l of page.levels) if (l.sku === 'CAP-NAVY' && l.location === warehouse!.code) return l.onHand;
      return undefined;
    };
    const before = await level();
    expect(before).toBeGreaterThanOrEqual(4); // the bin's 4 count in the warehouse

    expect(await trytonTarget.pushStock!(contextFor(), [{ sku: 'CAP-NAVY', quantity: 10, previous: null }])).toEqual([{ sku: 'CAP-NAVY', status: 'ok' }]);
    expect(await level()).toBe(10);
    const [inventory] = await rpc.model<{ location: number; lines: number[] }[]>('stock.inventory', 'search_read', [], 0, 1, [['id', 'DESC']], ['location', 'lines']);
    expect(inventory!.location).toBe(warehouse!.storage_location);
    expect(await rpc.model('stock.inventory.line', 'read', inventory!.lines, ['quantity', 'expected_quantity'])).toEqual([
      { id: inventory!.lines[0], quantity: 6, expected_quantity: before! - 4 },
    ]);

    const [refused] = await trytonTarget.pushStock!(contextFor(), [{ sku: 'CAP-NAVY', quantity: 3, previous: 10 }]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.stringContaining(`4 of "CAP-NAVY" are in sub-locations of warehouse ${warehouse!.code}`) });
    expect(await level()).toBe(10);
  });

  // Last: it adds a second warehouse for a moment (sales default to the only active warehouse).
  it('pushStock into a warehouse without lost-and-found: Tryton refuses the confirm, the push fails and leaves no draft inventory', async () => {
    const storage = await rpc.model<number[]>('stock.location', 'create', [{ name: 'Bare Storage', code: 'BARE-STO', type: 'storage' }]);
    const input = await rpc.model<number[]>('stock.location', 'create', [{ name: 'Bare Input', code: 'BARE-IN', type: 'storage' }]);
    const output = await rpc.model<number[]>('stock.location', 'create', [{ name: 'Bare Output', code: 'BARE-OUT', type: 'storage' }]);
    const [bare] = await rpc.model<number[]>('stock.location', 'create', [{
      name: 'Bare Warehouse', code: 'BARE', type: 'warehouse', storage_location: storage[0], input_location: input[0], output_location: output[0],
    }]);
    try {
      const inventories = await rpc.model<number>('stock.inventory', 'search_count', []);
      await expect(trytonTarget.pushStock!(contextFor({ stockWarehouse: 'BARE' }), [{ sku: 'MUG-12OZ', quantity: 3, previous: null }]))
        .rejects.toThrow(/Tryton refused model\.stock\.inventory\.confirm: To confirm the inventory ".*" you must set a lost and found on a parent of location "Bare Storage"/);
      expect(await rpc.model<number>('stock.inventory', 'search_count', [])).toBe(inventories);
    } finally {
      // Deactivated rather than deleted (Tryton refuses deleting a warehouse's zones): searches,
      // pullStock and the sale's default warehouse leave inactive locations out.
      await rpc.model('stock.location', 'write', [bare, storage[0], input[0], output[0]], { active: false });
      expect(await rpc.model<number>('stock.location', 'search_count', [['type', '=', 'warehouse']])).toBe(1);
    }
  });
});
