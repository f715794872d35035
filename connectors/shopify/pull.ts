// Pulls Shopify orders by last-modified time, oldest first, following the connection's cursor.
//
// Why this never skips an order: the query is `updated_at:>='<window start>'` sorted by
// UPDATED_AT, and Shopify's cursors are keyset cursors (the last item's sort value and id), not
// offsets. An order that changes while we page gets a newer updated_at, so it moves behind the
// cursor's position and is read again later in the same walk; nothing ahead of the cursor
// shifts out of reach. The checkpoint is the newest updated_at read so far (plus the ids at that
// instant); the next pull starts `overlapSeconds` before it, which also covers orders that reach
// the search index a little after their timestamp.
//
// Incremental cost (held.ts): with a cursor, the overlap window is first listed cheaply (ids and
// stamps, 250 a page) and the full walk starts at the first order the ledger does not hold as
// Shopify stamps it; an idle pull is one such request. In the full walk, orders the ledger holds
// as they are get no line-item follow-up and are not yielded again (they still move the cursor).
import type { ConnectorContext, OrderPage, PullRequest } from '../../src/connector-kit/index.js';
import { advanceCursor, windowStart } from '../../src/connector-kit/index.js';
import { fetchOrderLines, fetchOrders, fetchOrderStamps, shopifyClient, type ShopifyClient } from './client.js';
import { heldCheck, type HeldCheck, type ShopifyCursor } from './held.js';
import { modifiedOf, toChannelOrder } from './mapping.js';
import { linesPageSize, ordersPageSize, ordersQueryCost, stampsPageSize, updatedSinceFilter } from './queries.js';
import type { ShopifySettings } from './settings.js';

const SECOND = 1_000;
const DAY = 86_400_000;

export async function* pullShopifyOrders(
  ctx: ConnectorContext<ShopifySettings>,
  request: PullRequest<ShopifyCursor>,
): AsyncGenerator<OrderPage<ShopifyCursor>> {
  const client = shopifyClient(ctx);
  const { settings } = ctx;
  const started = new Date(ctx.clock.now()).toISOString();
  const pageFirst = pageSizer(client, settings);
  const lookback = settings.initialLookbackDays === undefined ? Infinity : settings.initialLookbackDays * DAY;
  const windowFrom = windowStart(request, { overlapMs: settings.overlapSeconds * SECOND, initialLookbackMs: lookback, now: ctx.clock.now() });
  const held = heldCheck(request);
  let since: Date | undefined = windowFrom;
  if (held) {
    const first = await firstUnheld(client, updatedSinceFilter(windowFrom), held);
    if (first === undefined) return; // every order in the window is held as it is: nothing to read or write
    since = new Date(first);
  }
  const query = updatedSinceFilter(since);
  // The stored cursor only moves forward: a --since backfill never drags it back.
  let cursor = request.checkpoint;
  let after: string | null = null;
  for (;;) {
    const page = await fetchOrders(client, { first: pageFirst(), after, query, lines: settings.lineItemsPerOrder });
    const stamps = page.nodes.flatMap((node) => modifiedOf(node) ?? []);
    const skip = held ? await held(stamps) : new Set<string>();
    const raws = [];
    for (const node of page.nodes) {
      if (!skip.has(modifiedOf(node)?.externalId ?? '')) raws.push(await withAllLines(client, node));
    }
    const mapped = raws.map(toChannelOrder);
    const orders = mapped.flatMap((m) => ('order' in m ? [m.order] : []));
    const rejected = mapped.flatMap((m) => ('rejected' in m ? [m.rejected] : []));
    // Every order read moves the cursor (from its raw stamp): held ones, and rejected ones, which are quarantined, not retried.
    cursor = { ...advanceCursor(cursor, stamps) ?? { updatedAt: new Date(0).toISOString(), idsAtUpdatedAt: [] }, settledBefore: request.checkpoint?.settledBefore };
    const last = !page.pageInfo.hasNextPage || !page.pageInfo.endCursor;
    // Only a whole pull over the usual window vouches for what it read (held.ts).
    if (last && !request.since) cursor.settledBefore = started;
    if (cursor.settledBefore === undefined) delete cursor.settledBefore;
    // A last page that came back empty still carries the new settledBefore (when there is a cursor to carry it).
    if (page.nodes.length > 0 || (last && request.checkpoint && !request.since)) yield { orders, rejected, checkpoint: cursor };
    if (last) return;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Lists the window's ids and stamps, oldest first, up to the first order not held as it is;
 * returns its stamp, or undefined when there is none.
 */
async function firstUnheld(client: ShopifyClient, query: string | null, held: HeldCheck): Promise<string | undefined> {
  const first = stampsPageSize(client.ctx.settings.maxQueryCost);
  let after: string | null = null;
  for (;;) {
    const page = await fetchOrderStamps(client, { first, after, query });
    const stamps = page.nodes.map((node) => modifiedOf(node));
    const known = await held(stamps.flatMap((stamp) => stamp ?? []));
    // A node without a readable id or stamp is read in full, where the mapper quarantines it.
    const unheld = stamps.findIndex((stamp) => !stamp || !known.has(stamp.externalId));
    if (unheld >= 0) return stamps[unheld]?.updatedAt ?? stampOf(page.nodes[unheld]) ?? new Date(0).toISOString();
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return undefined;
    after = page.pageInfo.endCursor;
  }
}

/** A node's raw stamp when modifiedOf could not read its id. */
function stampOf(node: unknown): string | undefined {
  const value = (node as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
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
