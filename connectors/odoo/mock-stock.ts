// Stock in the Odoo mock: product.product answers `qty_available` (seeded, settable by tests),
// `outgoing_qty` (the lines of confirmed sale orders, which Odoo would deliver) and `type`.
import { MOCK_SERVICE_CODES } from './mock-data.js';
import type { OdooMockStore } from './mock-store.js';

// Enough for the demo's few hundred orders (config.example.yml pushes what is left to every channel).
export const MOCK_ON_HAND = 500;
const SERVICES = new Set(MOCK_SERVICE_CODES);

export interface OdooMockStock {
  /** Sets a product's on-hand quantity (by Internal Reference). */
  setOnHand(sku: string, quantity: number): void;
  onHand(): Record<string, number>;
  reset(): void;
}

export function attachOdooStock(store: OdooMockStore): OdooMockStock {
  let onHand = new Map<string, number>();
  const read = store.searchRead.bind(store);
  const reset = store.reset.bind(store);

  const refresh = (): void => {
    const confirmed = new Set(store.table('sale.order').filter((o) => o.state === 'sale').map((o) => o.id));
    for (const product of store.table('product.product')) {
      const code = String(product.default_code ?? '');
      product.type = SERVICES.has(code) ? 'service' : 'consu';
      product.qty_available = product.type === 'service' ? 0 : onHand.get(code) ?? MOCK_ON_HAND;
      product.outgoing_qty = store.table('sale.order.line')
        .filter((line) => line.product_id === product.id && confirmed.has(Number(line.order_id)))
        .reduce((sum, line) => sum + Number(line.product_uom_qty ?? 0), 0);
    }
  };
  store.searchRead = (model, kw) => {
    if (model === 'product.product') refresh();
    return read(model, kw);
  };
  store.reset = () => { reset(); onHand = new Map(); };

  return {
    setOnHand: (sku, quantity) => void onHand.set(sku, quantity),
    onHand: () => {
      refresh();
      return Object.fromEntries(store.table('product.product').filter((p) => p.type !== 'service').map((p) => [String(p.default_code), Number(p.qty_available)]));
    },
    reset: () => { onHand = new Map(); },
  };
}
