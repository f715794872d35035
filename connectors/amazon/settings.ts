import { z } from 'zod';

// searchOrders usage plan: rate 0.0056 requests/s, burst 20 (the operation's "Usage Plan" table in
// orders-api-model/orders_2026-01-01.json; https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits-in-the-sp-api).
export const SEARCH_ORDERS_RATE = { ratePerSecond: 0.0056, burst: 20 } as const;

// patchListingsItem usage plan: rate 5 requests/s, burst 5 (the operation's "Usage Plan" table in
// listings-items-api-model/listingsItems_2021-08-01.json; getListingsItem is 5/s burst 10).
export const PATCH_LISTINGS_RATE = { ratePerSecond: 5, burst: 5 } as const;

export const AmazonSettings = z.object({
  /** The regional SP-API host: -na, -eu or -fe (README). */
  endpoint: z.string().url().default('https://sellingpartnerapi-na.amazon.com'),
  /** Login with Amazon's token endpoint. */
  tokenUrl: z.string().url().default('https://api.amazon.com/auth/o2/token'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Empty: every marketplace the seller sells in (the parameter is optional in 2026-01-01; at most 50). */
  marketplaceIds: z.array(z.string().min(1)).max(50).default([]),
  /** maxResultsPerPage: 1–100, default 100 (searchOrders parameter). */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Each pull re-reads this far behind the cursor, to catch orders Amazon records late. */
  overlapSeconds: z.number().int().min(0).default(300),
  /**
   * How far behind now the window ends: Amazon rejects a lastUpdatedBefore less than two minutes
   * before the request (searchOrders `lastUpdatedBefore` description).
   */
  safetyLagSeconds: z.number().int().min(120).default(120),
  /** First pull without a cursor or --since: how far back to look (the API keeps two years). */
  initialLookbackDays: z.number().positive().max(730).default(30),
  /** Our own pacing for searchOrders; raise it only if Amazon granted your app a higher plan. */
  rateLimit: z.object({
    ratePerSecond: z.number().positive().default(SEARCH_ORDERS_RATE.ratePerSecond),
    burst: z.number().int().positive().default(SEARCH_ORDERS_RATE.burst),
  }).default({ ...SEARCH_ORDERS_RATE }),
  /**
   * The seller's merchant token (Seller Central → Settings → Account Info → Merchant Token): the
   * {sellerId} of the Listings Items API paths. Needed only for stock push.
   */
  sellerId: z.string().regex(/^[A-Za-z0-9]{2,40}$/, 'an Amazon merchant token: letters and digits only').optional(),
  /**
   * productType sent with each listings patch (required by ListingsItemPatchRequest). PRODUCT is
   * the generic type, enough for an offer-only attribute such as fulfillment_availability.
   */
  productType: z.string().min(1).default('PRODUCT'),
  /** Our own pacing for patchListingsItem; raise it only if Amazon granted your app a higher plan. */
  stockRateLimit: z.object({
    ratePerSecond: z.number().positive().default(PATCH_LISTINGS_RATE.ratePerSecond),
    burst: z.number().int().positive().default(PATCH_LISTINGS_RATE.burst),
  }).strict().default({ ...PATCH_LISTINGS_RATE }),
  /**
   * Stock push: above this many SKU × marketplace updates in one push, a JSON_LISTINGS_FEED per
   * marketplace replaces the per-SKU patches (README "Stock push by feed"); 0 always uses feeds.
   */
  stockFeedThreshold: z.number().int().min(0).default(200),
  /** How long (ctx.clock) a push waits for its feeds' processing reports; unfinished feeds are `retry`. */
  stockFeedTimeoutSeconds: z.number().int().min(10).max(3600).default(600),
  allowInsecure: z.boolean().default(false),
});

export type AmazonSettings = z.infer<typeof AmazonSettings>;
