// Stock Reconciliation in the ERPNext mock, in the order ERPNext checks it: Frappe's link
// validation (Document.insert → _validate_links, "Could not find Row #N: Item Code: X"), then
// StockReconciliation.validate (remove_items_with_no_change, validate_data, validate_expense_account),
// the mandatory fields, and on submit update_stock_ledger (valuation rate), which sets each Bin.
// erpnext/stock/doctype/stock_reconciliation/stock_reconciliation.py; frappe/model/document.py.
import { MOCK_COMPANY, type Doc } from './mock-data.js';
import type { ErpnextMockStock } from './mock-stock.js';
import { FrappeMockException, type ErpnextMockStore } from './mock-store.js';

export interface MockReconciliation {
  /** Every body POSTed to /api/resource/Stock Reconciliation, refused or not, in order. */
  received: Record<string, unknown>[];
  /** The next N documents are committed and then answered 504 (a proxy giving up on a slow submit). */
  loseAnswers: number;
  /** The documents ERPNext holds (inserted, submitted or not). */
  documents(): Doc[];
}

type Levels = Pick<ErpnextMockStock, 'level' | 'reconcile' | 'hasLedger'>;
type Row = Record<string, unknown> & { idx: number };

const validation = (message: string, excType = 'ValidationError', messages?: string[]): FrappeMockException =>
  new FrappeMockException(excType, message, 417, messages);

