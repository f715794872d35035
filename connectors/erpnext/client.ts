// Every Frappe/ERPNext REST call ordersync makes (API v1: /api/resource and /api/method).
// https://docs.frappe.io/framework/user/en/api/rest
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import type { ErpnextSettings } from './settings.js';
import {
  FrappeBinLevel, FrappeDoc, FrappeList, FrappeSalesOrder, FrappeSalesOrderRef, FrappeStockItem, FrappeWarehouse,
  type FrappeSalesOrder as SalesOrder, type FrappeSalesOrderRef as SalesOrderRef,
} from './types.js';

// A DocType with a space is URL-encoded in the path: /api/resource/Sales%20Order.
const SALES_ORDER = `/api/resource/${encodeURIComponent('Sales Order')}`;
const CUSTOMER = '/api/resource/Customer';

export function erpnextClient(ctx: ConnectorContext<ErpnextSettings>): HttpClient {
  return ctx.http({
    baseURL: ctx.settings.url,
    // Token auth: https://docs.frappe.io/framework/user/en/guides/integration/rest_api/token_based_authentication
    headers: { authorization: `token ${ctx.settings.apiKey}:${ctx.settings.apiSecret}` },
    // The push engine owns retries; a 429 carries Retry-After in seconds (frappe/rate_limiter.py), read by the shared client.
    retry: { retries: 0 },
    allowInsecure: ctx.settings.allowInsecure,
  });
}

// GET /api/resource/Sales Order?filters=[["po_no","=",…]]&fields=[…] — listing: fields/filters are JSON,
// order_by, limit_page_length (default 20). https://docs.frappe.io/framework/user/en/guides/integration/rest_api/listing_documents
// po_no is not unique: after "Cancel" + "Amend" the amended copy (name "…-1") carries it too, so the
// oldest order that is not cancelled wins over cancelled ones.
export async function findSalesOrder(http: HttpClient, poNo: string): Promise<SalesOrderRef | undefined> {
  const response = await http.request({
    method: 'GET', path: SALES_ORDER,
    query: { filters: JSON.stringify([['po_no', '=', poNo]]), fields: JSON.stringify(['name', 'docstatus', 'status']), order_by: 'creation asc', limit_page_length: 20 },
  });
  const orders = FrappeList.parse(response.data).data.map((row) => FrappeSalesOrderRef.parse(row));
  return orders.find((order) => order.docstatus !== 2) ?? orders[0];
}

// GET /api/resource/Sales Order/{name} — the whole document with its child table `items`.
export async function getSalesOrder(http: HttpClient, name: string): Promise<SalesOrder> {
  const response = await http.request({ method: 'GET', path: `${SALES_ORDER}/${encodeURIComponent(name)}` });
  return FrappeSalesOrder.parse(FrappeDoc.parse(response.data).data);
}

// POST /api/resource/Sales Order with the document as JSON; `docstatus: 1` inserts and submits.
export async function createSalesOrder(http: HttpClient, doc: Record<string, unknown>): Promise<SalesOrderRef> {
  const response = await http.request({ method: 'POST', path: SALES_ORDER, body: doc });
  return FrappeSalesOrderRef.parse(FrappeDoc.parse(response.data).data);
}

// PUT /api/resource/Sales Order/{name}: a partial update; a child table sent is replaced; docstatus 0→1 submits.
export async function updateSalesOrder(http: HttpClient, name: string, patch: Record<string, unknown>): Promise<void> {
  await http.request({ method: 'PUT', path: `${SALES_ORDER}/${encodeURIComponent(name)}`, body: patch });
}

// DELETE /api/resource/Sales Order/{name}: only drafts (a submitted document must be cancelled).
export async function deleteSalesOrder(http: HttpClient, name: string): Promise<void> {
  await http.request({ method: 'DELETE', path: `${SALES_ORDER}/${encodeURIComponent(name)}` });
}

// POST /api/method/frappe.client.cancel {doctype, name}: docstatus 1 → 2 (frappe/client.py cancel).
export async function cancelSalesOrder(http: HttpClient, name: string): Promise<void> {
  await http.request({ method: 'POST', path: '/api/method/frappe.client.cancel', body: { doctype: 'Sales Order', name } });
}

