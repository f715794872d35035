// One writing run at a time: a second one exits 75 naming the holder; readers never wait.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { runCli } from '../support/cli.js';

describe('the run lock through the CLI', () => {
  it('a second writer exits 75 with the holder; a stale lock is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-lock-'));
    const db = join(dir, 'ledger.db');
    const config = join(dir, 'config.yml');
    writeFileSync(config, 'channels: {}\ntargets: {}\n');
    openLedger(db).close();
    const raw = new Database(db);
    raw.prepare("INSERT INTO locks (name, pid, host, command, acquired_at) VALUES ('run', ?, ?, 'sync', '2026-11-25T10:00:00.000Z')").run(process.pid, hostname());

    const blocked = await runCli(['--config', config, '--db', db, 'pull']);
    expect(blocked.code).toBe(75);
    expect(blocked.stderr).toContain(`error: another ordersync run holds the ledger: pid ${process.pid} on ${hostname()}, \`sync\`, since 2026-11-25T10:00:00.000Z`);

    raw.prepare('UPDATE locks SET pid = 2147483646').run();
    const resumed = await runCli(['--config', config, '--db', db, 'pull']);
    expect(resumed.code).toBe(0);
    expect(raw.prepare('SELECT count(*) AS n FROM locks').get()).toEqual({ n: 0 });
    raw.close();
  });
});
