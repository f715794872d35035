import { z } from 'zod';

export const OdooSettings = z
  .object({
    /** The Odoo server, e.g. https://mycompany.odoo.com */
    url: z.string().url(),
    /** An API key (Preferences → Account Security → New API Key); keys live at most 3 months. */
    apiKey: z.string().min(1),
    /** Sent as X-Odoo-Database; needed only when one server hosts several databases (JSON-RPC: always). */
    database: z.string().min(1).optional(),
    /** `json2` for Odoo 19+ (/json/2), `jsonrpc` for Odoo ≤ 18 (/jsonrpc, deprecated since 19.0). */
    protocol: z.enum(['json2', 'jsonrpc']).default('json2'),
    /** JSON-RPC only: the login of the user the API key belongs to. */
    login: z.string().min(1).optional(),
    /** Confirm new orders (`action_confirm`) instead of leaving them as quotations. */
    confirm: z.boolean().default(false),
    /** default_code of a service product used for a shipping line; no shipping line when unset. */
    shippingProductCode: z.string().min(1).optional(),
    /** default_code of a service product for lines without a SKU (gift wrap, fees, tips); such lines are refused when unset. */
    chargeProductCode: z.string().min(1).optional(),
    /** Pricelist per order currency (the order's currency follows its pricelist in Odoo). */
    pricelistIds: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().positive()).default({}),
    /**
     * Stock pushed to Odoo (`stock.targets`): the internal stock.location whose on-hand quantity is set,
     * by its full name as Inventory → Configuration → Locations shows it (`complete_name`) or by id.
     */
    stockLocation: z.union([z.string().min(1), z.number().int().positive()]).default('WH/Stock'),
    allowInsecure: z.boolean().default(false),
  })
  .superRefine((settings, ctx) => {
    if (settings.protocol !== 'jsonrpc') return;
    if (!settings.database) ctx.addIssue({ code: 'custom', path: ['database'], message: 'JSON-RPC needs the database name' });
    if (!settings.login) ctx.addIssue({ code: 'custom', path: ['login'], message: 'JSON-RPC needs the login of the API key\'s user' });
  });

export type OdooSettings = z.infer<typeof OdooSettings>;
