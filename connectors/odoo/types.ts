// zod schemas of the Odoo payloads ordersync reads.
import { z } from 'zod';

/** A many2one as `search_read` renders it: `[id, "display name"]`, or `false` when empty. */
export const OdooMany2one = z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]);

export const OdooIdRecord = z.object({ id: z.number().int() });
export const OdooIdRecords = z.array(OdooIdRecord);

/** `sale.order` fields we read (state values: addons/sale/models/sale_order.py SALE_ORDER_STATE). */
export const OdooSaleOrder = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  client_order_ref: z.union([z.string(), z.literal(false)]),
});
export type OdooSaleOrder = z.infer<typeof OdooSaleOrder>;
export const OdooSaleOrders = z.array(OdooSaleOrder);

export const OdooOrderLine = z.object({
  id: z.number().int(),
  product_id: OdooMany2one,
  product_uom_qty: z.number(),
  price_unit: z.number(),
  discount: z.number(),
  display_type: z.union([z.string(), z.literal(false)]).optional(),
});
export type OdooOrderLine = z.infer<typeof OdooOrderLine>;
export const OdooOrderLines = z.array(OdooOrderLine);

export const OdooProduct = z.object({ id: z.number().int(), default_code: z.union([z.string(), z.literal(false)]) });
export const OdooProducts = z.array(OdooProduct);

/** `stock.location` as the stock push reads it (usage: internal, view, inventory, … — stock_location.py). */
export const OdooLocation = z.object({ id: z.number().int(), complete_name: z.union([z.string(), z.literal(false)]), usage: z.string() });
export const OdooLocations = z.array(OdooLocation);

/**
 * A product as the stock push reads it. `type`: consu/service/product in 17.0, consu/service/combo
 * in 18+, where `is_storable` ("Track Inventory") took over from type `product`; `tracking`: none/lot/serial.
 */
export const OdooStockProduct = z.object({
  id: z.number().int(),
  default_code: z.union([z.string(), z.literal(false)]),
  type: z.string(),
  tracking: z.string().optional(),
  is_storable: z.boolean().optional(),
});
export type OdooStockProduct = z.infer<typeof OdooStockProduct>;
export const OdooStockProducts = z.array(OdooStockProduct);

/** `stock.quant`: one product's quantity in one location, per lot, package and owner. */
export const OdooQuant = z.object({
  id: z.number().int(),
  product_id: OdooMany2one,
  quantity: z.number(),
  lot_id: OdooMany2one,
  package_id: OdooMany2one,
  owner_id: OdooMany2one,
});
export type OdooQuant = z.infer<typeof OdooQuant>;
export const OdooQuants = z.array(OdooQuant);

/** JSON-2 error body (external_api.rst "Response"): 4xx/5xx with the serialized exception. */
export const OdooJson2Error = z.object({
  name: z.string(),
  message: z.string(),
  arguments: z.array(z.unknown()).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  debug: z.string().optional(),
});

/** JSON-RPC 2.0 answer: HTTP 200 with `result`, or `error.data` holding the serialized exception. */
export const OdooJsonRpcResponse = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), error: z.object({ code: z.number(), message: z.string(), data: OdooJson2Error.partial({ message: true }) }) }),
  z.object({ jsonrpc: z.literal('2.0'), id: z.unknown(), result: z.unknown() }),
]);
