// Orders and revenue per channel per day, and the best-selling SKUs, from the ledger's grouped
// rows. Money stays in integer minor units, one amount per currency: never converted, never summed
// across currencies.
import { formatMoney, type Money } from '../model/index.js';

/** One (channel, day, currency) group as the ledger returns it. */
export interface SalesRow {
  channel: string;
  day: string;
  currency: string;
  /** Every order placed, whatever became of it. */
  orders: number;
  /** Σ total of the orders that count as sales (see report-queries: not cancelled, voided or refunded). */
  revenue: number;
}

export interface DaySales {
  day: string;
  channel: string;
  orders: number;
  /** One amount per currency, by currency code. */
  revenue: Money[];
}

export interface SkuRow {
  sku: string | null;
  currency: string;
  units: number;
  /** Σ quantity × unit price − line discount: before tax and shipping. */
  revenue: number;
}

export interface TopSku {
  /** null: lines without a SKU, counted together. */
  sku: string | null;
  units: number;
  revenue: Money[];
}

/** A row for every channel on every day, zeros included (a silent day is news), by day then channel. */
export function dailySales(rows: readonly SalesRow[], channels: readonly string[], days: readonly string[]): DaySales[] {
  const groups = new Map<string, SalesRow[]>();
  for (const row of rows) {
    const key = `${row.day}\u0000${row.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return days.flatMap((day) => channels.map((channel): DaySales => {
    const group = groups.get(`${day}\u0000${channel}`) ?? [];
    return { day, channel, orders: group.reduce((sum, r) => sum + r.orders, 0), revenue: sumByCurrency(group) };
  }));
}

/** Each channel's orders and revenue over the whole window. */
export function channelTotals(rows: readonly SalesRow[], channels: readonly string[]): { channel: string; orders: number; revenue: Money[] }[] {
  return channels.map((channel) => {
    const group = rows.filter((r) => r.channel === channel);
    return { channel, orders: group.reduce((sum, r) => sum + r.orders, 0), revenue: sumByCurrency(group) };
  });
}

/** The `limit` SKUs that sold the most units (ties: by SKU), with their revenue per currency. */
export function topSkus(rows: readonly SkuRow[], limit: number): TopSku[] {
  const bySku = new Map<string | null, SkuRow[]>();
  for (const row of rows) bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row]);
  return [...bySku.entries()]
    .map(([sku, group]): TopSku => ({ sku, units: group.reduce((sum, r) => sum + r.units, 0), revenue: sumByCurrency(group) }))
    .sort((a, b) => b.units - a.units || (a.sku ?? '').localeCompare(b.sku ?? ''))
    .slice(0, limit);
}

/** "1234.50 EUR, 9800 JPY", or "—" when nothing sold. */
export function formatRevenue(revenue: readonly Money[]): string {
  return revenue.length === 0 ? '—' : revenue.map((m) => `${formatMoney(m)} ${m.currency}`).join(', ');
}

function sumByCurrency(rows: readonly { currency: string; revenue: number }[]): Money[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0) + row.revenue);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}
