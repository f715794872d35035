// Stock in the ERPNext mock: a Bin per stock Item and warehouse, as erpnext/stock/doctype/bin
// keeps them: `actual_qty` (seeded, settable by tests), `reserved_qty` (the undelivered qty of
// submitted Sales Orders; drafts reserve nothing) and `projected_qty` (here actual − reserved).
import type { Doc } from './mock-data.js';
import type { ErpnextMockStore } from './mock-store.js';

export const MOCK_ON_HAND = 25;
/** ERPNext's default warehouse names end with the company abbreviation. */
export const MOCK_WAREHOUSE = 'Stores - OS';
/** Not a stock item (is_stock_item 0): ERPNext keeps no Bin for it. */
const NON_STOCK = new Set(['GIFT-WRAP']);

export interface ErpnextMockStock {
  /** Sets an item's actual quantity in a warehouse (any item code; a new one gets its own Bin). */
  setOnHand(sku: string, quantity: number, warehouse?: string): void;
  /** Adds a Bin row exactly as given (for malformed-record tests). */
  addRawBin(row: Record<string, unknown>): void;
  /** The site holds no Bins at all (a fresh site, or a user without Bin read). */
  clearBins(): void;
  bins(): Record<string, unknown>[];
  reset(): void;
}

export function attachErpnextStock(store: ErpnextMockStore): ErpnextMockStock {
  let onHand = new Map<string, number>();
  let raw: Record<string, unknown>[] = [];
  let empty = false;
  const list = store.list.bind(store);
  const reset = store.reset.bind(store);

  const refresh = (): Doc[] => {
    const reserved = new Map<string, number>();
    for (const so of store.table('Sales Order').filter((o) => o.docstatus === 1)) {
      for (const item of so.items as Record<string, unknown>[]) {
        const key = `${String(item.item_code)}\u0000${String(item.warehouse ?? so.set_warehouse ?? MOCK_WAREHOUSE)}`;
        reserved.set(key, (reserved.get(key) ?? 0) + Number(item.qty ?? 0));
      }
    }
    const keys = new Set<string>(store.table('Item').filter((i) => !NON_STOCK.has(i.name)).map((i) => `${i.name}\u0000${MOCK_WAREHOUSE}`));
    for (const key of [...onHand.keys(), ...reserved.keys()]) keys.add(key);
    const bins: Doc[] = empty ? [] : [...keys].map((key, i) => {
      const [item_code, warehouse] = key.split('\u0000');
      const actual = onHand.get(key) ?? MOCK_ON_HAND;
      const held = reserved.get(key) ?? 0;
      return { name: `BIN-${String(i + 1).padStart(6, '0')}`, docstatus: 0, item_code, warehouse, actual_qty: actual, reserved_qty: held, projected_qty: actual - held };
    });
    raw.forEach((row, i) => bins.push({ name: `BIN-RAW-${i + 1}`, docstatus: 0, ...row }));
    store.docs.set('Bin', bins);
    return bins;
  };
  store.list = (doctype, query) => {
    if (doctype === 'Bin') refresh();
    return list(doctype, query);
  };
  const clear = (): void => { onHand = new Map(); raw = []; empty = false; };
  store.reset = () => { reset(); clear(); };

  return {
    setOnHand: (sku, quantity, warehouse = MOCK_WAREHOUSE) => void onHand.set(`${sku}\u0000${warehouse}`, quantity),
    addRawBin: (row) => void raw.push(row),
    clearBins: () => { empty = true; },
    bins: () => refresh().map(({ item_code, warehouse, actual_qty, reserved_qty }) => ({ item_code, warehouse, actual_qty, reserved_qty })),
    reset: clear,
  };
}
