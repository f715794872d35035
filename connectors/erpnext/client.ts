// Every Frappe/ERPNext REST call ordersync makes (API v1: /api/resource and /api/method).
// https://docs.frappe.io/framework/user/en/api/rest
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import type { ErpnextSettings } from './settings.js';
import { FrappeDoc, FrappeList, FrappeSalesOrder, FrappeSalesOrderRef, type FrappeSalesOrder as SalesOrder, type FrappeSalesOrderRef as SalesOrderRef } from './types.js';

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
