// Stock in the Tryton mock: `stock.location` (a warehouse `WH` with its storage zone `STO`, as a
// fresh 6.0 database has them) and product.product's `quantity` / `forecast_quantity`, computed
// over the `locations` of the call's context like trytond's StockMixin: no locations, no stock.
// `quantity`: set by tests (default 25 in WH); `forecast_quantity`: quantity + planned receipts
// − the lines of confirmed/processing sales (whose shipments Tryton plans on processing).
import type { MockRecord, MockStore, ModelDef } from './mock-store.js';

export const MOCK_ON_HAND = 25;
export const MOCK_WAREHOUSE_CODE = 'WH';

export interface TrytonMockStock {
  /** Sets a product's quantity in a warehouse's storage location (by product code, warehouse code). */
  setOnHand(sku: string, quantity: number, warehouse?: string): void;
  /** A planned receipt (a supplier move not done yet): in forecast_quantity only. */
  setIncoming(sku: string, quantity: number): void;
  /** Adds a warehouse with its own storage location (empty unless set). */
  addWarehouse(code: string, name: string): void;
  /** Answers these raw values for a product's stock fields (malformed-record tests). */
  overrideRead(sku: string, values: Record<string, unknown>): void;
  /** Removes every warehouse (a database without the stock set up). */
  removeWarehouses(): void;
}

export interface TrytonMockStockHooks extends TrytonMockStock {
  seed(store: MockStore): void;
  /** Runs one RPC call with its context visible to the computed stock fields. */
  during<T>(context: Record<string, unknown>, call: () => T): T;
}

export function attachTrytonStock(models: Map<string, ModelDef>, store: () => MockStore): TrytonMockStockHooks {
  let onHand = new Map<string, number>(); // `${storageId}:${code}`
  let incoming = new Map<string, number>();
  let overrides = new Map<string, Record<string, unknown>>();
  let context: Record<string, unknown> = {};

  models.set('stock.location', {
    name: 'stock.location', label: 'Stock Location',
    fields: {
      name: { type: 'char', label: 'Name', required: true }, code: { type: 'char', label: 'Code' },
      type: { type: 'char', label: 'Location type', required: true },
      parent: { type: 'many2one', label: 'Parent', relation: 'stock.location' },
      storage_location: { type: 'many2one', label: 'Storage', relation: 'stock.location' },
    },
  });

  // The storage locations a call's `locations` cover: a storage itself, or a warehouse's storage (with_childs).
  const storagesInContext = (): Set<number> => {
    const ids = Array.isArray(context.locations) ? (context.locations as unknown[]).map(Number) : [];
    const found = new Set<number>();
    for (const id of ids) {
      const location = store().get('stock.location', id);
      if (location?.type === 'storage') found.add(id);
      if (location?.type === 'warehouse' && typeof location.storage_location === 'number') found.add(location.storage_location);
    }
    return found;
  };
  const mainStorage = (): number | undefined => store().all('stock.location').find((l) => l.type === 'warehouse' && l.code === MOCK_WAREHOUSE_CODE)?.storage_location as number | undefined;
  const quantity = (product: MockRecord): unknown => {
    const code = String(product.code ?? '');
    if (overrides.get(code) && 'quantity' in overrides.get(code)!) return overrides.get(code)!.quantity;
    let total = 0;
    for (const storage of storagesInContext()) total += onHand.get(`${storage}:${code}`) ?? (storage === mainStorage() ? MOCK_ON_HAND : 0);
    return total;
  };
  const forecast = (product: MockRecord): unknown => {
    const code = String(product.code ?? '');
    if (overrides.get(code) && 'forecast_quantity' in overrides.get(code)!) return overrides.get(code)!.forecast_quantity;
    const main = mainStorage();
    const here = main !== undefined && storagesInContext().has(main);
    const open = new Set(store().all('sale.sale').filter((s) => s.state === 'confirmed' || s.state === 'processing').map((s) => s.id));
    const outgoing = store().all('sale.line').filter((l) => l.product === product.id && open.has(l.sale as number)).reduce((sum, l) => sum + Number(l.quantity ?? 0), 0);
    return Number(quantity(product)) + (here ? (incoming.get(code) ?? 0) - outgoing : 0);
  };
  const product = models.get('product.product')!;
  models.set('product.product', { ...product, computed: { ...product.computed, quantity, forecast_quantity: forecast } });

  const storageOf = (code: string): number => {
    const warehouse = store().all('stock.location').find((l) => l.type === 'warehouse' && l.code === code);
    if (!warehouse) throw new Error(`mock: no warehouse ${code}`);
    return warehouse.storage_location as number;
  };
  const addWarehouse = (code: string, name: string): void => {
    const storage = store().create('stock.location', { name: `${name} Storage`, code: `${code}-STO`, type: 'storage' }, {});
    const warehouse = store().create('stock.location', { name, code, type: 'warehouse', storage_location: storage }, {});
    store().write('stock.location', [storage], { parent: warehouse }, {});
  };

  return {
    seed: (s) => {
      onHand = new Map(); incoming = new Map(); overrides = new Map();
      const storage = s.create('stock.location', { name: 'Storage Zone', code: 'STO', type: 'storage' }, {});
      const warehouse = s.create('stock.location', { name: 'Warehouse', code: MOCK_WAREHOUSE_CODE, type: 'warehouse', storage_location: storage }, {});
      s.write('stock.location', [storage], { parent: warehouse }, {});
    },
    during: (callContext, call) => {
      context = callContext;
      try { return call(); } finally { context = {}; }
    },
    setOnHand: (sku, qty, warehouse = MOCK_WAREHOUSE_CODE) => void onHand.set(`${storageOf(warehouse)}:${sku}`, qty),
    setIncoming: (sku, qty) => void incoming.set(sku, qty),
    addWarehouse,
    overrideRead: (sku, values) => void overrides.set(sku, values),
    removeWarehouses: () => store().remove('stock.location', store().all('stock.location').map((l) => l.id)),
  };
}
