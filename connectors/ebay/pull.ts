// Pulls eBay orders by last-modified time, window by window, with offset paging.
//
// Offset paging shifts when the result set changes under it. Each window therefore ends a safety
// lag behind now and stays fixed for the whole pull: an order modified meanwhile gets a newer
// lastModifiedDate, so it can only leave the window, never enter it (the next pull reads it
// again through the cursor). When one leaves, the rest slide up and an offset walk would skip
// one; `total` shrinks by as many, so the walk steps back by that much and re-reads. Re-read
// orders are dropped by (orderId, lastModifiedDate), so none is yielded twice. Should `total` grow
// instead (an order eBay indexed late), the walk starts the window over, skipping what it has.
//
// eBay does not document the order of results, so nothing inside a window counts as done until
// the whole window is: the cursor moves to a window's end only once all of it is read.
import type { ConnectorContext, OrderPage, PullRequest, RejectedPayload, UpdatedCursor, ChannelOrder } from '../../src/connector-kit/index.js';
import { windowStart } from '../../src/connector-kit/index.js';
import { createEbayApi, type EbayApi } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { EbaySettings } from './settings.js';

const SECOND = 1_000;
const DAY = 86_400 * SECOND;
const REACH_MS = 730 * DAY; // getOrders returns orders up to two years old (spec getOrders `filter`)

export async function* pullEbayOrders(ctx: ConnectorContext<EbaySettings>, request: PullRequest<UpdatedCursor>): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const { settings } = ctx;
  // Read now before any request: retries may move the clock, and eBay refuses a window ending in the future (30850).
  const now = ctx.clock.now();
  const end = now - settings.safetyLagSeconds * SECOND;
  const overlapMs = settings.overlapSeconds * SECOND;
  let start = windowStart(request, { overlapMs, initialLookbackMs: settings.initialLookbackDays * DAY, now }).getTime();
  if (start < end - REACH_MS) {
    ctx.log.warn(`channel ${ctx.name}: eBay keeps two years of orders; pulling from ${new Date(end - REACH_MS).toISOString()}`);
    start = end - REACH_MS;
  }
  if (!(start < end)) return;

  // Until a slice is complete, a crash resumes where this pull started (a --since backfill resumes at its start).
  const resumed = request.since ? undefined : request.checkpoint;
  let done: UpdatedCursor = resumed ?? { updatedAt: iso(start + overlapMs), idsAtUpdatedAt: [] };
  // The tie-breaker: orders seen at exactly the cursor's instant are not yielded again.
  const seen = new Set<string>(resumed?.idsAtUpdatedAt.map((id) => `${id}@${resumed.updatedAt}`) ?? []);
  const api = createEbayApi(ctx);
  const sliceMs = settings.sliceHours * 3_600 * SECOND;
  try {
    for (let from = start; from < end; from += sliceMs) {
      // Bounds are inclusive (spec `lastmodifieddate:[a..b]`), so a slice stops 1 ms before the next begins.
      const last = from + sliceMs >= end;
      const to = last ? end : from + sliceMs - 1;
      for await (const page of readWindow(api, from, to, settings.pageSize, seen)) {
        if (page.complete && iso(to) >= done.updatedAt) done = { updatedAt: iso(to), idsAtUpdatedAt: page.idsAtEnd };
        if (page.orders.length + page.rejected.length > 0 || (page.complete && last)) {
          yield { orders: page.orders, rejected: page.rejected, checkpoint: done };
        }
      }
    }
  } finally {
    const usage = api.usage();
    ctx.log.info(`channel ${ctx.name}: ${usage.calls} getOrders calls (${usage.throttled} throttled), ${usage.tokensMinted} tokens minted`, { ...usage });
  }
}

interface WindowPage {
  orders: ChannelOrder[];
  rejected: RejectedPayload[];
  complete: boolean;
  /** On the last page: the ids of orders modified exactly at the window's end (the cursor's tie-breaker). */
  idsAtEnd: string[];
}

async function* readWindow(api: EbayApi, from: number, to: number, limit: number, seen: Set<string>): AsyncGenerator<WindowPage> {
  const filter = `lastmodifieddate:[${iso(from)}..${iso(to)}]`;
  const idsAtEnd = new Set<string>();
  let offset = 0;
  let lastTotal: number | undefined;
  for (;;) {
    const page = await api.getOrders({ filter, limit, offset });
    const left = lastTotal === undefined ? 0 : Math.max(0, lastTotal - page.total);
    // An order eBay indexed late can still enter the window; where, is unknown: read it again from the top.
    const grew = lastTotal !== undefined && page.total > lastTotal;
    lastTotal = page.total;
    const orders: ChannelOrder[] = [];
    const rejected: RejectedPayload[] = [];
    for (const raw of page.orders) {
      const version = versionOf(raw);
      if (version?.modified === iso(to)) idsAtEnd.add(version.id);
      if (version && seen.has(version.key)) continue;
      if (version) seen.add(version.key);
      const mapped = toChannelOrder(raw);
      if ('order' in mapped) orders.push(mapped.order);
      else rejected.push(mapped.rejected);
    }
    const complete = left === 0 && !grew && (!page.next || page.orders.length === 0);
    yield { orders, rejected, complete, idsAtEnd: [...idsAtEnd] };
    if (complete) return;
    const next = nextOffset(page.next);
    offset = grew ? 0 : left > 0 ? Math.max(0, offset - left) : next !== undefined && next > offset ? next : offset + page.orders.length;
  }
}

/** The identity of one version of an order, read from the raw payload so that rejected orders count too. */
function versionOf(raw: unknown): { id: string; modified: string; key: string } | undefined {
  const { orderId, lastModifiedDate } = (raw ?? {}) as { orderId?: unknown; lastModifiedDate?: unknown };
  if (typeof orderId !== 'string' || typeof lastModifiedDate !== 'string') return undefined;
  return { id: orderId, modified: lastModifiedDate, key: `${orderId}@${lastModifiedDate}` };
}

function nextOffset(next: string | undefined): number | undefined {
  if (!next) return undefined;
  try {
    const offset = Number(new URL(next, 'https://api.ebay.com').searchParams.get('offset'));
    return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();
