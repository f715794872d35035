// The Odoo mock's stock.quant answers the way addons/stock/models/stock_quant.py does.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_LOCATIONS } from '../../../connectors/odoo/mock-quant.js';
import { MOCK_CREDENTIALS } from '../../../connectors/odoo/mock.js';
import { startOdoo, type OdooHarness } from './harness.js';

let h: OdooHarness;
afterEach(async () => { await h.running.close(); });

const call = async (model: string, method: string, body: unknown) => {
  const response = await fetch(`${h.running.url}/json/2/${model}/${method}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `bearer ${MOCK_CREDENTIALS.apiKey}` }, body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const stock = MOCK_LOCATIONS.stock.id;

describe('odoo mock: stock.quant', () => {
  it('create in inventory mode reuses the quant of the same product and location (_gather) and only counts', async () => {
    h = await startOdoo();
    const [quant] = h.mock.stock.quants('MUG-12OZ');
    const created = await call('stock.quant', 'create', { vals_list: [{ product_id: 103, location_id: stock, inventory_quantity: 4 }], context: { inventory_mode: true } });
    expect(created.body).toEqual([quant!.id]);
    expect(h.mock.stock.quants('MUG-12OZ')).toMatchObject([{ quantity: 500, inventory_quantity: 4, inventory_quantity_set: true, inventory_diff_quantity: -496 }]);
    expect((await call('stock.quant', 'action_apply_inventory', { ids: [quant!.id] })).body).toBeNull();
    expect(h.mock.stock.quants('MUG-12OZ')).toMatchObject([{ quantity: 4, inventory_quantity: 0, inventory_quantity_set: false }]);
    expect(h.mock.store.table('stock.move')).toMatchObject([{ name: 'Product Quantity Updated', product_uom_qty: 496, location_dest_id: MOCK_LOCATIONS.loss.id }]);
  });

  it('refuses what Odoo refuses: other fields in inventory mode, moving a quant, services, view locations', async () => {
    h = await startOdoo();
    const [quant] = h.mock.stock.quants('MUG-12OZ');
    const inventory = { inventory_mode: true };
    expect((await call('stock.quant', 'create', { vals_list: [{ product_id: 103, location_id: stock, inventory_quantity: 1, quantity: 9 }], context: inventory })).body)
      .toMatchObject({ name: 'odoo.exceptions.UserError', message: "Quant's creation is restricted, you can't do this operation." });
    expect((await call('stock.quant', 'write', { ids: [quant!.id], vals: { location_id: MOCK_LOCATIONS.shelf.id }, context: inventory })).body)
      .toMatchObject({ name: 'odoo.exceptions.UserError', message: "Quant's editing is restricted, you can't do this operation." });
    const service = await call('stock.quant', 'create', { vals_list: [{ product_id: 190, location_id: stock, inventory_quantity: 1 }], context: inventory });
    expect(service).toMatchObject({ status: 422, body: { name: 'odoo.exceptions.ValidationError', message: 'Quants cannot be created for consumables or services.' } });
    const view = await call('stock.quant', 'create', { vals_list: [{ product_id: 101, location_id: MOCK_LOCATIONS.view.id, inventory_quantity: 1 }], context: inventory });
    expect(view.body).toMatchObject({ name: 'odoo.exceptions.ValidationError', message: expect.stringContaining('location of type "view"') });
  });

  it('fields_get leaves out the names the model does not have', async () => {
    h = await startOdoo();
    expect((await call('product.product', 'fields_get', { allfields: ['is_storable', 'no_such_field'], attributes: ['type'] })).body).toEqual({ is_storable: { type: 'boolean' } });
  });
});