export function attachReconciliation(store: ErpnextMockStore, levels: Levels): MockReconciliation {
  const insert = store.insert.bind(store);
  const reset = store.reset.bind(store);
  let sequence = 0;
  const knobs: MockReconciliation = { received: [], loseAnswers: 0, documents: () => store.table('Stock Reconciliation') };
  const exists = (doctype: string, name: unknown): boolean => store.table(doctype).some((d) => d.name === name);

  store.insert = (doctype, body) => {
    if (doctype !== 'Stock Reconciliation') return insert(doctype, body);
    knobs.received.push(structuredClone(body));
    const log: string[] = [];
    try {
      return reconcile(body, log);
    } catch (error) {
      if (!(error instanceof FrappeMockException) || log.length === 0) throw error;
      throw new FrappeMockException(error.excType, error.message, error.status, [...log, ...error.messages]);
    }
  };
  store.reset = () => { reset(); knobs.received.length = 0; knobs.loseAnswers = 0; sequence = 0; };

  function reconcile(body: Record<string, unknown>, log: string[]): Doc {
    const docstatus = Number(body.docstatus ?? 0);
    if (docstatus === 2) throw validation('Cannot change docstatus from 0 to 2', 'DocstatusTransitionError');
    // _set_defaults: the user's default company.
    const company = String(body.company ?? MOCK_COMPANY.name);
    const rows: Row[] = (Array.isArray(body.items) ? body.items as Record<string, unknown>[] : []).map((row, i) => ({ ...row, idx: i + 1 }));
    checkLinks(body, company, rows);
    const changed = changedRows(rows, log);
    validateData(changed, log);
    const account = String(body.expense_account ?? MOCK_COMPANY.stock_adjustment_account);
    const reportType = store.table('Account').find((a) => a.name === account)?.report_type;
    // validate_expense_account: the first stock entry of a site is an opening entry, which P&L may not take.
    if (!levels.hasLedger() && reportType === 'Profit and Loss') {
      throw validation('Difference Account must be a Asset/Liability type account, since this Stock Reconciliation is an Opening Entry', 'OpeningEntryAccountError');
    }
    if (!body.purpose) throw validation('Error: Value missing for Stock Reconciliation: Purpose', 'MandatoryError');
    if (docstatus === 1) checkLedger(changed);
    const doc: Doc = {
      ...body, doctype: 'Stock Reconciliation', name: `MAT-RECO-${new Date().getUTCFullYear()}-${String(++sequence).padStart(5, '0')}`,
      docstatus: docstatus === 1 ? 1 : 0, company, expense_account: account, items: changed,
    };
    if (docstatus === 1) for (const row of changed) levels.reconcile(String(row.item_code), String(row.warehouse), { qty: Number(row.qty), rate: Number(row.valuation_rate ?? 0) });
    store.table('Stock Reconciliation').push(doc);
    store.messageLog.push(...log);
    if (knobs.loseAnswers > 0) {
      knobs.loseAnswers--;
      throw new FrappeMockException('GatewayTimeout', '504 Gateway Time-out', 504);
    }
    return doc;
  }

  /** base_document.get_invalid_links: the header's links, then each row's, all in one message. */
  function checkLinks(body: Record<string, unknown>, company: string, rows: Row[]): void {
    const invalid: string[] = [];
    if (!exists('Company', company)) invalid.push(`Company: ${company}`);
    if (body.expense_account && !exists('Account', body.expense_account)) invalid.push(`Difference Account: ${String(body.expense_account)}`);
    for (const row of rows) {
      if (row.item_code && !exists('Item', row.item_code)) invalid.push(`Row #${row.idx}: Item Code: ${String(row.item_code)}`);
      if (row.warehouse && !exists('Warehouse', row.warehouse)) invalid.push(`Row #${row.idx}: Warehouse: ${String(row.warehouse)}`);
    }
    if (invalid.length > 0) throw validation(`Could not find ${invalid.join(', ')}`, 'LinkValidationError');
  }

  /** remove_items_with_no_change: a row whose qty and rate (when given) equal the Bin's is dropped. */
  function changedRows(rows: Row[], log: string[]): Row[] {
    const changed = rows.filter((row) => {
      const current = levels.level(String(row.item_code), String(row.warehouse)) ?? { qty: 0, rate: 0 };
      const qty = row.qty ?? null;
      const rate = row.valuation_rate ?? null;
      if ((qty === null || qty === current.qty) && (rate === null || rate === current.rate)) return false;
      Object.assign(row, { qty: qty ?? current.qty, valuation_rate: rate ?? current.rate, current_qty: current.qty, current_valuation_rate: current.rate });
      return true;
    });
    if (changed.length === 0) throw validation('None of the items have any change in quantity or value.', 'EmptyStockReconciliationItemsError');
    if (changed.length < rows.length) {
      changed.forEach((row, i) => { row.idx = i + 1; });
      log.push('Removed items with no change in quantity or value.');
    }
    return changed;
  }

  /** validate_data: every problem collected as "Row # N: …", then one ValidationError (frappe.throw also msgprints each item problem). */
  function validateData(rows: Row[], log: string[]): void {
    const messages: string[] = [];
    const seen = new Set<string>();
    rows.forEach((row, n) => {
      const at = `Row # ${n + 1}:`;
      const k = `${String(row.item_code)}\u0000${String(row.warehouse)}`;
      if (seen.has(k)) messages.push(`${at} Same item and warehouse combination already entered.`);
      seen.add(k);
      const problem = itemProblem(store.get('Item', String(row.item_code)));
      if (problem) {
        log.push(problem);
        messages.push(`Row # ${row.idx}: ${problem}`);
      }
      if (Number(row.qty) < 0) messages.push(`${at} Negative Quantity is not allowed`);
      if (Number(row.valuation_rate) < 0) messages.push(`${at} Negative Valuation Rate is not allowed`);
    });
    if (messages.length === 0) return;
    // Each message was msgprinted; the exception itself (raise, not frappe.throw) adds none.
    log.push(...messages);
    throw validation(`[${messages.map((m) => `'${m}'`).join(', ')}]`, 'ValidationError', []);
  }

  /** update_stock_ledger and the Stock Ledger Entry's own checks. */
  function checkLedger(rows: Row[]): void {
    for (const row of rows) {
      if (store.get('Warehouse', String(row.warehouse)).is_group === 1) throw validation('Group node warehouses are not allowed to select for transactions');
      if (row.qty && !row.valuation_rate && !row.allow_zero_valuation_rate) {
        throw validation(`Valuation Rate required for Item ${String(row.item_code)} at row ${row.idx}`);
      }
    }
  }

  return knobs;
}

/** erpnext/stock/doctype/item/item.py validate_end_of_life, validate_is_stock_item (formatdate: dd-mm-yyyy). */
function itemProblem(item: Doc): string | undefined {
  const code = item.name;
  const eol = typeof item.end_of_life === 'string' ? item.end_of_life : '';
  if (eol && eol <= new Date().toISOString().slice(0, 10)) return `Item ${code} has reached its end of life on ${eol.split('-').reverse().join('-')}`;
  if (item.disabled === 1) return `Item ${code} is disabled`;
  if (item.is_stock_item !== 1) return `Item ${code} is not a stock Item`;
  return undefined;
}
