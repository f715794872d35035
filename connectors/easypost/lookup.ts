// EasyPost has no filter by `reference` on GET /v2/shipments (documented filters: before_id,
// after_id, start_datetime, end_datetime, page_size, purchased). So the lookup is:
//  1. the shipment id we answered for an earlier event of this order (previousExternalRef), else
//  2. page through shipments created since the order was placed (minus a day for clock skew),
//     newest first, 100 a page, and match `reference` — a bought one wins over an unbought one.
// Any shipment for this order was created after the order existed, so nothing older can match.
import { isHttpError, type Order } from '../../src/connector-kit/index.js';
import type { EasyPostClient } from './client.js';
import { isBought, shipmentReference } from './mapping.js';
import type { EasyPostShipment } from './types.js';

const SKEW_MS = 86_400_000;

export class LookupExhausted extends Error {}

export async function findShipment(client: EasyPostClient, order: Order, previousRef: string | null, maxPages: number): Promise<EasyPostShipment | undefined> {
  const reference = shipmentReference(order);
  if (previousRef) {
    try {
      const known = await client.getShipment(previousRef);
      if (known.reference === reference) return known;
    } catch (error) {
      if (!isHttpError(error) || error.status !== 404) throw error;
    }
  }
  const since = new Date(Date.parse(order.placedAt) - SKEW_MS).toISOString();
  let unbought: EasyPostShipment | undefined;
  let beforeId: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { shipments, has_more: hasMore } = await client.listShipments({ start_datetime: since, ...(beforeId ? { before_id: beforeId } : {}) });
    for (const shipment of shipments) {
      if (shipment.reference !== reference) continue;
      if (isBought(shipment)) return shipment;
      unbought ??= shipment;
    }
    const last = shipments.at(-1);
    if (!hasMore || !last) return unbought;
    beforeId = last.id;
  }
  if (unbought) return unbought;
  throw new LookupExhausted(`needs manual action: could not rule out an existing EasyPost shipment with reference ${reference} `
    + `within ${maxPages} pages of shipments since ${since}; check EasyPost, or raise lookupMaxPages`);
}
