import { z } from 'zod';

export const TrytonSettings = z.object({
  /** The trytond server's base URL, e.g. https://erp.example.com:8000 (no database in it). */
  url: z.string().url(),
  /** The database name: every call goes to POST /<database>/. */
  database: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
  /** Language code sent with common.db.login (messages in errors come back in it). */
  language: z.string().min(2).default('en'),
  /**
   * How far ordersync takes a new sale: `draft`, `quotation` (numbered, still editable by
   * ordersync) or `confirmed` (Tryton then processes it; ordersync can no longer edit or cancel it).
   */
  saleState: z.enum(['draft', 'quotation', 'confirmed']).default('quotation'),
  /** A line whose SKU matches no salable product: reject the delivery, or add a product-less line. */
  unknownSku: z.enum(['reject', 'freeText']).default('reject'),
  /** Add the order's shipping as a product-less line (Tryton's sale module has no shipping field). */
  shippingLine: z.boolean().default(true),
  /** Add the order's discounts as one negative product-less line. */
  discountLine: z.boolean().default(true),
  /**
   * Add the channel's tax as a product-less line. Off by default: Tryton computes taxes from its
   * own tax rules; turn it on only where Tryton holds no taxes, so the sale total matches the order.
   */
  taxLine: z.boolean().default(false),
  lineLabels: z.object({
    shipping: z.string().default('Shipping'),
    discount: z.string().default('Discount'),
    tax: z.string().default('Tax'),
  }).default({ shipping: 'Shipping', discount: 'Discount', tax: 'Tax' }),
  /** The company id to sell from; default: the user's current company (res.user preferences). */
  company: z.number().int().positive().optional(),
  /**
   * When Tryton is named in `stock.targets`: the warehouse (its code, else its name) whose storage
   * location takes the pushed quantities; default: the first warehouse (lowest id).
   */
  stockWarehouse: z.string().trim().min(1).optional(),
  allowInsecure: z.boolean().default(false),
});

export type TrytonSettings = z.infer<typeof TrytonSettings>;
