// A signed webhook target: each event is POSTed as JSON with an Idempotency-Key and an
// HMAC-SHA256 signature of the body, so any HTTP endpoint can receive orders.
import { defineTarget, outcomeFromError, withoutRaw, type Delivery } from '../../src/connector-kit/index.js';
import { createWebhookMock } from './mock.js';
import { WebhookSettings } from './settings.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';
import { pushWebhookStock } from './stock.js';

export const webhookTarget = defineTarget({
  id: 'webhook',
  displayName: 'Signed webhook',
  docsUrl: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/',
  settings: WebhookSettings,
  // A receiver we know nothing about: modest defaults, raise them in config.
  rateLimit: { concurrency: 4, intervalCap: 20, interval: 1_000 },
  async deliver(ctx, delivery) {
    const url = new URL(ctx.settings.url);
    const payload = payloadOf(delivery, ctx.settings.includeRaw);
    // Signed as the client will send it: JSON.stringify of the same plain data gives the same text
    // (the order comes parsed from the ledger and nothing touches it in between), so the body is
    // not parsed back to send a copy (bench/FINDINGS.md, D.6).
    const body = JSON.stringify(payload);
    try {
      // Inside the try: a refused plain-http URL is a rejection, not something to retry.
      const http = ctx.http({ baseURL: url.origin, retry: { retries: 0 }, allowInsecure: ctx.settings.allowInsecure });
      const response = await http.request<{ id?: unknown } | null>({
        method: 'POST',
        path: url.pathname + url.search,
        body: payload,
        headers: {
          'idempotency-key': delivery.idempotencyKey,
          [SIGNATURE_HEADER]: signBody(body, ctx.settings.secret),
          'x-ordersync-event': delivery.event.type,
        },
      });
      const id = response.data && typeof response.data === 'object' ? response.data.id : undefined;
      return { status: 'ok', externalRef: id === undefined || id === null ? null : String(id) };
    } catch (error) {
      return outcomeFromError(error);
    }
  },
  pushStock: pushWebhookStock,
  mock: createWebhookMock,
});

function payloadOf(delivery: Delivery, includeRaw: boolean): unknown {
  const order = delivery.event.order;
  return { ...delivery.event, order: includeRaw ? { ...order } : withoutRaw(order) };
}
