// Pulls WooCommerce orders by last-modified time, ascending.
//
// Page-number paging shifts when an order changes mid-pull (it jumps to the end and the rest
// slide up one place), so a plain page=1,2,3 walk can skip an order. Instead each page restarts
// the query at the newest modified instant seen so far (inclusive), with page=1. Orders already
// seen come back and are deduplicated by the ledger's content hash. Only when a whole page
// shares one instant does the walk step to page 2, 3… within that instant.
import type { ConnectorContext, OrderPage, PullRequest, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, splitMapped, windowStart } from '../../src/connector-kit/index.js';
import { listOrdersModifiedAfter, wooClient } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { WooSettings } from './settings.js';

const SECOND = 1_000;

export async function* pullWooOrders(ctx: ConnectorContext<WooSettings>, request: PullRequest<UpdatedCursor>): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const http = wooClient(ctx);
  const perPage = ctx.settings.pageSize;
  let cursor = request.since ? undefined : request.checkpoint;
  // modified_after is exclusive and has whole-second precision: step back one second to include the instant itself.
  let after = new Date(windowStart(request, { overlapMs: ctx.settings.overlapSeconds * SECOND, initialLookbackMs: Infinity, now: ctx.clock.now() }).getTime() - SECOND);
  if (Number.isNaN(after.getTime())) after = new Date(0);
  let page = 1;
  for (;;) {
    const result = await listOrdersModifiedAfter(http, after, page, perPage);
    const { orders, rejected } = splitMapped(result.orders.map(toChannelOrder));
    const newest = newestModified(result.orders);
    cursor = advanceCursor(cursor, orders);
    if (newest && (!cursor || newest > cursor.updatedAt)) cursor = { updatedAt: newest, idsAtUpdatedAt: [] };
    if (result.orders.length > 0 && cursor) yield { orders, rejected, checkpoint: cursor };
    if (result.orders.length < perPage || !newest) return;
    const restart = new Date(Date.parse(newest) - SECOND);
    if (restart.getTime() > after.getTime()) {
      after = restart;
      page = 1;
    } else {
      page++;
    }
  }
}

/** The newest modified instant on the page, read from the raw payloads so rejected orders count too. */
function newestModified(orders: unknown[]): string | undefined {
  let newest: string | undefined;
  for (const order of orders) {
    const value = (order as { date_modified_gmt?: unknown } | null)?.date_modified_gmt;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) continue;
    const iso = `${value}.000Z`;
    if (!newest || iso > newest) newest = iso;
  }
  return newest;
}
