// The walking skeleton end to end: the real CLI, the mock WooCommerce store, the mock webhook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockEnvironment, startAllMocks, stopAllMocks } from '../../src/cli/mocks.js';
import type { RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';

interface SyncJson {
  channels: { channel: string; created: number; updated: number }[];
  targets: { target: string; delivered: number; dead: number }[];
  events: Record<string, number>;
}

describe('ordersync sync against the mocks', () => {
  let mocks: RunningMock[];
  let env: Record<string, string>;
  let db: string;
  const url = (name: string) => mocks.find((m) => m.name === name)!.url;

  beforeAll(async () => {
    mocks = await startAllMocks({ seed: 1, orders: 40 });
    env = mockEnvironment(mocks);
    db = join(mkdtempSync(join(tmpdir(), 'ordersync-cli-')), 'ordersync.db');
  });
  afterAll(() => stopAllMocks(mocks));

  const sync = async (command = 'sync') => {
    const result = await runCli(['--config', 'test/fixtures/woo-to-webhook.yml', '--db', db, '--json', command], { env });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as SyncJson;
  };

  it('pulls every order and delivers each one once', async () => {
    const first = await sync();
    const ordersHeld = ((await (await fetch(`${url('woocommerce')}/__mock/state`)).json()) as { orders: number }).orders;
    expect(first.events).toEqual({ 'order.created': ordersHeld });
    expect(first.targets.find((t) => t.target === 'hooks')).toMatchObject({ delivered: ordersHeld, dead: 0 });
    const hooks = (await (await fetch(`${url('webhook')}/__mock/state`)).json()) as { records: number; duplicates: number };
    expect(hooks).toMatchObject({ records: ordersHeld, duplicates: 0 });
  });

  it('a pull with nothing changed writes no event and a push sends nothing', async () => {
    const pull = await sync('pull');
    expect(pull.channels.every((c) => c.created === 0 && c.updated === 0)).toBe(true);
    const push = await sync('push');
    expect(push.targets.every((t) => t.delivered === 0)).toBe(true);
  });

  it('after 3 changed and 2 added orders, the next sync writes and delivers exactly those 5', async () => {
    const before = (await (await fetch(`${url('webhook')}/__mock/state`)).json()) as { records: number };
    const change = await fetch(`${url('woocommerce')}/__mock/orders`, { method: 'POST', body: JSON.stringify({ change: 3, add: 2 }) });
    expect(change.ok).toBe(true);
    const next = await sync();
    expect(next.events).toEqual({ 'order.updated': 3, 'order.created': 2 });
    expect(next.targets.find((t) => t.target === 'hooks')?.delivered).toBe(5);
    const after = (await (await fetch(`${url('webhook')}/__mock/state`)).json()) as { records: number; duplicates: number };
    expect(after.records - before.records).toBe(5);
    expect(after.duplicates).toBe(0);
  });
});
