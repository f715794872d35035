import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('ordersync status without a terminal', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ordersync-status-')), 'ledger.db');
  const status = (...args: string[]) => runCli(['--config', 'config.example.yml', '--db', db, 'status', ...args]);

  beforeAll(async () => {
    const demo = await runCli(['--db', db, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
  }, 60_000);

  it('prints plain tables', async () => {
    const result = await status();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/channels\nchannel\s+kind\s+last pull/);
    expect(result.stdout).toMatch(/woo\s+woocommerce\s+\d+ s ago/);
    expect(result.stdout).toMatch(/hooks\s+0\s+0\s+0\s+0\s+\d+ s ago\s+\d+/);
    expect(result.stdout).toContain('all good');
  });

  it('--json prints one document with the documented fields', async () => {
    const result = await status('--json');
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(['at', 'attention', 'channels', 'dead', 'runs', 'targets']);
    const channels = doc.channels as { channel: string; ordersToday: number }[];
    expect(channels).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'woo', ordersToday: 40, quarantined: 0, perHour: expect.any(Array) })]));
    const allOrders = channels.reduce((n, c) => n + c.ordersToday, 0);
    expect(doc.targets).toEqual(expect.arrayContaining([expect.objectContaining({ target: 'hooks', deliveries: { pending: 0, in_flight: 0, retry: 0, dead: 0, done: allOrders } })]));
  });

  it('--exit-code exits 1 when something needs attention', async () => {
    expect((await status('--exit-code')).code).toBe(0);
    const impatient = join(mkdtempSync(join(tmpdir(), 'ordersync-status-')), 'impatient.yml');
    writeFileSync(impatient, `${readFileSync('config.example.yml', 'utf8')}\nstatus:\n  staleAfterMinutes: 0.0001\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const strict = await runCli(['--config', impatient, '--db', db, 'status', '--exit-code', '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).attention).toContain('channel woo: no successful pull for over 0.0001 min');
  });

  it('orders list filters, and orders show gives the order with its events and deliveries', async () => {
    const list = await runCli(['--config', 'config.example.yml', '--db', db, '--json', 'orders', 'list', '--channel', 'woo', '--status', 'paid', '--limit', '500']);
    const rows = JSON.parse(list.stdout) as { id: number; financialStatus: string; channel: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.financialStatus === 'paid' && r.channel === 'woo')).toBe(true);
    const show = await runCli(['--config', 'config.example.yml', '--db', db, '--json', 'orders', 'show', String(rows[0]!.id), '--raw']);
    const order = JSON.parse(show.stdout) as { order: { number: string }; events: { type: string }[]; deliveries: { target: string; status: string }[]; raw: { id: number } };
    expect(order.events[0]?.type).toBe('order.created');
    expect(order.deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ target: 'hooks', status: 'done' }), expect.objectContaining({ target: 'erp', status: 'done' })]));
    expect(order.raw.id).toBeGreaterThan(0);
    const missing = await runCli(['--config', 'config.example.yml', '--db', db, 'orders', 'show', 'no-such-order']);
    expect(missing.code).toBe(2);
  }, 60_000);
});
