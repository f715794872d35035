// Stock in the ERPNext mock: a Bin per stock Item and warehouse, as erpnext/stock/doctype/bin
// keeps them: `actual_qty` (seeded, settable by tests, set by Stock Reconciliations),
// `valuation_rate`, `reserved_qty` (the undelivered qty of submitted Sales Orders; drafts reserve
// nothing) and `projected_qty` (here actual − reserved).
import type { Doc } from './mock-data.js';
import { attachReconciliation, type MockReconciliation } from './mock-reconciliation.js';
import type { ErpnextMockStore } from './mock-store.js';

export const MOCK_ON_HAND = 25;
/** ERPNext's default warehouse names end with the company abbreviation. */
export const MOCK_WAREHOUSE = 'Stores - OS';

/** A Bin's quantity and valuation rate; a warehouse without a Bin holds 0 at rate 0. */
export interface MockLevel { qty: number; rate: number }

export interface ErpnextMockStock {
  /** Sets an item's actual quantity in a warehouse (any item code; a new one gets its own Bin). */
  setOnHand(sku: string, quantity: number, warehouse?: string): void;
  /** Adds a Bin row exactly as given (for malformed-record tests). */
  addRawBin(row: Record<string, unknown>): void;
  /** The site holds no Bins at all and no stock ledger (a fresh site, or a user without Bin read). */
  clearBins(): void;
  bins(): Record<string, unknown>[];
  /** The Bin of an item in a warehouse, undefined when there is none. */
  level(item: string, warehouse: string): MockLevel | undefined;
  /** What a submitted Stock Reconciliation row does to the Bin (bin.py update_qty: qty_after_transaction). */
  reconcile(item: string, warehouse: string, level: MockLevel): void;
  /** False on a site without any Stock Ledger Entry (after clearBins, until a reconciliation posts one). */
  hasLedger(): boolean;
  /** Stock Reconciliations received and the test knobs (mock-reconciliation.ts). */
  reconciliation: MockReconciliation;
  reset(): void;
}

const key = (item: string, warehouse: string): string => `${item}\u0000${warehouse}`;

export function attachErpnextStock(store: ErpnextMockStore): ErpnextMockStock {
  let levels = new Map<string, MockLevel>();
  let raw: Record<string, unknown>[] = [];
  let empty = false;
  const list = store.list.bind(store);
  const reset = store.reset.bind(store);

  /** Seeded: every stock Item holds MOCK_ON_HAND in MOCK_WAREHOUSE at the Item's valuation rate. */
  const seeded = (): Map<string, MockLevel> => new Map(empty ? [] : store.table('Item').filter((i) => i.is_stock_item === 1)
    .map((i) => [key(i.name, MOCK_WAREHOUSE), { qty: MOCK_ON_HAND, rate: Number(i.valuation_rate ?? 0) }]));
  const all = (): Map<string, MockLevel> => new Map([...seeded(), ...levels]);

  const refresh = (): Doc[] => {
    const reserved = new Map<string, number>();
    for (const so of store.table('Sales Order').filter((o) => o.docstatus === 1)) {
      for (const item of so.items as Record<string, unknown>[]) {
        const k = key(String(item.item_code), String(item.warehouse ?? so.set_warehouse ?? MOCK_WAREHOUSE));
        reserved.set(k, (reserved.get(k) ?? 0) + Number(item.qty ?? 0));
      }
    }
    const current = all();
    for (const k of reserved.keys()) if (!current.has(k)) current.set(k, { qty: 0, rate: 0 });
    const bins: Doc[] = [...current].map(([k, level], i) => {
      const [item_code, warehouse] = k.split('\u0000');
      const held = reserved.get(k) ?? 0;
      return {
        name: `BIN-${String(i + 1).padStart(6, '0')}`, docstatus: 0, item_code, warehouse,
        actual_qty: level.qty, reserved_qty: held, projected_qty: level.qty - held, valuation_rate: level.rate,
      };
    });
    raw.forEach((row, i) => bins.push({ name: `BIN-RAW-${i + 1}`, docstatus: 0, ...row }));
    store.docs.set('Bin', bins);
    return bins;
  };
  store.list = (doctype, query) => {
    if (doctype === 'Bin') refresh();
    return list(doctype, query);
  };
  const clear = (): void => { levels = new Map(); raw = []; empty = false; };
  store.reset = () => { reset(); clear(); };

  const stock: Omit<ErpnextMockStock, 'reconciliation'> = {
    setOnHand: (sku, quantity, warehouse = MOCK_WAREHOUSE) => {
      const rate = all().get(key(sku, warehouse))?.rate ?? Number(store.table('Item').find((i) => i.name === sku)?.valuation_rate ?? 0);
      levels.set(key(sku, warehouse), { qty: quantity, rate });
    },
    addRawBin: (row) => void raw.push(row),
    clearBins: () => { empty = true; levels = new Map(); },
    bins: () => refresh().map(({ item_code, warehouse, actual_qty, reserved_qty, valuation_rate }) => ({ item_code, warehouse, actual_qty, reserved_qty, valuation_rate })),
    level: (item, warehouse) => all().get(key(item, warehouse)),
    reconcile: (item, warehouse, level) => void levels.set(key(item, warehouse), level),
    hasLedger: () => !empty || levels.size > 0,
    reset: clear,
  };
  return { ...stock, reconciliation: attachReconciliation(store, stock) };
}
