// Tracking back from a WMS, end to end through the real CLI: an order on the WooCommerce mock is
// pushed to the ShipBob mock, the warehouse ships it in two parcels, and `sync` confirms each
// parcel on WooCommerce with its tracking number and its own line; a further sync confirms
// nothing twice and the channel's echo of our own fulfillment goes to no target.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { createShipBobMock, MOCK_CREDENTIALS as SHIPBOB } from '../../connectors/shipbob/mock.js';
import { createWooMock, MOCK_CREDENTIALS as WOO } from '../../connectors/woocommerce/mock.js';
import { SHIPPED_META } from '../../connectors/woocommerce/fulfillment.js';
import { runCli } from '../support/cli.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface SyncJson {
  channels: { channel: string; created: number; updated: number; echoes: number }[];
  shipments: { source: string; reported: number; recorded: number; known: number; quarantined: number; toConfirm: number }[];
  targets: { target: string; delivered: number; dead: number }[];
  events: Record<string, number>;
}

const CONFIG = `
channels:
  woo:
    kind: woocommerce
    url: \${WOO_URL}
    consumerKey: ${WOO.consumerKey}
    consumerSecret: ${WOO.consumerSecret}
targets:
  wms:
    kind: shipbob
    url: \${SHIPBOB_URL}
    token: ${SHIPBOB.token}
    channelId: "${SHIPBOB.channelId}"
routing:
  - target: wms
    when: { financialStatus: [paid] }
`;

