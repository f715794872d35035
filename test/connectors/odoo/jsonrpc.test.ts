import { afterEach, describe, expect, it } from 'vitest';
import { toExecuteKw } from '../../../connectors/odoo/client.js';
import { odooTarget } from '../../../connectors/odoo/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/odoo/mock.js';
import { buildOrder, deliveryOf, line } from './fixtures.js';
import { startOdoo, type OdooHarness } from './harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

const rpcSettings = { protocol: 'jsonrpc', database: MOCK_CREDENTIALS.database, login: MOCK_CREDENTIALS.login };

describe('odoo target over JSON-RPC (Odoo ≤ 18)', () => {
  it('logs in once, creates, updates and cancels through execute_kw', async () => {
    h = await startOdoo(rpcSettings);
    const created = await odooTarget.deliver(h.ctx, deliveryOf(buildOrder()));
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ lines: [line('BAG-TOTE', 4, 1250)] }), 'order.updated', 2));
    let state = await h.state();
    expect(created).toEqual({ status: 'ok', externalRef: String(state.orders[0].id) });
    expect(state.orders[0].lines).toEqual([{ default_code: 'BAG-TOTE', name: 'Item BAG-TOTE', product_uom_qty: 4, price_unit: 12.5, discount: 0 }]);
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 3));
    state = await h.state();
    expect(state.orders[0].state).toBe('cancel');
    expect(state.received['jsonrpc common.login']).toBe(1);
    expect(state.received['jsonrpc sale.order.create']).toBe(1);
    expect(state.received['json2 sale.order.create']).toBeUndefined();
  });

  it('redelivery makes no duplicate', async () => {
    h = await startOdoo(rpcSettings);
    const d = deliveryOf(buildOrder());
    await odooTarget.deliver(h.ctx, d);
    await odooTarget.deliver(h.ctx, d);
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
  });

  it('a refused login (result false) is unauthorized and is tried again on the next delivery', async () => {
    h = await startOdoo({ ...rpcSettings, apiKey: 'wrong' });
    const outcome = await odooTarget.deliver(h.ctx, deliveryOf(buildOrder()));
    expect(outcome).toMatchObject({ status: 'unauthorized', reason: expect.stringContaining('login "bot@example.com" on database "ordersync" was refused') });
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder()));
    expect((await h.state()).received['jsonrpc common.login']).toBe(2);
  });

  it('maps the HTTP 200 error envelope by its exception name (UserError → rejected)', async () => {
    h = await startOdoo({ ...rpcSettings, confirm: true });
    h.mock.store.lockConfirmed = true;
    await odooTarget.deliver(h.ctx, deliveryOf(buildOrder()));
    const outcome = await odooTarget.deliver(h.ctx, deliveryOf(buildOrder({ fulfillmentStatus: 'cancelled' }), 'order.cancelled', 2));
    expect(outcome).toEqual({ status: 'rejected', reason: 'Odoo UserError: You cannot cancel a locked order. Please unlock it first if you want to cancel it.' });
  });

  it('answers the envelope the way Odoo does for a bad password on execute_kw', async () => {
    h = await startOdoo(rpcSettings);
    const response = await fetch(`${h.running.url}/jsonrpc`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 9, params: { service: 'object', method: 'execute_kw', args: ['ordersync', 2, 'bad', 'sale.order', 'search_read', [[]], {}] } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', id: 9, error: { code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' } } });
  });

  it('passes create values positionally and everything else by name', () => {
    expect(toExecuteKw('create', undefined, { vals_list: [{ name: 'x' }] })).toEqual({ args: [[{ name: 'x' }]], kwargs: {} });
    expect(toExecuteKw('write', [4], { vals: { note: 'y' } })).toEqual({ args: [[4]], kwargs: { vals: { note: 'y' } } });
    expect(toExecuteKw('search_read', undefined, { domain: [], limit: 1 })).toEqual({ args: [], kwargs: { domain: [], limit: 1 } });
  });
});
