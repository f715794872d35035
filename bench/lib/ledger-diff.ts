// What a pull wrote to a ledger, read from outside through a second connection: a fingerprint
// of every order row, and the row counts of the append-only tables.
import Database from 'better-sqlite3';

export interface LedgerPicture { orders: Map<number, string>; events: number; deliveries: number; quarantine: number }
export interface LedgerWrites { ordersWritten: number; ordersAdded: number; events: number; deliveries: number; quarantined: number }

export function pictureOf(file: string): LedgerPicture {
  const db = new Database(file, { readonly: true });
  try {
    const orders = new Map<number, string>();
    const rows = db.prepare<[], { id: number; f: string }>(
      "SELECT id, updated_at || '|' || content_hash || '|' || last_changed_at || '|' || length(raw) AS f FROM orders");
    for (const row of rows.iterate()) orders.set(row.id, row.f);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { orders, events: count('events'), deliveries: count('deliveries'), quarantine: count('quarantine') };
  } finally {
    db.close();
  }
}

export function writesBetween(before: LedgerPicture, after: LedgerPicture): LedgerWrites {
  let ordersWritten = 0;
  let ordersAdded = 0;
  for (const [id, fingerprint] of after.orders) {
    const was = before.orders.get(id);
    if (was === undefined) ordersAdded++;
    else if (was !== fingerprint) ordersWritten++;
  }
  return {
    ordersWritten, ordersAdded,
    events: after.events - before.events,
    deliveries: after.deliveries - before.deliveries,
    quarantined: after.quarantine - before.quarantine,
  };
}
