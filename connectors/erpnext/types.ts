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
