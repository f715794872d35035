// ERPNext as a stock target (`stock.targets`): sets each master SKU's on-hand quantity in one
// warehouse (`stockWarehouse`) the way a stock count does it, with a submitted Stock Reconciliation
// (erpnext/stock/doctype/stock_reconciliation/stock_reconciliation.py): each row's `qty` becomes the
// Bin's `actual_qty` (bin.py update_qty: "Stock Reconciliation" → qty_after_transaction), the
// difference is booked against the Difference Account. Items are checked first, so an unknown or
// non-stock SKU is refused alone; Bins already at the figure are skipped, because ERPNext drops
// unchanged rows and refuses a document with none left ("None of the items have any change in
// quantity or value.", EmptyStockReconciliationItemsError).
import type { ConnectorContext, HttpClient, StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { createStockReconciliation, erpnextClient, getWarehouse, listBinLevels, listStockItems } from './client.js';
import { erpnextOutcome, failureOf } from './errors.js';
import type { ErpnextSettings } from './settings.js';
import { blamedRows } from './stock-refusal.js';
import type { FrappeBinLevel, FrappeStockItem, FrappeWarehouse } from './types.js';

type Ctx = ConnectorContext<ErpnextSettings>;
type Answer = (sku: string, status: StockPushResult['status'], reason?: string) => void;

// Rows per document: StockReconciliation.submit() hands a document of more than 100 rows to a
// background job as too slow for a web request. An insert with docstatus 1 submits inside the
// request whatever its size, so each document stays at what ERPNext itself submits synchronously.
const ROWS_PER_DOCUMENT = 100;
// Codes per Item/Bin lookup: the URL-encoded filter stays under 2 500 characters, so the whole GET
// line stays below the 4 094 bytes gunicorn (which serves Frappe) accepts by default
// (limit_request_line) and well below nginx's 8 KB (large_client_header_buffers 4 8k).
const CODES_PER_LOOKUP = 100;
const FILTER_URL_CHARS = 2_500;
// A refused document goes again without the rows ERPNext blamed; after this many, the rest wait a run.
const MAX_TRIES = 4;

interface Wanted { quantity: number; note?: string }
interface Row { sku: string; item: string; qty: number; rate?: number; allowZero: boolean; note?: string }

export async function pushErpnextStock(ctx: Ctx, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const { stockWarehouse } = ctx.settings;
  if (!stockWarehouse) {
    throw new Error('ERPNext stock push needs the setting stockWarehouse: the leaf Warehouse whose stock ordersync sets, e.g. "Stores - OS" (Stock → Warehouse)');
  }
  const answers = new Map<string, StockPushResult>();
  const answer: Answer = (sku, status, reason) => void answers.set(sku, reason === undefined ? { sku, status } : { sku, status, reason });
  const wanted = wantedLevels(updates, answer);
  if (wanted.size > 0) {
    const http = erpnextClient(ctx);
    try {
      const warehouse = await usableWarehouse(http, stockWarehouse);
      const rows = await changedRows(http, warehouse.name, wanted, answer);
      for (let start = 0; start < rows.length; start += ROWS_PER_DOCUMENT) {
        const stopped = await submit(ctx, http, warehouse, rows.slice(start, start + ROWS_PER_DOCUMENT), answer);
        if (stopped === undefined) continue;
        for (const row of rows.slice(start + ROWS_PER_DOCUMENT)) answer(row.sku, 'retry', stopped);
        break;
      }
    } catch (error) {
      throw wholeCallError(error);
    }
  }
  return updates.map((u) => answers.get(u.sku) ?? { sku: u.sku, status: 'retry', reason: 'the connector gave no answer for this SKU' });
}

/** The figure per SKU. A negative one becomes 0: a Stock Reconciliation refuses a negative qty ("Negative Quantity is not allowed"). */
function wantedLevels(updates: readonly StockUpdate[], answer: Answer): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const refused = new Set<string>();
  for (const { sku, quantity } of updates) {
    if (refused.has(sku)) continue;
    let problem: string | undefined;
    if (sku.trim() === '') problem = 'an empty SKU matches no ERPNext Item';
    else if (!Number.isFinite(quantity)) problem = `quantity ${quantity} is not a number`;
    else if (wanted.has(sku) && wanted.get(sku)?.quantity !== Math.max(quantity, 0)) problem = 'sent twice with different quantities';
    if (problem === undefined) {
      wanted.set(sku, quantity < 0
        ? { quantity: 0, note: `set to 0: the source reports ${quantity}, and a Stock Reconciliation refuses a negative quantity` }
        : { quantity });
      continue;
    }
    refused.add(sku);
    wanted.delete(sku);
    answer(sku, 'rejected', problem);
  }
  return wanted;
}

