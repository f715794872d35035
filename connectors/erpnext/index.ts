// ERPNext (Frappe) target: Sales Orders through the Frappe REST API v1 (/api/resource, /api/method);
// also a stock source (Bins) or a stock target (Stock Reconciliations).
import { defineTarget } from '../../src/connector-kit/index.js';
import { erpnextClient, loggedUser } from './client.js';
import { deliverToErpnext } from './deliver.js';
import { erpnextOutcome, failureOf } from './errors.js';
import { createErpnextMock } from './mock.js';
import { ErpnextSettings } from './settings.js';
import { pullErpnextStock } from './stock.js';
import { pushErpnextStock } from './stock-push.js';

export const erpnextTarget = defineTarget({
  id: 'erpnext',
  displayName: 'ERPNext',
  docsUrl: 'https://docs.frappe.io/framework/user/en/api/rest',
  settings: ErpnextSettings,
  // Frappe has no per-request limit by default; a site may set `rate_limit` (seconds of request
  // time per window, frappe/rate_limiter.py) and then answers 429 + Retry-After, which we honour.
  // Modest defaults for a typical self-hosted site with a few gunicorn workers.
  rateLimit: { concurrency: 2, intervalCap: 10, interval: 1_000 },
  async verify(ctx) {
    try {
      await loggedUser(erpnextClient(ctx));
    } catch (error) {
      const outcome = erpnextOutcome(error);
      throw failureOf(error) && 'reason' in outcome ? new Error(outcome.reason) : error;
    }
  },
  deliver: deliverToErpnext,
  pullStock: pullErpnextStock,
  // When named in `stock.targets`: Stock Reconciliations in `stockWarehouse` (stock-push.ts).
  pushStock: pushErpnextStock,
  mock: createErpnextMock,
});
