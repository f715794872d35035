// The ORM calls a stock push makes, each one request (stock.location, product.product, stock.quant:
// addons/stock/models/stock_quant.py and stock_location.py, Odoo 17–19).
import type { OdooClient } from './client.js';
import { OdooLocations, OdooQuants, OdooStockProducts, type OdooQuant, type OdooStockProduct } from './types.js';

/** Codes and ids per search_read: keeps the SQL `IN` list and the answer small. */
export const CHUNK = 200;

/** Context for writing counts: Odoo's "inventory mode" (stock_quant.py `_is_inventory_mode`, needs Inventory rights). */
const INVENTORY_MODE = { inventory_mode: true };
/** The reference of the adjustment moves (`_get_inventory_move_values` reads `inventory_name`). */
const INVENTORY_NAME = 'ordersync stock sync';

export interface StockLocation { id: number; name: string }

/** The location by `complete_name` (stored, e.g. "WH/Stock") or id; an error that names the setting otherwise. */
export async function resolveLocation(odoo: OdooClient, setting: string | number): Promise<StockLocation> {
  const domain = typeof setting === 'number' ? [['id', '=', setting]] : [['complete_name', '=', setting]];
  const rows = OdooLocations.parse(await odoo.call({
    model: 'stock.location', method: 'search_read', params: { domain, fields: ['id', 'complete_name', 'usage'], limit: 2 },
  }));
  const shown = JSON.stringify(setting);
  const [location, other] = rows;
  if (!location) {
    throw new Error(`stockLocation ${shown}: Odoo has no such active stock.location; set it to a location's full name as Inventory → Configuration → Locations shows it (e.g. "WH/Stock"), or its id`);
  }
  if (other) throw new Error(`stockLocation ${shown}: several Odoo locations have this name (ids ${location.id}, ${other.id}…); set stockLocation to the id of the one to use`);
  // Counts apply to internal locations only (stock_quant.py `_domain_location_id` in inventory mode).
  if (location.usage !== 'internal') throw new Error(`stockLocation ${shown} is a "${location.usage}" location in Odoo; on-hand quantities are set in an internal one`);
  return { id: location.id, name: location.complete_name || shown };
}

/**
 * Whether product.product has `is_storable` (Odoo 18+). fields_get(allfields, attributes) leaves out
 * names the model does not have, so on 17.0 the answer is `{}` (odoo/models.py fields_get).
 */
export async function hasIsStorable(odoo: OdooClient): Promise<boolean> {
  const fields = await odoo.call<Record<string, unknown>>({
    model: 'product.product', method: 'fields_get', params: { allfields: ['is_storable'], attributes: ['type'] },
  });
  return typeof fields === 'object' && fields !== null && 'is_storable' in fields;
}

/** Active products by Internal Reference, every product per code (Odoo does not keep codes unique). */
export async function findStockProducts(odoo: OdooClient, codes: string[], withIsStorable: boolean): Promise<Map<string, OdooStockProduct[]>> {
  const found = new Map<string, OdooStockProduct[]>();
  const unique = [...new Set(codes)];
  const fields = ['id', 'default_code', 'type', 'tracking', ...(withIsStorable ? ['is_storable'] : [])];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = OdooStockProducts.parse(await odoo.call({
      model: 'product.product', method: 'search_read',
      params: { domain: [['default_code', 'in', unique.slice(i, i + CHUNK)]], fields, order: 'id asc' },
    }));
    for (const row of rows) if (row.default_code) found.set(row.default_code, [...(found.get(row.default_code) ?? []), row]);
  }
  return found;
}

/** The quants of these products in the location itself (not its sublocations), by product id. */
export async function findQuants(odoo: OdooClient, productIds: number[], locationId: number): Promise<Map<number, OdooQuant[]>> {
  const byProduct = new Map<number, OdooQuant[]>();
  for (let i = 0; i < productIds.length; i += CHUNK) {
    const rows = OdooQuants.parse(await odoo.call({
      model: 'stock.quant', method: 'search_read',
      params: {
        domain: [['product_id', 'in', productIds.slice(i, i + CHUNK)], ['location_id', '=', locationId]],
        fields: ['id', 'product_id', 'quantity', 'lot_id', 'package_id', 'owner_id'], order: 'id asc',
      },
    }));
    for (const row of rows) {
      if (row.product_id === false) continue;
      byProduct.set(row.product_id[0], [...(byProduct.get(row.product_id[0]) ?? []), row]);
    }
  }
  return byProduct;
}

/** write(vals) on existing quants: one call per distinct count, since write gives every record the same values. */
export async function writeCounts(odoo: OdooClient, quantIds: number[], quantity: number): Promise<void> {
  await odoo.call({ model: 'stock.quant', method: 'write', ids: quantIds, params: { vals: { inventory_quantity: quantity } }, context: INVENTORY_MODE });
}

/**
 * create(vals_list) in inventory mode: Odoo checks the fields against `_get_inventory_fields_create`,
 * reuses a quant with the same product/location/lot/package/owner (`_gather`, strict) or makes one,
 * and sets its counted quantity. Answers the quant ids, in order.
 */
export async function createCounts(odoo: OdooClient, counts: { productId: number; quantity: number }[], locationId: number): Promise<number[]> {
  const ids = await odoo.call<unknown>({
    model: 'stock.quant', method: 'create', context: INVENTORY_MODE,
    params: { vals_list: counts.map((c) => ({ product_id: c.productId, location_id: locationId, inventory_quantity: c.quantity })) },
  });
  if (!Array.isArray(ids) || ids.length !== counts.length || !ids.every((id) => typeof id === 'number')) {
    throw new Error(`stock.quant.create answered ${JSON.stringify(ids)} instead of ${counts.length} id(s)`);
  }
  return ids as number[];
}

/**
 * action_apply_inventory: a done stock.move per quant from/to the inventory-loss location, so the
 * quant's quantity becomes its counted quantity. It answers nothing (null) when applied, or, applying
 * nothing, the "stock.inventory.conflict" wizard when a quant moved since it was counted (17.0 also a
 * "stock.track.confirmation" wizard for tracked products without a lot). Returns the wizard's model.
 */
export async function applyCounts(odoo: OdooClient, quantIds: number[]): Promise<string | null> {
  const answer = await odoo.call<unknown>({ model: 'stock.quant', method: 'action_apply_inventory', ids: quantIds, context: { inventory_name: INVENTORY_NAME } });
  if (answer === null || answer === undefined || answer === false || answer === true) return null;
  const model = (answer as { res_model?: unknown }).res_model;
  return typeof model === 'string' ? model : 'an unexpected answer';
}
