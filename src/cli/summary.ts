// The summary a pull, push or sync prints on stdout.
import type { PullReport } from '../pull/pull-channels.js';
import type { ShipmentPullReport } from '../pull/pull-shipments.js';
import type { TargetPushResult } from '../push/push-target.js';
import type { StockPushReport } from '../stock/push-stock.js';
import { printJson, printTable, type Output } from './output.js';

export interface RunSummary {
  pull?: PullReport;
  /** Parcels WMS targets reported (pull, sync). */
  shipments?: ShipmentPullReport;
  push?: TargetPushResult[];
  events?: Record<string, number>;
  /** Stock pulled and pushed (sync and demo, when the config has `stock:`). */
  stock?: { push: StockPushReport; error: string | null };
  seconds: number;
}

export function printSummary(out: Output, summary: RunSummary): void {
  const channels = summary.pull?.results.map((r) => ({
    channel: r.channel, pages: r.pages, received: r.received, created: r.created, updated: r.updated,
    cancelled: r.cancelled, unchanged: r.unchanged, echoes: r.echoes, quarantined: r.quarantined, unreconciled: r.unreconciled,
  })) ?? [];
  const shipments = summary.shipments?.results.map((r) => ({
    source: r.target, pages: r.pages, reported: r.received, recorded: r.recorded, known: r.known, quarantined: r.quarantined, toConfirm: r.deliveries,
  })) ?? [];
  const targets = summary.push?.map((r) => ({ target: r.target, delivered: r.done, retrying: r.retried, dead: r.dead, throttled: r.throttled })) ?? [];
  const stock = summary.stock?.push.channels.map((c) => ({ stock: c.channel, set: c.ok, refused: c.rejected, retrying: c.retry, unchanged: c.unchanged })) ?? [];
  const stockErrors = summary.stock ? [summary.stock.error, ...summary.stock.push.channels.map((c) => c.error)].filter((e): e is string => e !== null) : [];
  if (out.json) {
    printJson(out, {
      channels, ...(summary.shipments ? { shipments } : {}), targets,
      ...(summary.stock ? { stock: { channels: stock, oversold: summary.stock.push.oversold } } : {}),
      events: summary.events ?? {}, seconds: summary.seconds,
      errors: [...[...(summary.pull?.failures ?? []), ...(summary.shipments?.failures ?? []), ...(summary.push ?? []).flatMap((r) => (r.error ? [r.error] : []))].map((e) => e.message), ...stockErrors],
    });
    return;
  }
  if (channels.length > 0) printTable(out, channels);
  if (shipments.length > 0) {
    if (channels.length > 0) out.write('');
    printTable(out, shipments);
  }
  if (targets.length > 0) {
    if (channels.length + shipments.length > 0) out.write('');
    printTable(out, targets);
  }
  if (stock.length > 0) {
    if (channels.length + shipments.length + targets.length > 0) out.write('');
    printTable(out, stock);
    const oversold = summary.stock!.push.oversold;
    if (oversold.length > 0) out.write(`oversold: ${oversold.map((o) => `${o.sku} (short ${o.short})`).join(', ')}`);
  }
  if (summary.events) {
    const events = Object.entries(summary.events).map(([type, n]) => `${n} ${type}`).join(', ');
    out.write(`\nevents: ${events || 'none'}`);
  }
  out.write(`time: ${summary.seconds.toFixed(1)} s`);
}
