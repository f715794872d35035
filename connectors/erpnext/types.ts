// zod schemas of the Frappe/ERPNext payloads ordersync reads.
import { z } from 'zod';

/** GET /api/resource/{DocType}: `{"data": [...]}` with only the requested fields. */
export const FrappeList = z.object({ data: z.array(z.record(z.string(), z.unknown())) });

/** `docstatus` 0 Draft, 1 Submitted, 2 Cancelled (frappe/model/docstatus.py). */
export const FrappeSalesOrderRef = z.object({
  name: z.string(),
  docstatus: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  status: z.string().optional(),
});
export type FrappeSalesOrderRef = z.infer<typeof FrappeSalesOrderRef>;

export const FrappeSalesOrderItem = z.object({
  item_code: z.string(),
  qty: z.number(),
  rate: z.number(),
});
export type FrappeSalesOrderItem = z.infer<typeof FrappeSalesOrderItem>;

export const FrappeSalesOrder = FrappeSalesOrderRef.extend({ items: z.array(FrappeSalesOrderItem) });
export type FrappeSalesOrder = z.infer<typeof FrappeSalesOrder>;

/** POST/GET/PUT /api/resource/...: `{"data": {doc}}`; /api/method/...: `{"message": ...}`. */
export const FrappeDoc = z.object({ data: z.record(z.string(), z.unknown()) });

/**
 * An error answer (frappe/app.py handle_exception → utils/response.py report_error): the HTTP
 * status comes from the exception class; `_server_messages` is a JSON string of a list of JSON
 * strings, each `{"message": …, "title": …, "indicator": …}`.
 */
export const FrappeErrorBody = z.object({
  exc_type: z.string().optional(),
  exception: z.string().optional(),
  exc: z.string().optional(),
  _server_messages: z.string().optional(),
  _error_message: z.string().optional(),
  message: z.unknown().optional(),
});
export type FrappeErrorBody = z.infer<typeof FrappeErrorBody>;

/** Check fields come back as 0/1; a site may answer null for an unset one. */
const check = z.number().nullable().optional().transform((v) => v === 1);

/** GET /api/resource/Item with the fields pushStock asks for; `name` is the link target (= item_code unless items are named by series). */
export const FrappeStockItem = z.object({
  name: z.string(),
  item_code: z.string(),
  is_stock_item: check,
  disabled: check,
  has_variants: check,
  has_serial_no: check,
  has_batch_no: check,
  valuation_rate: z.number().nullable().optional(),
});
export type FrappeStockItem = z.infer<typeof FrappeStockItem>;

/** GET /api/resource/Bin rows of one warehouse: the current quantity and rate of an item there. */
export const FrappeBinLevel = z.object({
  item_code: z.string(),
  actual_qty: z.number(),
  valuation_rate: z.number().nullable().optional(),
});
export type FrappeBinLevel = z.infer<typeof FrappeBinLevel>;

/** GET /api/resource/Warehouse/{name}: a group warehouse holds no stock of its own. */
export const FrappeWarehouse = z.object({
  name: z.string(),
  company: z.string(),
  is_group: check,
  disabled: check,
});
export type FrappeWarehouse = z.infer<typeof FrappeWarehouse>;
