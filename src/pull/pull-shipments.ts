// Drives every target that reports shipments (a WMS) from its cursor into the ledger: each page
// of parcel reports, matched to orders, with their events, their deliveries to the order's
// channel's fulfillment queue, quarantined reports and the cursor, in one transaction.
// One target's failure never stops the others.
import type { ConnectorContext, TargetDefinition } from '../connector-kit/index.js';
import { TargetError, isOrdersyncError } from '../errors.js';
import { isHttpError } from '../http/index.js';
import type { Ledger, ShipmentPageResult } from '../ledger/index.js';

export interface ShipmentSourceRuntime {
  name: string;
  // A registry holds targets of every settings type; each one checks its own.
  definition: TargetDefinition<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  ctx: ConnectorContext<unknown>;
}

export interface ShipmentPullOptions {
  dryRun?: boolean;
  /** The fulfillment queue of a channel that takes tracking back. */
  confirmOn(channel: string): string | undefined;
  onPage?(target: string, totals: ShipmentPullResult): void;
}

export interface ShipmentPullResult extends ShipmentPageResult {
  target: string;
  pages: number;
  /** Parcel reports read (and payloads the connector could not read). */
  received: number;
}

export interface ShipmentPullReport {
  results: ShipmentPullResult[];
  failures: Error[];
}

/** The targets that report shipments. */
export function shipmentSources<T extends ShipmentSourceRuntime>(targets: readonly T[]): T[] {
  return targets.filter((t) => typeof t.definition.pullShipments === 'function');
}

export async function pullShipments(ledger: Ledger, runtime: ShipmentSourceRuntime, options: ShipmentPullOptions): Promise<ShipmentPullResult> {
  const totals: ShipmentPullResult = { target: runtime.name, pages: 0, received: 0, recorded: 0, known: 0, quarantined: 0, deliveries: 0 };
  const pull = runtime.definition.pullShipments;
  if (!pull) return totals;
  try {
    for await (const page of pull(runtime.ctx, ledger.shipments.readCursor(runtime.name))) {
      const shipments = page.shipments.map((report) => ({ ...report, confirmOn: report.order ? options.confirmOn(report.order.channel) ?? null : null }));
      const result: ShipmentPageResult = options.dryRun
        ? { recorded: 0, known: 0, quarantined: 0, deliveries: 0 }
        : ledger.shipments.commitPage({ source: runtime.name, shipments, rejected: page.rejected, cursor: page.cursor });
      totals.pages++;
      totals.received += page.shipments.length + page.rejected.length;
      for (const key of ['recorded', 'known', 'quarantined', 'deliveries'] as const) totals[key] += result[key];
      options.onPage?.(runtime.name, totals);
    }
  } catch (error) {
    throw shipmentFailure(runtime.name, error);
  }
  return totals;
}

export async function pullAllShipments(ledger: Ledger, sources: readonly ShipmentSourceRuntime[], options: ShipmentPullOptions): Promise<ShipmentPullReport> {
  const settled = await Promise.allSettled(sources.map((source) => pullShipments(ledger, source, options)));
  return {
    results: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    failures: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason instanceof Error ? s.reason : new Error(String(s.reason))] : [])),
  };
}

/** One line the user can act on; pages already committed stay committed. */
function shipmentFailure(target: string, error: unknown): Error {
  if (isOrdersyncError(error)) return error;
  const hint = 'the shipments read so far are saved; the next run goes on from there';
  if (isHttpError(error) && (error.status === 401 || error.status === 403)) {
    return new TargetError(target, 'target_unauthorized', `reading shipments: ${error.message}`, { cause: error, hint: `check the credentials of targets.${target}` });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TargetError(target, 'shipments_failed', `reading shipments: ${message}`, { cause: error, hint });
}
