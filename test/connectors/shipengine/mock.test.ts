import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/shipengine/mock.js';
import { buildDelivery, buildOrder } from './fixtures.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.mock.close(); });

describe('shipengine mock', () => {
  it('limits requests per minute and answers 429 with Retry-After and error_code rate_limit_exceeded', async () => {
    let now = 1_000_000;
    h = await startHarness({}, { limit: 2, windowMs: 60_000, now: () => now });
    const get = () => fetch(`${h.mock.url}/v1/labels`, { headers: { 'api-key': MOCK_CREDENTIALS.apiKey } });
    expect((await get()).status).toBe(200);
    now += 20_000;
    expect((await get()).status).toBe(200);
    const throttled = await get();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('40');
    const body = await throttled.json() as { request_id: string; errors: Record<string, string>[] };
    expect(body.errors[0]).toMatchObject({ error_source: 'shipengine', error_code: 'rate_limit_exceeded' });
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
    const outcome = await h.deliver(buildDelivery(buildOrder()));
    expect(outcome).toMatchObject({ status: 'retry', retryAfterMs: 40_000 });
  });

  it('401 with the ShipEngine error body without a valid API-Key', async () => {
    h = await startHarness();
    const response = await fetch(`${h.mock.url}/v1/labels`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Record<string, string>[] }).errors[0]).toMatchObject({ error_type: 'security', error_code: 'unauthorized' });
  });

  it('validates the label request', async () => {
    h = await startHarness();
    const response = await fetch(`${h.mock.url}/v1/labels`, {
      method: 'POST', headers: { 'api-key': MOCK_CREDENTIALS.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ shipment: { carrier_id: 'se-1000001', service_code: 'usps_priority_mail', ship_to: {}, ship_from: {}, packages: [] } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string>[] }).errors[0]).toMatchObject({ error_code: 'field_value_required', message: 'shipment.ship_to.name is required' });
  });

  it('lists labels with ShipEngine paging fields', async () => {
    h = await startHarness();
    await h.deliver(buildDelivery(buildOrder()));
    await h.deliver(buildDelivery(buildOrder({ externalId: '2' })));
    const page = await (await fetch(`${h.mock.url}/v1/labels?page_size=1`, { headers: { 'api-key': MOCK_CREDENTIALS.apiKey } })).json() as Record<string, any>;
    expect(page).toMatchObject({ total: 2, page: 1, pages: 2 });
    expect(page.labels[0].external_shipment_id).toBe('shop:2');
    expect(page.links.next.href).toContain('page=2');
  });

  it('same seed, same tracking numbers', async () => {
    h = await startHarness();
    const a = await h.deliver(buildDelivery(buildOrder()));
    await h.mock.close();
    h = await startHarness();
    const b = await h.deliver(buildDelivery(buildOrder()));
    expect(a.status === 'ok' && a.shipment?.trackingNumber).toBe(b.status === 'ok' && b.shipment?.trackingNumber);
  });
});
