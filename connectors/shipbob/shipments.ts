// ShipBob as a shipment source: the parcels of our orders that have left, read incrementally from
// GET /{version}/order (Get Orders: https://developer.shipbob.com/2026-07/api/orders/get-orders)
// with HasTracking=true and the LastTrackingUpdateStartDate/EndDate window ("orders with tracking
// updates later than the supplied date. Will only return orders that have tracking information"),
// Page/Limit (Limit 1–250; guides/tracking recommends 250). The shipbob_channel_id header keeps the
// read to orders of our channel (guides/tracking).
//
// Paging by page number is safe inside a fixed window: an order can only leave it (a newer
// tracking update moves it past `until`, and the next window, which starts at `until` minus the
// overlap, reads it again); none can enter it, since `until` is already past. A crash mid-window
// resumes at the next page of the same window.
import { z } from 'zod';
import type { ConnectorContext, ShipmentPage } from '../../src/connector-kit/index.js';
import { READ_RETRIES, shipbobHttp } from './client.js';
import type { ShipBobSettings } from './settings.js';
import { toShipmentReports, type MappedShipments } from './shipment-mapping.js';

const MAX_PAGES = 10_000;

export const ShipBobShipmentCursor = z.object({
  /** Every tracking update before this instant has been read. */
  readUntil: z.string(),
  /** A window being read: resume at `nextPage`. */
  window: z.object({ from: z.string(), until: z.string(), nextPage: z.number().int().positive() }).optional(),
});
export type ShipBobShipmentCursor = z.infer<typeof ShipBobShipmentCursor>;

export async function* pullShipBobShipments(ctx: ConnectorContext<ShipBobSettings>, stored: unknown): AsyncIterable<ShipmentPage> {
  // Get Orders: Limit 1–250 (API reference), default 50; shipmentsPageSize defaults to 250.
  const { apiVersion: version, shipmentsOverlapSeconds: overlapSeconds, shipmentsLookbackDays: lookbackDays, shipmentsPageSize: limit } = ctx.settings;
  const parsed = ShipBobShipmentCursor.safeParse(stored);
  if (stored !== undefined && !parsed.success) ctx.log.warn(`target ${ctx.name}: the stored shipment cursor is not one this connector understands; reading from the look-back`);
  const cursor = parsed.success ? parsed.data : undefined;
  const now = ctx.clock.now();
  const from = cursor?.window?.from
    ?? new Date(cursor ? Date.parse(cursor.readUntil) - overlapSeconds * 1000 : now - lookbackDays * 86_400_000).toISOString();
  const until = cursor?.window?.until ?? new Date(now).toISOString();
  const http = shipbobHttp(ctx, READ_RETRIES);
  for (let page = cursor?.window?.nextPage ?? 1, n = 0; n < MAX_PAGES; page++, n++) {
    // GET /{version}/order — https://developer.shipbob.com/2026-07/api/orders/get-orders
    const response = await http.request<unknown>({
      method: 'GET', path: `/${version}/order`,
      query: { HasTracking: true, LastTrackingUpdateStartDate: from, LastTrackingUpdateEndDate: until, Page: page, Limit: limit },
    });
    if (!Array.isArray(response.data)) throw new Error(`ShipBob GET /${version}/order did not answer a JSON array of orders`);
    const mapped: MappedShipments = { shipments: [], rejected: [] };
    for (const order of response.data) {
      const one = toShipmentReports(order);
      mapped.shipments.push(...one.shipments);
      mapped.rejected.push(...one.rejected);
    }
    // A short page is the last one (the `next-page` header is not relied on: its semantics are undocumented).
    const last = response.data.length < limit;
    const next: ShipBobShipmentCursor = last
      ? { readUntil: until }
      : { readUntil: cursor?.readUntil ?? from, window: { from, until, nextPage: page + 1 } };
    yield { ...mapped, cursor: next };
    if (last) return;
  }
  throw new Error(`ShipBob order paging did not end after ${MAX_PAGES} pages`);
}
