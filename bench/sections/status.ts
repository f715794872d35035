// Item 7. The status view's refresh, `openLedgerForReading(file).status.snapshot()`, on a ledger
// of `statusOrders` orders (two channels, two targets, first seen over the last year, the newest
// in the last day), built through commitPage in transactions of 5,000 orders. Measured twice:
// just after the pull (every delivery pending) and once pushed (99% done, 0.1% dead).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLedger, openLedgerForReading } from '../../src/ledger/index.js';
import { makeOrder } from '../lib/orders.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';

const PAGE = 5_000;
const YEAR = 365 * 86_400_000;
const CHANNELS = ['woo', 'shop'];
const TARGETS = ['erp', 'wms'];
const REFRESHES = 9;

function buildLedger(file: string, orders: number, now: number): void {
  const ledger = openLedger(file);
  try {
    const pages = Math.ceil(orders / PAGE);
    for (let p = 0; p < pages; p++) {
      // Pages are pulled through the year: the last one within the last hour.
      const pulledAt = now - Math.floor(((pages - 1 - p) * YEAR) / pages) - 60_000;
      for (const channel of CHANNELS) {
        const batch = [];
        for (let n = p * PAGE + 1; n <= Math.min(orders, (p + 1) * PAGE); n++) {
          if ((n % CHANNELS.length === 0) !== (channel === CHANNELS[0])) continue;
          const placedAt = pulledAt - ((n * 7_919) % 3_600_000);
          batch.push({ order: makeOrder(n, { channel, placedAt, updatedAt: placedAt }), targets: TARGETS, moneyDifference: 0 });
        }
        ledger.orders.commitPage({ channel, orders: batch, rejected: [], checkpoint: { page: p } }, pulledAt);
      }
    }
    for (const channel of CHANNELS) ledger.health.channelPulled(channel, null, now);
    for (const target of TARGETS) ledger.health.targetDelivered(target, now);
  } finally {
    ledger.close();
  }
}

/** As if a push had run: 99% done (at their creation time), 0.1% dead, the rest pending. */
function settleMost(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`UPDATE deliveries SET status = CASE WHEN id % 1000 = 0 THEN 'dead' ELSE 'done' END, attempts = 1,
      last_error = CASE WHEN id % 1000 = 0 THEN 'HTTP 422 unprocessable entity' END, updated_at = created_at WHERE id % 100 <> 1`);
  } finally {
    db.close();
  }
}

function timeSnapshots(file: string): { coldMs: number; refreshMs: number } {
  const began = performance.now();
  const reader = openLedgerForReading(file);
  try {
    reader.status.snapshot();
    const coldMs = performance.now() - began;
    const times: number[] = [];
    for (let i = 0; i < REFRESHES; i++) {
      const t = performance.now();
      reader.status.snapshot();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { coldMs, refreshMs: times[Math.floor(times.length / 2)]! };
  } finally {
    reader.close();
  }
}

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('status', async (dir) => {
    const file = join(dir, 'ledger.db');
    const n = sizes.statusOrders;
    const began = performance.now();
    buildLedger(file, n, Date.now());
    log(`status: ledger of ${n} orders built in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    const pulled = timeSnapshots(file);
    settleMost(file);
    const pushed = timeSnapshots(file);
    log(`status: pending ${pulled.coldMs.toFixed(0)}/${pulled.refreshMs.toFixed(0)} ms, pushed ${pushed.coldMs.toFixed(0)}/${pushed.refreshMs.toFixed(0)} ms`);
    const count = n.toLocaleString('en-US');
    const row = (name: string, ms: number): Row => ({
      item: 7, name: `${name}, ${count} orders`, figure: ms, unit: 'ms', limit: 100, limitIs: 'the issue\'s ceiling',
      target: { op: '<', value: 1, words: '< 100 ms' },
    });
    return [
      row('status: open + first snapshot, all deliveries pending', pulled.coldMs),
      row(`status: refresh (median of ${REFRESHES}), all deliveries pending`, pulled.refreshMs),
      row('status: open + first snapshot, 99% done', pushed.coldMs),
      row(`status: refresh (median of ${REFRESHES}), 99% done`, pushed.refreshMs),
    ];
  });
}
