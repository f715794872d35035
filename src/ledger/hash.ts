import { createHash } from 'node:crypto';
import type { Order } from '../model/order.js';

/**
 * What decides whether an order changed: its normalized content, without the channel's raw
 * payload and without `updatedAt` (a channel that bumps the timestamp for nothing, or echoes our
 * own write-back, must not produce an event). Key order is the schema's, so the hash is stable.
 */
export function contentHash(order: Order): string {
  const { raw: _raw, updatedAt: _updatedAt, ...content } = order;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
