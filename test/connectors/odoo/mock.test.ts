// The mock answers wrong calls the way Odoo does, so the connector's argument names are checked.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../../connectors/odoo/mock.js';
import { startOdoo, type OdooHarness } from './harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

const call = (path: string, body: unknown, key: string = MOCK_CREDENTIALS.apiKey) => fetch(`${h.running.url}${path}`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `bearer ${key}` }, body: JSON.stringify(body),
});

describe('odoo mock fidelity', () => {
  it('refuses a wrong keyword argument with 422, as signature.bind does', async () => {
    h = await startOdoo();
    const response = await call('/json/2/sale.order/create', { vals: { partner_id: 7 } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ name: 'werkzeug.exceptions.UnprocessableEntity', message: "got an unexpected keyword argument 'vals'" });
  });

  it('answers 401 with the documented body for a bad key, and 404 for an unknown model', async () => {
    h = await startOdoo();
    const denied = await call('/json/2/res.partner/search_read', {}, 'nope');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey', arguments: ['Invalid apikey', 401] });
    const unknown = await call('/json/2/sale.orders/search_read', {});
    expect(unknown.status).toBe(404);
  });

  it('opens the cancel wizard (and cancels nothing) without disable_cancel_warning', async () => {
    h = await startOdoo();
    const [id] = await (await call('/json/2/sale.order/create', { vals_list: [{ partner_id: 7, order_line: [[0, 0, { product_id: 101, product_uom_qty: 1 }]] }] })).json() as number[];
    await call('/json/2/sale.order/action_confirm', { ids: [id] });
    const wizard = await (await call('/json/2/sale.order/action_cancel', { ids: [id] })).json();
    expect(wizard).toMatchObject({ res_model: 'sale.order.cancel' });
    expect((await h.state()).orders[0].state).toBe('sale');
  });

  it('search_read renders many2one as [id, name] and honours the domain', async () => {
    h = await startOdoo();
    const rows = await (await call('/json/2/res.partner/search_read', { domain: ['|', ['email', '=ilike', 'ADA@example.com'], ['id', '=', -1]], fields: ['name', 'country_id'] })).json();
    expect(rows).toEqual([{ id: 7, name: 'Ada Lovelace', country_id: [21, 'DE'] }]);
  });

  it('seeds the same customers for the same seed', async () => {
    h = await startOdoo();
    const first = h.mock.store.table('res.partner').map((p) => p.email);
    h.mock.store.reset();
    expect(h.mock.store.table('res.partner').map((p) => p.email)).toEqual(first);
  });
});
