// Odoo as the stock source: every stockable product's on-hand quantity less what confirmed
// orders will take out (`qty_available − outgoing_qty`, both computed fields of product.product
// in the stock module, over the company's internal locations). An order ordersync delivered and
// Odoo confirmed (`confirm: true`) is in `outgoing_qty` at once: that is what lets a delivered
// order stop reserving (src/ledger/migrations/004-stock.ts). Quotations are not counted by Odoo.
// https://www.odoo.com/documentation/19.0/developer/reference/external_api.html (search_read)
import type { ConnectorContext, StockPage } from '../../src/connector-kit/index.js';
import { odooClient } from './client.js';
import type { OdooSettings } from './settings.js';

const PAGE = 500;
export const STOCK_LOCATION = 'odoo';

interface ProductStock { id: number; default_code: string | false; qty_available: number; outgoing_qty: number }

export async function* pullOdooStock(ctx: ConnectorContext<OdooSettings>): AsyncIterable<StockPage> {
  const client = odooClient(ctx);
  for (let offset = 0; ; offset += PAGE) {
    const rows = await client.call<ProductStock[]>({
      model: 'product.product',
      method: 'search_read',
      // Services hold no stock; `type` exists in every version (consu/service, plus product ≤ 17).
      params: { domain: [['default_code', '!=', false], ['type', '!=', 'service']], fields: ['default_code', 'qty_available', 'outgoing_qty'], offset, limit: PAGE, order: 'id asc' },
    });
    if (!Array.isArray(rows)) throw new Error('product.product/search_read did not answer with a list');
    const levels = rows.filter((row) => typeof row.default_code === 'string' && row.default_code !== '').map((row) => ({
      sku: row.default_code as string,
      location: STOCK_LOCATION,
      // Quantities are floats in the product's unit; a part unit cannot be sold.
      onHand: Math.floor(Number(row.qty_available ?? 0) - Number(row.outgoing_qty ?? 0) + 1e-9),
    }));
    yield { levels };
    if (rows.length < PAGE) return;
  }
}