async function usableWarehouse(http: HttpClient, name: string): Promise<FrappeWarehouse> {
  let warehouse: FrappeWarehouse;
  try {
    warehouse = await getWarehouse(http, name);
  } catch (error) {
    if (failureOf(error)?.excType !== 'DoesNotExistError') throw error;
    throw new Error(`ERPNext has no Warehouse "${name}" (stockWarehouse); use the full name with the company abbreviation, as in Stock → Warehouse, e.g. "Stores - OS"`);
  }
  if (warehouse.is_group) throw new Error(`ERPNext Warehouse "${warehouse.name}" (stockWarehouse) is a group; stock is held in its leaf warehouses: name one of them`);
  if (warehouse.disabled) throw new Error(`ERPNext Warehouse "${warehouse.name}" (stockWarehouse) is disabled`);
  return warehouse;
}

/** Items looked up by code; the unusable ones refused, those already at the figure answered ok. */
async function changedRows(http: HttpClient, warehouse: string, wanted: ReadonlyMap<string, Wanted>, answer: Answer): Promise<Row[]> {
  const items = new Map<string, FrappeStockItem>();
  for (const codes of lookupChunks([...wanted.keys()])) for (const item of await listStockItems(http, codes)) items.set(item.item_code, item);
  const usable: { sku: string; item: FrappeStockItem; want: Wanted }[] = [];
  for (const [sku, want] of wanted) {
    const item = items.get(sku);
    const problem = item ? unusable(item) : `unknown SKU: no ERPNext Item has item_code "${sku}" — create it (Stock → Item) or fix the SKU`;
    if (problem === undefined && item) usable.push({ sku, item, want });
    else answer(sku, 'rejected', problem);
  }
  const bins = new Map<string, FrappeBinLevel>();
  for (const names of lookupChunks(usable.map((u) => u.item.name))) for (const bin of await listBinLevels(http, warehouse, names)) bins.set(bin.item_code, bin);
  const rows: Row[] = [];
  for (const { sku, item, want } of usable) {
    const bin = bins.get(item.name);
    // No Bin: the item never had stock here, which ERPNext counts as 0.
    if ((bin?.actual_qty ?? 0) === want.quantity) answer(sku, 'ok', want.note);
    else rows.push(rowFor(sku, item, bin, want));
  }
  return rows;
}

function unusable(item: FrappeStockItem): string | undefined {
  const code = item.item_code;
  if (!item.is_stock_item) return `ERPNext Item ${code} is not a stock item ("Maintain Stock" is off), so it has no stock level to set`;
  if (item.disabled) return `ERPNext Item ${code} is disabled`;
  if (item.has_variants) return `ERPNext Item ${code} is a template; stock is kept per variant`;
  if (item.has_serial_no || item.has_batch_no) return `ERPNext Item ${code} is tracked by serial or batch number, which a quantity alone cannot reconcile; count it in ERPNext`;
  return undefined;
}

/**
 * Valuation: with no `valuation_rate` ERPNext keeps the stock's current rate (remove_items_with_no_change
 * fills it from get_stock_balance). Where the warehouse holds no valued stock that rate is 0, and
 * update_stock_ledger refuses "Valuation Rate required for Item X at row N" unless the row has
 * `allow_zero_valuation_rate`: the Item's own `valuation_rate` is sent then, or, lacking one, the
 * row is valued at 0 and its answer says so.
 */
function rowFor(sku: string, item: FrappeStockItem, bin: FrappeBinLevel | undefined, want: Wanted): Row {
  const row: Row = { sku, item: item.name, qty: want.quantity, allowZero: false, note: want.note };
  if ((bin?.valuation_rate ?? 0) > 0 || want.quantity === 0) return row;
  if ((item.valuation_rate ?? 0) > 0) return { ...row, rate: item.valuation_rate ?? undefined };
  const zero = `valued at 0: Item ${item.item_code} has no valuation rate in ERPNext (set one on the Item, then recount to value this stock)`;
  return { ...row, allowZero: true, note: want.note ? `${want.note}; ${zero}` : zero };
}

