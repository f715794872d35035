// Keeping the ledger lawful and safe: removing personal data from old orders, and taking a
// consistent online copy while other runs write.
import { chmodSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { isoNow } from './time.js';

const PURGED_RAW = (at: string) => JSON.stringify({ purged: at, reason: 'personal data removed by `ordersync purge`' });

export function createMaintenance(db: Database.Database) {
  const oldOrders = db.prepare<[string], { id: number; normalized: string }>(
    "SELECT id, normalized FROM orders WHERE placed_at < ? AND raw NOT LIKE '{\"purged\":%'");
  const scrubOrder = db.prepare('UPDATE orders SET normalized = ?, raw = ? WHERE id = ?');
  const scrubQuarantine = db.prepare("UPDATE quarantine SET raw = ? WHERE received_at < ? AND raw NOT LIKE '{\"purged\":%'");

  const purge = db.transaction((before: string, now: string): { orders: number; quarantined: number } => {
    let orders = 0;
    for (const row of oldOrders.all(before)) {
      const order = JSON.parse(row.normalized) as Record<string, unknown>;
      const scrubbed = { ...order, customer: { email: null, name: null, phone: null }, shippingAddress: null, billingAddress: null };
      scrubOrder.run(JSON.stringify(scrubbed), PURGED_RAW(now), row.id);
      orders++;
    }
    const quarantined = scrubQuarantine.run(PURGED_RAW(now), before).changes;
    return { orders, quarantined };
  });

  return {
    /**
     * Removes customer names, emails, phones and addresses (normalized and the channel's raw
     * payload) from orders placed before the cutoff; amounts, SKUs and statuses stay.
     */
    purgePersonalData: (before: number, now: number = Date.now()) => purge.immediate(isoNow(before), isoNow(now)),
    /** SQLite's online backup: a consistent copy even while another process writes. */
    backupTo: async (file: string): Promise<void> => {
      await db.backup(file);
      chmodSync(file, 0o600); // the copy holds the same personal data as the ledger
    },
  };
}
