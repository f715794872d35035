// The mock store's catalogue and stock: products and variations with `stock_quantity`, looked up
// by SKU, set through the batch endpoints with WooCommerce's limit (100) and inline item errors.
import { json, route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { MOCK_PRODUCTS } from './mock-data.js';

const API = '/wp-json/wc/v3';
const BATCH_LIMIT = 100;
export const MOCK_INITIAL_STOCK = 25;

interface MockProduct { id: number; parent_id: number; type: 'simple' | 'variable' | 'variation'; sku: string; name: string; manage_stock: boolean; stock_quantity: number | null }

/**
 * `catalogue`: SKUs to stock as simple products (ids 1…n) instead of mock-data.ts's products and
 * variations, for benchmarks that need thousands of SKUs.
 */
export function createWooStock(catalogue?: readonly string[]) {
  let products = new Map<number, MockProduct>();
  let batches: { path: string; items: number; errors: number }[] = [];
  let lookups = 0;

  function reset(): void {
    products = new Map();
    batches = [];
    lookups = 0;
    if (catalogue) {
      catalogue.forEach((sku, i) => add({ id: i + 1, parent_id: 0, type: 'simple', sku, name: sku }));
      return;
    }
    for (const p of MOCK_PRODUCTS) {
      if (p.variationId === 0) { add({ id: p.id, parent_id: 0, type: 'simple', sku: p.sku, name: p.name }); continue; }
      add({ id: p.id, parent_id: 0, type: 'variable', sku: '', name: p.name.replace(/ - .*$/, ''), manage_stock: false, stock_quantity: null });
      add({ id: p.variationId, parent_id: p.id, type: 'variation', sku: p.sku, name: p.name });
    }
  }
  const add = (p: Omit<MockProduct, 'manage_stock' | 'stock_quantity'> & Partial<MockProduct>): void =>
    void products.set(p.id, { manage_stock: true, stock_quantity: MOCK_INITIAL_STOCK, ...p });
  reset();

  const view = (p: MockProduct) => ({ ...p, stock_status: p.manage_stock && (p.stock_quantity ?? 0) <= 0 ? 'outofstock' : 'instock' });

  function list(request: MockRequest, candidates: MockProduct[]): MockResponse {
    lookups++;
    const perPage = Number(request.query.get('per_page') ?? '10');
    const page = Number(request.query.get('page') ?? '1');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return invalid('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
    const skus = request.query.get('sku')?.split(',');
    const type = request.query.get('type');
    const matching = candidates.filter((p) => (!skus || skus.includes(p.sku)) && (!type || p.type === type)).sort((a, b) => b.id - a.id);
    const pages = Math.ceil(matching.length / perPage);
    return json(200, matching.slice((page - 1) * perPage, page * perPage).map(view), { 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(pages) });
  }

  function batch(request: MockRequest, parentId: number): MockResponse {
    const body = (request.json ?? {}) as { create?: unknown[]; update?: { id?: unknown; stock_quantity?: unknown; manage_stock?: unknown }[]; delete?: unknown[] };
    const total = (body.create?.length ?? 0) + (body.update?.length ?? 0) + (body.delete?.length ?? 0);
    if (total > BATCH_LIMIT) {
      return json(413, { code: 'woocommerce_rest_request_entity_too_large', message: `Unable to accept more than ${BATCH_LIMIT} items for this request.`, data: { status: 413 } });
    }
    let errors = 0;
    const update = (body.update ?? []).map((item) => {
      const product = products.get(Number(item.id));
      const wrongKind = !product || (parentId === 0 ? product.type === 'variation' : product.parent_id !== parentId);
      if (wrongKind) {
        errors++;
        return { id: Number(item.id) || 0, error: { code: parentId === 0 ? 'woocommerce_rest_product_invalid_id' : 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.', data: { status: 400 } } };
      }
      if (item.stock_quantity !== undefined && (typeof item.stock_quantity !== 'number' || !Number.isInteger(item.stock_quantity))) {
        errors++;
        return { id: product.id, error: { code: 'rest_invalid_param', message: 'stock_quantity is not of type integer.', data: { status: 400 } } };
      }
      if (typeof item.manage_stock === 'boolean') product.manage_stock = item.manage_stock;
      if (typeof item.stock_quantity === 'number') product.stock_quantity = item.stock_quantity;
      return view(product);
    });
    batches.push({ path: request.path, items: total, errors });
    return json(200, { update });
  }

  return {
    routes(authorize: (request: MockRequest) => MockResponse | undefined): Route[] {
      const guarded = (handler: (request: MockRequest) => MockResponse) => (request: MockRequest) => authorize(request) ?? handler(request);
      return [
        route('GET', `${API}/products`, guarded((r) => list(r, [...products.values()].filter((p) => p.type !== 'variation')))),
        route('POST', `${API}/products/batch`, guarded((r) => batch(r, 0))),
        route('GET', `${API}/products/:id/variations`, guarded((r) => list(r, [...products.values()].filter((p) => p.parent_id === Number(r.params.id))))),
        route('POST', `${API}/products/:id/variations/batch`, guarded((r) => batch(r, Number(r.params.id)))),
      ];
    },
    state: () => ({
      stock: Object.fromEntries([...products.values()].filter((p) => p.sku).map((p) => [p.sku, p.stock_quantity])),
      stockBatches: batches.length,
      stockBatchItems: batches.reduce((n, b) => n + b.items, 0),
      stockBatchLog: batches.slice(-20),
      stockLookups: lookups,
    }),
    reset,
  };
}

function invalid(param: string, detail: string): MockResponse {
  return json(400, { code: 'rest_invalid_param', message: `Invalid parameter(s): ${param}`, data: { status: 400, params: { [param]: detail } } });
}
