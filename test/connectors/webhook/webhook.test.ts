import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookTarget } from '../../../connectors/webhook/index.js';
import { MOCK_WEBHOOK_PATH, MOCK_WEBHOOK_SECRET } from '../../../connectors/webhook/mock.js';
import { signBody, verifySignature } from '../../../connectors/webhook/signature.js';
import { createContext } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { fastClock } from '../../../src/testing/fake-clock.js';
import { makeOrder } from '../../support/orders.js';
import { mockState, webhookRuntime } from '../../support/webhook.js';

/** A receiver that keeps every body it is sent and answers 200. */
async function spyReceiver(): Promise<{ received: string[]; server: RunningMock }> {
  const received: string[] = [];
  const server = await startMock({
    name: 'spy', routes: [{ method: 'POST', pattern: MOCK_WEBHOOK_PATH, handler: (r) => { received.push(r.body); return { status: 200, body: {} }; } }],
    state: () => ({}), reset: () => {},
  }, { port: 0 });
  return { received, server };
}

describe('webhook target', () => {
  let mock: RunningMock;
  beforeEach(async () => { mock = await startMock(webhookTarget.mock!({ seed: 1 }), { port: 0 }); });
  afterEach(() => mock.close());

  const delivery = (key = 'ledger:1:hooks') => ({
    id: 1, idempotencyKey: key, attempt: 1, previousExternalRef: null,
    event: { id: 'ledger:1', type: 'order.created' as const, occurredAt: '2026-11-25T10:00:00.000Z', order: makeOrder() },
  });

  it('signs the body with HMAC-SHA256 and the receiver checks it', () => {
    const signature = signBody('{"a":1}', 'secret-of-sixteen-chars');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('{"a":1}', 'secret-of-sixteen-chars', signature)).toBe(true);
    expect(verifySignature('{"a":2}', 'secret-of-sixteen-chars', signature)).toBe(false);
  });

  it('delivers the event with its idempotency key; a replay gets the first answer and makes no record', async () => {
    const runtime = webhookRuntime(mock.url, fastClock());
    const first = await webhookTarget.deliver(runtime.ctx as never, delivery());
    const again = await webhookTarget.deliver(runtime.ctx as never, delivery());
    expect(first).toEqual({ status: 'ok', externalRef: 'evt_1' });
    expect(again).toEqual(first);
    expect(await mockState(mock.url)).toMatchObject({ records: 1, replays: 1, duplicates: 0 });
  });

  it('refuses a plain-http URL on another host at once, as a rejection (no retry, no request)', async () => {
    const settings = webhookTarget.settings.parse({ url: 'http://receiver.example.com/hooks', secret: MOCK_WEBHOOK_SECRET });
    const ctx = createContext({ role: 'target', name: 'hooks', settings, clock: fastClock(), timeoutMs: 1_000 });
    const outcome = await webhookTarget.deliver(ctx, delivery());
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/is not https/) });
  });

  it('leaves the raw payload out unless asked, and never sends a secret', async () => {
    const { received, server } = await spyReceiver();
    const runtime = webhookRuntime(server.url, fastClock());
    await webhookTarget.deliver(runtime.ctx as never, delivery());
    await server.close();
    const body = JSON.parse(received[0]!) as { type: string; order: Record<string, unknown> };
    expect(body.type).toBe('order.created');
    expect(body.order.raw).toBeUndefined();
    expect(received[0]).not.toContain(MOCK_WEBHOOK_SECRET);
  });

  it('sends the raw payload, as the channel sent it, when includeRaw is set', async () => {
    const { received, server } = await spyReceiver();
    const runtime = webhookRuntime(server.url, fastClock(), { includeRaw: true });
    const sent = delivery();
    await webhookTarget.deliver(runtime.ctx as never, sent);
    await server.close();
    const body = JSON.parse(received[0]!) as { order: Record<string, unknown> };
    const { raw, ...normalized } = sent.event.order;
    expect(body.order).toEqual({ ...JSON.parse(JSON.stringify(normalized)), raw: JSON.parse(JSON.stringify(raw)) });
  });

  it('a wrong secret is refused as unauthorized', async () => {
    const runtime = webhookRuntime(mock.url, fastClock(), { secret: 'another-secret-entirely' });
    const outcome = await webhookTarget.deliver(runtime.ctx as never, delivery());
    expect(outcome.status).toBe('unauthorized');
    expect(await mockState(mock.url)).toMatchObject({ records: 0, badSignatures: 1 });
  });

  describe('stock levels (stock.targets)', () => {
    const updates = (n: number, onHand = 3) => Array.from({ length: n }, (_, i) => ({ sku: `SKU-${String(i).padStart(4, '0')}`, quantity: onHand, previous: null }));

    it('posts the figures signed, in batches of 500, and the receiver keeps them', async () => {
      const runtime = webhookRuntime(mock.url, fastClock());
      const results = await webhookTarget.pushStock!(runtime.ctx as never, updates(1_200));
      expect(results).toHaveLength(1_200);
      expect(results.every((r) => r.status === 'ok')).toBe(true);
      const state = await mockState<{ stockRequests: number; stock: Record<string, number>; records: number }>(mock.url);
      expect(state.stockRequests).toBe(3);
      expect(Object.keys(state.stock)).toHaveLength(1_200);
      expect(state.stock['SKU-1199']).toBe(3);
      expect(state.records).toBe(0);

      // The same figures again are a new request, applied again (absolute figures: harmless).
      await webhookTarget.pushStock!(runtime.ctx as never, [{ sku: 'SKU-0001', quantity: 0, previous: 3 }]);
      expect((await mockState<{ stock: Record<string, number> }>(mock.url)).stock['SKU-0001']).toBe(0);
    });

    it('a refused batch is a refusal of each of its levels; a wrong secret fails the push as a whole', async () => {
      const runtime = webhookRuntime(mock.url, fastClock());
      const refused = await webhookTarget.pushStock!(runtime.ctx as never, [{ sku: 'MUG', quantity: 1.5, previous: null }]);
      expect(refused).toEqual([{ sku: 'MUG', status: 'rejected', reason: expect.stringMatching(/422.*whole onHand/) }]);
      const wrong = webhookRuntime(mock.url, fastClock(), { secret: 'another-secret-entirely' });
      await expect(webhookTarget.pushStock!(wrong.ctx as never, updates(2))).rejects.toThrow(/401/);
      expect(await mockState(mock.url)).toMatchObject({ stockRequests: 0, badSignatures: 1 });
    });
  });
});
