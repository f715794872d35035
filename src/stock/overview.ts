// What `stock show` and `stock push --dry-run` print: rows built from the ledger and the policy.
import type { Ledger } from '../ledger/index.js';
import { availableOn } from './available.js';
import { masterSkus, type PlanEntry } from './plan.js';
import type { StockPolicy } from './policy.js';
import { currentFigures } from './push-stock.js';

export interface SkuOverview {
  sku: string;
  bundle: boolean;
  onHand: number | null;
  reserved: number | null;
  buffer: number | null;
  available: Record<string, number>;
  /** Units sold beyond what is on hand (a bundle: any component oversold). */
  oversoldBy: number;
}

export interface StockOverview {
  skus: SkuOverview[];
  oversold: { sku: string; short: number; flaggedAt: string }[];
  /** Channel SKUs whose last push was refused or is waiting for a retry. */
  problems: { channel: string; sku: string; status: string; quantity: number; error: string | null; at: string | null }[];
}

export function stockOverview(ledger: Ledger, policy: StockPolicy, source: string, channels: readonly string[], sku?: string): StockOverview {
  const figures = currentFigures(ledger, policy, source);
  const skus = masterSkus(policy, figures).filter((s) => sku === undefined || s === sku).map((s): SkuOverview => {
    const bundle = policy.bundles[s];
    const f = figures.get(s);
    const available = Object.fromEntries(channels.map((channel) => [channel, availableOn(policy, figures, channel, s)]));
    const oversoldBy = bundle ? Math.max(0, ...Object.keys(bundle).map((c) => figures.get(c)?.oversoldBy ?? 0)) : f?.oversoldBy ?? 0;
    return { sku: s, bundle: Boolean(bundle), onHand: f?.onHand ?? null, reserved: f?.reserved ?? null, buffer: f?.safety ?? null, available, oversoldBy };
  });
  const problems = ledger.stock.pushes()
    .filter((p) => p.status !== 'ok' && (sku === undefined || p.sku === sku))
    .map((p) => ({ channel: p.channel, sku: p.sku, status: p.status, quantity: p.attemptedQuantity, error: p.lastError, at: p.pushedAt }));
  const oversold = ledger.stock.oversold().filter((o) => sku === undefined || o.sku === sku);
  return { skus, oversold, problems };
}

export function overviewRows(overview: StockOverview, channels: readonly string[]): Record<string, unknown>[] {
  return overview.skus.map((s) => ({
    sku: s.bundle ? `${s.sku} (bundle)` : s.sku,
    'on hand': s.onHand ?? '', reserved: s.reserved ?? '', buffer: s.buffer ?? '',
    ...Object.fromEntries(channels.map((channel) => [channel, s.available[channel]])),
    oversold: s.oversoldBy > 0 ? `OVERSOLD by ${s.oversoldBy}` : '',
  }));
}

export function planRows(plan: readonly PlanEntry[], results?: ReadonlyMap<string, string>): Record<string, unknown>[] {
  return plan.map((entry) => ({
    sku: entry.sku === entry.masterSku ? entry.sku : `${entry.sku} (${entry.masterSku})`,
    channel: entry.channel,
    change: `${entry.previous ?? '–'} → ${entry.quantity}`,
    why: entry.oversold ? `${entry.reason} (oversold)` : entry.reason,
    ...(results ? { result: results.get(`${entry.channel}\u0000${entry.sku}`) ?? '' } : {}),
  }));
}
