// SKU mapping from a CSV file (`stock.skuMapCsv`): parsed, checked line by line, merged with the
// config's own table, and read when the config is loaded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/load.js';
import { channelSkusFor, toMasterSku } from '../../src/stock/policy.js';
import { mergeSkuMaps, parseSkuMapCsv } from '../../src/stock/sku-map-csv.js';

const CHANNELS = ['woo', 'shop'];

describe('SKU map CSV', () => {
  it('reads channel,channel_sku,master_sku in any column order, quoted values too', () => {
    const text = '\uFEFFmaster_sku,channel,channel_sku\r\nMUG-12OZ,shop,MUG-WHITE\r\nTEE-BLK-M,woo,"TEE, black M"\r\n\r\nTEE-BLK-M,shop,TEE-BLACK-M\r\n';
    expect(parseSkuMapCsv(text, CHANNELS)).toEqual({
      shop: { 'MUG-WHITE': 'MUG-12OZ', 'TEE-BLACK-M': 'TEE-BLK-M' },
      woo: { 'TEE, black M': 'TEE-BLK-M' },
    });
  });

  it('names every bad line at once: unknown channel, empty SKUs, a SKU mapped twice, a broken quote', () => {
    const text = 'channel,channel_sku,master_sku\namazon,A-1,MUG\nwoo,,MUG\nwoo,W-1,\nwoo,W-2,MUG\nwoo,W-2,CAP\nshop,"open,MUG\n';
    expect(() => parseSkuMapCsv(text, CHANNELS, 'skus.csv')).toThrow([
      'skus.csv has 5 problems:',
      '  line 2: no channel named "amazon" (channels: woo, shop)',
      '  line 3: the channel_sku is empty',
      '  line 4: the master_sku is empty',
      '  line 6: woo W-2 is mapped already on line 5',
      '  line 7: a quoted value is not closed',
    ].join('\n'));
    expect(() => parseSkuMapCsv('sku,master\n', CHANNELS, 'skus.csv')).toThrow(/line 1: the header must name the columns channel,channel_sku,master_sku \(missing: channel, channel_sku, master_sku\)/);
  });

  it('merges with the config\'s table; the same mapping twice is fine, a different one is a problem', () => {
    const merged = mergeSkuMaps({ shop: { 'MUG-WHITE': 'MUG-12OZ' } }, { shop: { 'MUG-WHITE': 'MUG-12OZ', 'CAP-N': 'CAP-NAVY' }, woo: { W: 'TEE' } });
    expect(merged).toEqual({ map: { shop: { 'MUG-WHITE': 'MUG-12OZ', 'CAP-N': 'CAP-NAVY' }, woo: { W: 'TEE' } }, problems: [] });
    expect(mergeSkuMaps({ shop: { 'MUG-WHITE': 'MUG-12OZ' } }, { shop: { 'MUG-WHITE': 'MUG-6OZ' } }).problems)
      .toEqual(['stock.skuMap.shop.MUG-WHITE: maps to "MUG-12OZ", and the SKU map CSV maps it to "MUG-6OZ"']);
  });

  it('is read beside the config file when the config loads, and the stock maths use it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-skumap-'));
    writeFileSync(join(dir, 'skus.csv'), 'channel,channel_sku,master_sku\nshop,MUG-WHITE,MUG-12OZ\nshop,MUG-W2,MUG-12OZ\n');
    const raw = {
      channels: {
        woo: { kind: 'woocommerce', url: 'https://shop.example.com', consumerKey: 'ck_1234', consumerSecret: 'cs_5678' },
        shop: { kind: 'shopify', shopUrl: 'https://demo.myshopify.com', accessToken: 'shpat_1234' },
      },
      stock: { source: { csv: 'levels.csv' }, skuMap: { woo: { 'W-MUG': 'MUG-12OZ' } }, skuMapCsv: 'skus.csv' },
    };
    const stock = normalizeConfig(raw, join(dir, 'ordersync.config.yml'), {}).stock!;
    expect(stock.skuMap).toEqual({ woo: { 'W-MUG': 'MUG-12OZ' }, shop: { 'MUG-WHITE': 'MUG-12OZ', 'MUG-W2': 'MUG-12OZ' } });
    expect(channelSkusFor(stock, 'shop', 'MUG-12OZ')).toEqual(['MUG-W2', 'MUG-WHITE']);
    expect(toMasterSku(stock, 'shop', 'MUG-W2')).toBe('MUG-12OZ');
    expect(() => normalizeConfig({ ...raw, stock: { ...raw.stock, skuMapCsv: 'missing.csv' } }, join(dir, 'ordersync.config.yml'), {}))
      .toThrow(/SKU map CSV .*missing\.csv cannot be read: ENOENT/);
  });
});
