// The documents of the ERPNext mock and the rules the real Sales Order enforces, with Frappe's exceptions.
import { FilterError, matches, parseFilters } from './mock-filters.js';
import { seedErpnext, type Doc } from './mock-data.js';

/** A Frappe exception: its class name and the HTTP status Frappe maps it to (frappe/exceptions.py). */
export class FrappeMockException extends Error {
  /** What msgprint logged before the raise (`_server_messages`); the message alone when unset. */
  readonly messages: string[];
  constructor(readonly excType: string, message: string, readonly status: number, messages?: string[]) {
    super(message);
    this.messages = messages ?? [message];
  }
}

const validation = (message: string, excType = 'ValidationError'): FrappeMockException => new FrappeMockException(excType, message, 417);
const mandatory = (doctype: string, label: string): FrappeMockException => validation(`Error: Value missing for ${doctype}: ${label}`, 'MandatoryError');

export class ErpnextMockStore {
  docs = new Map<string, Doc[]>();
  duplicates = 0;
  /** A unique index on po_no, as some sites add: a second insert fails with UniqueValidationError. */
  uniquePoNo = false;
  /** The next N Sales Order list reads miss the newest order (a concurrent worker or replica lag). */
  staleReads = 0;
  /** msgprint messages of the request in progress, sent with a successful answer as `_server_messages`. */
  messageLog: string[] = [];
  private sequence = 0;

  constructor(private readonly seed: number) {
    this.reset();
  }

  reset(): void {
    const { items, customers, warehouses, companies, accounts } = seedErpnext(this.seed);
    this.docs = new Map([
      ['Item', items], ['Customer', customers], ['Sales Order', []],
      ['Warehouse', warehouses], ['Company', companies], ['Account', accounts], ['Stock Reconciliation', []],
    ]);
    this.duplicates = 0;
    this.uniquePoNo = false;
    this.staleReads = 0;
    this.messageLog = [];
    this.sequence = 0;
  }

  table(doctype: string): Doc[] {
    const rows = this.docs.get(doctype);
    if (!rows) throw new FrappeMockException('DoesNotExistError', `DocType ${doctype} not found`, 404);
    return rows;
  }

  list(doctype: string, query: URLSearchParams): Record<string, unknown>[] {
    let rows: Doc[];
    try {
      const conditions = parseFilters(query.get('filters'));
      rows = this.table(doctype).filter((doc) => matches(doc, conditions));
    } catch (error) {
      if (error instanceof FilterError) throw validation(error.message);
      throw error;
    }
    if (doctype === 'Sales Order' && this.staleReads > 0) {
      this.staleReads--;
      const newest = this.table(doctype).at(-1);
      rows = rows.filter((doc) => doc !== newest);
    }
    if (/desc/i.test(query.get('order_by') ?? '')) rows = [...rows].reverse();
    const start = Number(query.get('limit_start') ?? 0);
    const length = Number(query.get('limit_page_length') ?? 20); // default page length 20; 0 = all
    const fields = JSON.parse(query.get('fields') ?? '["name"]') as string[];
    return rows.slice(start, length === 0 ? undefined : start + length).map((doc) => Object.fromEntries(fields.map((f) => [f, doc[f] ?? null])));
  }

  get(doctype: string, name: string): Doc {
    const doc = this.table(doctype).find((d) => d.name === name);
    if (!doc) throw new FrappeMockException('DoesNotExistError', `${doctype} ${name} not found`, 404);
    return doc;
  }

  insert(doctype: string, body: Record<string, unknown>): Doc {
    if (doctype === 'Customer') return this.insertCustomer(body);
    if (doctype !== 'Sales Order') throw new FrappeMockException('PermissionError', `Insufficient Permission for ${doctype}`, 403);
    const doc: Doc = { ...body, doctype, name: '', docstatus: 0 };
    this.validateSalesOrder(doc);
    const poNo = doc.po_no;
    if (typeof poNo === 'string' && poNo && this.table('Sales Order').some((d) => d.po_no === poNo && d.docstatus !== 2)) {
      if (this.uniquePoNo) throw validation("Customer's Purchase Order must be unique", 'UniqueValidationError');
      this.duplicates++;
    }
    const year = String(doc.transaction_date).slice(0, 4);
    doc.name = `SAL-ORD-${year}-${String(++this.sequence).padStart(5, '0')}`;
    doc.status = 'Draft';
    if (body.docstatus === 1) this.submit(doc);
    this.table('Sales Order').push(doc);
    return doc;
  }

