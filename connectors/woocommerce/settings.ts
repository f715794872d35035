import { z } from 'zod';

export const WooSettings = z.object({
  /** The store's base URL, e.g. https://shop.example.com */
  url: z.string().url(),
  consumerKey: z.string().min(1),
  consumerSecret: z.string().min(1),
  /** Orders per page: the API allows 1–100 (per_page in the CRUD controller's collection params). */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Each pull re-reads this far behind the cursor, to catch orders saved late. */
  overlapSeconds: z.number().int().min(0).default(300),
  allowInsecure: z.boolean().default(false),
  /** Tracking back as a customer note (carrier, number, link): WooCommerce core has no tracking field. */
  customerNote: z.boolean().default(true),
  /** Also add an item through the Shipment Tracking extension (wc-shipment-tracking/v3); with customerNote: false, instead of the note. */
  shipmentTracking: z.boolean().default(false),
});

export type WooSettings = z.infer<typeof WooSettings>;
