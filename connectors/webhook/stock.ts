// Stock levels to a webhook (config `stock.targets`): the source's on-hand figures POSTed to the
// same URL as the events, signed the same way, in batches of BATCH levels. Levels are absolute
// figures, so a receiver may apply a repeated request safely: each request has a fresh
// Idempotency-Key (a later request may rightly carry the same figures as an earlier one).
import { randomUUID } from 'node:crypto';
import type { ConnectorContext, StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { HttpError } from '../../src/http/errors.js';
import type { WebhookSettings } from './settings.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';

export const STOCK_EVENT = 'stock.levels';
const BATCH = 500;

export interface StockLevelsBody {
  id: string;
  type: typeof STOCK_EVENT;
  occurredAt: string;
  levels: { sku: string; onHand: number; previous: number | null }[];
}

export async function pushWebhookStock(ctx: ConnectorContext<WebhookSettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const url = new URL(ctx.settings.url);
  // The client's own retries (429 with Retry-After, 5xx): repeating absolute figures is harmless.
  const http = ctx.http({ baseURL: url.origin, allowInsecure: ctx.settings.allowInsecure });
  const results: StockPushResult[] = [];
  for (let start = 0; start < updates.length; start += BATCH) {
    const batch = updates.slice(start, start + BATCH);
    const payload: StockLevelsBody = {
      id: randomUUID(), type: STOCK_EVENT, occurredAt: new Date(ctx.clock.now()).toISOString(),
      levels: batch.map((u) => ({ sku: u.sku, onHand: u.quantity, previous: u.previous })),
    };
    try {
      await http.request({
        method: 'POST', path: url.pathname + url.search, body: payload,
        headers: { 'idempotency-key': payload.id, [SIGNATURE_HEADER]: signBody(JSON.stringify(payload), ctx.settings.secret), 'x-ordersync-event': STOCK_EVENT },
      });
      results.push(...batch.map((u) => ({ sku: u.sku, status: 'ok' as const })));
    } catch (error) {
      // A refusal of the batch (4xx other than 401/403) is an answer for each of its levels; a
      // failure of the receiver as a whole (unreachable, credentials, still 5xx) ends the push.
      if (!(error instanceof HttpError) || error.transient || error.status === 401 || error.status === 403) throw error;
      results.push(...batch.map((u) => ({ sku: u.sku, status: 'rejected' as const, reason: error.message })));
    }
  }
  return results;
}
