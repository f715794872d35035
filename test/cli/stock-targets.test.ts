// Stock levels to a target (config `stock.targets`) end to end: the real CLI, a CSV source, one
// channel (WooCommerce) taking available-to-sell and a webhook taking the source's on hand.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookTarget } from '../../connectors/webhook/index.js';
import { MOCK_WEBHOOK_PATH, MOCK_WEBHOOK_SECRET } from '../../connectors/webhook/mock.js';
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { MOCK_CREDENTIALS as WOO } from '../../connectors/woocommerce/mock.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';

interface MockStock { stock: Record<string, number>; stockRequests?: number }

describe('ordersync stock push to a stock target', () => {
  let woo: RunningMock;
  let hooks: RunningMock;
  let dir: string;
  let env: Record<string, string>;
  const state = async (mock: RunningMock) => (await fetch(`${mock.url}/__mock/state`)).json() as Promise<MockStock>;
  const cli = (...args: string[]) => runCli(['--config', join(dir, 'ordersync.config.yml'), ...args], { env });
  const levels = (csv: string) => {
    writeFileSync(join(dir, 'stock.csv'), `sku,location,on_hand\n${csv}`);
    const exported = new Date(Date.now() - 5_000);
    utimesSync(join(dir, 'stock.csv'), exported, exported);
  };

  beforeAll(async () => {
    woo = await startMock(woocommerceChannel.mock!({ seed: 1, orders: 3 }), { port: 0, seed: 1 });
    hooks = await startMock(webhookTarget.mock!({ seed: 1 }), { port: 0, seed: 1 });
    dir = mkdtempSync(join(tmpdir(), 'ordersync-stock-targets-'));
    env = { WOO_URL: woo.url, WOO_KEY: WOO.consumerKey, WOO_SECRET: WOO.consumerSecret, HOOKS_URL: `${hooks.url}${MOCK_WEBHOOK_PATH}`, HOOKS_SECRET: MOCK_WEBHOOK_SECRET };
    writeFileSync(join(dir, 'ordersync.config.yml'), [
      'channels:',
      '  woo: { kind: woocommerce, url: "${WOO_URL}", consumerKey: "${WOO_KEY}", consumerSecret: "${WOO_SECRET}" }',
      'targets:',
      '  hooks: { kind: webhook, url: "${HOOKS_URL}", secret: "${HOOKS_SECRET}", allowInsecure: true }',
      'stock:',
      '  source: { csv: stock.csv }',
      '  targets: [hooks]',
      '  safetyStock: { default: 1 }',
      '',
    ].join('\n'));
    levels('MUG-12OZ,main,6\nMUG-12OZ,back,2\nCAP-NAVY,main,5\n');
  });
  afterAll(async () => { await woo.close(); await hooks.close(); });

  it('plans on hand for the target beside available-to-sell for the channel, and --target sends to the target only', async () => {
    expect((await cli('stock', 'pull')).code).toBe(0);
    const dry = await cli('stock', 'push', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^MUG-12OZ\s+woo\s+– → 7\s+never pushed\s*$/m);
    expect(dry.stdout).toMatch(/^MUG-12OZ\s+target:hooks\s+– → 8\s+never pushed\s*$/m);
    expect(dry.stdout).toMatch(/^CAP-NAVY\s+target:hooks\s+– → 5\s+never pushed\s*$/m);

    const toTarget = await cli('stock', 'push', '--target', 'hooks');
    expect(toTarget.code, toTarget.stderr).toBe(0);
    expect(toTarget.stderr).toMatch(/stock → target:hooks: 2 set, 0 refused, 0 to retry, 0 unchanged/);
    expect((await state(hooks)).stock).toEqual({ 'CAP-NAVY': 5, 'MUG-12OZ': 8 });
    expect((await state(woo)).stock['MUG-12OZ']).not.toBe(7);

    const unknown = await cli('stock', 'push', '--target', 'erp');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no stock target named erp in the config \(stock targets: hooks\)/);
  });

  it('sync sends each a changed figure once, and nothing when nothing changed', async () => {
    levels('MUG-12OZ,main,3\nMUG-12OZ,back,2\nCAP-NAVY,main,5\n');
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect((await state(woo)).stock).toMatchObject({ 'MUG-12OZ': 4, 'CAP-NAVY': 4 });
    expect((await state(hooks)).stock).toEqual({ 'CAP-NAVY': 5, 'MUG-12OZ': 5 });
    const requests = (await state(hooks)).stockRequests;
    expect(requests).toBe(2);

    const again = await cli('sync');
    expect(again.code, again.stderr).toBe(0);
    expect((await state(hooks)).stockRequests).toBe(requests);
    const show = await cli('--json', 'stock', 'show');
    expect(JSON.parse(show.stdout)).toMatchObject({ problems: [] });
  });

  it('config check names where stock goes, and refuses a stock target that cannot take it', async () => {
    const check = await cli('config', 'check');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/stock: {4}from csv:.*stock\.csv to woo, target hooks/);

    const carrier = join(dir, 'carrier.config.yml');
    writeFileSync(carrier, [
      'targets:',
      '  labels: { kind: shipengine, url: "http://127.0.0.1:9", apiKey: "TEST_key_0123", carrierId: se-1, serviceCode: usps_priority_mail,',
      '    shipFrom: { name: W, phone: "5125550100", addressLine1: 1 Main St, cityLocality: Austin, stateProvince: TX, postalCode: "78756", countryCode: US } }',
      'stock:',
      '  source: { csv: stock.csv }',
      '  targets: [labels]',
      '',
    ].join('\n'));
    const refused = await runCli(['--config', carrier, 'config', 'check'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/stock\.targets: target "labels" \(kind shipengine\) cannot take stock levels/);
  });
});
