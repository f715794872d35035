// The ORM calls a delivery needs, each one request (methods: odoo/models.py and addons/sale).
import type { OdooClient } from './client.js';
import { OdooIdRecords, OdooOrderLines, OdooProducts, OdooSaleOrders, type OdooOrderLine, type OdooSaleOrder } from './types.js';

/**
 * search_read(domain, fields, offset, limit, order) on sale.order by our reference. Odoo does not
 * keep the reference unique: when a merchant cancelled an order and made a new one for it, the
 * live one (the oldest not cancelled) wins over the cancelled one.
 */
export async function findSaleOrder(odoo: OdooClient, reference: string): Promise<OdooSaleOrder | undefined> {
  const rows = await odoo.call({
    model: 'sale.order', method: 'search_read',
    params: { domain: [['client_order_ref', '=', reference]], fields: ['id', 'name', 'state', 'client_order_ref'], limit: 20, order: 'id asc' },
  });
  const orders = OdooSaleOrders.parse(rows);
  return orders.find((order) => order.state !== 'cancel') ?? orders[0];
}

export async function readOrderLines(odoo: OdooClient, orderId: number): Promise<OdooOrderLine[]> {
  const rows = await odoo.call({
    model: 'sale.order.line', method: 'search_read',
    params: { domain: [['order_id', '=', orderId]], fields: ['id', 'product_id', 'product_uom_qty', 'price_unit', 'discount', 'display_type'] },
  });
  return OdooOrderLines.parse(rows);
}

/** Products by Internal Reference (`default_code`), the field merchants keep the SKU in. */
export async function findProducts(odoo: OdooClient, codes: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (codes.length === 0) return found;
  const rows = await odoo.call({
    model: 'product.product', method: 'search_read',
    params: { domain: [['default_code', 'in', [...new Set(codes)]]], fields: ['id', 'default_code'] },
  });
  for (const row of OdooProducts.parse(rows)) if (row.default_code) found.set(row.default_code, row.id);
  return found;
}

export async function findOne(odoo: OdooClient, model: string, domain: unknown[]): Promise<number | undefined> {
  const rows = await odoo.call({ model, method: 'search_read', params: { domain, fields: ['id'], limit: 1 } });
  return OdooIdRecords.parse(rows)[0]?.id;
}

/** create(vals_list) returns the new ids (a list, since vals_list is a list). */
export async function createOne(odoo: OdooClient, model: string, vals: Record<string, unknown>): Promise<number> {
  const ids = await odoo.call<unknown>({ model, method: 'create', params: { vals_list: [vals] } });
  const id = Array.isArray(ids) ? ids[0] : ids;
  if (typeof id !== 'number') throw new Error(`${model}.create answered ${JSON.stringify(ids)} instead of an id`);
  return id;
}

export async function writeOrder(odoo: OdooClient, orderId: number, vals: Record<string, unknown>): Promise<void> {
  await odoo.call({ model: 'sale.order', method: 'write', ids: [orderId], params: { vals } });
}

export async function confirmOrder(odoo: OdooClient, orderId: number): Promise<void> {
  await odoo.call({ model: 'sale.order', method: 'action_confirm', ids: [orderId] });
}

/**
 * action_cancel opens the "sale.order.cancel" wizard for non-draft orders unless the context says
 * `disable_cancel_warning` (sale_order.py _show_cancel_wizard); with it, the order is cancelled at once.
 */
export async function cancelOrder(odoo: OdooClient, orderId: number): Promise<void> {
  await odoo.call({ model: 'sale.order', method: 'action_cancel', ids: [orderId], context: { disable_cancel_warning: true } });
}
