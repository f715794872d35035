import { z } from 'zod';

// Vendure's default `apiOptions.adminListQueryLimit`: a larger `take` is refused with
// "Cannot take more than 1000 results from a list query" (config/default-config.ts).
export const VENDURE_LIST_QUERY_LIMIT = 1000;

export const VendureSettings = z
  .object({
    /** The server's base URL, e.g. https://shop.example.com (the Admin API lives under it). */
    url: z.string().url(),
    /** `apiOptions.adminApiPath` of the server (default `admin-api`). */
    adminApiPath: z.string().default('/admin-api'),
    /** An administrator's login (the `login` mutation; the session token comes back in a header). */
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** Or an API key (Vendure ≥ 3.6 with `authOptions.tokenMethod` including 'api-key'). */
    apiKey: z.string().min(1).optional(),
    /** `authOptions.apiKeyHeaderKey` of the server. */
    apiKeyHeader: z.string().min(1).default('vendure-api-key'),
    /** The channel's token (`vendure-token` header); the default channel when omitted. */
    channelToken: z.string().min(1).optional(),
    /** Orders per request; at most the server's `adminListQueryLimit`. */
    pageSize: z.number().int().min(1).default(100),
    /** The server's `apiOptions.adminListQueryLimit`, if it was changed. */
    listQueryLimit: z.number().int().min(1).default(VENDURE_LIST_QUERY_LIMIT),
    /** Each pull re-reads this far behind the cursor, to catch orders saved late. */
    overlapSeconds: z.number().int().min(0).default(300),
    /** `entityOptions.moneyStrategy.precision` of the server (decimals in its Money integers). */
    moneyPrecision: z.number().int().min(0).max(8).default(2),
    allowInsecure: z.boolean().default(false),
  })
  .refine((s) => s.apiKey !== undefined || (s.username !== undefined && s.password !== undefined), {
    message: 'give either apiKey, or username and password',
  })
  .refine((s) => s.pageSize <= s.listQueryLimit, { message: 'pageSize cannot exceed listQueryLimit', path: ['pageSize'] });

export type VendureSettings = z.infer<typeof VendureSettings>;