describe('tracking back from the WMS (ShipBob) to the channel (WooCommerce)', () => {
  let woo: RunningMock;
  let shipbob: RunningMock;
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-wms-tracking-'));
  const db = join(dir, 'ledger.db');
  const config = join(dir, 'ordersync.yml');
  const auth = 'Basic ' + Buffer.from(`${WOO.consumerKey}:${WOO.consumerSecret}`).toString('base64');
  const wooOrder = async (): Promise<Raw> => (await (await fetch(`${woo.url}/wp-json/wc/v3/orders/901`, { headers: { authorization: auth } })).json()) as Raw;
  const wooState = async (): Promise<Raw> => (await (await fetch(`${woo.url}/__mock/state`)).json()) as Raw;
  const sync = async (): Promise<SyncJson> => {
    const result = await runCli(['--config', config, '--db', db, '--json', 'sync'], { env: { WOO_URL: woo.url, SHIPBOB_URL: shipbob.url } });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as SyncJson;
  };
  const delivered = (run: SyncJson, target: string) => run.targets.find((t) => t.target === target)?.delivered ?? 0;

  beforeAll(async () => {
    writeFileSync(config, CONFIG);
    woo = await startMock(createWooMock({ seed: 9, orders: 0 }), { port: 0, seed: 9 });
    shipbob = await startMock(createShipBobMock({ seed: 9 }), { port: 0, seed: 9 });
    // Given: a paid WooCommerce order of two lines (2 × Logo Tee, 1 × Mug), an hour old.
    const stamp = new Date(Date.now() - 3_600_000).toISOString().slice(0, 19);
    const order = {
      id: 901, parent_id: 0, number: '901', status: 'processing', currency: 'USD',
      date_created_gmt: stamp, date_modified_gmt: stamp, discount_total: '0.00', shipping_total: '5.90', total_tax: '0.00', total: '63.80',
      billing: { first_name: 'Ada', last_name: 'Lovelace', address_1: '12 Main St', city: 'Springfield', state: 'IL', postcode: '62701', country: 'US', email: 'ada@example.com' },
      shipping: { first_name: 'Ada', last_name: 'Lovelace', address_1: '12 Main St', city: 'Springfield', state: 'IL', postcode: '62701', country: 'US' },
      line_items: [
        { id: 315, name: 'Logo Tee - M', quantity: 2, subtotal: '39.90', total: '39.90', total_tax: '0.00', sku: 'TEE-BLK-M', price: 19.95 },
        { id: 316, name: 'Mug', quantity: 1, subtotal: '18.00', total: '18.00', total_tax: '0.00', sku: 'MUG-12OZ', price: 18 },
      ],
      fee_lines: [], refunds: [], meta_data: [],
    };
    await fetch(`${woo.url}/__mock/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders: [order] }) });
  });
  afterAll(async () => { await Promise.all([woo?.close(), shipbob?.close()]); });

  it('the order reaches ShipBob; nothing has shipped yet', async () => {
    const first = await sync();
    expect(first.channels.find((c) => c.channel === 'woo')?.created).toBe(1);
    expect(delivered(first, 'wms')).toBe(1);
    expect(first.shipments).toEqual([{ source: 'wms', pages: 1, reported: 0, recorded: 0, known: 0, quarantined: 0, toConfirm: 0 }]);
  }, 120_000);

  it('two parcels shipped by the warehouse are confirmed on WooCommerce in the same run, each with its tracking number and its line', async () => {
    // When: the warehouse ships the tees and the mug separately.
    const shipped = await fetch(`${shipbob.url}/__mock/ship`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference_id: 'woo:901', parcels: [
        { products: [{ reference_id: 'TEE-BLK-M', quantity: 2 }], trackingNumber: '9400111111111111111111' },
        { products: [{ reference_id: 'MUG-12OZ', quantity: 1 }], trackingNumber: '9400222222222222222222' },
      ] }),
    });
    expect(shipped.status).toBe(200);
    const second = await sync();
    // Then: two shipments, two shipment.created events, two confirmations on the channel.
    expect(second.shipments[0]).toMatchObject({ source: 'wms', reported: 2, recorded: 2, quarantined: 0, toConfirm: 2 });
    expect(second.events['shipment.created']).toBe(2);
    expect(delivered(second, 'channel:woo')).toBe(2);
    const order = await wooOrder();
    const meta = (order.meta_data as Raw[]).find((m) => m.key === SHIPPED_META)?.value as string;
    expect(JSON.parse(meta)).toEqual({ '9400111111111111111111': { 315: 2 }, '9400222222222222222222': { 316: 1 } });
    expect(order.status).toBe('completed');
    const state = await wooState();
    expect(state.fulfillment).toMatchObject({ notes: 2, duplicates: 0, completed: 1 });
  }, 120_000);

  it('a further sync confirms nothing twice, and the channel\'s echo goes to no target', async () => {
    const third = await sync();
    expect(third.channels.find((c) => c.channel === 'woo')).toMatchObject({ echoes: 1, updated: 0 });
    expect(third.shipments[0]).toMatchObject({ reported: 2, recorded: 0, known: 2, toConfirm: 0 });
    expect(third.targets.every((t) => t.delivered === 0)).toBe(true);
    expect(third.events['shipment.created'] ?? 0).toBe(0);
    expect((await wooState()).fulfillment).toMatchObject({ notes: 2, duplicates: 0, completed: 1 });
    const shipbobState = (await (await fetch(`${shipbob.url}/__mock/state`)).json()) as Raw;
    expect(shipbobState).toMatchObject({ records: 1, duplicates: 0, duplicateAttempts: 0 });
  }, 120_000);

  it('`pull` reads shipments after the channels (counts in --json; --dry-run writes nothing); `pull --channel` leaves them out', async () => {
    const env = { WOO_URL: woo.url, SHIPBOB_URL: shipbob.url };
    const dry = await runCli(['--config', config, '--db', db, '--json', 'pull', '--dry-run'], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect((JSON.parse(dry.stdout) as SyncJson).shipments).toEqual([{ source: 'wms', pages: 1, reported: 2, recorded: 0, known: 0, quarantined: 0, toConfirm: 0 }]);
    const pull = await runCli(['--config', config, '--db', db, '--json', 'pull'], { env });
    expect(pull.code, pull.stderr).toBe(0);
    expect((JSON.parse(pull.stdout) as SyncJson).shipments[0]).toMatchObject({ reported: 2, known: 2, recorded: 0 });
    const human = await runCli(['--config', config, '--db', db, 'pull'], { env });
    expect(human.stdout).toMatch(/source\s+pages\s+reported\s+recorded\s+known\s+quarantined\s+toConfirm/);
    const onlyWoo = await runCli(['--config', config, '--db', db, '--json', 'pull', '--channel', 'woo'], { env });
    expect(onlyWoo.code, onlyWoo.stderr).toBe(0);
    expect(JSON.parse(onlyWoo.stdout)).not.toHaveProperty('shipments');
  }, 120_000);
});
