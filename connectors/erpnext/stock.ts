// ERPNext as the stock source: one level per Bin (an Item in a leaf Warehouse), on hand less
// what submitted Sales Orders will take out: `actual_qty − reserved_qty`. ERPNext's own
// definition: "Reserved Qty: Quantity ordered for sale, but not delivered" and
// "Projected Qty = Actual Qty + Planned Qty + Requested Qty + Ordered Qty − Reserved Qty"
// (frappe/erpnext erpnext/docs/user/manual/en/stock/projected-quantity.md; erpnext/stock/doctype/bin/bin.py).
// A Sales Order ordersync delivered with `submit: true` is in `reserved_qty` at once, as Odoo's
// `outgoing_qty` is (connectors/odoo/stock.ts): that is what lets a delivered order stop reserving
// in the ledger. Drafts (`submit: false`) reserve nothing in ERPNext, so the ledger keeps them.
// `projected_qty` is not used: it adds stock still to be bought or made, which cannot ship today.
import type { ConnectorContext, StockPage, StockReading } from '../../src/connector-kit/index.js';
import { erpnextClient } from './client.js';
import type { ErpnextSettings } from './settings.js';

// Frappe's default page is 20 (listing_documents); 500 keeps a big catalogue to a few requests.
const PAGE = 500;
const FIELDS = ['item_code', 'warehouse', 'actual_qty', 'reserved_qty', 'projected_qty'];
// A GET is safe to repeat: unlike deliveries (retries: 0, the push queue retries), a pull retries
// here, honouring Retry-After from a site rate_limit (frappe/rate_limiter.py) via the shared client.
const READ_RETRIES = 4;

export async function* pullErpnextStock(ctx: ConnectorContext<ErpnextSettings>): AsyncIterable<StockPage> {
  const http = erpnextClient(ctx);
  for (let start = 0; ; start += PAGE) {
    // GET /api/resource/Bin?fields=[…]&limit_start=…&limit_page_length=… → {"data": [...]}; no total,
    // so page until a short page. https://docs.frappe.io/framework/user/en/guides/integration/rest_api/listing_documents
    const response = await http.request<{ data?: unknown }>({
      method: 'GET', path: '/api/resource/Bin', retries: READ_RETRIES,
      query: { fields: JSON.stringify(FIELDS), order_by: 'name asc', limit_start: start, limit_page_length: PAGE },
    });
    const rows = response.data?.data;
    if (!Array.isArray(rows)) throw new Error('ERPNext GET /api/resource/Bin did not answer {"data": [...]}');
    const levels: StockReading[] = [];
    for (const row of rows) {
      const level = toStockReading(row);
      if (typeof level === 'string') ctx.log.warn(`target ${ctx.name}: skipped a Bin: ${level}`, { bin: JSON.stringify(row).slice(0, 200) });
      else levels.push(level);
    }
    yield { levels };
    if (rows.length < PAGE) return;
  }
}

/** A level, or why the row cannot be one. */
export function toStockReading(row: unknown): StockReading | string {
  if (!row || typeof row !== 'object') return 'not an object';
  const { item_code: sku, warehouse, actual_qty: actual, reserved_qty: reserved } = row as Record<string, unknown>;
  if (typeof sku !== 'string' || sku === '') return 'no item_code';
  if (typeof warehouse !== 'string' || warehouse === '') return `${sku}: no warehouse`;
  const actualQty = Number(actual);
  const reservedQty = reserved === null || reserved === undefined ? 0 : Number(reserved);
  if (actual === null || actual === undefined || !Number.isFinite(actualQty)) return `${sku} in ${warehouse}: actual_qty ${String(actual)} is not a number`;
  if (!Number.isFinite(reservedQty)) return `${sku} in ${warehouse}: reserved_qty ${String(reserved)} is not a number`;
  // Quantities are floats in the stock UOM; a part unit cannot be sold.
  return { sku, location: warehouse, onHand: Math.floor(actualQty - reservedQty + 1e-9) };
}
