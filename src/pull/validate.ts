// The runtime's check on what a connector yields: the order must fit the normalized model.
import type { RejectedPayload } from '../connector-kit/index.js';
import { OrderSchema, reconciliationDifference, type ChannelOrder, type Order } from '../model/index.js';

export type Validated = { order: Order; moneyDifference: number } | { rejected: RejectedPayload };

export function validateOrder(channel: string, candidate: ChannelOrder): Validated {
  const parsed = OrderSchema.safeParse({ ...candidate, channel });
  if (!parsed.success) {
    const reasons = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'order'}: ${issue.message}`);
    return { rejected: { externalId: typeof candidate?.externalId === 'string' ? candidate.externalId : null, reason: `invalid order: ${reasons.join('; ')}`, raw: candidate?.raw ?? candidate } };
  }
  return { order: parsed.data, moneyDifference: reconciliationDifference(parsed.data) };
}
