// WooCommerce pushStock against its mock: products and variations found by SKU, quantities set
// through the batch endpoints, unknown SKUs refused without stopping the rest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ConnectorContext } from '../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { createWooMock, MOCK_CREDENTIALS } from '../../connectors/woocommerce/mock.js';
import { MOCK_INITIAL_STOCK } from '../../connectors/woocommerce/mock-stock.js';
import { WooSettings } from '../../connectors/woocommerce/settings.js';

describe('WooCommerce stock push', () => {
  let mock: RunningMock;
  let ctx: ConnectorContext<WooSettings>;
  const state = async () => (await fetch(`${mock.url}/__mock/state`)).json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const auth = 'Basic ' + Buffer.from(`${MOCK_CREDENTIALS.consumerKey}:${MOCK_CREDENTIALS.consumerSecret}`).toString('base64');

  beforeEach(async () => {
    mock = await startMock(createWooMock({ seed: 1 }), { port: 0, seed: 1 });
    let t = 0;
    ctx = createContext({ role: 'channel', name: 'woo', clock: { now: () => t, sleep: async (ms) => { t += ms; } }, settings: WooSettings.parse({ url: mock.url, ...MOCK_CREDENTIALS }) });
  });
  afterEach(() => mock.close());

  it('sets simple products and variations in one batch per parent, and refuses an unknown SKU', async () => {
    const results = await woocommerceChannel.pushStock!(ctx, [
      { sku: 'MUG-12OZ', quantity: 3, previous: null },
      { sku: 'CAP-NAVY', quantity: 0, previous: 5 },
      { sku: 'TEE-BLK-M', quantity: 7, previous: null },
      { sku: 'NOPE-1', quantity: 4, previous: null },
    ]);
    expect(new Map(results.map((r) => [r.sku, r.status]))).toEqual(new Map([['MUG-12OZ', 'ok'], ['CAP-NAVY', 'ok'], ['TEE-BLK-M', 'ok'], ['NOPE-1', 'rejected']]));
    expect(results.find((r) => r.sku === 'NOPE-1')?.reason).toMatch(/unknown SKU: no WooCommerce product or variation has SKU "NOPE-1"/);
    const after = await state();
    expect(after.stock).toMatchObject({ 'MUG-12OZ': 3, 'CAP-NAVY': 0, 'TEE-BLK-M': 7, 'TEE-WHT-L': MOCK_INITIAL_STOCK });
    expect(after.stockBatchLog.map((b: { path: string; items: number }) => [b.path, b.items])).toEqual([
      ['/wp-json/wc/v3/products/batch', 2], ['/wp-json/wc/v3/products/93/variations/batch', 1],
    ]);
  });

  it('reads a per-item error from the batch answer as that SKU\'s refusal', async () => {
    const response = await fetch(`${mock.url}/wp-json/wc/v3/products/batch`, {
      method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ update: [{ id: 22, stock_quantity: 4 }, { id: 999, stock_quantity: 1 }, { id: 31, stock_quantity: 'x' }] }),
    });
    const body = (await response.json()) as { update: { id: number; stock_quantity?: number; error?: { code: string } }[] };
    expect(response.status).toBe(200);
    expect(body.update.map((u) => u.error?.code ?? u.stock_quantity)).toEqual([4, 'woocommerce_rest_product_invalid_id', 'rest_invalid_param']);
  });

  it('refuses a batch of more than 100 objects as WooCommerce does (413)', async () => {
    const update = Array.from({ length: 101 }, () => ({ id: 22, stock_quantity: 1 }));
    const response = await fetch(`${mock.url}/wp-json/wc/v3/products/batch`, {
      method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ update }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'woocommerce_rest_request_entity_too_large' });
  });

  it('sends at most 100 objects a batch call', async () => {
    const updates = Array.from({ length: 150 }, (_, i) => ({ sku: 'MUG-12OZ', quantity: i, previous: null }));
    const results = await woocommerceChannel.pushStock!(ctx, updates);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(150);
    expect((await state()).stockBatchLog.map((b: { items: number }) => b.items)).toEqual([100, 50]);
  });

  it('a channel-wide refusal of credentials is thrown, not reported per SKU', async () => {
    const bad = createContext({ role: 'channel', name: 'woo', settings: WooSettings.parse({ url: mock.url, consumerKey: 'ck_wrong', consumerSecret: 'x' }) });
    await expect(woocommerceChannel.pushStock!(bad, [{ sku: 'MUG-12OZ', quantity: 1, previous: null }])).rejects.toThrow(/401/);
  });
});
