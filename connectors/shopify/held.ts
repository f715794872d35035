// Which orders the ledger already holds exactly as Shopify now stamps them, so a pull need not
// read them again (their remaining line items, or the whole overlap window).
//
// An equal `updatedAt` alone does not prove an equal order: Shopify stamps whole seconds, so an
// order read in the same second as its stamp could change again within that second and keep the
// stamp. An order is trusted only when it was read at least a second after its stamp, which the
// cursor proves: `settledBefore` is the start of the last complete (not `--since`) pull, and every
// order in a pull's window is either read in full by it or was trusted by an earlier pull on the
// same grounds, so an order held at a stamp older than `settledBefore − SETTLE_MS` was read in
// full at least a second after that stamp (or at least SETTLE_MS after, for SETTLE_MS = 2 s).
import { z } from 'zod';
import { UpdatedCursorSchema, type Modified, type PullRequest } from '../../src/connector-kit/index.js';

/** A stamp older than the last complete pull's start by this much was read at least a second after it. */
export const SETTLE_MS = 2_000;

export const ShopifyCursorSchema = UpdatedCursorSchema.extend({
  /** When the last complete pull (not `--since`) began (ISO 8601); absent: nothing is trusted yet. */
  settledBefore: z.string().optional(),
});
export type ShopifyCursor = z.infer<typeof ShopifyCursorSchema>;

/** The ids, among these stamps, that the ledger holds at exactly that stamp and may be trusted. */
export type HeldCheck = (stamps: readonly Modified[]) => Promise<Set<string>>;

/** The check for this pull, or undefined when nothing may be trusted (first pull, `--since`, no ledger). */
export function heldCheck(request: PullRequest<ShopifyCursor>): HeldCheck | undefined {
  const settled = Date.parse(request.checkpoint?.settledBefore ?? '');
  const known = request.known;
  if (request.since || !known || Number.isNaN(settled)) return undefined;
  return async (stamps) => {
    const held = new Set<string>();
    if (stamps.length === 0) return held;
    const holding = await known(stamps.map((stamp) => stamp.externalId));
    for (const { externalId, updatedAt } of stamps) {
      const at = Date.parse(updatedAt);
      const ledger = holding.get(externalId);
      if (ledger !== undefined && Date.parse(ledger) === at && at <= settled - SETTLE_MS) held.add(externalId);
    }
    return held;
  };
}
