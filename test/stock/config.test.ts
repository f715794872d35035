// The `stock:` section: parsed, normalized (CSV path relative to the config file), cross-checked.
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/load.js';

const base = {
  channels: { woo: { kind: 'woocommerce', url: 'https://shop.example.com', consumerKey: '${K}', consumerSecret: '${S}' } },
  targets: { erp: { kind: 'odoo', url: 'https://erp.example.com', apiKey: '${S}' } },
};
const env = { K: 'ck_live_1234', S: 'cs_live_5678' };

describe('config: stock', () => {
  it('fills defaults and resolves a CSV source next to the config file', () => {
    const config = normalizeConfig({ ...base, stock: { source: { csv: 'stock/levels.csv' } } }, '/etc/ordersync/ordersync.config.yml', env);
    expect(config.stock).toEqual({
      source: { kind: 'csv', file: '/etc/ordersync/stock/levels.csv' },
      targets: [], safetyStock: { default: 0, skus: {} }, allocation: {}, skuMap: {}, bundles: {},
    });
    expect(normalizeConfig(base, null, env).stock).toBeUndefined();
  });

  it('takes a target as the source, with buffers, allocation, SKU map and bundles', () => {
    const stock = {
      source: 'erp', targets: [], safetyStock: { default: 1, skus: { 'MUG-12OZ': 3 } }, allocation: { woo: 0.5 },
      skuMap: { woo: { 'W-MUG': 'MUG-12OZ' } }, bundles: { 'GIFT-SET': { 'MUG-12OZ': 1, 'TEE-BLK-M': 2 } },
    };
    expect(normalizeConfig({ ...base, stock }, null, env).stock).toEqual({ ...stock, source: { kind: 'target', target: 'erp' } });
  });

  it('takes stock targets other than the source, and names the wrong ones', () => {
    const targets = { ...base.targets, hooks: { kind: 'webhook', url: 'https://hooks.example.com/in', secret: 'whsec_0123456789abcdef' } };
    expect(normalizeConfig({ ...base, targets, stock: { source: 'erp', targets: ['hooks'] } }, null, env).stock?.targets).toEqual(['hooks']);
    const problems = (() => {
      try { normalizeConfig({ ...base, targets, stock: { source: 'erp', targets: ['erp', 'wms'] } }, null, env); } catch (error) { return (error as { problems: string[] }).problems; }
      return [];
    })();
    expect(problems).toEqual([
      'stock.targets: "erp" is the stock source; it reports the figures the others take',
      'stock.targets: no target named "wms" (targets: erp, hooks)',
    ]);
  });

  it('reports every wrong name and value with its path, all at once', () => {
    const stock = {
      source: 'wms', allocation: { amazon: 0.5, woo: 1.5 }, skuMap: { ebay: {} },
      bundles: { KIT: { PART: 0 }, BOX: { KIT: 1 }, EMPTY: {} },
    };
    expect(() => normalizeConfig({ ...base, stock }, null, env)).toThrow(/stock\.allocation\.woo: Too big/);
    const problems = (() => {
      try { normalizeConfig({ ...base, stock: { ...stock, allocation: { amazon: 0.5 }, bundles: { KIT: { PART: 1 }, BOX: { KIT: 1 }, EMPTY: {} } } }, null, env); } catch (error) { return (error as { problems: string[] }).problems; }
      return [];
    })();
    expect(problems).toEqual([
      'stock.source: no target named "wms" (targets: erp; or { csv: FILE })',
      'stock.allocation.amazon: no channel named "amazon" (channels: woo)',
      'stock.skuMap.ebay: no channel named "ebay" (channels: woo)',
      'stock.bundles.BOX.KIT: a component cannot itself be a bundle',
      'stock.bundles.EMPTY: a bundle needs at least one component',
    ]);
  });
});
