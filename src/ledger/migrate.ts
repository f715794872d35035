// Migrations run at open, in order, each in its own transaction that bumps PRAGMA user_version.
// A ledger written by a newer ordersync is refused rather than damaged.
import type Database from 'better-sqlite3';
import { LedgerError } from '../errors.js';
import { initialSchema } from './migrations/001-initial.js';
import { statusSchema } from './migrations/002-status.js';
import { shipmentsSchema } from './migrations/003-shipments.js';
import { stockSchema } from './migrations/004-stock.js';
import { statusCountsSchema } from './migrations/005-status-counts.js';
import { wmsShipmentsSchema } from './migrations/006-wms-shipments.js';
import { lighterWritesSchema } from './migrations/007-lighter-writes.js';

export const MIGRATIONS: readonly string[] = [initialSchema, statusSchema, shipmentsSchema, stockSchema, statusCountsSchema, wmsShipmentsSchema,
  lighterWritesSchema];

export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new LedgerError('ledger_too_new', `${file} was written by a newer ordersync (schema ${current}, this one knows ${MIGRATIONS.length})`, {
      hint: 'upgrade ordersync, or point --db at another file',
    });
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
