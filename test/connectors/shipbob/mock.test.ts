import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/shipbob/mock.js';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

const auth = { authorization: `Bearer ${MOCK_CREDENTIALS.token}` };

describe('shipbob mock: the documented sliding-window limiter', () => {
  it('counts down x-remaining-calls, answers 429 with x-retry-after and frees calls as the window slides', async () => {
    let now = 1_000_000;
    h = await startHarness({}, { limit: 3, windowMs: 60_000, now: () => now });
    const get = () => fetch(`${h.mock.url}/2026-07/order`, { headers: auth });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      remaining.push((await get()).headers.get('x-remaining-calls') ?? '');
      now += 10_000;
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const throttled = await get(); // now = +30 s: the first call leaves the window at +60 s
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-retry-after')).toBe('30');
    expect(await throttled.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 30 seconds.' });
    now += 30_001;
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
  });

  it('a delivery that meets the limiter comes back as retry after x-retry-after', async () => {
    const now = 5_000_000;
    h = await startHarness({}, { limit: 1, windowMs: 60_000, now: () => now });
    await fetch(`${h.mock.url}/2026-07/order`, { headers: auth });
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    expect(outcome).toMatchObject({ status: 'retry', retryAfterMs: 60_000 });
    expect((await h.state()).records).toBe(0);
  });

  it('401 without the bearer token; 400 without the channel header; 404 for an unknown version', async () => {
    h = await startHarness();
    expect((await fetch(`${h.mock.url}/2026-07/order`)).status).toBe(401);
    const noChannel = await fetch(`${h.mock.url}/2026-07/order`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(noChannel.status).toBe(400);
    expect(await noChannel.json()).toEqual({ shipbob_channel_id: ['The shipbob_channel_id header is required.'] });
    expect((await fetch(`${h.mock.url}/3.0/order`, { headers: auth })).status).toBe(404);
  });

  it('validates required Create Order fields with a field → messages body', async () => {
    h = await startHarness();
    const response = await fetch(`${h.mock.url}/2026-07/order`, {
      method: 'POST', headers: { ...auth, shipbob_channel_id: MOCK_CREDENTIALS.channelId, 'content-type': 'application/json' },
      body: JSON.stringify({ reference_id: 'x', products: [{ reference_id: 'SKU', quantity: 0 }] }),
    });
    expect(response.status).toBe(400);
    expect(Object.keys(await response.json() as object)).toEqual(expect.arrayContaining([
      'shipping_method', 'recipient.name', 'recipient.address.address1', 'type', 'products[0].quantity', 'products[0].name',
    ]));
  });

  it('finds orders with ReferenceIds and reports what it holds', async () => {
    h = await startHarness();
    await h.deliver(buildDelivery(buildOrder()));
    await h.deliver(buildDelivery(buildOrder({ externalId: '2' })));
    const list = await fetch(`${h.mock.url}/2026-07/order?ReferenceIds=shop:2`, { headers: auth });
    expect((await list.json() as { reference_id: string }[]).map((o) => o.reference_id)).toEqual(['shop:2']);
    expect(await h.state()).toMatchObject({ records: 2, duplicates: 0, duplicateAttempts: 0, received: { create: 2, list: 1 } });
  });
});
