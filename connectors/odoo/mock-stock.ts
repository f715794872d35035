// Stock in the Odoo mock: stock.location and stock.quant tables (every storable product starts with
// MOCK_ON_HAND in WH/Stock); product.product answers `qty_available` (its quants in internal
// locations), `outgoing_qty` (the lines of confirmed sale orders, which Odoo would deliver), `type`,
// `is_storable` (Odoo 18+) and `tracking`.
import { MOCK_SERVICE_CODES } from './mock-data.js';
import type { Row } from './mock-domain.js';
import { MOCK_LOCATIONS, newQuant, setBeforeNextApply } from './mock-quant.js';
import type { OdooMockStore } from './mock-store.js';

// Enough for the demo's few hundred orders (config.example.yml pushes what is left to every channel).
export const MOCK_ON_HAND = 500;
const SERVICES = new Set(MOCK_SERVICE_CODES);

export interface OdooMockStock {
  /** Sets a product's quantity in WH/Stock (by Internal Reference); 0 leaves it no quant, as Odoo's cleanup does. */
  setOnHand(sku: string, quantity: number): void;
  onHand(): Record<string, number>;
  /** Changes a product's fields, e.g. `{ is_storable: false }`, `{ tracking: 'lot' }`, `{ is_kits: true }`. */
  setProduct(sku: string, fields: Record<string, unknown>): void;
  /** The product's quants (all locations). */
  quants(sku: string): Row[];
  /** Moves `delta` units into the product's WH/Stock quant just before the next apply (a delivery validated meanwhile). */
  moveDuringNextApply(sku: string, delta: number): void;
  reset(): void;
}

export function attachOdooStock(store: OdooMockStore): OdooMockStock {
  const read = store.searchRead.bind(store);
  const reset = store.reset.bind(store);
  const product = (sku: string): Row => {
    const found = store.table('product.product').find((p) => p.default_code === sku);
    if (!found) throw new Error(`the Odoo mock has no product ${sku}`);
    return found;
  };
  const looseQuant = (productId: number): Row | undefined => store.table('stock.quant').find((q) =>
    q.product_id === productId && q.location_id === MOCK_LOCATIONS.stock.id && !q.lot_id && !q.package_id && !q.owner_id);

  const seed = (): void => {
    store.tables.set('stock.location', Object.values(MOCK_LOCATIONS).map((l) => ({ ...l })));
    store.tables.set('stock.quant', []);
    store.tables.set('stock.move', []);
    for (const p of store.table('product.product')) {
      const service = SERVICES.has(String(p.default_code ?? ''));
      Object.assign(p, { type: service ? 'service' : 'consu', is_storable: !service, tracking: 'none' });
      if (!service) newQuant(store, p.id, MOCK_LOCATIONS.stock.id, MOCK_ON_HAND);
    }
  };
  const refresh = (): void => {
    const confirmed = new Set(store.table('sale.order').filter((o) => o.state === 'sale').map((o) => o.id));
    const internal = new Set(store.table('stock.location').filter((l) => l.usage === 'internal').map((l) => l.id));
    for (const p of store.table('product.product')) {
      p.qty_available = store.table('stock.quant')
        .filter((q) => q.product_id === p.id && internal.has(Number(q.location_id)))
        .reduce((sum, q) => sum + Number(q.quantity ?? 0), 0);
      p.outgoing_qty = store.table('sale.order.line')
        .filter((line) => line.product_id === p.id && confirmed.has(Number(line.order_id)))
        .reduce((sum, line) => sum + Number(line.product_uom_qty ?? 0), 0);
    }
  };
  store.searchRead = (model, kw) => {
    if (model === 'product.product') refresh();
    return read(model, kw);
  };
  store.reset = () => { reset(); seed(); };
  seed();

  return {
    setOnHand: (sku, quantity) => {
      const { id } = product(sku);
      const quant = looseQuant(id);
      if (quantity === 0 && quant) store.tables.set('stock.quant', store.table('stock.quant').filter((q) => q !== quant));
      else if (quant) quant.quantity = quantity;
      else if (quantity !== 0) newQuant(store, id, MOCK_LOCATIONS.stock.id, quantity);
    },
    onHand: () => {
      refresh();
      return Object.fromEntries(store.table('product.product').filter((p) => p.type !== 'service').map((p) => [String(p.default_code), Number(p.qty_available)]));
    },
    setProduct: (sku, fields) => void Object.assign(product(sku), fields),
    quants: (sku) => store.table('stock.quant').filter((q) => q.product_id === product(sku).id),
    moveDuringNextApply: (sku, delta) => setBeforeNextApply(store, () => {
      const quant = looseQuant(product(sku).id);
      if (quant) quant.quantity = Number(quant.quantity) + delta;
    }),
    reset: () => store.reset(),
  };
}
