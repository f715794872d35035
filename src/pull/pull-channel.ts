// Drives one channel connector page by page into the ledger: validate, route, then commit the
// page with its events, deliveries, quarantined payloads and cursor in one transaction.
import type { ChannelDefinition, ConnectorContext } from '../connector-kit/index.js';
import type { Ledger, PageResult } from '../ledger/index.js';
import type { Order } from '../model/index.js';
import { channelFailure } from './channel-failure.js';
import { validateOrder } from './validate.js';

export interface ChannelRuntime {
  name: string;
  // A registry holds connectors of every settings and checkpoint type; each one checks its own.
  definition: ChannelDefinition<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  ctx: ConnectorContext<unknown>;
}

export interface PullOptions {
  since?: Date;
  dryRun?: boolean;
  /** The targets that take this order. */
  route(order: Order): string[];
  onPage?(channel: string, totals: ChannelPullResult): void;
}

export interface ChannelPullResult extends PageResult {
  channel: string;
  pages: number;
  received: number;
  unreconciled: number;
}

export async function pullChannel(ledger: Ledger, runtime: ChannelRuntime, options: PullOptions): Promise<ChannelPullResult> {
  const totals: ChannelPullResult = {
    channel: runtime.name, pages: 0, received: 0, unreconciled: 0,
    echoes: 0, created: 0, updated: 0, cancelled: 0, unchanged: 0, stale: 0, quarantined: 0, deliveries: 0,
  };
  const stored = ledger.orders.readCheckpoint(runtime.name);
  const parsedCheckpoint = runtime.definition.checkpoint.safeParse(stored);
  if (stored !== undefined && !parsedCheckpoint.success) {
    runtime.ctx.log.warn(`channel ${runtime.name}: the stored cursor is not one this connector understands; pulling from the start`);
  }
  const checkpoint = parsedCheckpoint.success ? parsedCheckpoint.data : undefined;
  try {
    // A coarse read the connector may use to skip re-reading what the ledger holds unchanged.
    const known = async (externalIds: readonly string[]) => ledger.queries.knownUpdatedAt(runtime.name, externalIds);
    for await (const page of runtime.definition.pullOrders(runtime.ctx, { checkpoint, since: options.since, known })) {
      const orders: { order: Order; targets: string[]; moneyDifference: number }[] = [];
      const rejected = [...page.rejected];
      for (const candidate of page.orders) {
        const validated = validateOrder(runtime.name, candidate);
        if ('rejected' in validated) rejected.push(validated.rejected);
        else orders.push({ ...validated, targets: options.route(validated.order) });
      }
      const nextCheckpoint = runtime.definition.checkpoint.parse(page.checkpoint);
      const result: PageResult = options.dryRun
        ? { echoes: 0, created: 0, updated: 0, cancelled: 0, unchanged: orders.length, stale: 0, quarantined: rejected.length, deliveries: 0 }
        : ledger.orders.commitPage({ channel: runtime.name, orders, rejected, checkpoint: nextCheckpoint });
      totals.pages++;
      totals.received += page.orders.length + page.rejected.length;
      totals.unreconciled += orders.filter((o) => o.moneyDifference !== 0).length;
      for (const key of ['echoes', 'created', 'updated', 'cancelled', 'unchanged', 'stale', 'quarantined', 'deliveries'] as const) totals[key] += result[key];
      options.onPage?.(runtime.name, totals);
    }
  } catch (error) {
    const failure = channelFailure(runtime.name, error);
    if (!options.dryRun) ledger.health.channelPulled(runtime.name, failure.message);
    throw failure;
  }
  if (!options.dryRun) ledger.health.channelPulled(runtime.name, null);
  return totals;
}
