// What `ordersync report` reads: orders and revenue per day, units per SKU, orders per day and
// per hour of the day, deliveries per order. Every query is per channel, so it ranges over the
// index orders_by_channel_placed (channel, placed_at) instead of scanning the whole table.
// Ranges are [from, to) of ISO 8601 UTC instants.
//
// An order counts as a sale unless it was cancelled, voided or fully refunded; its revenue is
// its total (lines, shipping and tax, less discounts); a partial refund still counts in full.
// A SKU's revenue is quantity × unit price − line discount (before tax and shipping).
import type Database from 'better-sqlite3';

const isSale = (table = ''): string => `${table}financial_status NOT IN ('voided', 'refunded') AND ${table}fulfillment_status <> 'cancelled'`;

export interface SalesRow {
  channel: string;
  day: string;
  currency: string;
  orders: number;
  revenue: number;
}

export interface SkuRow {
  sku: string | null;
  currency: string;
  units: number;
  revenue: number;
}

type Range = [channel: string, from: string, to: string];

/** The statements, by name: exported so that a test can assert their query plans. */
export const REPORT_SQL = {
  // The status tables name every channel that was ever pulled, without touching orders.
  channels: 'SELECT channel FROM cursors UNION SELECT channel FROM channel_status ORDER BY channel',
  firstPlaced: 'SELECT placed_at AS at FROM orders WHERE channel = ? ORDER BY placed_at LIMIT 1',
  sales: `
    SELECT channel, substr(placed_at, 1, 10) AS day, currency, count(*) AS orders,
      coalesce(sum(CASE WHEN ${isSale()} THEN total ELSE 0 END), 0) AS revenue
    FROM orders WHERE channel = ? AND placed_at >= ? AND placed_at < ?
    GROUP BY day, currency`,
  skus: `
    SELECT l.sku, o.currency, sum(l.quantity) AS units, sum(l.quantity * l.unit_price - l.discount) AS revenue
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.channel = ? AND o.placed_at >= ? AND o.placed_at < ? AND ${isSale('o.')}
    GROUP BY l.sku, o.currency`,
  daily: `
    SELECT substr(placed_at, 1, 10) AS day, count(*) AS orders
    FROM orders WHERE channel = ? AND placed_at >= ? AND placed_at < ? GROUP BY day ORDER BY day`,
  hourly: `
    SELECT CAST(substr(placed_at, 12, 2) AS INTEGER) AS hour, count(*) AS orders
    FROM orders WHERE channel = ? AND placed_at >= ? AND placed_at < ? GROUP BY hour`,
  // From the orders (a range of the channel's index) to their deliveries (deliveries_by_order).
  deliveries: `
    SELECT count(*) AS n FROM orders o JOIN deliveries d ON d.target = ? AND d.order_id = o.id
    WHERE o.channel = ? AND o.placed_at >= ? AND o.placed_at < ?`,
} as const;

export function createReportQueries(db: Database.Database) {
  const channels = db.prepare<[], { channel: string }>(REPORT_SQL.channels);
  const firstPlaced = db.prepare<[string], { at: string }>(REPORT_SQL.firstPlaced);
  const sales = db.prepare<Range, SalesRow>(REPORT_SQL.sales);
  const skus = db.prepare<Range, SkuRow>(REPORT_SQL.skus);
  const daily = db.prepare<Range, { day: string; orders: number }>(REPORT_SQL.daily);
  const hourly = db.prepare<Range, { hour: number; orders: number }>(REPORT_SQL.hourly);
  const deliveries = db.prepare<[string, ...Range], { n: number }>(REPORT_SQL.deliveries);

  return {
    /** Every channel the ledger has pulled, by name. */
    channels: (): string[] => channels.all().map((r) => r.channel),
    firstPlacedAt: (channel: string): string | null => firstPlaced.get(channel)?.at ?? null,
    /** Orders and sales revenue per (day, currency). */
    sales: (channel: string, from: string, to: string): SalesRow[] => sales.all(channel, from, to),
    /** Units and revenue per (SKU, currency) of the channel's sales; a null SKU gathers the lines without one. */
    skus: (channel: string, from: string, to: string): SkuRow[] => skus.all(channel, from, to),
    /** Orders placed per day (days without orders are absent). */
    dailyOrders: (channel: string, from: string, to: string) => daily.all(channel, from, to),
    /** Orders placed per UTC hour of the day: 24 counts, hour 0 first. */
    ordersByHourOfDay(channel: string, from: string, to: string): number[] {
      const counts = Array<number>(24).fill(0);
      for (const row of hourly.all(channel, from, to)) if (row.hour >= 0 && row.hour < 24) counts[row.hour] = row.orders;
      return counts;
    },
    /** Deliveries to a target of the orders a channel placed in the range (every event, not only the first). */
    deliveries: (channel: string, target: string, from: string, to: string): number => deliveries.get(target, channel, from, to)?.n ?? 0,
  };
}

export type ReportQueries = ReturnType<typeof createReportQueries>;
