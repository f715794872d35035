import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/connector-kit/index.js';
import type { RunningMock } from '../../../src/mock/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/medusa/index.js';
import { basicAuth, contextFor, control, fakeClock, latestById, pullAll, startMedusaMock } from './helpers.js';

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('medusa pull against the mock', () => {
  it('pulls every order across many pages, each once', async () => {
    mock = await startMedusaMock(250);
    const pulled = await pullAll(contextFor(mock.url, { pageSize: 20 }));
    const ids = pulled.orders.map((o) => o.externalId);
    expect(new Set(ids).size).toBe(250);
    expect(ids).toHaveLength(250);
    expect(pulled.rejected).toEqual([]);
    const state = await control(mock, '/__mock/state');
    expect(state.byRoute['GET /admin/orders']).toBeGreaterThanOrEqual(13);
    // the cursor is the newest order seen
    const newest = pulled.orders.map((o) => o.updatedAt).sort().at(-1);
    expect(pulled.checkpoint?.updatedAt).toBe(newest);
  });

  it('an incremental pull sees exactly the changed and added orders', async () => {
    mock = await startMedusaMock(60);
    const ctx = contextFor(mock.url, { pageSize: 25 });
    const first = await pullAll(ctx);
    const { changed, added } = await control(mock, '/__mock/orders', { change: 4, add: 3 });
    const second = await pullAll(ctx, first.checkpoint);
    expect(new Set(second.orders.map((o) => o.externalId))).toEqual(new Set([...changed, ...added]));
    const before = latestById(first.orders);
    for (const id of changed) expect(latestById(second.orders).get(id)).not.toEqual(before.get(id));
    const third = await pullAll(ctx, second.checkpoint);
    // nothing changed since, except re-reads inside the overlap window, which are identical
    const after = latestById(second.orders);
    for (const order of third.orders) expect(order).toEqual(after.get(order.externalId));
  });

  it('misses and doubles nothing when orders change between two pages', async () => {
    mock = await startMedusaMock(100);
    const ctx = contextFor(mock.url, { pageSize: 10 });
    let changedIds: string[] = [];
    const pulled = await pullAll(ctx, undefined, undefined, async (page) => {
      if (page === 2 || page === 5) changedIds.push(...(await control(mock!, '/__mock/orders', { change: 5, add: 2 })).changed);
    });
    const latest = latestById(pulled.orders);
    expect(latest.size).toBe(100 + 4);
    // each order was yielded once per distinct state: changed ones at most twice
    const counts = new Map<string, number>();
    for (const o of pulled.orders) counts.set(o.externalId, (counts.get(o.externalId) ?? 0) + 1);
    for (const [id, n] of counts) expect(n, id).toBeLessThanOrEqual(changedIds.filter((c) => c === id).length + 1);
    // and the final state of every changed order is the mock's current one
    const server = await serverOrders(mock);
    for (const id of changedIds) expect(latest.get(id)?.updatedAt).toBe(server.get(id));
  });

  it('pages through more orders sharing one instant than a page holds', async () => {
    mock = await startMedusaMock(5);
    const instant = '2030-01-01T00:00:00.000Z';
    const base = await rawOrder(mock);
    const clones = Array.from({ length: 23 }, (_, i) => ({ ...base, id: `order_TIE${String(i).padStart(3, '0')}`, display_id: 900 + i, updated_at: instant }));
    await control(mock, '/__mock/orders', { orders: clones });
    const pulled = await pullAll(contextFor(mock.url, { pageSize: 5 }));
    const ids = pulled.orders.map((o) => o.externalId);
    expect(new Set(ids).size).toBe(28);
    expect(ids.filter((id) => id.startsWith('order_TIE'))).toHaveLength(23);
    expect(pulled.checkpoint?.updatedAt).toBe(instant);
    expect(pulled.checkpoint?.idsAtUpdatedAt).toHaveLength(23);
  });

  it('re-reads orders whose payment was captured, though their updated_at did not move', async () => {
    mock = await startMedusaMock(30);
    const ctx = contextFor(mock.url);
    const first = await pullAll(ctx);
    const authorized = first.orders.find((o) => o.financialStatus === 'authorized')!;
    const payment = await paymentOf(mock, authorized.externalId);
    const captured = await fetch(`${mock.url}/admin/payments/${payment}/capture`, {
      method: 'POST', headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey), 'content-type': 'application/json' }, body: '{}',
    });
    expect(captured.status).toBe(200);
    const second = await pullAll(ctx, first.checkpoint);
    expect(second.orders.map((o) => o.externalId)).toEqual([authorized.externalId]);
    expect(second.orders[0]?.financialStatus).toBe('paid');
    expect(second.orders[0]?.updatedAt).toBe(authorized.updatedAt);
    expect(second.checkpoint?.payments?.updatedAt).toBeDefined();
  });

  it('without the payment sweep, a capture goes unseen (why the sweep exists)', async () => {
    mock = await startMedusaMock(30);
    const ctx = contextFor(mock.url, { paymentSweep: false });
    const first = await pullAll(ctx);
    const authorized = first.orders.find((o) => o.financialStatus === 'authorized')!;
    await fetch(`${mock.url}/admin/payments/${await paymentOf(mock, authorized.externalId)}/capture`, {
      method: 'POST', headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey) },
    });
    const second = await pullAll(ctx, first.checkpoint);
    expect(second.orders).toEqual([]);
  });

  it('quarantines malformed orders while the rest of the page lands', async () => {
    mock = await startMedusaMock(10);
    const ctx = contextFor(mock.url);
    const first = await pullAll(ctx);
    const { added } = await control(mock, '/__mock/orders', { malformed: 2, add: 1 });
    const second = await pullAll(ctx, first.checkpoint);
    expect(second.rejected.map((r) => r.externalId).sort()).toEqual(added.slice(1).sort());
    expect(second.rejected[0]?.reason).toMatch(/not-a-number/);
    expect(second.orders.map((o) => o.externalId)).toEqual([added[0]]);
    // the cursor still moves past the rejected orders
    expect(second.checkpoint!.updatedAt > first.checkpoint!.updatedAt).toBe(true);
  });

  it('logs in with email and password and sends the JWT as a Bearer token', async () => {
    mock = await startMedusaMock(12);
    const ctx = contextFor(mock.url, { apiKey: undefined, email: MOCK_CREDENTIALS.email, password: MOCK_CREDENTIALS.password });
    const pulled = await pullAll(ctx);
    expect(pulled.orders).toHaveLength(12);
    expect((await control(mock, '/__mock/state')).tokensIssued).toBe(1);
  });

  it('throws a 401 HttpError for a wrong key, without the key in the message', async () => {
    mock = await startMedusaMock(3);
    const ctx = contextFor(mock.url, { apiKey: 'sk_wrong_key_123' });
    const error = await pullAll(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect((error as HttpError).message).toContain('Unauthorized');
    const login = await pullAll(contextFor(mock.url, { apiKey: undefined, email: 'x@y.z', password: 'nope' })).catch((e: unknown) => e);
    expect((login as HttpError).status).toBe(401);
    expect((login as HttpError).message).toContain('Invalid email or password');
  });

  it('honours Retry-After on 429 and retries 500s and timeouts', async () => {
    mock = await startMedusaMock(8);
    await control(mock, '/__mock/faults', { next: [429, 500, 'timeout'], retryAfterSeconds: 7, timeoutHoldMs: 5_000 });
    const clock = fakeClock();
    const pulled = await pullAll(contextFor(mock.url, {}, clock));
    expect(pulled.orders).toHaveLength(8);
    expect(clock.sleeps[0]).toBe(7_000);
    expect(clock.sleeps).toHaveLength(3);
  });

  it('backfills from --since and respects the initial look-back', async () => {
    mock = await startMedusaMock(40);
    const all = await pullAll(contextFor(mock.url));
    const sorted = all.orders.map((o) => o.updatedAt).sort();
    const since = new Date(sorted[30]!);
    const backfill = await pullAll(contextFor(mock.url), all.checkpoint, since);
    expect(backfill.orders.map((o) => o.updatedAt).sort()).toEqual(sorted.slice(30));
    const lookback = await pullAll(contextFor(mock.url, { initialLookbackDays: 6 }));
    const expected = sorted.filter((t) => Date.parse(t) >= Date.now() - 6 * 86_400_000 - 60_000);
    expect(lookback.orders.length).toBeGreaterThan(0);
    expect(lookback.orders.length).toBeLessThanOrEqual(expected.length);
    expect(lookback.orders.length).toBeLessThan(40);
  });

  it('moves the payment cursor through empty windows', async () => {
    mock = await startMedusaMock(5);
    const clock = fakeClock();
    const ctx = contextFor(mock.url, {}, clock);
    const first = await pullAll(ctx);
    const second = await pullAll(ctx, first.checkpoint);
    expect(second.orders).toEqual([]);
    expect(Date.parse(second.checkpoint!.payments!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.checkpoint!.payments!.updatedAt));
  });
});

