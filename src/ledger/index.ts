// The ledger as engines see it: coarse operations, never raw SQL, so another backend
// (a shared PostgreSQL for many workers) can come later without touching the engines.
import { createDeliveryStore } from './deliveries.js';
import { createRunLock } from './lock.js';
import { openDatabase } from './open.js';
import { createOrderStore } from './orders.js';
import { createQueries } from './queries.js';
import { createRunStore } from './runs.js';
import { createHealthStore } from './health.js';
import { createStatusQueries } from './status.js';
import { createOrderQueries } from './order-queries.js';
import { createReportQueries } from './report-queries.js';
import { createMaintenance } from './maintenance.js';
import { createStockStore } from './stock.js';
import { createShipmentStore } from './shipments.js';

export function openLedger(file: string) {
  const db = openDatabase(file);
  const ledgerId = (db.prepare("SELECT value FROM meta WHERE key = 'ledger_id'").get() as { value: string }).value;
  return {
    file,
    ledgerId,
    orders: createOrderStore(db),
    deliveries: createDeliveryStore(db, ledgerId),
    runs: createRunStore(db),
    lock: createRunLock(db),
    health: createHealthStore(db),
    maintenance: createMaintenance(db),
    stock: createStockStore(db),
    shipments: createShipmentStore(db),
    queries: createQueries(db),
    integrityCheck: (): string => String(db.pragma('integrity_check', { simple: true })),
    close: (): void => void db.close(),
  };
}

/** A read-only view for reports: never waits on a writer (WAL) and never takes the run lock. */
export function openLedgerForReading(file: string) {
  const db = openDatabase(file, { readonly: true });
  return {
    file,
    queries: createQueries(db),
    status: createStatusQueries(db),
    orders: createOrderQueries(db),
    report: createReportQueries(db),
    recentRuns: createRunStore(db).recent,
    close: (): void => void db.close(),
  };
}

export type Ledger = ReturnType<typeof openLedger>;
export type LedgerReader = ReturnType<typeof openLedgerForReading>;
export type { ClaimedDelivery, Settlement, DeadDelivery, DeliveryCounts } from './deliveries.js';
export type { PageToCommit, PageResult } from './orders.js';
export type { RunOutcome, RunRecord } from './runs.js';
export type { QuarantinedPayload } from './queries.js';
export type { Acknowledgement, LevelReading, LevelsResult, OpenLine, PushOutcome, PushRecord, StockStore, StoredLevel } from './stock.js';
export type { ReportedShipment, ShipmentPageResult, ShipmentPageToCommit, ShipmentStore } from './shipments.js';
export { shipmentQuarantineName } from './shipments.js';
export type { StatusSnapshot, ChannelStatus, TargetStatus } from './status.js';
