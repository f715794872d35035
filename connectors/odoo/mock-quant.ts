// stock.quant in the Odoo mock: create/write in inventory mode and action_apply_inventory, as
// addons/stock/models/stock_quant.py (17–19) does them, plus fields_get. Quants and moves live in
// the store's tables; ids are per table, as Odoo's sequences are.
import type { Row } from './mock-domain.js';
import { OdooMockException, type OdooMockStore } from './mock-store.js';

/** The seeded locations (a fresh database's WH/Stock and inventory-loss location, plus a shelf). */
export const MOCK_LOCATIONS = {
  view: { id: 7, name: 'WH', complete_name: 'WH', display_name: 'WH', usage: 'view' },
  stock: { id: 8, name: 'Stock', complete_name: 'WH/Stock', display_name: 'WH/Stock', usage: 'internal' },
  shelf: { id: 30, name: 'Shelf 1', complete_name: 'WH/Stock/Shelf 1', display_name: 'WH/Stock/Shelf 1', usage: 'internal' },
  loss: { id: 14, name: 'Inventory adjustment', complete_name: 'Virtual Locations/Inventory adjustment', display_name: 'Virtual Locations/Inventory adjustment', usage: 'inventory' },
} as const;

const userError = (message: string): OdooMockException => new OdooMockException('odoo.exceptions.UserError', message, 422);
const validationError = (message: string): OdooMockException => new OdooMockException('odoo.exceptions.ValidationError', message, 422);
const missing = (model: string, ids: number[]): OdooMockException =>
  new OdooMockException('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: 2)`, 404);

// _get_inventory_fields_write / _get_inventory_fields_create; _get_forbidden_fields_write.
const WRITE_FIELDS = ['inventory_quantity', 'inventory_quantity_auto_apply', 'inventory_diff_quantity', 'inventory_date', 'user_id', 'inventory_quantity_set', 'is_outdated', 'lot_id', 'location_id', 'package_id'];
const CREATE_FIELDS = ['product_id', 'owner_id', ...WRITE_FIELDS];
const FORBIDDEN_WRITE = ['product_id', 'location_id', 'lot_id', 'package_id', 'owner_id'];

/** Test hooks per store: something to run just before the next apply (a delivery validated meanwhile). */
const beforeApply = new WeakMap<OdooMockStore, () => void>();
export function setBeforeNextApply(store: OdooMockStore, hook: () => void): void {
  beforeApply.set(store, hook);
}

export function insertRow(store: OdooMockStore, model: string, vals: Record<string, unknown>): Row {
  const rows = store.table(model);
  const row: Row = { ...vals, id: rows.reduce((max, r) => Math.max(max, r.id), 0) + 1 };
  rows.push(row);
  return row;
}

export function newQuant(store: OdooMockStore, productId: number, locationId: number, quantity: number): Row {
  return insertRow(store, 'stock.quant', {
    product_id: productId, location_id: locationId, lot_id: false, package_id: false, owner_id: false,
    quantity, reserved_quantity: 0, inventory_quantity: 0, inventory_quantity_set: false, inventory_diff_quantity: 0,
  });
}

const inventoryMode = (context: Record<string, unknown>): boolean => context.inventory_mode === true; // the mock user has Inventory rights

/** Counting sets the counted quantity; `inventory_diff_quantity` is stored, computed from it (and not from `quantity`). */
function count(quant: Row, quantity: number): void {
  Object.assign(quant, { inventory_quantity: quantity, inventory_quantity_set: true, inventory_diff_quantity: quantity - Number(quant.quantity) });
}

export function createQuants(store: OdooMockStore, valsList: unknown, context: Record<string, unknown>): number[] {
  if (!Array.isArray(valsList)) throw new OdooMockException('builtins.TypeError', 'vals_list must be a list of dicts', 500);
  return valsList.map((vals: Record<string, unknown>) => {
    const product = store.table('product.product').find((p) => p.id === vals.product_id);
    const location = store.table('stock.location').find((l) => l.id === vals.location_id);
    if (!product) throw missing('product.product', [Number(vals.product_id)]);
    if (!location) throw missing('stock.location', [Number(vals.location_id)]);
    if (!inventoryMode(context) || !('inventory_quantity' in vals)) {
      checkQuant(product, location);
      // Outside inventory mode a quant is created as given, without any move (and without merging).
      const { inventory_quantity: counted, ...rest } = vals;
      const quant = insertRow(store, 'stock.quant', { ...newQuantDefaults(), ...rest });
      if (counted !== undefined) count(quant, Number(counted));
      return quant.id;
    }
    if (Object.keys(vals).some((field) => !CREATE_FIELDS.includes(field))) throw userError("Quant's creation is restricted, you can't do this operation.");
    // _gather(strict=True): the quant with the same product, location, lot, package and owner.
    const same = (q: Row): boolean => q.product_id === product.id && q.location_id === location.id
      && (q.lot_id ?? false) === (vals.lot_id ?? false) && (q.package_id ?? false) === (vals.package_id ?? false) && (q.owner_id ?? false) === (vals.owner_id ?? false);
    let quant = store.table('stock.quant').find(same);
    if (!quant) {
      checkQuant(product, location);
      quant = newQuant(store, product.id, location.id, 0);
    }
    for (const field of ['lot_id', 'package_id', 'owner_id']) if (vals[field] !== undefined) quant[field] = vals[field];
    count(quant, Number(vals.inventory_quantity ?? 0));
    return quant.id;
  });
}

const newQuantDefaults = (): Record<string, unknown> => ({
  lot_id: false, package_id: false, owner_id: false, quantity: 0, reserved_quantity: 0, inventory_quantity: 0, inventory_quantity_set: false, inventory_diff_quantity: 0,
});

/** The constraints Odoo checks on a quant's product and location. */
function checkQuant(product: Row, location: Row): void {
  if (product.is_storable !== true) throw validationError('Quants cannot be created for consumables or services.');
  // mrp: stock_quant.py `_check_kits`.
  if (product.is_kits === true) throw userError('You should update the components quantity instead of directly updating the quantity of the kit product.');
  if (location.usage === 'view') throw validationError(`You cannot take products from or deliver products to a location of type "view" (${String(location.name)}).`);
}

export function writeQuants(store: OdooMockStore, ids: number[], vals: Record<string, unknown>, context: Record<string, unknown>): true {
  const quants = quantsOf(store, ids);
  if (inventoryMode(context) && Object.keys(vals).some((field) => FORBIDDEN_WRITE.includes(field))) throw userError("Quant's editing is restricted, you can't do this operation.");
  const unmodelled = Object.keys(vals).filter((field) => !WRITE_FIELDS.includes(field));
  if (unmodelled.length > 0) throw new OdooMockException('builtins.NotImplementedError', `the mock does not model writing stock.quant ${unmodelled.join(', ')}`, 500);
  for (const quant of quants) {
    const { inventory_quantity: counted, ...rest } = vals;
    Object.assign(quant, rest);
    if (counted !== undefined) count(quant, Number(counted));
  }
  return true;
}

/** action_apply_inventory: the conflict wizard when a quant moved since it was counted; else a done move per quant. */
export function applyInventory(store: OdooMockStore, ids: number[], context: Record<string, unknown>): unknown {
  const quants = quantsOf(store, ids);
  beforeApply.get(store)?.();
  beforeApply.delete(store);
  const outdated = quants.filter((q) => q.inventory_quantity_set === true && Number(q.inventory_quantity) - Number(q.inventory_diff_quantity) !== Number(q.quantity));
  if (outdated.length > 0) {
    return {
      name: 'Conflict in Inventory Adjustment', type: 'ir.actions.act_window', view_mode: 'form', views: [[false, 'form']], res_model: 'stock.inventory.conflict', target: 'new',
      context: { ...context, default_quant_ids: ids, default_quant_to_fix_ids: outdated.map((q) => q.id) },
    };
  }
  for (const quant of quants) {
    // _apply_inventory sets inventory_quantity_set, which recomputes the difference from the counted quantity.
    const diff = Number(quant.inventory_quantity) - Number(quant.quantity);
    const name = typeof context.inventory_name === 'string' ? context.inventory_name : diff === 0 ? 'Product Quantity Confirmed' : 'Product Quantity Updated';
    const [from, to] = diff > 0 ? [MOCK_LOCATIONS.loss.id, quant.location_id] : [quant.location_id, MOCK_LOCATIONS.loss.id];
    insertRow(store, 'stock.move', { name, product_id: quant.product_id, location_id: from, location_dest_id: to, product_uom_qty: Math.abs(diff), state: 'done', is_inventory: true });
    Object.assign(quant, { quantity: Number(quant.inventory_quantity), inventory_quantity: 0, inventory_diff_quantity: 0, inventory_quantity_set: false });
  }
  return null; // Python None
}

function quantsOf(store: OdooMockStore, ids: number[]): Row[] {
  const rows = store.table('stock.quant');
  const found = ids.map((id) => rows.find((row) => row.id === id));
  const absent = ids.filter((_, i) => !found[i]);
  if (absent.length > 0) throw missing('stock.quant', absent);
  return found as Row[];
}

/** fields_get(allfields, attributes): the fields the model's records carry; unknown names are left out, as in Odoo. */
export function fieldsGet(store: OdooMockStore, model: string, kw: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const wanted = Array.isArray(kw.allfields) && kw.allfields.length > 0 ? new Set(kw.allfields as string[]) : undefined;
  const attributes = Array.isArray(kw.attributes) && kw.attributes.length > 0 ? (kw.attributes as string[]) : undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const row of store.table(model)) {
    for (const [name, value] of Object.entries(row)) {
      if (out[name] || (wanted && !wanted.has(name))) continue;
      const type = name === 'id' ? 'integer' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'float' : 'char';
      const description: Record<string, unknown> = { type, string: name };
      out[name] = attributes ? Object.fromEntries(attributes.filter((a) => a in description).map((a) => [a, description[a]])) : description;
    }
  }
  return out;
}