async function serverOrders(mock: RunningMock): Promise<Map<string, string>> {
  const response = await fetch(`${mock.url}/admin/orders?limit=1000&fields=id,updated_at`, { headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey) } });
  const body = (await response.json()) as { orders: { id: string; updated_at: string }[] };
  return new Map(body.orders.map((o) => [o.id, o.updated_at]));
}

async function rawOrder(mock: RunningMock): Promise<Record<string, unknown>> {
  const response = await fetch(`${mock.url}/admin/orders?limit=1&fields=*`, { headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey) } });
  const body = (await response.json()) as { orders: { id: string }[] };
  const one = await fetch(`${mock.url}/admin/orders/${body.orders[0]!.id}?fields=${encodeURIComponent('id,display_id,status,email,currency_code,created_at,updated_at,total,item_subtotal,shipping_subtotal,tax_total,discount_subtotal,credit_line_total,*items,*shipping_address,*billing_address,*customer')}`, { headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey) } });
  return ((await one.json()) as { order: Record<string, unknown> }).order;
}

async function paymentOf(mock: RunningMock, orderId: string): Promise<string> {
  const response = await fetch(`${mock.url}/admin/payments?limit=1000&fields=id,payment_collection.order.id`, { headers: { authorization: basicAuth(MOCK_CREDENTIALS.apiKey) } });
  const body = (await response.json()) as { payments: { id: string; payment_collection: { order: { id: string } } }[] };
  return body.payments.find((p) => p.payment_collection.order.id === orderId)!.id;
}

