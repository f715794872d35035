// Bad input gets one clear line, the right exit code, and no partial write.
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/woocommerce/mock.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ordersync-bad-'));
const configFile = (name: string, channel: Record<string, unknown>) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ channels: { shop: { kind: 'woocommerce', ...channel } }, targets: {} }));
  return file;
};
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error:'));

describe('bad input', () => {
  let woo: RunningMock;
  beforeAll(async () => { woo = await startMock(woocommerceChannel.mock!({ seed: 2, orders: 5 }), { port: 0 }); });
  afterAll(() => woo.close());

  it('a missing config file: exit 2, one line naming it', async () => {
    const result = await runCli(['--config', join(dir, 'absent.yml'), 'pull']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`error: config file ${join(dir, 'absent.yml')} does not exist`]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown connector kind: exit 2, the path and the kinds there are', async () => {
    const file = join(dir, 'kind.yml');
    writeFileSync(file, 'channels:\n  shop:\n    kind: magento\n');
    const result = await runCli(['--config', file, 'pull']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/channels\.shop\.kind: unknown channel kind "magento" \(built in: woocommerce/);
  });

  it('an unreachable endpoint: exit 1, names the channel, writes no order', async () => {
    const db = join(dir, 'unreachable.db');
    const file = configFile('unreachable.yml', { url: 'http://127.0.0.1:9', ...MOCK_CREDENTIALS });
    const result = await runCli(['--config', file, '--db', db, 'pull']);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([expect.stringMatching(/^error: channel shop: cannot reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/)]);
  }, 60_000);

  it('wrong credentials: exit 1, the API\'s own words, no secret shown', async () => {
    const db = join(dir, 'creds.db');
    const file = configFile('creds.yml', { url: woo.url, consumerKey: 'ck_wrong_key_1234', consumerSecret: 'cs_wrong_secret_5678' });
    const result = await runCli(['--config', file, '--db', db, 'pull']);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual(['error: channel shop: HTTP 401 unauthorized (check the credentials) from GET /wp-json/wc/v3/orders: Consumer key is invalid.']);
    expect(result.stderr + result.stdout).not.toContain('cs_wrong_secret_5678');
  });

  it('a malformed page: exit 1 after retries, and nothing of it is written', async () => {
    await fetch(`${woo.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ rateMalformed: 1 }) });
    const db = join(dir, 'malformed.db');
    const file = configFile('malformed.yml', { url: woo.url, ...MOCK_CREDENTIALS });
    const result = await runCli(['--config', file, '--db', db, '--json', 'pull']);
    await fetch(`${woo.url}/__mock/faults`, { method: 'POST', body: '{}' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: channel shop: the response was not valid JSON/);
    const orders = await runCli(['--config', file, '--db', db, '--json', 'pull']);
    expect(JSON.parse(orders.stdout).channels[0].created).toBe(5);
  }, 60_000);

  it('an order without an id is quarantined, the rest lands, exit 3', async () => {
    await fetch(`${woo.url}/__mock/orders`, { method: 'POST', body: JSON.stringify({ orders: [{ id: 'not-a-number', number: 'X', date_modified_gmt: '2026-11-25T00:00:00' }] }) });
    const db = join(dir, 'quarantine.db');
    const file = configFile('quarantine.yml', { url: woo.url, ...MOCK_CREDENTIALS });
    const result = await runCli(['--config', file, '--db', db, '--json', 'pull']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).channels[0]).toMatchObject({ created: 5, quarantined: 1 });
    expect(result.stderr).toMatch(/1 payloads were quarantined/);
  });

  it('a database file that is not SQLite: exit 1, names the file, leaves it alone', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const file = configFile('notes.yml', { url: woo.url, ...MOCK_CREDENTIALS });
    const result = await runCli(['--config', file, '--db', notes, 'pull']);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([`error: ${notes} is not an SQLite database; refusing to touch it`]);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('bad usage: exit 2', async () => {
    expect((await runCli(['pull', '--since', 'yesterday-ish', '--config', configFile('u.yml', { url: woo.url, ...MOCK_CREDENTIALS })])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect(existsSync(join(dir, 'ordersync.db'))).toBe(false);
  });

  it('--help on every command shows an example', async () => {
    for (const command of ['pull', 'push', 'sync', 'mock', 'demo', 'dead', 'retry', 'config check']) {
      const result = await runCli([...command.split(' '), '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toMatch(/Examples?/);
    }
  }, 60_000);
});
