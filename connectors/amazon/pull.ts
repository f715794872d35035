// Pulls Amazon orders by last-update time, one window per pull: from the cursor (minus the
// overlap) to a safety lag behind Amazon's now, paged with pagination.nextToken.
//
// Amazon does not document the order of searchOrders results, so a half-read window proves
// nothing about which instants are complete: pages inside a window carry the cursor the window
// started from, and only the last page moves it — to the window's end, even when the window was
// empty. An order that changes while the window is paged gets a newer lastUpdatedTime and is
// read again, in this window or the next (the ledger keeps the newer version).
import type { ConnectorContext, OrderPage, PullRequest, UpdatedCursor } from '../../src/connector-kit/index.js';
import { advanceCursor, windowStart } from '../../src/connector-kit/index.js';
import { amazonNow, searchOrders } from './client.js';
import { toChannelOrder } from './mapping.js';
import type { AmazonSettings } from './settings.js';

const SECOND = 1_000;
const DAY = 86_400_000;

export async function* pullAmazonOrders(ctx: ConnectorContext<AmazonSettings>, request: PullRequest<UpdatedCursor>): AsyncGenerator<OrderPage<UpdatedCursor>> {
  const settings = ctx.settings;
  const now = await amazonNow(ctx);
  const start = windowStart(request, { overlapMs: settings.overlapSeconds * SECOND, initialLookbackMs: settings.initialLookbackDays * DAY, now });
  const end = new Date(now - settings.safetyLagSeconds * SECOND);
  if (end.getTime() <= start.getTime()) return; // nothing old enough to ask for yet

  const resumeFrom: UpdatedCursor = request.checkpoint && !request.since
    ? request.checkpoint
    : { updatedAt: start.toISOString(), idsAtUpdatedAt: [] };
  let newest: UpdatedCursor | undefined;
  let paginationToken: string | undefined;
  do {
    const page = await searchOrders(ctx, {
      lastUpdatedAfter: start, lastUpdatedBefore: end, maxResultsPerPage: settings.pageSize, paginationToken,
    });
    const mapped = page.orders.map(toChannelOrder);
    const orders = mapped.flatMap((m) => ('order' in m ? [m.order] : []));
    const rejected = mapped.flatMap((m) => ('rejected' in m ? [m.rejected] : []));
    newest = advanceCursor(newest, orders);
    paginationToken = page.nextToken;
    yield { orders, rejected, checkpoint: paginationToken ? resumeFrom : windowEndCursor(resumeFrom, newest, end) };
  } while (paginationToken);
}

/** The cursor once the whole window is read: its end, keeping the ids seen exactly there; never backwards. */
function windowEndCursor(previous: UpdatedCursor, newest: UpdatedCursor | undefined, end: Date): UpdatedCursor {
  const endIso = end.toISOString();
  const reached = newest && newest.updatedAt === endIso ? newest : { updatedAt: endIso, idsAtUpdatedAt: [] };
  return reached.updatedAt >= previous.updatedAt ? reached : previous;
}
