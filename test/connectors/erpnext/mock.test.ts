// The ERPNext mock answers the way a Frappe site does, so the connector is tested against the real rules.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/erpnext/mock.js';
import { startErpnext, type ErpnextHarness } from './harness.js';

let h: ErpnextHarness;
afterEach(async () => { await h.running.close(); });

const token = `token ${MOCK_CREDENTIALS.apiKey}:${MOCK_CREDENTIALS.apiSecret}`;
const get = (path: string, authorization: string | null = token) => fetch(`${h.running.url}${path}`, { headers: authorization ? { authorization } : {} });

describe('erpnext mock fidelity', () => {
  it('treats a request without credentials as Guest: 403 PermissionError', async () => {
    h = await startErpnext();
    const response = await get('/api/resource/Customer', null);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ exc_type: 'PermissionError' });
  });

  it('accepts Basic base64(key:secret) as well as token key:secret', async () => {
    h = await startErpnext();
    const basic = `Basic ${Buffer.from(`${MOCK_CREDENTIALS.apiKey}:${MOCK_CREDENTIALS.apiSecret}`).toString('base64')}`;
    expect((await get('/api/method/frappe.auth.get_logged_user', basic)).status).toBe(200);
  });

  it('lists only `name` by default, 20 per page, and takes dict filters', async () => {
    h = await startErpnext();
    const all = await (await get('/api/resource/Customer')).json() as { data: Record<string, unknown>[] };
    expect(Object.keys(all.data[0] ?? {})).toEqual(['name']);
    const filtered = await (await get(`/api/resource/Customer?filters=${encodeURIComponent('{"email_id":"ada@example.com"}')}&fields=${encodeURIComponent('["name","email_id"]')}`)).json();
    expect(filtered).toEqual({ data: [{ name: 'Ada Lovelace', email_id: 'ada@example.com' }] });
  });

  it('sends the site rate-limit headers', async () => {
    h = await startErpnext();
    const response = await get('/api/resource/Item');
    expect(response.headers.get('x-ratelimit-limit')).toBe('3600000000');
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
  });

  it('refuses to cancel a draft: 417 DocstatusTransitionError', async () => {
    h = await startErpnext();
    const created = await fetch(`${h.running.url}/api/resource/Sales%20Order`, {
      method: 'POST', headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: 'Ada Lovelace', transaction_date: '2025-03-14', delivery_date: '2025-03-17', items: [{ item_code: 'MUG-12OZ', qty: 1, rate: 18 }] }),
    });
    const { data } = await created.json() as { data: { name: string } };
    const cancel = await fetch(`${h.running.url}/api/method/frappe.client.cancel`, {
      method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify({ doctype: 'Sales Order', name: data.name }),
    });
    expect(cancel.status).toBe(417);
    expect(await cancel.json()).toMatchObject({ exc_type: 'DocstatusTransitionError' });
  });

  it('answers 404 DoesNotExistError for an unknown document', async () => {
    h = await startErpnext();
    const response = await get('/api/resource/Sales%20Order/SAL-ORD-2025-09999');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ exc_type: 'DoesNotExistError' });
  });
});
