import { z } from 'zod';

export const ErpnextSettings = z.object({
  /** The site, e.g. https://erp.example.com */
  url: z.string().url(),
  /** User → Settings → API Access → Generate Keys; sent as `Authorization: token <key>:<secret>`. */
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1),
  /** Submit new Sales Orders (docstatus 1) instead of leaving them as drafts. */
  submit: z.boolean().default(false),
  /** Sales Order items need a Delivery Date: the order date plus this many days. */
  deliveryLeadDays: z.number().int().min(0).max(365).default(3),
  /** Customer used for orders without an email or name (e.g. a "Walk-in Customer"). */
  defaultCustomer: z.string().min(1).optional(),
  /** Customer Group / Territory for new customers; Selling Settings' defaults apply when unset. */
  customerGroup: z.string().min(1).optional(),
  territory: z.string().min(1).optional(),
  /** Account head for an "Actual" shipping charge row in Sales Taxes and Charges; no row when unset. */
  shippingAccount: z.string().min(1).optional(),
  /** Company of the Sales Order; the API user's default company applies when unset. */
  company: z.string().min(1).optional(),
  /**
   * Stock target (`stock.targets`): the leaf Warehouse whose on-hand quantity ordersync sets, by its
   * full name with the company abbreviation (e.g. `Stores - OS`). Required for pushStock.
   */
  stockWarehouse: z.string().min(1).optional(),
  /**
   * The Stock Reconciliation's Difference Account; the company's Stock Adjustment Account when unset.
   * A site's first stock transaction needs an Asset/Liability account here (e.g. `Temporary Opening - OS`).
   */
  stockDifferenceAccount: z.string().min(1).optional(),
  allowInsecure: z.boolean().default(false),
});

export type ErpnextSettings = z.infer<typeof ErpnextSettings>;
