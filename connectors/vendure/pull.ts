// Pulls placed Vendure orders by `updatedAt`, oldest first.
//
// skip/take paging shifts when an order changes mid-pull: it jumps to the end and everything
// behind it slides up one place, so a plain skip=0,100,200 walk can miss an order. Instead every
// request starts again at the newest `updatedAt` seen so far, with skip 0, and asks for enough
// rows to cover the orders already seen at that instant plus a fresh page:
//   filter updatedAt > (newest − 1 ms), sort updatedAt ASC, skip 0, take = seenSinceThen + pageSize.
// Rows already seen with the same content are dropped here; an order that changed comes back
// with its new content (and is then a real change). Ties in `updatedAt` come back in no
// guaranteed order, which does not matter: at most `seenSinceThen` rows of the answer can be
// old, so a full answer always holds at least `pageSize` new ones. Only if more orders than
// `listQueryLimit − pageSize` share one instant does the walk fall back to skip.
import type { ConnectorContext, OrderPage, PullRequest, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, windowStart } from '../../src/connector-kit/index.js';
import { listOrdersUpdatedAfter, vendureClient } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { VendureSettings } from './settings.js';

const SECOND = 1_000;

interface Seen { updatedMs: number; content: string }

export async function* pullVendureOrders(ctx: ConnectorContext<VendureSettings>, request: PullRequest<UpdatedCursor>): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const client = vendureClient(ctx);
  const { pageSize, listQueryLimit, moneyPrecision } = ctx.settings;
  let cursor = request.since ? undefined : request.checkpoint;
  let from = windowStart(request, { overlapMs: ctx.settings.overlapSeconds * SECOND, initialLookbackMs: Infinity, now: ctx.clock.now() }).getTime();
  if (Number.isNaN(from)) from = 0;
  const seen = new Map<string, Seen>();
  let skip = 0; // > 0 only while stepping through a wall of equal stamps by offset
  for (;;) {
    const after = new Date(from - 1);
    if (skip === 0) {
      const seenSince = countSeenSince(seen, after);
      if (seenSince + pageSize > listQueryLimit) skip = seenSince;
    }
    const take = skip > 0 ? pageSize : Math.min(listQueryLimit, countSeenSince(seen, after) + pageSize);
    const page = await listOrdersUpdatedAfter(client, after, skip, take);
    const fresh = page.items.filter((raw) => isFresh(seen, raw));
    for (const raw of page.items) remember(seen, raw);
    const mapped = fresh.map((raw) => toChannelOrder(raw, { moneyPrecision }));
    const orders = mapped.flatMap((m) => ('order' in m ? [m.order] : []));
    const rejected = mapped.flatMap((m) => ('rejected' in m ? [m.rejected] : []));
    cursor = advanceCursor(cursor, orders);
    const newest = newestUpdated(page.items);
    if (newest !== undefined && (!cursor || newest > Date.parse(cursor.updatedAt))) {
      // Only rejected orders at the newest instant: still move past them.
      cursor = { updatedAt: new Date(newest).toISOString(), idsAtUpdatedAt: [] };
    }
    if (fresh.length > 0) yield { orders, rejected, checkpoint: cursor ?? { updatedAt: new Date(from).toISOString(), idsAtUpdatedAt: [] } };
    if (page.items.length < take || newest === undefined) return;
    if (newest > from) {
      from = newest;
      skip = 0;
      forgetBefore(seen, from - 1); // unchanged, they cannot come back; changed, they are fresh anyway
    } else if (skip > 0 || fresh.length === 0) {
      skip += page.items.length; // no way forward by time: step through the wall by offset
    }
  }
}

function forgetBefore(seen: Map<string, Seen>, ms: number): void {
  for (const [id, entry] of seen) if (entry.updatedMs < ms) seen.delete(id);
}

function countSeenSince(seen: Map<string, Seen>, after: Date): number {
  let count = 0;
  for (const entry of seen.values()) if (entry.updatedMs >= after.getTime()) count++;
  return count;
}

function isFresh(seen: Map<string, Seen>, raw: unknown): boolean {
  const id = idOf(raw);
  return id === undefined || seen.get(id)?.content !== JSON.stringify(raw);
}

function remember(seen: Map<string, Seen>, raw: unknown): void {
  const id = idOf(raw);
  const updatedMs = updatedMsOf(raw);
  if (id !== undefined && updatedMs !== undefined) seen.set(id, { updatedMs, content: JSON.stringify(raw) });
}

/** The newest `updatedAt` on the page, read from the raw payloads so rejected orders count too. */
function newestUpdated(items: unknown[]): number | undefined {
  let newest: number | undefined;
  for (const raw of items) {
    const ms = updatedMsOf(raw);
    if (ms !== undefined && (newest === undefined || ms > newest)) newest = ms;
  }
  return newest;
}

function updatedMsOf(raw: unknown): number | undefined {
  const value = (raw as { updatedAt?: unknown } | null)?.updatedAt;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function idOf(raw: unknown): string | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
