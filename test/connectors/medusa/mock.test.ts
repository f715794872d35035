// The mock speaks Medusa 2's wire protocol as a 2.21.2 server answered it (see README).
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningMock } from '../../../src/mock/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/medusa/index.js';
import { basicAuth, control, startMedusaMock } from './helpers.js';

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const KEY = basicAuth(MOCK_CREDENTIALS.apiKey);

async function get(path: string, authorization = KEY): Promise<{ status: number; body: any }> {
  const response = await fetch(`${mock!.url}${path}`, { headers: { authorization } });
  return { status: response.status, body: await response.json() };
}

describe('medusa mock', () => {
  it('generates the same orders from the same seed, others from another', async () => {
    // Timestamps are relative to now; everything else repeats.
    const content = (orders: any[]) => orders.map((o) => ({ id: o.id, total: o.total, email: o.email, skus: o.items.map((i: any) => [i.variant_sku, i.quantity]) }));
    mock = await startMedusaMock(10, 7);
    const a = content((await get('/admin/orders?limit=10&fields=id,total,email')).body.orders);
    await mock.close();
    mock = await startMedusaMock(10, 7);
    const b = content((await get('/admin/orders?limit=10&fields=id,total,email')).body.orders);
    await mock.close();
    mock = await startMedusaMock(10, 8);
    const c = content((await get('/admin/orders?limit=10&fields=id,total,email')).body.orders);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('accepts the secret key in Basic (base64 or bare) and a JWT from the login route, and nothing else', async () => {
    mock = await startMedusaMock(3);
    expect((await get('/admin/orders')).status).toBe(200);
    expect((await get('/admin/orders', `Basic ${MOCK_CREDENTIALS.apiKey}`)).status).toBe(200);
    expect(await get('/admin/orders', basicAuth('sk_nope'))).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(await get('/admin/orders', '')).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    const bearerKey = await get('/admin/orders', `Bearer ${MOCK_CREDENTIALS.apiKey}`);
    expect(bearerKey.status).toBe(401);
    expect(bearerKey.body.message).toMatch(/must be sent using HTTP Basic/);
    const login = async (password: string) => fetch(`${mock!.url}/auth/user/emailpass`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MOCK_CREDENTIALS.email, password }),
    });
    const refused = await login('wrong');
    expect([refused.status, await refused.json()]).toEqual([401, { type: 'unauthorized', message: 'Invalid email or password' }]);
    const { token } = (await (await login(MOCK_CREDENTIALS.password)).json()) as { token: string };
    expect((await get('/admin/orders', `Bearer ${token}`)).status).toBe(200);
  });

  it('answers lists as { orders, count, offset, limit } with the route defaults and always-added fields', async () => {
    mock = await startMedusaMock(20);
    const { body } = await get('/admin/orders');
    expect(body).toMatchObject({ count: 20, offset: 0, limit: 15 });
    expect(body.orders).toHaveLength(15);
    expect(Object.keys(body.orders[0]).sort()).toEqual(
      ['id', 'display_id', 'custom_display_id', 'status', 'version', 'summary', 'total', 'metadata', 'locale', 'created_at', 'updated_at', 'items', 'payment_status', 'fulfillment_status'].sort(),
    );
    const only = (await get('/admin/orders?fields=id,nosuch')).body.orders[0];
    expect(Object.keys(only).sort()).toEqual(['fulfillment_status', 'id', 'items', 'payment_status', 'status', 'version']);
    const plus = (await get('/admin/orders?fields=%2Bemail,-summary')).body.orders[0];
    expect(plus).toHaveProperty('email');
    expect(plus).not.toHaveProperty('summary');
    const nested = (await get('/admin/payments?fields=id,payment_collection.order.id')).body.payments[0];
    expect(Object.keys(nested.payment_collection)).toEqual(['order']);
    expect(Object.keys(nested.payment_collection.order)).toEqual(['id']);
  });

  it('filters by updated_at and id operators, by id lists, and orders by a field', async () => {
    mock = await startMedusaMock(30);
    const all = (await get('/admin/orders?limit=100&order=updated_at&fields=id,updated_at')).body.orders as { id: string; updated_at: string }[];
    const stamps = all.map((o) => o.updated_at);
    expect([...stamps].sort()).toEqual(stamps);
    const from = stamps[10]!;
    const after = (await get(`/admin/orders?limit=100&fields=id&updated_at[$gte]=${from}`)).body;
    expect(after.count).toBe(20);
    const window = (await get(`/admin/orders?limit=100&fields=id&updated_at[$gte]=${from}&updated_at[$lt]=${stamps[12]}`)).body;
    expect(window.count).toBe(2);
    const ids = all.map((o) => o.id).sort();
    expect((await get(`/admin/orders?limit=100&fields=id&id[$gt]=${ids[25]}`)).body.count).toBe(4);
    expect((await get(`/admin/orders?fields=id&id[]=${ids[0]}&id[]=${ids[1]}`)).body.count).toBe(2);
    const descending = (await get('/admin/orders?limit=100&order=-updated_at&fields=id')).body.orders.map((o: { id: string }) => o.id);
    expect(descending).toEqual(all.map((o) => o.id).reverse());
  });

  it('answers bad queries with the server\'s own bodies', async () => {
    mock = await startMedusaMock(3);
    expect(await get('/admin/orders?limit=abc')).toEqual({
      status: 400, body: { type: 'invalid_data', message: "Invalid request: Expected type: 'number' for field 'limit', got: 'string'" },
    });
    const unknown = { code: 'unknown_error', type: 'unknown_error', message: 'An unknown error occurred.' };
    expect(await get('/admin/orders?order=nosuch')).toEqual({ status: 500, body: unknown });
    expect(await get('/admin/orders?updated_at[$gte]=notadate')).toEqual({ status: 500, body: unknown });
    expect(await get('/admin/orders/order_nope')).toEqual({ status: 404, body: { type: 'not_found', message: 'Order id not found: order_nope' } });
    expect((await get('/admin/orders?updated_at[$foo]=x')).status).toBe(200); // unknown operators are dropped
    expect(await get('/admin/payments?id[$gt]=pay_0')).toEqual({
      status: 400, body: { type: 'invalid_data', message: "Invalid request: Expected type: 'string, array' for field 'id', got: '[object Object]'" },
    });
  });

  it('changes, adds, quarantines and upserts through POST /__mock/orders, stamping strictly newer times', async () => {
    mock = await startMedusaMock(12);
    const before = (await get('/admin/orders?limit=100&order=updated_at&fields=id,updated_at,email,fulfillment_status')).body.orders;
    const newest = before.at(-1).updated_at;
    const answer = await control(mock, '/__mock/orders', { change: 3, add: 2, malformed: 1, orders: [{ id: before[1].id, email: 'upsert@example.com' }] });
    expect(answer.changed).toHaveLength(4);
    expect(answer.added).toHaveLength(3);
    const after = new Map<string, any>((await get('/admin/orders?limit=100&fields=id,updated_at,email,fulfillment_status,total')).body.orders.map((o: any) => [o.id, o]));
    for (const id of answer.changed.slice(0, 3)) {
      const was = before.find((o: any) => o.id === id);
      const now = after.get(id);
      expect(now.updated_at > newest).toBe(true);
      expect(now.email !== was.email || now.fulfillment_status !== was.fulfillment_status).toBe(true);
    }
    expect(after.get(answer.added[2]).total).toBe('not-a-number');
    expect(after.get(before[1].id).email).toBe('upsert@example.com');
    expect((await control(mock, '/__mock/state')).orders).toBe(15);
    await control(mock, '/__mock/reset', {});
    expect((await control(mock, '/__mock/state')).orders).toBe(12);
  });

  it('captures a payment without moving the order\'s updated_at, like the real server', async () => {
    mock = await startMedusaMock(40);
    const orders = (await get('/admin/orders?limit=100&fields=id,updated_at')).body.orders;
    const target = orders.find((o: any) => o.payment_status === 'authorized');
    const payments = (await get('/admin/payments?limit=100&fields=id,updated_at,payment_collection.order.id')).body.payments;
    const payment = payments.find((p: any) => p.payment_collection.order.id === target.id);
    const response = await fetch(`${mock.url}/admin/payments/${payment.id}/capture`, { method: 'POST', headers: { authorization: KEY } });
    expect(response.status).toBe(200);
    const order = (await get(`/admin/orders/${target.id}?fields=id,updated_at`)).body.order;
    expect(order).toMatchObject({ payment_status: 'captured', updated_at: target.updated_at });
    const captured = (await get(`/admin/payments?fields=id,updated_at&id=${payment.id}`)).body.payments[0];
    expect(captured.updated_at > payment.updated_at).toBe(true);
    expect((await control(mock, '/__mock/state')).captures).toBe(1);
  });
});
