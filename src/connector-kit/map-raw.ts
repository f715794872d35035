// The one way a mapper turns a raw payload into an order or a rejection: parse it with the
// API's zod schema, map it, and turn any failure into a rejected payload with its reason, so
// one bad order never sinks its page.
import type { z } from 'zod';
import type { ChannelOrder } from '../model/order.js';
import type { RejectedPayload } from './channel.js';

export type MapResult = { order: ChannelOrder } | { rejected: RejectedPayload };

export interface RawOrderMapper<Raw> {
  /** What the payload is, for reasons: "woocommerce order". */
  what: string;
  schema: z.ZodType<Raw>;
  idOf(parsed: Raw): string;
  map(parsed: Raw, raw: unknown): ChannelOrder;
}

export function mapRawOrder<Raw>(raw: unknown, mapper: RawOrderMapper<Raw>): MapResult {
  const parsed = mapper.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { rejected: { externalId: rawId(raw), reason: `${mapper.what}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`, raw } };
  }
  try {
    return { order: mapper.map(parsed.data, raw) };
  } catch (error) {
    const id = mapper.idOf(parsed.data);
    return { rejected: { externalId: id, reason: `${mapper.what} ${id}: ${(error as Error).message}`, raw } };
  }
}

/** A page of map results as the page's orders and rejects. */
export function splitMapped(results: readonly MapResult[]): { orders: ChannelOrder[]; rejected: RejectedPayload[] } {
  const orders: ChannelOrder[] = [];
  const rejected: RejectedPayload[] = [];
  for (const result of results) {
    if ('order' in result) orders.push(result.order);
    else rejected.push(result.rejected);
  }
  return { orders, rejected };
}

function rawId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id) : null;
}
