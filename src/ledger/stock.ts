// Stock in the ledger: levels per source (a `stock.changed` event only when a figure really
// changes), which orders each source has counted, the open order lines that still reserve units,
// and what each channel was last sent. Coarse operations only; the maths live in src/stock.
import type Database from 'better-sqlite3';
import { isoNow } from './time.js';

export interface LevelReading { sku: string; location: string; onHand: number }
export interface StoredLevel extends LevelReading { source: string; observedAt: string; changedAt: string }

/** How a source shows it has counted an order (see migrations/004-stock.ts). */
export type Acknowledgement =
  | { kind: 'delivered'; target: string; before: number }
  | { kind: 'placed-before'; at: number };

export interface LevelsResult { changed: number; unchanged: number; zeroed: number; acknowledged: number }

/** Units in orders the source has not yet counted, by the channel's own SKU. */
export interface OpenLine { channel: string; sku: string; quantity: number }

export interface PushRecord {
  channel: string; sku: string; quantity: number | null; pushedAt: string | null; attemptedQuantity: number;
  status: 'ok' | 'rejected' | 'retry'; lastError: string | null; onHand: number | null; reserved: number | null;
}

export interface PushOutcome {
  sku: string; quantity: number; status: PushRecord['status']; reason?: string; onHand: number | null; reserved: number | null;
}

// Orders that hold stock: merchant-fulfilled, not cancelled, paid or about to be (DESIGN.md, issue 5).
const HOLDS_STOCK = `o.fulfilled_by = 'merchant' AND o.fulfillment_status <> 'cancelled'
  AND o.financial_status IN ('pending', 'authorized', 'paid', 'partially_refunded')`;

