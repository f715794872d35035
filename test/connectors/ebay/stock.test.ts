// pushStock for eBay over real HTTP against the mock, on a fake clock the mock shares:
// bulkUpdatePriceQuantity 25 SKUs a call with a sell.inventory token, per-SKU statusCode/errors
// (an unknown SKU is refused with 25702, the others land), a throttled call's SKUs retried next
// run without losing the other calls, quantities kept and read back with getInventoryItem, and the
// answers checked against eBay's Inventory API OpenAPI contract.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { mintUserToken } from '../../../connectors/ebay/client.js';
import { MOCK_SOLD_PRODUCTS } from '../../../connectors/ebay/mock-data.js';
import { MOCK_INITIAL_QUANTITY } from '../../../connectors/ebay/mock-stock.js';
import { INVENTORY_SCOPE, WRITE_SCOPE, type EbaySettings } from '../../../connectors/ebay/settings.js';
import type { ConnectorContext, StockUpdate } from '../../../src/connector-kit/index.js';
import { startHarness, type Harness } from './harness.js';
import { violations, type Spec } from './spec-check.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SPEC_FILE = resolve(process.cwd(), '../shared/reference/specs/ebay-sell-inventory-v1.json');
const spec = existsSync(SPEC_FILE) ? (JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec) : undefined;
const INVENTORY = '/sell/inventory/v1';

let h: Harness;
let ctx: ConnectorContext<EbaySettings>;
beforeEach(async () => {
  h = await startHarness({ orders: 3 });
  ctx = h.context();
});
afterEach(() => h.close());

const state = () => h.control<Raw>('state');
const faults = (next: (string | number)[]) => h.control('faults', { next });
const push = (updates: StockUpdate[]) => ebayChannel.pushStock!(ctx, updates);
const update = (sku: string, quantity: number): StockUpdate => ({ sku, quantity, previous: null });

