// Pulls Medusa 2 orders in two sweeps, each on its own updated_at cursor:
//  1. orders by updated_at (creation, edits, fulfilment, cancellation, refunds touch it);
//  2. payments by updated_at, whose orders are re-read — capturing a payment changes the order's
//     payment_status but not the order row's updated_at (seen on a real 2.21.2 server).
// Within one pull an order is yielded again only if its payload changed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChannelOrder, ConnectorContext, OrderPage, PullRequest, RejectedPayload, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, UpdatedCursorSchema, windowStart } from '../../src/connector-kit/index.js';
import { listOrders, listOrdersById, listPayments, MAX_IDS_PER_REQUEST, medusaClient } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { MedusaSettings } from './settings.js';
import { stampsOf, sweep, type Stamp } from './sweep.js';
import { MedusaPaymentStamp } from './types.js';

export const MedusaCheckpoint = UpdatedCursorSchema.extend({
  /** The payment sweep's own cursor. */
  payments: UpdatedCursorSchema.optional(),
});
export type MedusaCheckpoint = z.infer<typeof MedusaCheckpoint>;

const SECOND = 1_000;
const DAY = 86_400_000;

export async function* pullMedusaOrders(
  ctx: ConnectorContext<MedusaSettings>,
  request: PullRequest<MedusaCheckpoint>,
): AsyncGenerator<OrderPage<MedusaCheckpoint>> {
  const http = await medusaClient(ctx);
  const { pageSize, overlapSeconds, initialLookbackDays } = ctx.settings;
  const overlapMs = overlapSeconds * SECOND;
  const fresh = freshFilter();
  const given = request.checkpoint;
  const start = validDate(windowStart(
    { checkpoint: given, since: request.since },
    { overlapMs, initialLookbackMs: (initialLookbackDays ?? 0) * DAY || Number.POSITIVE_INFINITY, now: ctx.clock.now() },
  ));
  let orders: UpdatedCursor = request.since || !given ? { updatedAt: start.toISOString(), idsAtUpdatedAt: [] } : pick(given);
  let payments: UpdatedCursor | undefined = given?.payments;
  let serverNow: number | undefined;
  let last: MedusaCheckpoint | undefined;
  const checkpoint = (): MedusaCheckpoint => (last = { ...orders, ...(payments ? { payments } : {}) });

  // The cursor's tie-breaker: orders at exactly the cursor's instant that the last pull saw.
  const known = new Set(given && !request.since ? given.idsAtUpdatedAt.map((id) => `${id}@${given.updatedAt}`) : []);
  for await (const page of sweep((window, limit) => listOrders(http, window, limit), start, pageSize)) {
    serverNow ??= page.serverNow;
    orders = advanceCursor(orders, toModified(page.stamps)) ?? orders;
    const rows = page.rows.filter((row) => !stampsOf([row]).some((s) => known.has(`${s.id}@${s.updatedAt}`)));
    if (page.rows.length > 0) yield { ...fresh(rows), checkpoint: checkpoint() };
  }

  if (ctx.settings.paymentSweep) {
    const now = serverNow ?? ctx.clock.now();
    // A first pull has just read every order as it is now: only payments from here on matter.
    const from = new Date(payments ? Date.parse(payments.updatedAt) - overlapMs : now - overlapMs);
    for await (const page of sweep((window, limit) => listPayments(http, window, limit), from, pageSize, false)) {
      payments = advanceCursor(payments, toModified(page.stamps));
      const rows = await readOrders(http, orderIdsOf(page.rows));
      if (page.rows.length > 0) yield { ...fresh(rows), checkpoint: checkpoint() };
    }
    // Through an empty window the payment cursor still moves up to the server's now.
    const nowIso = new Date(now).toISOString();
    if (!payments || payments.updatedAt < nowIso) payments = { updatedAt: nowIso, idsAtUpdatedAt: [] };
  }

  const final = { ...orders, ...(payments ? { payments } : {}) };
  if (JSON.stringify(final) !== JSON.stringify(last ?? given)) yield { orders: [], rejected: [], checkpoint: final };
}

/** Maps rows, skipping any whose payload this pull already yielded unchanged. */
function freshFilter(): (rows: unknown[]) => { orders: ChannelOrder[]; rejected: RejectedPayload[] } {
  const seen = new Map<string, string>();
  return (rows) => {
    const orders: ChannelOrder[] = [];
    const rejected: RejectedPayload[] = [];
    for (const row of rows) {
      const id = (row as { id?: unknown } | null)?.id;
      const print = createHash('sha1').update(JSON.stringify(row) ?? '').digest('base64');
      if (typeof id === 'string') {
        if (seen.get(id) === print) continue;
        seen.set(id, print);
      }
      const result = toChannelOrder(row);
      if ('order' in result) orders.push(result.order);
      else rejected.push(result.rejected);
    }
    return { orders, rejected };
  };
}

async function readOrders(http: Parameters<typeof listOrdersById>[0], ids: string[]): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
    rows.push(...(await listOrdersById(http, ids.slice(i, i + MAX_IDS_PER_REQUEST))));
  }
  return rows;
}

function orderIdsOf(payments: unknown[]): string[] {
  const ids = new Set<string>();
  for (const payment of payments) {
    const parsed = MedusaPaymentStamp.safeParse(payment);
    const orderId = parsed.success ? parsed.data.payment_collection?.order?.id : undefined;
    if (orderId) ids.add(orderId); // a payment of a cart not yet completed has no order
  }
  return [...ids];
}

const toModified = (stamps: Stamp[]) => stamps.map((s) => ({ externalId: s.id, updatedAt: s.updatedAt }));
const pick = (cursor: UpdatedCursor): UpdatedCursor => ({ updatedAt: cursor.updatedAt, idsAtUpdatedAt: cursor.idsAtUpdatedAt });
const validDate = (date: Date): Date => (Number.isNaN(date.getTime()) || date.getTime() < 0 ? new Date(0) : date);
