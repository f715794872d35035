// A webhook receiver that behaves like a careful one: it verifies the signature (401 on a bad
// one), stores each Idempotency-Key once and answers a replayed key with its first answer.
// Stock levels (`type: stock.levels`) set the figures it keeps per SKU.
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { verifySignature, SIGNATURE_HEADER } from './signature.js';
import { STOCK_EVENT, type StockLevelsBody } from './stock.js';

export const MOCK_WEBHOOK_SECRET = 'whsec_ordersync_demo_secret';
export const MOCK_WEBHOOK_PATH = '/hooks/orders';

interface ReceivedEvent {
  id: string;
  type: string;
  order: { channel: string; externalId: string; number: string; updatedAt: string; fulfillmentStatus: string };
}

export function createWebhookMock(): MockApi {
  let answers = new Map<string, MockResponse>();
  let events: ReceivedEvent[] = [];
  let replays = 0;
  let badSignatures = 0;
  let stock = new Map<string, number>();
  let stockRequests = 0;

  function receive(request: MockRequest): MockResponse {
    if (!verifySignature(request.body, MOCK_WEBHOOK_SECRET, request.headers[SIGNATURE_HEADER])) {
      badSignatures++;
      return json(401, { error: 'invalid signature' });
    }
    const key = request.headers['idempotency-key'];
    if (!key) return json(400, { error: 'Idempotency-Key header is required' });
    const first = answers.get(key);
    if (first) {
      replays++;
      return { ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } };
    }
    if ((request.json as { type?: unknown } | undefined)?.type === STOCK_EVENT) return receiveStock(key, request.json as StockLevelsBody);
    const event = request.json as ReceivedEvent | undefined;
    if (!event?.id || !event.order?.externalId) return json(422, { error: 'body is not an ordersync event' });
    events.push(event);
    const answer = json(201, { id: `evt_${events.length}` });
    answers.set(key, answer);
    return answer;
  }

  function receiveStock(key: string, body: StockLevelsBody): MockResponse {
    const levels = Array.isArray(body.levels) ? body.levels : [];
    if (levels.length === 0 || levels.some((l) => typeof l?.sku !== 'string' || !Number.isInteger(l.onHand))) {
      return json(422, { error: 'stock.levels needs levels [{sku, onHand}] with whole onHand figures' });
    }
    stockRequests++;
    for (const level of levels) stock.set(level.sku, level.onHand);
    const answer = json(200, { received: levels.length });
    answers.set(key, answer);
    return answer;
  }

  function state(): Record<string, unknown> {
    const perEvent = new Map<string, number>();
    for (const event of events) perEvent.set(event.id, (perEvent.get(event.id) ?? 0) + 1);
    const byOrder: Record<string, string[]> = {};
    for (const event of events) (byOrder[`${event.order.channel}:${event.order.externalId}`] ??= []).push(event.type);
    return {
      records: events.length,
      duplicates: [...perEvent.values()].filter((n) => n > 1).length,
      replays,
      badSignatures,
      eventTypes: events.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.type]: (acc[e.type] ?? 0) + 1 }), {}),
      byOrder,
      stockRequests,
      stock: Object.fromEntries([...stock].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  return {
    name: 'webhook',
    routes: [route('POST', MOCK_WEBHOOK_PATH, receive)],
    state,
    reset: () => { answers = new Map(); events = []; replays = 0; badSignatures = 0; stock = new Map(); stockRequests = 0; },
    errorBody: (_status, message) => ({ error: message }),
  };
}
