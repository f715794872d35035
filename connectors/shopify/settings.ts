import { z } from 'zod';
import { MAX_SINGLE_QUERY_COST } from './query-cost.js';

// Stable versions are YYYY-01/04/07/10 plus `unstable` (shopify-api-js ApiVersion enum; apis.md §1.1).
const API_VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;

export const ShopifySettings = z.object({
  /** The shop's admin origin, e.g. https://my-shop.myshopify.com */
  shopUrl: z.string().url(),
  /** An Admin API access token with `read_orders` (and `read_all_orders` for orders older than 60 days). */
  accessToken: z.string().min(1),
  apiVersion: z.string().regex(API_VERSION, 'expected YYYY-MM (a quarterly release) or "unstable"').default('2026-01'),
  /**
   * Orders asked for per page. `first` may be at most 250 (shopify.dev/docs/api/usage/limits);
   * each page is also cut down so its requested cost stays within `maxQueryCost`.
   */
  pageSize: z.number().int().min(1).max(250).default(250),
  /** Line items fetched with each order; larger orders get their remaining lines in follow-up queries. */
  lineItemsPerOrder: z.number().int().min(1).max(250).default(5),
  /** Each pull re-reads this far behind the cursor, to catch orders that reached the search index late. */
  overlapSeconds: z.number().int().min(0).default(300),
  /** First pull without `--since`: how far back to look; unset pulls every order the token can read. */
  initialLookbackDays: z.number().positive().optional(),
  /** Shopify refuses a single query above 1,000 points (MAX_COST_EXCEEDED). */
  maxQueryCost: z.number().int().min(10).max(MAX_SINGLE_QUERY_COST).default(MAX_SINGLE_QUERY_COST),
  /** How many THROTTLED answers in a row are waited out before the pull gives up. */
  maxThrottleRetries: z.number().int().min(0).default(8),
  allowInsecure: z.boolean().default(false),
  /** fulfillmentCreate's notifyCustomer: Shopify sends the customer its shipping e-mail (its own default is false). */
  notifyCustomer: z.boolean().default(true),
});

export type ShopifySettings = z.infer<typeof ShopifySettings>;