  private insertCustomer(body: Record<string, unknown>): Doc {
    const customerName = body.customer_name;
    if (typeof customerName !== 'string' || !customerName) throw mandatory('Customer', 'Customer Name');
    const taken = (n: string): boolean => this.table('Customer').some((c) => c.name === n);
    let name = customerName;
    for (let i = 1; taken(name); i++) name = `${customerName} - ${i}`;
    const doc: Doc = { customer_type: 'Company', customer_group: 'Individual', territory: 'All Territories', ...body, name, docstatus: 0 };
    this.table('Customer').push(doc);
    return doc;
  }

  update(doctype: string, name: string, patch: Record<string, unknown>): Doc {
    const doc = this.get(doctype, name);
    if (doc.docstatus === 2) throw validation('Cannot edit cancelled document', 'UpdateAfterSubmitError');
    const { docstatus, ...fields } = patch;
    if (doc.docstatus === 1) {
      if ('items' in fields) throw validation('Not allowed to change Items after submission', 'UpdateAfterSubmitError');
      if (docstatus === 2) this.cancel(doctype, name);
      return doc;
    }
    if (docstatus === 2) throw validation('Cannot change docstatus from 0 to 2', 'DocstatusTransitionError');
    const next = { ...doc, ...fields } as Doc;
    this.validateSalesOrder(next);
    Object.assign(doc, next);
    if (docstatus === 1) this.submit(doc);
    return doc;
  }

  remove(doctype: string, name: string): void {
    const doc = this.get(doctype, name);
    if (doc.docstatus === 1) {
      throw validation("Submitted Record cannot be deleted. You must <a href='#' onclick='cancelSubmittedRecord();'>Cancel</a> it first.");
    }
    const rows = this.table(doctype);
    rows.splice(rows.indexOf(doc), 1);
  }

  cancel(doctype: string, name: string): Doc {
    const doc = this.get(doctype, name);
    if (doc.docstatus !== 1) throw validation(`Cannot change docstatus from ${doc.docstatus} to 2`, 'DocstatusTransitionError');
    Object.assign(doc, { docstatus: 2, status: 'Cancelled' });
    return doc;
  }

  private submit(doc: Doc): void {
    Object.assign(doc, { docstatus: 1, status: 'To Deliver and Bill' });
  }

  /** Sales Order validations the connector can trip over (erpnext selling/doctype/sales_order). */
  private validateSalesOrder(doc: Doc): void {
    if (!doc.customer) throw mandatory('Sales Order', 'Customer');
    if (!this.table('Customer').some((c) => c.name === doc.customer)) throw validation(`Could not find Customer: ${String(doc.customer)}`, 'LinkValidationError');
    if (!doc.transaction_date) throw mandatory('Sales Order', 'Date');
    const items = doc.items;
    if (!Array.isArray(items) || items.length === 0) throw mandatory('Sales Order', 'Items');
    items.forEach((item: Record<string, unknown>, i) => {
      if (!this.table('Item').some((it) => it.name === item.item_code)) throw validation(`Could not find Row #${i + 1}: Item Code: ${String(item.item_code)}`, 'LinkValidationError');
      if (!(typeof item.qty === 'number' && item.qty > 0)) throw validation(`Row #${i + 1}: Quantity must be greater than zero`);
      if (!item.delivery_date && !doc.delivery_date) throw validation(`Row #${i + 1}: Please enter Delivery Date`);
      Object.assign(item, { idx: i + 1, amount: Math.round((item.qty as number) * Number(item.rate ?? 0) * 100) / 100 });
    });
    if (doc.delivery_date && String(doc.delivery_date) < String(doc.transaction_date)) throw validation('Expected Delivery Date should be after Sales Order Date');
  }

  summary(): Record<string, unknown>[] {
    return this.table('Sales Order').map((so) => ({
      name: so.name, docstatus: so.docstatus, status: so.status, po_no: so.po_no, customer: so.customer, currency: so.currency,
      transaction_date: so.transaction_date, delivery_date: so.delivery_date, discount_amount: so.discount_amount ?? 0, taxes: so.taxes ?? [],
      items: (so.items as Record<string, unknown>[]).map(({ item_code, qty, rate, delivery_date }) => ({ item_code, qty, rate, delivery_date })),
    }));
  }
}
