// The fulfillment loop end to end: orders on WooCommerce, Shopify, eBay and Amazon → a label from
// the carrier mock → the tracking number confirmed on each channel mock, once; the echo goes nowhere.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockEnvironment, startAllMocks, stopAllMocks } from '../../src/cli/mocks.js';
import type { RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';

interface SyncJson {
  channels: { channel: string; created: number; updated: number; echoes: number }[];
  targets: { target: string; delivered: number; dead: number }[];
  events: Record<string, number>;
}

describe('tracking back to the channels', () => {
  let mocks: RunningMock[];
  const db = join(mkdtempSync(join(tmpdir(), 'ordersync-tracking-')), 'ledger.db');
  const state = async <T>(name: string): Promise<T> => (await (await fetch(`${mocks.find((m) => m.name === name)!.url}/__mock/state`)).json()) as T;
  const sync = async () => {
    const result = await runCli(['--config', 'test/fixtures/tracking-back.yml', '--db', db, '--json', 'sync'], { env: mockEnvironment(mocks) });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as SyncJson;
  };
  const delivered = (run: SyncJson, target: string) => run.targets.find((t) => t.target === target)?.delivered ?? 0;

  beforeAll(async () => { mocks = await startAllMocks({ seed: 3, orders: 30 }); });
  afterAll(() => stopAllMocks(mocks));

  it('each label bought is confirmed on its order\'s channel exactly once, in the same run', async () => {
    const first = await sync();
    const labels = delivered(first, 'labels');
    expect(labels).toBeGreaterThan(0);
    expect(first.events['shipment.created']).toBe(labels);
    const channels = ['woo', 'shop', 'ebay', 'amazon'];
    for (const channel of channels) expect(delivered(first, `channel:${channel}`), channel).toBeGreaterThan(0);
    expect(channels.reduce((n, channel) => n + delivered(first, `channel:${channel}`), 0)).toBe(labels);
    const woo = await state<{ fulfillment: { notes: number; duplicates: number } }>('woocommerce');
    const shop = await state<{ fulfillments: { created: number; duplicates: number } }>('shopify');
    const ebay = await state<{ fulfillments: { created: number; duplicates: number } }>('ebay');
    const amazon = await state<{ shipmentConfirmation: { confirmed: number; duplicates: number } }>('amazon');
    expect(woo.fulfillment.notes).toBe(delivered(first, 'channel:woo'));
    expect(shop.fulfillments.created).toBe(delivered(first, 'channel:shop'));
    expect(ebay.fulfillments.created).toBe(delivered(first, 'channel:ebay'));
    expect(amazon.shipmentConfirmation.confirmed).toBe(delivered(first, 'channel:amazon'));
    expect(woo.fulfillment.duplicates + shop.fulfillments.duplicates + ebay.fulfillments.duplicates + amazon.shipmentConfirmation.duplicates).toBe(0);
  }, 120_000);

  it('the channel reporting our own fulfillment back is recorded but sends nothing anywhere', async () => {
    const again = await sync();
    const ebay = again.channels.find((c) => c.channel === 'ebay')!;
    expect(ebay.echoes).toBeGreaterThan(0);
    expect(ebay.updated).toBe(0);
    expect(again.targets.every((t) => t.delivered === 0)).toBe(true);
    const shipengine = await state<{ duplicates: number }>('shipengine');
    expect(shipengine.duplicates).toBe(0);
  }, 120_000);
});
