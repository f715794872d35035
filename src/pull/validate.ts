// The runtime's check on what a connector yields: the order must fit the normalized model.
import type { RejectedPayload } from '../connector-kit/index.js';
import { OrderSchema, reconciliationDifference, type ChannelOrder, type Order } from '../model/index.js';

export type Validated = { order: Order; moneyDifference: number } | { rejected: RejectedPayload };

export function validateOrder(channel: string, candidate: ChannelOrder): Validated {
  if (!isStorable(candidate?.raw)) {
    return { rejected: { externalId: typeof candidate?.externalId === 'string' ? candidate.externalId : null, reason: 'the payload cannot be stored (nested too deeply to serialize)', raw: null } };
  }
  const parsed = OrderSchema.safeParse({ ...candidate, channel });
  if (!parsed.success) {
    const reasons = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'order'}: ${issue.message}`);
    return { rejected: { externalId: typeof candidate?.externalId === 'string' ? candidate.externalId : null, reason: `invalid order: ${reasons.join('; ')}`, raw: candidate?.raw ?? candidate } };
  }
  return { order: parsed.data, moneyDifference: reconciliationDifference(parsed.data) };
}

/** A payload the ledger can write: JSON.stringify overflows the stack on very deep nesting. */
export function isStorable(raw: unknown): boolean {
  try {
    JSON.stringify(raw);
    return true;
  } catch {
    return false;
  }
}
