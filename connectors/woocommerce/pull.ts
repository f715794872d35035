// Pulls WooCommerce orders by last-modified time, ascending.
//
// Page-number paging shifts when an order changes mid-pull (it jumps to the end and the rest
// slide up one place), so a plain page=1,2,3 walk can skip an order. Instead each page restarts
// the query at the newest modified second seen so far (modified_after is exclusive and
// whole-second, so the restart asks for "after newest − 1 s"), with page=1, and `exclude`s the ids
// already read at that second: nothing is read twice, and an order not yet read cannot be
// skipped, because exclusion is by id, not by position. Only when the ids at one second outgrow
// MAX_EXCLUDE does the walk step to page 2, 3… within that second (excluding the first ones).
//
// An order read at the newest second that changes again before the walk leaves that second is
// excluded from the rest of this walk; its new stamp is newer than anything the walk had read,
// so the next pull's overlap (overlapSeconds behind the cursor) reads it.
import type { ConnectorContext, OrderPage, PullRequest, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, splitMapped, windowStart } from '../../src/connector-kit/index.js';
import { listOrdersModifiedAfter, wooClient } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { WooSettings } from './settings.js';

const SECOND = 1_000;
/**
 * Most ids sent in `exclude` (comma-separated, ~11 bytes each once URL-encoded): 200 keep the
 * request line near 2 KB, far below the 8 KB many servers and proxies accept.
 */
export const MAX_EXCLUDE = 200;

interface Stamped { id: number; modified: string }

export async function* pullWooOrders(ctx: ConnectorContext<WooSettings>, request: PullRequest<UpdatedCursor>): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const http = wooClient(ctx);
  const perPage = ctx.settings.pageSize;
  let cursor = request.since ? undefined : request.checkpoint;
  // modified_after is exclusive and has whole-second precision: step back one second to include the instant itself.
  let after = new Date(windowStart(request, { overlapMs: ctx.settings.overlapSeconds * SECOND, initialLookbackMs: Infinity, now: ctx.clock.now() }).getTime() - SECOND);
  if (Number.isNaN(after.getTime())) after = new Date(0);
  let exclude: number[] = [];
  let page = 1;
  for (;;) {
    const result = await listOrdersModifiedAfter(http, { after, exclude, page, perPage });
    const { orders, rejected } = splitMapped(result.orders.map(toChannelOrder));
    const stamped = stampsOf(result.orders);
    const newest = stamped.reduce<string | undefined>((max, s) => (!max || s.modified > max ? s.modified : max), undefined);
    cursor = advanceCursor(cursor, orders);
    if (newest && (!cursor || newest > cursor.updatedAt)) cursor = { updatedAt: newest, idsAtUpdatedAt: [] };
    if (result.orders.length > 0 && cursor) yield { orders, rejected, checkpoint: cursor };
    if (result.orders.length < perPage || !newest) return;
    const atNewest = stamped.filter((s) => s.modified === newest && s.id > 0 && !exclude.includes(s.id)).map((s) => s.id);
    const restart = new Date(Date.parse(newest) - SECOND);
    if (restart.getTime() > after.getTime()) {
      // A newer second: restart there, leaving out what this page read of it (≤ per_page ≤ 100 ids).
      after = restart;
      exclude = atNewest;
      page = 1;
    } else if (page === 1 && atNewest.length > 0 && exclude.length + atNewest.length <= MAX_EXCLUDE) {
      // The whole page shared the second we restarted at: leave those out too.
      exclude = [...exclude, ...atNewest];
    } else {
      // More orders share this second than `exclude` may carry: step through the rest by page.
      page++;
    }
  }
}

/** Each order's id and modified instant, read from the raw payloads so rejected orders count too. */
function stampsOf(orders: unknown[]): Stamped[] {
  const out: Stamped[] = [];
  for (const order of orders) {
    const { id, date_modified_gmt: value } = (order ?? {}) as { id?: unknown; date_modified_gmt?: unknown };
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) continue;
    // An order without a usable id (quarantined by the mapper) still counts for the newest second, but cannot be excluded.
    out.push({ id: typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : 0, modified: `${value}.000Z` });
  }
  return out;
}