/** One document for the rows; what ERPNext blames is refused and the rest sent again. A string: stop, the site is failing. */
async function submit(ctx: Ctx, http: HttpClient, warehouse: FrappeWarehouse, rows: Row[], answer: Answer): Promise<string | undefined> {
  let pending = rows;
  for (let tries = 0; pending.length > 0; tries++) {
    if (tries === MAX_TRIES) {
      for (const row of pending) answer(row.sku, 'retry', `ERPNext refused ${MAX_TRIES} Stock Reconciliations in a row; tried again next run`);
      return undefined;
    }
    try {
      const name = await createStockReconciliation(http, reconciliationDoc(ctx.settings, warehouse, pending));
      ctx.log.info(`target ${ctx.name}: Stock Reconciliation ${name} set ${pending.length} item(s) in ${warehouse.name}`);
      for (const row of pending) answer(row.sku, 'ok', row.note);
      return undefined;
    } catch (error) {
      const failure = failureOf(error);
      // Every row already holds its figure: a replay after a lost answer, or someone counted meanwhile.
      if (failure?.excType === 'EmptyStockReconciliationItemsError') {
        for (const row of pending) answer(row.sku, 'ok', row.note);
        return undefined;
      }
      const outcome = erpnextOutcome(error);
      if (outcome.status === 'unauthorized') throw error;
      if (outcome.status === 'retry') {
        for (const row of pending) answer(row.sku, 'retry', outcome.reason);
        return outcome.reason;
      }
      const blamed = blamedRows(failure?.messages ?? [], pending.map((row) => row.item), [warehouse.name, warehouse.company]);
      if (blamed.size === 0) {
        const reason = `${reasonOf(outcome, error)}${hintFor(failure?.excType)}`;
        for (const row of pending) answer(row.sku, 'rejected', reason);
        return undefined;
      }
      for (const [index, said] of blamed) answer(pending[index]!.sku, 'rejected', `ERPNext ${failure?.excType ?? 'refused the row'}: ${said.join(' / ')}`);
      pending = pending.filter((_, index) => !blamed.has(index));
    }
  }
  return undefined;
}

function reconciliationDoc(settings: ErpnextSettings, warehouse: FrappeWarehouse, rows: readonly Row[]): Record<string, unknown> {
  return {
    // "Opening Stock" would need an Asset/Liability account; this is a recount of live stock.
    purpose: 'Stock Reconciliation',
    // The warehouse's company: ERPNext refuses a warehouse of another company.
    company: warehouse.company,
    ...(settings.stockDifferenceAccount ? { expense_account: settings.stockDifferenceAccount } : {}),
    docstatus: 1,
    items: rows.map((row) => ({
      item_code: row.item, warehouse: warehouse.name, qty: row.qty,
      ...(row.rate !== undefined ? { valuation_rate: row.rate } : {}),
      ...(row.allowZero ? { allow_zero_valuation_rate: 1 } : {}),
    })),
  };
}

function hintFor(excType: string | null | undefined): string {
  // validate_expense_account: a site's first stock entry, made by reconciliation, must not be booked to Profit and Loss.
  if (excType === 'OpeningEntryAccountError') return ' — set stockDifferenceAccount to an Asset/Liability account (e.g. "Temporary Opening - <abbr>")';
  return '';
}

/** Codes in groups small enough for one GET's filter. */
export function lookupChunks(codes: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let chars = 0;
  for (const code of codes) {
    const size = encodeURIComponent(`${JSON.stringify(code)},`).length;
    if (chunk.length > 0 && (chunk.length === CODES_PER_LOOKUP || chars + size > FILTER_URL_CHARS)) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(code);
    chars += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** A failure of the whole push (credentials, the warehouse, the site): the engine retries every SKU next run. */
function wholeCallError(error: unknown): unknown {
  const failure = failureOf(error);
  if (!failure) return error;
  const outcome = erpnextOutcome(error);
  if (failure.status === 403) return new Error(`${reasonOf(outcome, error).replace(/ — .*$/, '')} — the API user needs read on Item, Bin and Warehouse and create/submit on Stock Reconciliation (role Stock Manager)`);
  return new Error(reasonOf(outcome, error));
}

function reasonOf(outcome: ReturnType<typeof erpnextOutcome>, error: unknown): string {
  return 'reason' in outcome ? outcome.reason : String(error);
}
