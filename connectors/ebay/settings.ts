import { z } from 'zod';

// Scopes that may read orders: getOrders accepts either (spec securitySchemes / operation security).
export const READ_SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly';
export const WRITE_SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.fulfillment';
// bulkUpdatePriceQuantity requires sell.inventory (Inventory API spec: the operation's `security`);
// the seller must have consented to it when the refresh token was minted.
export const INVENTORY_SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.inventory';

export const EbaySettings = z.object({
  /** API host: https://api.ebay.com (production) or https://api.sandbox.ebay.com; the mock's URL in demos. */
  url: z.string().url().default('https://api.ebay.com'),
  /** App ID (Client ID) and Cert ID (Client Secret) of the eBay application keyset. */
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The seller's long-lived refresh token from the authorization-code grant. */
  refreshToken: z.string().min(1),
  /** Scopes asked for on each refresh; must be a subset of those the seller consented to. */
  scopes: z.array(z.string().min(1)).min(1).default([READ_SCOPE]),
  /** Orders per getOrders call: eBay allows 1–200, default 50 (spec: /order `limit`). 200 spends the daily quota slowest. */
  pageSize: z.number().int().min(1).max(200).default(200),
  /** Each pull re-reads this far behind the cursor, to catch orders eBay indexed late. */
  overlapSeconds: z.number().int().min(0).default(300),
  /** The window ends this far behind now, so that no order enters it while it is paged (our choice, not an eBay figure). */
  safetyLagSeconds: z.number().int().min(0).default(120),
  /** A window longer than this is pulled slice by slice, each slice committing the cursor when done. */
  sliceHours: z.number().int().min(1).max(24 * 30).default(24),
  /** First pull without a cursor or --since: how far back. getOrders reaches back two years at most (spec). */
  initialLookbackDays: z.number().int().min(1).max(730).default(90),
  /** Timeout of the token request (the order calls use the runtime's timeoutSeconds). */
  allowInsecure: z.boolean().default(false),
});

export type EbaySettings = z.infer<typeof EbaySettings>;
