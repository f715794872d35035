import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/easypost/mock.js';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

const auth = { authorization: `Basic ${Buffer.from(`${MOCK_CREDENTIALS.apiKey}:`).toString('base64')}` };

describe('easypost mock', () => {
  it('limits the index endpoint to 5 requests a second with a 429 in EasyPost\'s error body', async () => {
    let now = 1_000_000;
    h = await startHarness({}, { now: () => now });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${h.mock.url}/v2/shipments`, { headers: auth })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const throttled = await fetch(`${h.mock.url}/v2/shipments`, { headers: auth });
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(throttled.headers.get('retry-after')).toBeNull();
    now += 1_001;
    expect((await fetch(`${h.mock.url}/v2/shipments`, { headers: auth })).status).toBe(200);
  });

  it('answers 401 in EasyPost\'s error shape without the key', async () => {
    h = await startHarness();
    const response = await fetch(`${h.mock.url}/v2/shipments`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'APIKEY.REQUIRED' } });
  });

  it('lists newest first with has_more, before_id paging and a start_datetime bound', async () => {
    h = await startHarness({}, { indexPerSecond: 1_000 });
    for (let i = 0; i < 3; i++) await h.deliver(buildDelivery(buildOrder({ externalId: `n${i}` })));
    const page1 = await (await fetch(`${h.mock.url}/v2/shipments?page_size=2`, { headers: auth })).json() as { shipments: { id: string; reference: string }[]; has_more: boolean };
    expect(page1.shipments.map((s) => s.reference)).toEqual(['shop:n2', 'shop:n1']);
    expect(page1.has_more).toBe(true);
    const page2 = await (await fetch(`${h.mock.url}/v2/shipments?page_size=2&before_id=${page1.shipments[1]!.id}`, { headers: auth })).json() as typeof page1;
    expect(page2).toMatchObject({ shipments: [{ reference: 'shop:n0' }], has_more: false });
    const future = await (await fetch(`${h.mock.url}/v2/shipments?start_datetime=2999-01-01T00:00:00Z`, { headers: auth })).json() as typeof page1;
    expect(future.shipments).toEqual([]);
  });

  it('quotes rates as decimal strings; same seed, same ids', async () => {
    h = await startHarness();
    const a = await h.deliver(buildDelivery(buildOrder()));
    const rates = (await h.state()).shipments[0]!.rates as { rate: string }[];
    expect(rates.every((r) => /^\d+\.\d{2}$/.test(r.rate))).toBe(true);
    await h.mock.close();
    h = await startHarness();
    const b = await h.deliver(buildDelivery(buildOrder()));
    expect(a.status === 'ok' && a.externalRef).toBe(b.status === 'ok' && b.externalRef);
  });
});