export async function findCustomer(http: HttpClient, filters: unknown[]): Promise<string | undefined> {
  const response = await http.request({
    method: 'GET', path: CUSTOMER,
    query: { filters: JSON.stringify(filters), fields: JSON.stringify(['name']), order_by: 'creation asc', limit_page_length: 1 },
  });
  const name = FrappeList.parse(response.data).data[0]?.name;
  return typeof name === 'string' ? name : undefined;
}

// POST /api/resource/Customer: the name comes back (autonamed from customer_name, " - 1" on a clash).
export async function createCustomer(http: HttpClient, doc: Record<string, unknown>): Promise<string> {
  const response = await http.request({ method: 'POST', path: CUSTOMER, body: doc });
  const name = FrappeDoc.parse(response.data).data.name;
  if (typeof name !== 'string') throw new Error('ERPNext created a Customer without a name');
  return name;
}

// GET /api/method/frappe.auth.get_logged_user — the documented cheap credential check.
export async function loggedUser(http: HttpClient): Promise<string> {
  const response = await http.request<{ message?: unknown }>({ method: 'GET', path: '/api/method/frappe.auth.get_logged_user' });
  return String(response.data?.message ?? '');
}

// Reads are safe to repeat: unlike the Sales Order calls (retries 0, the push queue retries), the
// stock push retries them here, honouring Retry-After from a site rate_limit via the shared client.
const READ_RETRIES = 4;
// A Stock Reconciliation sets absolute figures, so sending it twice cannot count stock twice: a
// replay after a lost answer is refused as "None of the items have any change in quantity or value"
// (EmptyStockReconciliationItemsError, read as ok by stock-push.ts) or submits only the rows still
// different. So 5xx, 429 and network failures are retried here, a little, rather than left to the next run.
const RECONCILIATION_RETRIES = 2;
const STOCK_RECONCILIATION = `/api/resource/${encodeURIComponent('Stock Reconciliation')}`;

// GET /api/resource/Warehouse/{name} — 404 DoesNotExistError when there is none (the name is
// matched case-insensitively by MariaDB and comes back as stored).
export async function getWarehouse(http: HttpClient, name: string): Promise<FrappeWarehouse> {
  const response = await http.request({ method: 'GET', path: `/api/resource/Warehouse/${encodeURIComponent(name)}`, retries: READ_RETRIES });
  return FrappeWarehouse.parse(FrappeDoc.parse(response.data).data);
}

// GET /api/resource/Item?filters=[["item_code","in",[…]]]&fields=[…] — one row per item code found.
export async function listStockItems(http: HttpClient, codes: readonly string[]): Promise<FrappeStockItem[]> {
  const fields = ['name', 'item_code', 'is_stock_item', 'disabled', 'has_variants', 'has_serial_no', 'has_batch_no', 'valuation_rate'];
  const response = await http.request({
    method: 'GET', path: '/api/resource/Item', retries: READ_RETRIES,
    query: { filters: JSON.stringify([['item_code', 'in', codes]]), fields: JSON.stringify(fields), limit_page_length: codes.length },
  });
  return FrappeList.parse(response.data).data.map((row) => FrappeStockItem.parse(row));
}

// GET /api/resource/Bin?filters=[["warehouse","=",W],["item_code","in",[…]]] — no Bin: the item never had stock there.
export async function listBinLevels(http: HttpClient, warehouse: string, items: readonly string[]): Promise<FrappeBinLevel[]> {
  const response = await http.request({
    method: 'GET', path: '/api/resource/Bin', retries: READ_RETRIES,
    query: {
      filters: JSON.stringify([['warehouse', '=', warehouse], ['item_code', 'in', items]]),
      fields: JSON.stringify(['item_code', 'actual_qty', 'valuation_rate']), limit_page_length: items.length,
    },
  });
  return FrappeList.parse(response.data).data.map((row) => FrappeBinLevel.parse(row));
}

// POST /api/resource/Stock Reconciliation with `docstatus: 1`: inserted and submitted in one request
// (frappe Document.insert → check_docstatus_transition(0) makes the action "submit"), so the Bins
// hold the new figures when it answers. erpnext/stock/doctype/stock_reconciliation/stock_reconciliation.py
export async function createStockReconciliation(http: HttpClient, doc: Record<string, unknown>): Promise<string> {
  const response = await http.request({ method: 'POST', path: STOCK_RECONCILIATION, body: doc, retries: RECONCILIATION_RETRIES });
  const name = FrappeDoc.parse(response.data).data.name;
  return typeof name === 'string' ? name : '';
}