export function createStockStore(db: Database.Database) {
  const readLevels = db.prepare<[string], StoredLevel>(`SELECT source, sku, location, on_hand AS onHand, observed_at AS observedAt,
    changed_at AS changedAt FROM stock_levels WHERE source = ? ORDER BY sku, location`);
  const upsertLevel = db.prepare(`INSERT INTO stock_levels (source, sku, location, on_hand, observed_at, changed_at)
    VALUES (@source, @sku, @location, @onHand, @now, @now)
    ON CONFLICT (source, sku, location) DO UPDATE SET on_hand = excluded.on_hand, observed_at = excluded.observed_at,
      changed_at = CASE WHEN on_hand = excluded.on_hand THEN changed_at ELSE excluded.changed_at END`);
  const insertEvent = db.prepare("INSERT INTO events (order_id, type, content_hash, occurred_at) VALUES (NULL, 'stock.changed', ?, ?)");
  const ackDelivered = db.prepare(`INSERT OR IGNORE INTO stock_acknowledgements (order_id, source, acknowledged_at)
    SELECT DISTINCT d.order_id, @source, @now FROM deliveries d
    WHERE d.target = @target AND d.status = 'done' AND d.updated_at <= @before AND d.order_id IS NOT NULL`);
  const ackPlaced = db.prepare(`INSERT OR IGNORE INTO stock_acknowledgements (order_id, source, acknowledged_at)
    SELECT o.id, @source, @now FROM orders o WHERE julianday(o.placed_at) <= julianday(@at)`);
  const openLines = db.prepare<[string], OpenLine>(`SELECT o.channel, l.sku, sum(l.quantity) AS quantity
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE ${HOLDS_STOCK} AND l.sku IS NOT NULL AND l.quantity > 0
      AND NOT EXISTS (SELECT 1 FROM stock_acknowledgements a WHERE a.order_id = o.id AND a.source = ?)
    GROUP BY o.channel, l.sku ORDER BY o.channel, l.sku`);
  const readPushes = db.prepare<[], PushRecord>(`SELECT channel, sku, quantity, pushed_at AS pushedAt, attempted_quantity AS attemptedQuantity,
    status, last_error AS lastError, on_hand AS onHand, reserved FROM stock_pushes ORDER BY channel, sku`);
  const writePush = db.prepare(`INSERT INTO stock_pushes (channel, sku, quantity, pushed_at, attempted_quantity, status, last_error, on_hand, reserved, updated_at)
    VALUES (@channel, @sku, CASE WHEN @status = 'ok' THEN @quantity END, CASE WHEN @status = 'ok' THEN @now END, @quantity, @status, @error, @onHand, @reserved, @now)
    ON CONFLICT (channel, sku) DO UPDATE SET
      quantity = CASE WHEN excluded.status = 'ok' THEN excluded.attempted_quantity ELSE quantity END,
      pushed_at = CASE WHEN excluded.status = 'ok' THEN excluded.updated_at ELSE pushed_at END,
      attempted_quantity = excluded.attempted_quantity, status = excluded.status, last_error = excluded.last_error,
      on_hand = excluded.on_hand, reserved = excluded.reserved, updated_at = excluded.updated_at`);
  const clearOversold = db.prepare('DELETE FROM stock_oversold');
  const keepFlag = db.prepare<[string], { flagged_at: string }>('SELECT flagged_at FROM stock_oversold WHERE sku = ?');
  const insertOversold = db.prepare('INSERT INTO stock_oversold (sku, short, flagged_at) VALUES (?, ?, ?)');
  const readOversold = db.prepare<[], { sku: string; short: number; flaggedAt: string }>(
    'SELECT sku, short, flagged_at AS flaggedAt FROM stock_oversold ORDER BY sku');

  /** A full snapshot from one source: levels it no longer reports drop to 0 (never left stale). */
  const recordLevels = db.transaction((source: string, readings: LevelReading[], ack: Acknowledgement, now: string): LevelsResult => {
    const result: LevelsResult = { changed: 0, unchanged: 0, zeroed: 0, acknowledged: 0 };
    const before = new Map(readLevels.all(source).map((level) => [`${level.sku}\u0000${level.location}`, level.onHand]));
    const write = (sku: string, location: string, onHand: number): boolean => {
      const previous = before.get(`${sku}\u0000${location}`);
      upsertLevel.run({ source, sku, location, onHand, now });
      if (previous === onHand) return false;
      // The event names what changed; stock events belong to no order.
      insertEvent.run(`${source}:${sku}@${location}:${previous ?? 'none'}->${onHand}`, now);
      return true;
    };
    const seen = new Set<string>();
    for (const { sku, location, onHand } of readings) {
      seen.add(`${sku}\u0000${location}`);
      if (write(sku, location, onHand)) result.changed++;
      else result.unchanged++;
    }
    for (const [key, onHand] of before) {
      if (seen.has(key) || onHand === 0) continue;
      const [sku = '', location = ''] = key.split('\u0000');
      write(sku, location, 0);
      result.zeroed++;
    }
    result.acknowledged = ack.kind === 'delivered'
      ? ackDelivered.run({ source, now, target: ack.target, before: isoNow(ack.before) }).changes
      : ackPlaced.run({ source, now, at: isoNow(ack.at) }).changes;
    return result;
  });

  const recordPushes = db.transaction((channel: string, outcomes: PushOutcome[], now: string): void => {
    for (const o of outcomes) {
      writePush.run({ channel, sku: o.sku, quantity: o.quantity, status: o.status, error: o.reason?.slice(0, 2_000) ?? null, onHand: o.onHand, reserved: o.reserved, now });
    }
  });

  const flagOversold = db.transaction((rows: { sku: string; short: number }[], now: string): void => {
    const since = new Map(rows.map((row) => [row.sku, keepFlag.get(row.sku)?.flagged_at ?? now]));
    clearOversold.run();
    for (const row of rows) insertOversold.run(row.sku, row.short, since.get(row.sku) ?? now);
  });

  return {
    recordLevels: (source: string, readings: LevelReading[], ack: Acknowledgement, now: number = Date.now()): LevelsResult =>
      recordLevels.immediate(source, readings, ack, isoNow(now)),
    levels: (source: string): StoredLevel[] => readLevels.all(source),
    /** Lines of orders that hold stock and that `source` has not counted yet. */
    openLines: (source: string): OpenLine[] => openLines.all(source),
    pushes: (): PushRecord[] => readPushes.all(),
    recordPushes: (channel: string, outcomes: PushOutcome[], now: number = Date.now()): void => recordPushes.immediate(channel, outcomes, isoNow(now)),
    /** Replaces the oversold set; a SKU still oversold keeps the time it was first flagged. */
    flagOversold: (rows: { sku: string; short: number }[], now: number = Date.now()): void => flagOversold.immediate(rows, isoNow(now)),
    oversold: () => readOversold.all(),
  };
}

export type StockStore = ReturnType<typeof createStockStore>;
