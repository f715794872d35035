// Stock in the Tryton mock: `stock.location` (a warehouse `WH` with its storage zone `STO` and a
// lost-and-found location, as a fresh 6.0 database has them) and product.product's `quantity` /
// `forecast_quantity`, computed over the `locations` of the call's context like trytond's
// StockMixin: no locations, no stock; one location counts its sub-locations too unless the context
// says `with_childs: false` (move.py _get_quantity). `quantity`: set by tests (default 25 in WH's
// storage) and by confirmed inventories (mock-inventory.ts); `forecast_quantity`: quantity +
// planned receipts − the lines of confirmed/processing sales (whose shipments Tryton plans).
import { attachInventories, type MockInventory } from './mock-inventory.js';
import type { MockRecord, MockStore, ModelDef } from './mock-store.js';

export const MOCK_ON_HAND = 25;
export const MOCK_WAREHOUSE_CODE = 'WH';

export interface TrytonMockStock {
  /** Sets a product's quantity in a warehouse's storage location (by product code, warehouse code). */
  setOnHand(sku: string, quantity: number, warehouse?: string): void;
  /** Sets a product's quantity in any location, by the location's code (e.g. a sub-location). */
  setOnHandIn(locationCode: string, sku: string, quantity: number): void;
  /** A planned receipt (a supplier move not done yet): in forecast_quantity only. */
  setIncoming(sku: string, quantity: number): void;
  /** Adds a warehouse with its own storage location (empty unless set) and, unless told not to, a lost-and-found. */
  addWarehouse(code: string, name: string, options?: { lostFound?: boolean }): void;
  /** Adds a storage location under a warehouse's storage zone (a bin). */
  addSubLocation(code: string, name: string, warehouse?: string): void;
  /** Answers these raw values for a product's stock fields (malformed-record tests). */
  overrideRead(sku: string, values: Record<string, unknown>): void;
  /** Removes every warehouse (a database without the stock set up). */
  removeWarehouses(): void;
  /** Every stock.inventory received, with its lines as confirmed (or not). */
  inventories(): MockInventory[];
}

export interface TrytonMockStockHooks extends TrytonMockStock {
  seed(store: MockStore): void;
  /** Runs one RPC call with its context visible to the computed stock fields. */
  during<T>(context: Record<string, unknown>, call: () => T): T;
  /** Answers the stock model methods that are not plain CRUD (stock.inventory create/confirm/…), else undefined. */
  call(model: string, method: string, args: unknown[], context: Record<string, unknown>): { result: unknown } | undefined;
}

