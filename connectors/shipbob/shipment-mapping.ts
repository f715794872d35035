// Pure functions from ShipBob's orders (with their shipments) to shipment reports: one report per
// shipment that has left with a tracking number. A split order is several shipments, "each with a
// unique tracking number" and the products packed in it (developer.shipbob.com/guides/tracking).
import type { RejectedShipment, ShipmentReport, ShippedLine } from '../../src/connector-kit/index.js';
import { shipmentState } from './mapping.js';
import { ShipBobShippedOrder, type ShipBobShipment } from './types.js';

// A configured channel name (src/config/schema.ts): letters, digits, - and _ — never a colon.
const CHANNEL_NAME = /^[a-z0-9][a-z0-9_-]*$/i;

/** Reads back our `reference_id` ("<channel>:<externalId>", mapping.ts orderReference); null if it is not ours. */
export function parseOrderReference(reference: string): { channel: string; externalId: string } | null {
  const colon = reference.indexOf(':');
  if (colon <= 0) return null;
  const channel = reference.slice(0, colon);
  const externalId = reference.slice(colon + 1);
  return CHANNEL_NAME.test(channel) && externalId !== '' ? { channel, externalId } : null;
}

export interface MappedShipments {
  shipments: ShipmentReport[];
  rejected: RejectedShipment[];
}

/** The shipped parcels of one Get Orders item; an item that does not fit the schema is rejected whole. */
export function toShipmentReports(raw: unknown): MappedShipments {
  const parsed = ShipBobShippedOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reference = (raw as { reference_id?: unknown } | null)?.reference_id;
    return { shipments: [], rejected: [{ reference: typeof reference === 'string' ? reference : null, reason: `shipbob order: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`, raw }] };
  }
  const order = parsed.data;
  const out: MappedShipments = { shipments: [], rejected: [] };
  for (const shipment of order.shipments ?? []) {
    // LabeledCreated then Completed both carry tracking (guides/tracking: "use both statuses").
    if (shipmentState(shipment.status) !== 'shipped') continue;
    const report = toReport(order.reference_id, shipment, raw);
    if (typeof report === 'string') out.rejected.push({ reference: order.reference_id, reason: `shipbob shipment ${shipment.id} of order ${order.id}: ${report}`, raw });
    else out.shipments.push(report);
  }
  return out;
}

function toReport(reference: string, shipment: ShipBobShipment, raw: unknown): ShipmentReport | string {
  const tracking = shipment.tracking;
  const number = tracking?.tracking_number?.trim();
  if (!number) return `status ${shipment.status ?? '?'} but no tracking number`;
  const lines: ShippedLine[] = [];
  for (const product of shipment.products ?? []) {
    const sku = product.reference_id ?? product.sku ?? null;
    const quantity = (product.inventory_items ?? []).reduce((sum, item) => sum + (item.quantity ?? 0), 0);
    if (!sku) return 'a product without reference_id or sku';
    if (!Number.isInteger(quantity) || quantity <= 0) return `product ${sku}: no shipped quantity in its inventory_items`;
    lines.push({ sku, lineExternalId: null, quantity });
  }
  return {
    reference,
    order: parseOrderReference(reference),
    externalId: String(shipment.id),
    carrier: tracking?.carrier?.trim() || 'unknown',
    service: tracking?.carrier_service ?? null,
    trackingNumber: number,
    trackingUrl: tracking?.tracking_url ?? null,
    shippedAt: isoOrNull(tracking?.shipping_date ?? shipment.actual_fulfillment_date),
    lines,
    raw,
  };
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
