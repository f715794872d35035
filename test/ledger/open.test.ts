import { mkdtempSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LedgerError, LockedError } from '../../src/errors.js';
import { openLedger, openLedgerForReading } from '../../src/ledger/index.js';
import { MIGRATIONS } from '../../src/ledger/migrate.js';

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'ordersync-ledger-')), name);

describe('ledger: opening the file', () => {
  it('creates a new ledger readable by its owner only, in WAL mode, at the latest schema', () => {
    const file = tempFile('new.db');
    const ledger = openLedger(file);
    ledger.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = tempFile('notes.txt');
    writeFileSync(file, 'these are my notes, not a database\n');
    expect(() => openLedger(file)).toThrow(LedgerError);
    expect(() => openLedger(file)).toThrow(/not an SQLite database/);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('refuses another application\'s SQLite database without adding tables to it', () => {
    const file = tempFile('other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    expect(() => openLedger(file)).toThrow(/not an ordersync ledger/);
    const after = new Database(file);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    after.close();
  });

  it('refuses a ledger written by a newer ordersync', () => {
    const file = tempFile('future.db');
    openLedger(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openLedger(file)).toThrow(expect.objectContaining({ code: 'ledger_too_new' }));
  });

  it('a reader does not need the run lock and a missing ledger is a clear error', () => {
    expect(() => openLedgerForReading(tempFile('missing.db'))).toThrow(/no ledger at/);
    const file = tempFile('shared.db');
    const writer = openLedger(file);
    writer.lock.acquire('sync');
    const reader = openLedgerForReading(file);
    expect(reader.queries.ordersByChannel()).toEqual({});
    reader.close();
    writer.close();
  });
});

describe('ledger: the run lock', () => {
  it('names the holder when another live process has it, and takes over from a dead one', () => {
    const file = tempFile('lock.db');
    const ledger = openLedger(file);
    const db = new Database(file);
    db.prepare("INSERT INTO locks (name, pid, host, command, acquired_at) VALUES ('run', 1, ?, 'sync', '2026-11-25T10:00:00Z')")
      .run(hostname());
    expect(() => ledger.lock.acquire('pull')).toThrow(LockedError);
    expect(() => ledger.lock.acquire('pull')).toThrow(/pid 1 .*`sync`, since 2026-11-25T10:00:00Z/);
    db.prepare("UPDATE locks SET pid = 2147483646").run();
    expect(() => ledger.lock.acquire('pull')).not.toThrow();
    ledger.lock.release();
    expect(db.prepare('SELECT count(*) AS n FROM locks').get()).toEqual({ n: 0 });
    db.close();
    ledger.close();
  });
});
