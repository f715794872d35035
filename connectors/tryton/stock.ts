// Tryton (6.0) as the stock source: per warehouse, each goods product's quantity in the
// warehouse's storage location (and its children), by product code. Tryton computes
// `quantity` and `forecast_quantity` (Function fields of product.product in the stock module)
// over the locations named in the call's context (`locations`): `quantity` counts done moves up
// to today; `forecast_quantity` (`forecast`, stock_date_end = date.max) also counts every planned
// move, outgoing shipments of processed sales included (trytond modules/stock StockMixin
// `_quantity_context`, move.py / product.py). onHand = min(quantity, forecast_quantity): what
// is there less what planned shipments will take out (as Odoo's qty_available − outgoing_qty),
// never more than is physically there (a planned receipt does not make stock sellable early).
// https://docs.tryton.org/projects/server/en/6.0/topics/rpc.html ; https://docs.tryton.org/projects/modules-stock/en/6.0/
import type { ConnectorContext, StockPage, StockReading } from '../../src/connector-kit/index.js';
import { trytonClient, type TrytonClient } from './client.js';
import type { TrytonSettings } from './settings.js';
import { listWarehouses, warehouseLabel } from './warehouse.js';

const PAGE = 500;

export async function* pullTrytonStock(ctx: ConnectorContext<TrytonSettings>): AsyncIterable<StockPage> {
  const client = trytonClient(ctx);
  const warehouses = await listWarehouses(client);
  let yielded = false;
  for (const warehouse of warehouses) {
    const storage = warehouse.storage_location;
    const label = warehouseLabel(warehouse);
    if (typeof storage !== 'number') {
      ctx.log.warn(`target ${ctx.name}: skipped Tryton warehouse ${label}: no storage location`);
      continue;
    }
    for await (const levels of readWarehouse(ctx, client, storage, label)) {
      yielded = true;
      yield { levels };
    }
  }
  // No warehouse at all (or none usable): still one answer, empty; the engine judges it.
  if (!yielded) yield { levels: [] };
}

async function* readWarehouse(ctx: ConnectorContext<TrytonSettings>, client: TrytonClient, storage: number, label: string): AsyncIterable<StockReading[]> {
  for (let offset = 0; ; offset += PAGE) {
    // Services and assets hold no stock; products without a code have no SKU.
    const rows = await client.model<Record<string, unknown>[]>('product.product', 'search_read',
      [[['type', '=', 'goods'], ['code', '!=', null]], offset, PAGE, [['id', 'ASC']], ['code', 'quantity', 'forecast_quantity']],
      { locations: [storage] });
    if (!Array.isArray(rows)) throw new Error('Tryton product.product.search_read did not answer with a list');
    const levels: StockReading[] = [];
    for (const row of rows) {
      const level = toStockReading(row, label);
      if (typeof level === 'string') ctx.log.warn(`target ${ctx.name}: skipped a Tryton product in ${label}: ${level}`, { id: Number(row?.id) });
      else levels.push(level);
    }
    yield levels;
    if (rows.length < PAGE) return;
  }
}

/** A level, or why the row cannot be one. */
export function toStockReading(row: Record<string, unknown>, location: string): StockReading | string {
  if (!row || typeof row !== 'object') return 'not an object';
  const { code, quantity, forecast_quantity: forecast } = row;
  if (typeof code !== 'string' || code.trim() === '') return `product ${String(row.id)} has no code`;
  const onHand = Number(quantity);
  const planned = forecast === null || forecast === undefined ? onHand : Number(forecast);
  if (quantity === null || quantity === undefined || !Number.isFinite(onHand)) return `${code}: quantity ${String(quantity)} is not a number`;
  if (!Number.isFinite(planned)) return `${code}: forecast_quantity ${String(forecast)} is not a number`;
  // Floats in the product's default unit; a part unit cannot be sold.
  return { sku: code, location, onHand: Math.floor(Math.min(onHand, planned) + 1e-9) };
}
