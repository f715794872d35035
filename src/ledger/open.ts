// Opens (or creates) the ledger file: refuses a file that is not an ordersync ledger, never
// overwrites it, creates new files readable by the owner only.
import { closeSync, existsSync, openSync, readSync, statSync, chmodSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { LedgerError } from '../errors.js';
import { migrate } from './migrate.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
const BUSY_TIMEOUT_MS = 5_000;
const WAL_CHECKPOINT_PAGES = 8_192; // of 4 KiB
const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;

export interface OpenOptions {
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const isNew = file === ':memory:' || !existsSync(file) || statSync(file).size === 0;
  if (!isNew) assertSqliteFile(file);
  if (options.readonly && isNew) {
    throw new LedgerError('ledger_missing', `no ledger at ${file}`, { hint: 'run `ordersync pull` first, or pass --db' });
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) applyWriterPragmas(db);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new LedgerError('ledger_unreadable', `cannot open ledger ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (isNew && file !== ':memory:') chmodSync(file, 0o600);
  try {
    if (!isNew) assertNotForeign(db, file);
    if (!options.readonly) {
      migrate(db, file);
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('ledger_id', randomUUID());
    }
    assertOrdersyncLedger(db, file);
  } catch (error) {
    db.close();
    if (error instanceof LedgerError) throw error;
    throw new LedgerError('ledger_unreadable', `${file} is not a usable ordersync ledger: ${(error as Error).message}`, {
      cause: error, hint: 'point --db at the ledger file, or at a new path to start one',
    });
  }
  return db;
}

/** How the ledger writes: WAL, fsync at checkpoints only (crash-safe, as WAL makes it). */
export function applyWriterPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A checkpoint (copy the WAL into the file, two fsyncs) every 32 MiB of WAL rather than
  // SQLite's 4 MiB: a big pull pays for 8× fewer of them (issue 8, bench/FINDINGS.md §E).
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

function assertSqliteFile(file: string): void {
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new LedgerError('ledger_not_sqlite', `${file} is not an SQLite database; refusing to touch it`, {
      hint: 'point --db (or `database:` in the config) at the ledger file, or at a new path to start one',
    });
  }
}

function assertNotForeign(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (version === 0 && tables.n > 0) assertOrdersyncLedger(db, file);
}

function assertOrdersyncLedger(db: Database.Database, file: string): void {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  const id = table ? db.prepare("SELECT value FROM meta WHERE key = 'ledger_id'").get() : undefined;
  if (!id) {
    throw new LedgerError('ledger_foreign', `${file} is an SQLite database but not an ordersync ledger; refusing to touch it`, {
      hint: 'point --db at the ledger file, or at a new path to start one',
    });
  }
}
