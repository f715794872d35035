// Stock sync end to end: the real CLI, a CSV stock source, and every stock channel's mock
// (WooCommerce, Shopify, Amazon, eBay).
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonChannel, MOCK_CREDENTIALS as AMAZON, MOCK_SELLER_ID } from '../../connectors/amazon/index.js';
import { ebayChannel } from '../../connectors/ebay/index.js';
import { MOCK_CREDENTIALS as EBAY } from '../../connectors/ebay/mock.js';
import { shopifyChannel } from '../../connectors/shopify/index.js';
import { MOCK_CREDENTIALS as SHOPIFY } from '../../connectors/shopify/mock.js';
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { MOCK_CREDENTIALS as WOO } from '../../connectors/woocommerce/mock.js';
import { openLedger } from '../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';
import { shopifySale, wooSale } from '../stock/sales.js';

describe('ordersync stock against the channel mocks', () => {
  let woo: RunningMock;
  let shop: RunningMock;
  let amazon: RunningMock;
  let ebay: RunningMock;
  let dir: string;
  let env: Record<string, string>;
  const state = async (mock: RunningMock) => (await fetch(`${mock.url}/__mock/state`)).json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cli = (...args: string[]) => runCli(['--config', join(dir, 'ordersync.config.yml'), ...args], { env });

  beforeAll(async () => {
    woo = await startMock(woocommerceChannel.mock!({ seed: 1, orders: 6 }), { port: 0, seed: 1 });
    shop = await startMock(shopifyChannel.mock!({ seed: 1, orders: 6 }), { port: 0, seed: 1 });
    amazon = await startMock(amazonChannel.mock!({ seed: 1, orders: 6 }), { port: 0, seed: 1 });
    ebay = await startMock(ebayChannel.mock!({ seed: 1, orders: 6 }), { port: 0, seed: 1 });
    dir = mkdtempSync(join(tmpdir(), 'ordersync-stock-'));
    env = {
      WOO_URL: woo.url, SHOP_URL: shop.url, WOO_KEY: WOO.consumerKey, WOO_SECRET: WOO.consumerSecret, SHOP_TOKEN: SHOPIFY.accessToken,
      AMAZON_URL: amazon.url, AMAZON_SECRET: AMAZON.clientSecret, AMAZON_REFRESH: AMAZON.refreshToken,
      EBAY_URL: ebay.url, EBAY_SECRET: EBAY.clientSecret, EBAY_REFRESH: EBAY.refreshToken,
    };
    writeFileSync(join(dir, 'ordersync.config.yml'), [
      'channels:',
      '  woo: { kind: woocommerce, url: "${WOO_URL}", consumerKey: "${WOO_KEY}", consumerSecret: "${WOO_SECRET}" }',
      '  shop: { kind: shopify, shopUrl: "${SHOP_URL}", accessToken: "${SHOP_TOKEN}" }',
      `  amazon: { kind: amazon, endpoint: "\${AMAZON_URL}", tokenUrl: "\${AMAZON_URL}/auth/o2/token", clientId: "${AMAZON.clientId}", clientSecret: "\${AMAZON_SECRET}", refreshToken: "\${AMAZON_REFRESH}", sellerId: ${MOCK_SELLER_ID}, marketplaceIds: [ATVPDKIKX0DER] }`,
      `  ebay: { kind: ebay, url: "\${EBAY_URL}", clientId: "${EBAY.clientId}", clientSecret: "\${EBAY_SECRET}", refreshToken: "\${EBAY_REFRESH}" }`,
      'stock:',
      '  source: { csv: stock.csv }',
      '',
    ].join('\n'));
    // GIFT-WRAP is stocked on Shopify only: WooCommerce must refuse it without stopping the rest.
    writeFileSync(join(dir, 'stock.csv'), 'sku,location,on_hand\nMUG-12OZ,main,1\nCAP-NAVY,main,5\nGIFT-WRAP,main,3\n');
    // Exported a little before now: the seeded orders are older (counted), the sales to come are newer.
    const exported = new Date(Date.now() - 5_000);
    utimesSync(join(dir, 'stock.csv'), exported, exported);
  });
  afterAll(async () => { await woo.close(); await shop.close(); await amazon.close(); await ebay.close(); });

  it('the first sync sets every channel; a SKU one channel does not know is refused, recorded and shown', async () => {
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(3); // a refused SKU needs a human
    expect((await state(woo)).stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': 5 });
    expect((await state(shop)).stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': 5, 'GIFT-WRAP': 3 });
    expect((await state(amazon)).stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': 5 });
    expect((await state(ebay)).stock).toMatchObject({ 'MUG-12OZ': 1, 'CAP-NAVY': 5 });
    const show = await cli('stock', 'show');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/pushes refused or waiting/);
    expect(show.stdout).toMatch(/woo\s+GIFT-WRAP\s+3\s+rejected\s+unknown SKU: no WooCommerce product or variation has SKU "GIFT-WRAP"/);
    expect(show.stdout).toMatch(/amazon\s+GIFT-WRAP\s+3\s+rejected\s+Amazon refused the quantity for SKU "GIFT-WRAP" \(INVALID: NOT_FOUND/);
    expect(show.stdout).toMatch(/ebay\s+GIFT-WRAP\s+3\s+rejected\s+eBay refused the quantity for SKU "GIFT-WRAP" \(400: 25702/);
    expect(show.stdout).toMatch(/^MUG-12OZ\s+1\s+0\s+0\s+1\s+1\s+1\s+1\s*$/m);
  });

  it('a re-run with nothing changed pushes nothing', async () => {
    const before = { woo: await state(woo), shop: await state(shop), amazon: await state(amazon), ebay: await state(ebay) };
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(0);
    const after = { woo: await state(woo), shop: await state(shop), amazon: await state(amazon), ebay: await state(ebay) };
    expect(after.woo.stockBatches).toBe(before.woo.stockBatches);
    expect(after.woo.stockLookups).toBe(before.woo.stockLookups);
    expect(after.shop.stockMutations).toBe(before.shop.stockMutations);
    expect(after.shop.stockLookups).toBe(before.shop.stockLookups);
    expect(before.shop.stockLookups).toBeGreaterThan(0);
    expect(after.amazon.listings.patchListingsItem.requests).toBe(before.amazon.listings.patchListingsItem.requests);
    expect(after.ebay.inventory.bulkCalls).toBe(before.ebay.inventory.bulkCalls);
    expect(before.ebay.inventory.bulkCalls).toBe(1);
    const plan = await cli('--json', 'stock', 'push', '--dry-run');
    expect(JSON.parse(plan.stdout)).toMatchObject({ dryRun: true, plan: [] });
  });

  it('oversell race: the last unit sells on both channels; after the next sync both show 0 and the SKU is flagged', async () => {
    const now = Date.now();
    for (const [mock, body] of [[woo, { orders: [wooSale(1000, 'MUG-12OZ', now)] }], [shop, { orders: [shopifySale(900, 'MUG-12OZ')] }]] as const) {
      expect((await fetch(`${mock.url}/__mock/orders`, { method: 'POST', body: JSON.stringify(body) })).ok).toBe(true);
    }
    expect((await cli('pull')).code).toBe(0);
    const dry = await cli('stock', 'push', '--dry-run');
    expect(dry.stdout).toMatch(/^MUG-12OZ\s+woo\s+1 → 0\s+reserved 0 → 2 \(oversold\)\s*$/m);
    expect(dry.stdout).toMatch(/^MUG-12OZ\s+shop\s+1 → 0\s+reserved 0 → 2 \(oversold\)\s*$/m);
    expect((await state(woo)).stock['MUG-12OZ']).toBe(1); // a dry run sends nothing

    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(3);
    expect(sync.stderr).toMatch(/MUG-12OZ is oversold by 1/);
    expect((await state(woo)).stock['MUG-12OZ']).toBe(0);
    expect((await state(shop)).stock['MUG-12OZ']).toBe(0);
    expect((await state(amazon)).stock['MUG-12OZ']).toBe(0);
    expect((await state(ebay)).stock['MUG-12OZ']).toBe(0);
    const ledger = openLedger(join(dir, 'ordersync.db'));
    try {
      expect(ledger.stock.oversold()).toEqual([expect.objectContaining({ sku: 'MUG-12OZ', short: 1 })]);
    } finally {
      ledger.close();
    }
    const show = await cli('stock', 'show', 'MUG-12OZ');
    expect(show.stdout).toMatch(/^MUG-12OZ\s+1\s+2\s+0\s+0\s+0\s+0\s+0\s+OVERSOLD by 1\s*$/m);
    expect(show.stdout).toMatch(/oversold: MUG-12OZ \(short 1\)/);
    const json = JSON.parse((await cli('--json', 'stock', 'show')).stdout) as { skus: { sku: string; available: Record<string, number> }[] };
    expect(json.skus.find((s) => s.sku === 'CAP-NAVY')?.available).toEqual({ woo: 5, shop: 5, amazon: 5, ebay: 5 });
  });
});