export function attachTrytonStock(models: Map<string, ModelDef>, store: () => MockStore): TrytonMockStockHooks {
  let base = new Map<string, number>(); // `${locationId}:${code}`: the level before any move
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
      lost_found_location: { type: 'many2one', label: 'Lost and Found', relation: 'stock.location' },
    },
  });

  const mainStorage = (): number | undefined => store().all('stock.location').find((l) => l.type === 'warehouse' && l.code === MOCK_WAREHOUSE_CODE)?.storage_location as number | undefined;
  const codeOf = (product: number): string => String(store().get('product.product', product)?.code ?? '');
  const netMoves = (location: number, product: number): number => store().all('stock.move')
    .filter((m) => m.product === product && m.state === 'done')
    .reduce((sum, m) => sum + (m.to_location === location ? Number(m.quantity) : 0) - (m.from_location === location ? Number(m.quantity) : 0), 0);
  /** What one location holds itself (no sub-locations). */
  const own = (location: number, product: number): number => {
    const code = codeOf(product);
    return (base.get(`${location}:${code}`) ?? (location === mainStorage() ? MOCK_ON_HAND : 0)) + netMoves(location, product);
  };
  /** Sets the level a location reads for a product code, whatever moves it had. */
  const setLevel = (location: number, code: string, qty: number): void => {
    const product = store().all('product.product').find((p) => p.code === code);
    base.set(`${location}:${code}`, qty - (product ? netMoves(location, product.id) : 0));
  };
  const withChildren = (id: number): number[] => [id, ...store().all('stock.location').filter((l) => l.parent === id).flatMap((l) => withChildren(l.id))];

  // The locations a call's `locations` cover: a storage itself (and its children when with_childs),
  // or a warehouse's storage.
  const locationsInContext = (): Set<number> => {
    const ids = Array.isArray(context.locations) ? (context.locations as unknown[]).map(Number) : [];
    const childs = typeof context.with_childs === 'boolean' ? context.with_childs : ids.length === 1;
    const found = new Set<number>();
    for (const id of ids) {
      const location = store().get('stock.location', id);
      const base = location?.type === 'warehouse' && typeof location.storage_location === 'number' ? location.storage_location : location ? id : undefined;
      if (base !== undefined) for (const each of childs ? withChildren(base) : [base]) found.add(each);
    }
    return found;
  };
  const quantity = (product: MockRecord): unknown => {
    const code = String(product.code ?? '');
    if (overrides.get(code) && 'quantity' in overrides.get(code)!) return overrides.get(code)!.quantity;
    let total = 0;
    for (const location of locationsInContext()) total += own(location, product.id);
    return total;
  };
  const forecast = (product: MockRecord): unknown => {
    const code = String(product.code ?? '');
    if (overrides.get(code) && 'forecast_quantity' in overrides.get(code)!) return overrides.get(code)!.forecast_quantity;
    const main = mainStorage();
    const here = main !== undefined && locationsInContext().has(main);
    const open = new Set(store().all('sale.sale').filter((s) => s.state === 'confirmed' || s.state === 'processing').map((s) => s.id));
    const outgoing = store().all('sale.line').filter((l) => l.product === product.id && open.has(l.sale as number)).reduce((sum, l) => sum + Number(l.quantity ?? 0), 0);
    return Number(quantity(product)) + (here ? (incoming.get(code) ?? 0) - outgoing : 0);
  };
  const product = models.get('product.product')!;
  models.set('product.product', { ...product, computed: { ...product.computed, quantity, forecast_quantity: forecast } });

  const inventories = attachInventories(models, store, own);

  const locationByCode = (code: string, type?: string): MockRecord => {
    const location = store().all('stock.location').find((l) => l.code === code && (type === undefined || l.type === type));
    if (!location) throw new Error(`mock: no ${type ?? 'location'} ${code}`);
    return location;
  };
  const addWarehouse = (s: MockStore, code: string, name: string, lostFound = true): void => {
    const storage = s.create('stock.location', { name: `${name} Storage`, code: code === MOCK_WAREHOUSE_CODE ? 'STO' : `${code}-STO`, type: 'storage' }, {});
    const lost = lostFound ? s.create('stock.location', { name: `${name} Lost and Found`, type: 'lost_found' }, {}) : null;
    const warehouse = s.create('stock.location', { name, code, type: 'warehouse', storage_location: storage, lost_found_location: lost }, {});
    s.write('stock.location', [storage], { parent: warehouse }, {});
  };

  return {
    seed: (s) => {
      base = new Map(); incoming = new Map(); overrides = new Map();
      inventories.reset();
      addWarehouse(s, MOCK_WAREHOUSE_CODE, 'Warehouse');
    },
    during: (callContext, call) => {
      context = callContext;
      try { return call(); } finally { context = {}; }
    },
    call: inventories.call,
    setOnHand: (sku, qty, warehouse = MOCK_WAREHOUSE_CODE) => setLevel(locationByCode(warehouse, 'warehouse').storage_location as number, sku, qty),
    setOnHandIn: (locationCode, sku, qty) => setLevel(locationByCode(locationCode).id, sku, qty),
    setIncoming: (sku, qty) => void incoming.set(sku, qty),
    addWarehouse: (code, name, options = {}) => addWarehouse(store(), code, name, options.lostFound ?? true),
    addSubLocation: (code, name, warehouse = MOCK_WAREHOUSE_CODE) => {
      store().create('stock.location', { name, code, type: 'storage', parent: locationByCode(warehouse, 'warehouse').storage_location }, {});
    },
    overrideRead: (sku, values) => void overrides.set(sku, values),
    removeWarehouses: () => store().remove('stock.location', store().all('stock.location').map((l) => l.id)),
    inventories: inventories.list,
  };
}
