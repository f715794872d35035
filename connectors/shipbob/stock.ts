// ShipBob as the stock source: one network-wide level per inventory item, by its SKU, from
// GET /{version}/inventory-level ("Get All Inventory Levels": inventory_id, name, sku and
// total_{on_hand,committed,fulfillable,awaiting,exception,sellable}_quantity per item, paged by
// `next` links). https://developer.shipbob.com/2026-01/api/inventory/get-all-inventory-levels
// onHand = `total_fulfillable_quantity`: "on-hand minus committed", committed being "reserved for
// existing orders" (…/get-inventory-levels; developer.shipbob.com/guides: "Fulfillable quantities
// are everything stocked at the warehouse minus quantities committed to orders"). An order
// ordersync created in ShipBob is committed at once, so it is counted as soon as it is delivered,
// like Odoo's `qty_available − outgoing_qty`. Not `total_sellable_quantity` (adds stock still
// awaited at receiving) and not on hand (would count committed units twice).
import type { ConnectorContext, StockPage, StockReading } from '../../src/connector-kit/index.js';
import { READ_RETRIES, shipbobHttp } from './client.js';
import type { ShipBobSettings } from './settings.js';

export const STOCK_LOCATION = 'shipbob';
// The page size is not documented for inventory-level; 1.0's /inventory allowed 1–250 (UNCONFIRMED here).
const PAGE_SIZE = 250;

export async function* pullShipBobStock(ctx: ConnectorContext<ShipBobSettings>): AsyncIterable<StockPage> {
  const version = ctx.settings.apiVersion;
  // 1.0's GET /1.0/inventory has no SKU on an inventory item (name only); Inventory Levels came later.
  if (version === '1.0') throw new Error('ShipBob stock needs apiVersion 2.0 or later (1.0 inventory items carry no SKU)');
  const http = shipbobHttp(ctx, READ_RETRIES);
  let path = `/${version}/inventory-level`;
  // Digital items hold no stock.
  let query: Record<string, string | number | boolean> = { PageSize: PAGE_SIZE, IsDigital: false };
  for (let pages = 0; pages < 10_000; pages++) {
    const response = await http.request<{ items?: unknown; next?: unknown }>({ method: 'GET', path, query });
    const items = response.data?.items;
    if (!Array.isArray(items)) throw new Error(`ShipBob GET ${path} did not answer {"items": [...]}`);
    const levels: StockReading[] = [];
    for (const item of items) {
      const level = toStockReading(item);
      if (typeof level === 'string') ctx.log.warn(`target ${ctx.name}: skipped a ShipBob inventory item: ${level}`);
      else levels.push(level);
    }
    yield { levels };
    const next = nextPage(response.data?.next, ctx.settings.url, version);
    if (!next || items.length === 0) return;
    ({ path, query } = next);
  }
  throw new Error('ShipBob inventory-level paging did not end after 10000 pages');
}

/** Follows `next` on our own base URL only: the token never goes to another host. */
function nextPage(next: unknown, baseURL: string, version: string): { path: string; query: Record<string, string> } | undefined {
  if (typeof next !== 'string' || next === '') return undefined;
  const url = new URL(next, baseURL);
  const base = new URL(baseURL);
  if (url.origin !== base.origin || !url.pathname.startsWith(`/${version}/`)) throw new Error(`ShipBob sent a next page outside the API: ${url.origin}${url.pathname}`);
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

/** A level, or why the item cannot be one. */
export function toStockReading(item: unknown): StockReading | string {
  if (!item || typeof item !== 'object') return 'not an object';
  const { inventory_id: id, sku, total_fulfillable_quantity: fulfillable } = item as Record<string, unknown>;
  if (typeof sku !== 'string' || sku.trim() === '') return `inventory item ${String(id)} has no sku`;
  if (typeof fulfillable !== 'number' || !Number.isFinite(fulfillable)) return `${sku}: total_fulfillable_quantity ${String(fulfillable)} is not a number`;
  return { sku, location: STOCK_LOCATION, onHand: Math.floor(fulfillable) };
}
