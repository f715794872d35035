// Pulls Shopify orders by last-modified time, oldest first, following the connection's cursor.
//
// Why this never skips an order: the query is `updated_at:>='<window start>'` sorted by
// UPDATED_AT, and Shopify's cursors are keyset cursors (the last item's sort value and id), not
// offsets. An order that changes while we page gets a newer updated_at, so it moves behind the
// cursor's position and is read again later in the same walk; nothing ahead of the cursor
// shifts out of reach. The checkpoint is the newest updated_at read so far (plus the ids at that
// instant); the next pull starts `overlapSeconds` before it, which also covers orders that reach
// the search index a little after their timestamp.
import type { ConnectorContext, OrderPage, PullRequest, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, windowStart } from '../../src/connector-kit/index.js';
import { fetchOrderLines, fetchOrders, shopifyClient, type ShopifyClient } from './client.js';
import { modifiedOf, toChannelOrder } from './mapping.js';
import { linesPageSize, ordersPageSize, ordersQueryCost, updatedSinceFilter } from './queries.js';
import type { ShopifySettings } from './settings.js';

const SECOND = 1_000;
const DAY = 86_400_000;

export async function* pullShopifyOrders(
  ctx: ConnectorContext<ShopifySettings>,
  request: PullRequest<UpdatedCursor>,
): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const client = shopifyClient(ctx);
  const { settings } = ctx;
  const pageFirst = pageSizer(client, settings);
  const lookback = settings.initialLookbackDays === undefined ? Infinity : settings.initialLookbackDays * DAY;
  const since = windowStart(request, { overlapMs: settings.overlapSeconds * SECOND, initialLookbackMs: lookback, now: ctx.clock.now() });
  const query = updatedSinceFilter(since);
  // The stored cursor only moves forward: a --since backfill never drags it back.
  let cursor = request.checkpoint;
  let after: string | null = null;
  for (;;) {
    const page = await fetchOrders(client, { first: pageFirst(), after, query, lines: settings.lineItemsPerOrder });
    const raws = [];
    for (const node of page.nodes) raws.push(await withAllLines(client, node));
    const mapped = raws.map(toChannelOrder);
    const orders = mapped.flatMap((m) => ('order' in m ? [m.order] : []));
    const rejected = mapped.flatMap((m) => ('rejected' in m ? [m.rejected] : []));
    // Rejected orders still move the cursor (read from their raw stamps): they are quarantined, not retried.
    cursor = advanceCursor(cursor, raws.flatMap((raw) => modifiedOf(raw) ?? []));
    if (raws.length > 0) yield { orders, rejected, checkpoint: cursor ?? { updatedAt: new Date(0).toISOString(), idsAtUpdatedAt: [] } };
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/**
 * How many orders to ask for next. A full page when the bucket holds its cost (or nothing is
 * known yet); otherwise what the bucket holds now, but at least a quarter page, whose cost is
 * then waited for. A page's requested cost is mostly refunded (few orders use every line slot),
 * so asking for what fits now keeps the same throughput without waiting out a full page's cost
 * for what may be the last few orders.
 */
function pageSizer(client: ShopifyClient, settings: ShopifySettings): () => number {
  const full = ordersPageSize(settings.pageSize, settings.lineItemsPerOrder, settings.maxQueryCost);
  const least = Math.max(1, Math.ceil(full / 4));
  const { base, perOrder } = ordersQueryCost(settings.lineItemsPerOrder);
  return () => {
    const available = client.budget.available();
    if (available === undefined) return full;
    return Math.min(full, Math.max(least, Math.floor((available - base) / perOrder)));
  };
}

/** An order whose line items did not fit its page gets the rest fetched and appended. */
async function withAllLines(client: ShopifyClient, node: unknown): Promise<unknown> {
  const order = node as { id?: unknown; lineItems?: { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: unknown[] } } | null;
  const lineItems = order?.lineItems;
  if (typeof order?.id !== 'string' || !lineItems?.pageInfo?.hasNextPage || !Array.isArray(lineItems.nodes)) return node;
  const nodes = [...lineItems.nodes];
  let after = lineItems.pageInfo.endCursor ?? null;
  const first = linesPageSize(client.ctx.settings.maxQueryCost);
  for (;;) {
    const more = await fetchOrderLines(client, order.id, first, after);
    if (!more) break;
    nodes.push(...more.nodes);
    if (!more.pageInfo.hasNextPage || !more.pageInfo.endCursor) break;
    after = more.pageInfo.endCursor;
  }
  return { ...order, lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } };
}
