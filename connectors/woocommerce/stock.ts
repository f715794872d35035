// Stock push to WooCommerce: find each SKU's product (or variation) id, then set `stock_quantity`
// through the batch endpoints, at most 100 objects a call (WC_REST_Controller::check_batch_limit,
// filter `woocommerce_rest_batch_items_limit`; apis.md §2). Per-item errors come back inline.
import { HttpError, type ConnectorContext, type HttpClient, type StockPushResult, type StockUpdate } from '../../src/connector-kit/index.js';
import { wooClient } from './client.js';
import type { WooSettings } from './settings.js';

const API = '/wp-json/wc/v3';
const BATCH_LIMIT = 100;
const PAGE = 100; // per_page is 1–100 in the CRUD controller's collection params

interface WooStockItem { id: number; sku: string; parentId: number }
interface BatchAnswer { id?: number; error?: { code?: string; message?: string; data?: { status?: number } } }

export async function pushWooStock(ctx: ConnectorContext<WooSettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const http = wooClient(ctx);
  const items = await findBySku(http, updates.map((u) => u.sku));
  const results: StockPushResult[] = [];
  const groups = new Map<number, { item: WooStockItem; update: StockUpdate }[]>();
  for (const update of updates) {
    const item = items.get(update.sku);
    if (!item) {
      results.push({ sku: update.sku, status: 'rejected', reason: `unknown SKU: no WooCommerce product or variation has SKU "${update.sku}"` });
      continue;
    }
    const group = groups.get(item.parentId) ?? [];
    group.push({ item, update });
    groups.set(item.parentId, group);
  }
  for (const [parentId, group] of groups) {
    // Products go to /products/batch; variations to their parent's /variations/batch.
    const path = parentId === 0 ? `${API}/products/batch` : `${API}/products/${parentId}/variations/batch`;
    for (let i = 0; i < group.length; i += BATCH_LIMIT) results.push(...(await sendBatch(http, path, group.slice(i, i + BATCH_LIMIT))));
  }
  return results;
}

// POST /products/batch and /products/<id>/variations/batch —
// https://woocommerce.github.io/woocommerce-rest-api-docs/#batch-update-products
async function sendBatch(http: HttpClient, path: string, group: { item: WooStockItem; update: StockUpdate }[]): Promise<StockPushResult[]> {
  const update = group.map(({ item, update: u }) => ({ id: item.id, manage_stock: true, stock_quantity: u.quantity }));
  let answers: BatchAnswer[];
  try {
    const response = await http.request<{ update?: BatchAnswer[] }>({ method: 'POST', path, body: { update } });
    answers = Array.isArray(response.data?.update) ? response.data.update : [];
  } catch (error) {
    if (!(error instanceof HttpError) || error.status === 401 || error.status === 403) throw error;
    const status = error.transient ? 'retry' : 'rejected';
    return group.map(({ update: u }) => ({ sku: u.sku, status, reason: error.message }));
  }
  return group.map(({ item, update: u }, index) => {
    const answer = answers.find((a) => a.id === item.id) ?? answers[index];
    if (!answer) return { sku: u.sku, status: 'retry', reason: 'WooCommerce answered the batch without this item' };
    if (!answer.error) return { sku: u.sku, status: 'ok' };
    const status = answer.error.data?.status ?? 400;
    const reason = `WooCommerce refused id ${item.id}: ${answer.error.code ?? 'error'}: ${answer.error.message ?? 'no message'}`;
    return { sku: u.sku, status: status >= 500 ? 'retry' : 'rejected', reason };
  });
}

/** Product ids by SKU, then variations of variable products for the SKUs still missing. */
async function findBySku(http: HttpClient, skus: string[]): Promise<Map<string, WooStockItem>> {
  const found = new Map<string, WooStockItem>();
  const unique = [...new Set(skus)];
  // A comma-separated `sku` matches any of them (WC_REST_Products_V2_Controller::prepare_objects_query).
  for (let i = 0; i < unique.length; i += PAGE) {
    for (const product of await listAll(http, `${API}/products`, { sku: unique.slice(i, i + PAGE).join(',') })) {
      if (typeof product.sku === 'string' && product.sku) found.set(product.sku, { id: Number(product.id), sku: product.sku, parentId: 0 });
    }
  }
  const missing = unique.filter((sku) => !found.has(sku));
  if (missing.length === 0) return found;
  // /products lists no variations (woocommerce/woocommerce#31370): ask each variable product.
  for (const parent of await listAll(http, `${API}/products`, { type: 'variable' })) {
    for (let i = 0; i < missing.length; i += PAGE) {
      const variations = await listAll(http, `${API}/products/${Number(parent.id)}/variations`, { sku: missing.slice(i, i + PAGE).join(',') });
      for (const v of variations) {
        if (typeof v.sku === 'string' && v.sku) found.set(v.sku, { id: Number(v.id), sku: v.sku, parentId: Number(parent.id) });
      }
    }
  }
  return found;
}

// GET /products and /products/<id>/variations — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-products
async function listAll(http: HttpClient, path: string, query: Record<string, string>): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const response = await http.request<unknown>({ method: 'GET', path, query: { ...query, per_page: PAGE, page } });
    if (!Array.isArray(response.data)) throw new Error(`${path} did not answer with a list`);
    all.push(...(response.data as Record<string, unknown>[]));
    const pages = Number(response.headers['x-wp-totalpages'] ?? 1);
    if (page >= pages || response.data.length < PAGE) return all;
  }
}
