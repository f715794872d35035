// Secrets from the config never appear in any output, at any log level, nor in the ledger.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockEnvironment, startAllMocks, stopAllMocks } from '../../src/cli/mocks.js';
import type { RunningMock } from '../../src/mock/index.js';
import { runCli } from '../support/cli.js';

// The mocks accept only their demo credentials, so those are the "known secrets" of a working
// run; the wrong-key run adds secrets the mock refuses, which error paths must not echo.
const SECRETS = {
  WOOCOMMERCE_CONSUMER_KEY: 'ck_ordersync_demo',
  WOOCOMMERCE_CONSUMER_SECRET: 'cs_ordersync_demo',
  WEBHOOK_SECRET: 'whsec_ordersync_demo_secret',
};
const WRONG = { WOOCOMMERCE_CONSUMER_KEY: 'ck_canary_wrong_key_31337', WOOCOMMERCE_CONSUMER_SECRET: 'cs_canary_wrong_secret_4242', WEBHOOK_SECRET: 'whsec_canary_wrong_secret_77' };

describe('secrets stay secret', () => {
  let mocks: RunningMock[];
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-secrets-'));
  const db = join(dir, 'ledger.db');
  let output = '';

  beforeAll(async () => { mocks = await startAllMocks({ seed: 4, orders: 15 }); });
  afterAll(() => stopAllMocks(mocks));

  const run = async (args: string[], env: Record<string, string>) => {
    const result = await runCli(['--config', 'config.example.yml', '--db', db, ...args], { env: { ...mockEnvironment(mocks), ...env } });
    output += result.stdout + result.stderr;
    return result;
  };

  it('no command prints a secret, verbose or not, success or failure', async () => {
    await fetch(`${mocks.find((m) => m.name === 'woocommerce')!.url}/__mock/orders`, { method: 'POST', body: JSON.stringify({ malformed: 1 }) });
    expect((await run(['--verbose', 'sync'], SECRETS)).code).toBe(3);
    for (const args of [['pull'], ['push'], ['--json', 'status'], ['dead'], ['--json', 'orders', 'list'], ['--json', 'config', 'check'], ['push', '--dry-run']]) {
      await run(args, SECRETS);
    }
    const shown = JSON.parse((await run(['--json', 'orders', 'list', '--limit', '1'], SECRETS)).stdout) as { id: number }[];
    await run(['--json', 'orders', 'show', String(shown[0]!.id), '--raw'], SECRETS);
    expect((await run(['--verbose', 'sync'], WRONG)).code).toBe(1);
    await run(['--verbose', '--json', 'pull'], WRONG);
    await run(['--verbose', 'push'], WRONG);
    for (const secret of [...Object.values(SECRETS), ...Object.values(WRONG)]) {
      expect(output, `output leaks ${secret}`).not.toContain(secret);
      expect(output).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(output).toContain('HTTP 401');
  }, 180_000);

  it('the ledger file holds no secret', () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('ledger.db'));
    const bytes = files.map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    for (const secret of [...Object.values(SECRETS), ...Object.values(WRONG)]) expect(bytes).not.toContain(secret);
    writeFileSync(join(dir, 'checked'), 'ok');
  });
});