async function call(method: string, path: string, body?: unknown, scope = INVENTORY_SCOPE, headers: Record<string, string> = {}): Promise<{ status: number; body: Raw | undefined }> {
  const { accessToken } = await mintUserToken(h.context(), [scope]);
  const response = await fetch(`${h.server.url}${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) as Raw : undefined };
}

/** 60 SKUs: the 5 the mock's orders sell, 54 listed through createOrReplaceInventoryItem, and NOPE-1 (last of the second call). */
async function sixtySkus(): Promise<string[]> {
  const listed = Array.from({ length: 54 }, (_, i) => `EXTRA-${String(i + 1).padStart(2, '0')}`);
  for (const sku of listed) {
    const put = await call('PUT', `${INVENTORY}/inventory_item/${sku}`, { product: { title: sku }, condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 1 } } }, INVENTORY_SCOPE, { 'content-language': 'en-US' });
    expect(put.status).toBe(204);
  }
  const skus = [...MOCK_SOLD_PRODUCTS.map((p) => p.sku), ...listed];
  skus.splice(49, 0, 'NOPE-1');
  return skus;
}

describe('eBay stock push', () => {
  it('60 SKUs go in 3 calls of at most 25; the unknown SKU is refused with 25702 and the other 59 land', async () => {
    const skus = await sixtySkus();
    const results = await push(skus.map((sku, i) => update(sku, 100 + i)));
    expect(results).toHaveLength(60);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(59);
    expect(results.find((r) => r.sku === 'NOPE-1')).toEqual({
      sku: 'NOPE-1', status: 'rejected', reason: 'eBay refused the quantity for SKU "NOPE-1" (400: 25702 NOPE-1 could not be found or is not available in the system.)',
    });
    const after = await state();
    expect(after.inventory.bulkLog).toEqual([{ items: 25, errors: 0, status: 200 }, { items: 25, errors: 1, status: 207 }, { items: 10, errors: 0, status: 200 }]);
    expect(after.inventory).toMatchObject({ bulkCalls: 3, throttled: 0 });
    expect(after.throttled).toBe(0);
    expect(after.stock).toMatchObject({ 'TEE-BLK-M': 100, 'EXTRA-54': 159 });
    expect(after.stock['NOPE-1']).toBeUndefined();
  });

  it('keeps the quantities: getInventoryItem reads back what was pushed', async () => {
    await push([update('MUG-12OZ', 3), update('CAP-NAVY', 0)]);
    const mug = await call('GET', `${INVENTORY}/inventory_item/MUG-12OZ`);
    expect(mug).toMatchObject({ status: 200, body: { sku: 'MUG-12OZ', availability: { shipToLocationAvailability: { quantity: 3 } } } });
    expect((await state()).stock).toMatchObject({ 'MUG-12OZ': 3, 'CAP-NAVY': 0, 'TEE-BLK-M': MOCK_INITIAL_QUANTITY });
    expect((await call('GET', `${INVENTORY}/inventory_item/NOPE-1`)).status).toBe(404);
  });

  it('a 429 on one call makes that call\'s SKUs `retry`; the calls before and after it land', async () => {
    const skus = await sixtySkus();
    await faults(['none', 'none', '429']); // the token, the first call, then the second call is throttled
    const results = await push(skus.map((sku) => update(sku, 7)));
    const second = new Set(skus.slice(25, 50));
    for (const result of results) {
      if (second.has(result.sku)) expect(result).toMatchObject({ status: 'retry', reason: expect.stringMatching(/^eBay: HTTP 429 too many requests .*Too many requests\./) });
      else expect(result.status).toBe('ok');
    }
    const after = await state();
    expect(after).toMatchObject({ throttled: 1, inventory: { bulkCalls: 2 } }); // throttled once, not retried in the run
    expect(after.stock).toMatchObject({ 'TEE-BLK-M': 7, 'EXTRA-54': 7, [skus[30]!]: 1 });
  });

  it('two 429s in a row: the daily quota is spent, so the remaining calls wait for the next run', async () => {
    const skus = await sixtySkus();
    await faults(['none', '429', '429']);
    const results = await push(skus.map((sku) => update(sku, 7)));
    expect(results.every((r) => r.status === 'retry')).toBe(true);
    expect(results.at(-1)?.reason).toMatch(/not sent: eBay answered 429 twice in a row/);
    expect((await state()).byRoute[`POST ${INVENTORY}/bulk_update_price_quantity`]).toBe(2);
  });

  it('a 5xx is sent again and lands; one that persists is `retry` for that call only', async () => {
    await faults(['none', 500]);
    expect(await push([update('MUG-12OZ', 4)])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    await faults([500, 500, 500]);
    expect(await push([update('MUG-12OZ', 5)])).toEqual([{ sku: 'MUG-12OZ', status: 'retry', reason: expect.stringMatching(/^eBay: HTTP 500/) }]);
    expect((await state()).stock['MUG-12OZ']).toBe(4);
  });

  it('the mock wants the sell.inventory scope, at most 25 requests and Content-Type; the connector\'s token has the scope', async () => {
    const fulfillmentOnly = await call('POST', `${INVENTORY}/bulk_update_price_quantity`, { requests: [{ sku: 'MUG-12OZ', shipToLocationAvailability: { quantity: 1 } }] }, WRITE_SCOPE);
    expect([fulfillmentOnly.status, fulfillmentOnly.body?.errors[0].errorId]).toEqual([403, 1100]);
    const tooMany = await call('POST', `${INVENTORY}/bulk_update_price_quantity`, { requests: Array.from({ length: 26 }, () => ({ sku: 'MUG-12OZ', shipToLocationAvailability: { quantity: 1 } })) });
    expect([tooMany.status, tooMany.body?.errors[0].errorId]).toEqual([400, 25709]);
    expect(await push([update('MUG-12OZ', 2)])).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
  });

  it('answers match the Inventory API contract (BulkPriceQuantityResponse, InventoryItemWithSkuLocaleGroupid, Error)', async () => {
    const bulk = await call('POST', `${INVENTORY}/bulk_update_price_quantity`, { requests: [
      { sku: 'MUG-12OZ', shipToLocationAvailability: { quantity: 2 } }, { sku: 'NOPE-1', shipToLocationAvailability: { quantity: 2 } },
    ] });
    expect(bulk.status).toBe(207);
    const item = await call('GET', `${INVENTORY}/inventory_item/MUG-12OZ`);
    const missing = await call('GET', `${INVENTORY}/inventory_item/NOPE-1`);
    if (!spec) return;
    expect(violations(spec, 'BulkPriceQuantityResponse', bulk.body)).toEqual([]);
    expect(violations(spec, 'InventoryItemWithSkuLocaleGroupid', item.body)).toEqual([]);
    expect(violations(spec, 'Error', missing.body?.errors[0])).toEqual([]);
  });
});
