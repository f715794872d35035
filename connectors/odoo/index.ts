// Odoo target: sale.order with its lines over the External JSON-2 API (Odoo 19+), or the legacy
// JSON-RPC API for Odoo ≤ 18 (`protocol: jsonrpc`).
import { defineTarget } from '../../src/connector-kit/index.js';
import { odooClient } from './client.js';
import { deliverToOdoo } from './deliver.js';
import { OdooError, odooOutcome } from './errors.js';
import { createOdooMock } from './mock.js';
import { OdooSettings } from './settings.js';
import { pullOdooStock } from './stock.js';
import { pushOdooStock } from './stock-push.js';

export const odooTarget = defineTarget({
  id: 'odoo',
  displayName: 'Odoo',
  docsUrl: 'https://www.odoo.com/documentation/19.0/developer/reference/external_api.html',
  settings: OdooSettings,
  // Odoo core has no request rate limit (only a failed-login cooldown), so these are courtesy
  // defaults: each JSON-2 call is its own transaction and a delivery makes 3–7 calls.
  rateLimit: { concurrency: 2, intervalCap: 10, interval: 1_000 },
  // res.users/context_get needs no id and proves the key (external_api.rst, "Common service").
  async verify(ctx) {
    try {
      await odooClient(ctx).call({ model: 'res.users', method: 'context_get' });
    } catch (error) {
      const outcome = odooOutcome(error);
      if (error instanceof OdooError && 'reason' in outcome) throw new Error(outcome.reason);
      throw error;
    }
  },
  deliver: deliverToOdoo,
  pullStock: pullOdooStock,
  // When Odoo is in `stock.targets` (not the source): on hand per SKU in `stockLocation` (README).
  pushStock: pushOdooStock,
  mock: createOdooMock,
});
