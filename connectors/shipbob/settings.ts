import { z } from 'zod';

// Versions listed on developer.shipbob.com (2026-07 is the default; v2.0 and v1.0 are deprecated).
export const SHIPBOB_VERSIONS = ['2026-07', '2026-01', '2025-07', '2.0', '1.0'] as const;

export const ShipBobSettings = z.object({
  /** https://api.shipbob.com, or https://sandbox-api.shipbob.com for the sandbox. */
  url: z.string().url().default('https://api.shipbob.com'),
  /** The path segment before every endpoint (`/{version}/order`). */
  apiVersion: z.enum(SHIPBOB_VERSIONS).default('2026-07'),
  /** Personal Access Token (or OAuth access token), sent as `Authorization: Bearer …`. */
  token: z.string().min(1),
  /** The `shipbob_channel_id` header: a channel with write scope, from `GET /{version}/channel`. */
  channelId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  /** Mapped to a Ship Option in the ShipBob merchant portal ("Standard", "Expedited", …). */
  shippingMethod: z.string().min(1).default('Standard'),
  /** Tracking back: on the first pull, read shipments whose tracking changed in this many days. */
  shipmentsLookbackDays: z.number().int().positive().max(365).default(14),
  /** Tracking back: each pull re-reads this far behind the last one (updates indexed late). */
  shipmentsOverlapSeconds: z.number().int().min(0).default(600),
  /** Tracking back: orders per Get Orders page (the API takes 1–250). */
  shipmentsPageSize: z.number().int().min(1).max(250).default(250),
  allowInsecure: z.boolean().default(false),
});

export type ShipBobSettings = z.infer<typeof ShipBobSettings>;
