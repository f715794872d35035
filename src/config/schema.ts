// The shape of ordersync's own configuration. Each connector's block is checked later by the
// connector's own settings schema; here only the keys every block shares.
import { z } from 'zod';
import { RouteSchema } from '../routing/rules.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'use letters, digits, - and _');

export const RateLimitSchema = z.strictObject({
  concurrency: z.number().int().positive().optional(),
  intervalCap: z.number().int().positive().optional(),
  /** Milliseconds. */
  interval: z.number().positive().optional(),
});

const common = {
  kind: z.string().min(1),
  /** A third-party connector: a module path (relative to the config file) or an npm package name. */
  connector: z.string().min(1).optional(),
  enabled: z.boolean().default(true),
  timeoutSeconds: z.number().positive().default(30),
};

export const ChannelBlockSchema = z.looseObject(common);
export const TargetBlockSchema = z.looseObject({ ...common, rateLimit: RateLimitSchema.optional() });

const sku = z.string().min(1).max(200);

/** Stock sync (README "Stock"): where on-hand comes from and how it becomes available-to-sell. */
export const StockSchema = z.strictObject({
  /** A target that reports stock (its name under `targets`), or a CSV file `sku,location,on_hand`. */
  source: z.union([name, z.strictObject({ csv: z.string().min(1) })]),
  /** Targets (ERP, WMS, webhook) that take the source's on-hand figures, as channels take available-to-sell. */
  targets: z.array(name).default([]),
  safetyStock: z.strictObject({
    default: z.number().int().min(0).default(0),
    skus: z.record(sku, z.number().int().min(0)).default({}),
  }).default({ default: 0, skus: {} }),
  /** Share of sellable units per channel, 0–1 (default 1). */
  allocation: z.record(name, z.number().min(0).max(1)).default({}),
  /** Per channel: channel SKU → master SKU. */
  skuMap: z.record(name, z.record(sku, sku)).default({}),
  /** More of the same from a CSV file `channel,channel_sku,master_sku` (relative to the config file). */
  skuMapCsv: z.string().min(1).optional(),
  /** Bundle SKU → component SKU → units per bundle. */
  bundles: z.record(sku, z.record(sku, z.number().int().positive())).default({}),
});

export const ConfigSchema = z.strictObject({
  database: z.string().min(1).default('./ordersync.db'),
  channels: z.record(name, ChannelBlockSchema).default({}),
  targets: z.record(name, TargetBlockSchema).default({}),
  routing: z.array(RouteSchema).optional(),
  status: z.strictObject({
    /** A channel without a successful pull for this long turns red and counts as needing attention. */
    staleAfterMinutes: z.number().positive().default(60),
  }).default({ staleAfterMinutes: 60 }),
  push: z.strictObject({
    maxAttempts: z.number().int().min(1).default(8),
    maxWaitSeconds: z.number().min(0).default(30),
    backoffBaseSeconds: z.number().positive().default(1),
    backoffMaxSeconds: z.number().positive().default(300),
  }).default({ maxAttempts: 8, maxWaitSeconds: 30, backoffBaseSeconds: 1, backoffMaxSeconds: 300 }),
  stock: StockSchema.optional(),
});

export type ConfigFile = z.infer<typeof ConfigSchema>;
export const COMMON_KEYS = ['kind', 'connector', 'enabled', 'timeoutSeconds', 'rateLimit'] as const;
