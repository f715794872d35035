// The incremental cursor every channel shares: the last-modified instant seen, plus the ids
// seen at exactly that instant (the tie-breaker). A pull restarts from that instant minus an
// overlap; orders already seen come back and are deduplicated by the ledger's content hash.
import { z } from 'zod';

export const UpdatedCursorSchema = z.object({
  updatedAt: z.string(),
  idsAtUpdatedAt: z.array(z.string()),
});
export type UpdatedCursor = z.infer<typeof UpdatedCursorSchema>;

export interface Modified {
  externalId: string;
  updatedAt: string;
}

/** Moves the cursor to the newest order of the page; never moves it backwards. */
export function advanceCursor(cursor: UpdatedCursor | undefined, orders: readonly Modified[]): UpdatedCursor | undefined {
  let next = cursor;
  for (const order of orders) {
    if (!next || order.updatedAt > next.updatedAt) {
      next = { updatedAt: order.updatedAt, idsAtUpdatedAt: [order.externalId] };
    } else if (order.updatedAt === next.updatedAt && !next.idsAtUpdatedAt.includes(order.externalId)) {
      next = { updatedAt: next.updatedAt, idsAtUpdatedAt: [...next.idsAtUpdatedAt, order.externalId] };
    }
  }
  return next;
}

/**
 * Where a pull's window starts: `--since` wins, then the cursor minus the overlap, else the
 * channel's default look-back from now.
 */
export function windowStart(
  request: { checkpoint: UpdatedCursor | undefined; since: Date | undefined },
  options: { overlapMs: number; initialLookbackMs: number; now: number },
): Date {
  if (request.since) return request.since;
  if (request.checkpoint) return new Date(Date.parse(request.checkpoint.updatedAt) - options.overlapMs);
  return new Date(options.now - options.initialLookbackMs);
}
