// The one way a delivery row is created: inserted pending, and counted in delivery_counts
// (migration 005) once per batch rather than by a trigger per row. Every insert of a delivery
// must go through here, inside the transaction that then calls `count()`.
import type Database from 'better-sqlite3';

export interface NewDeliveries {
  /** Inserts one pending delivery of the event to the target. */
  add(eventId: number, orderId: number, target: string, now: string): void;
  /** Adds what `add` inserted since the last call to delivery_counts; call before the transaction ends. */
  count(): void;
}

export function createNewDeliveries(db: Database.Database): NewDeliveries {
  const insert = db.prepare(`INSERT INTO deliveries (event_id, order_id, target, status, next_attempt_at, created_at, updated_at)
    VALUES (?, ?, ?, 'pending', ?, ?, ?)`);
  const addPending = db.prepare(`INSERT INTO delivery_counts (target, status, n) VALUES (?, 'pending', ?)
    ON CONFLICT (target, status) DO UPDATE SET n = n + excluded.n`);
  const uncounted = new Map<string, number>();
  return {
    add(eventId, orderId, target, now) {
      insert.run(eventId, orderId, target, now, now, now);
      uncounted.set(target, (uncounted.get(target) ?? 0) + 1);
    },
    count() {
      for (const [target, n] of uncounted) addPending.run(target, n);
      uncounted.clear();
    },
  };
}
