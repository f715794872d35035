// Pure functions between the normalized order and ShipEngine's label model.
import { createHash } from 'node:crypto';
import { parseMoney, type Order } from '../../src/connector-kit/index.js';
import type { ShipEngineSettings } from './settings.js';
import type { LabelShipment, ShipEngineAddress, ShipEngineLabel, ShipEngineLabelRequest, ShipEngineShipment } from './types.js';

// Our reference is kept in `external_shipment_id` (unique per account, searchable with
// GET /v1/labels/external_shipment_id/{id}). Its maximum length is not in the docs we read, so
// long references keep a readable head plus a hash of the whole, staying within 50 characters.
const MAX_REFERENCE = 50;

export function shipmentReference(order: Order): string {
  const full = `${order.channel}:${order.externalId}`;
  if (full.length <= MAX_REFERENCE) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 16);
  return `${full.slice(0, MAX_REFERENCE - hash.length - 1)}~${hash}`;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

export function toShipTo(order: Order): Mapped<ShipEngineAddress> {
  const a = order.shippingAddress;
  const name = a?.name ?? order.customer.name;
  if (!a || !name || !a.line1 || !a.city || !a.postalCode || !a.countryCode) {
    return { ok: false, reason: `order ${order.number} has no complete shipping address (ShipEngine needs name, address_line1, city_locality, postal_code and country_code)` };
  }
  return {
    ok: true,
    value: {
      name, phone: a.phone ?? order.customer.phone ?? '', company_name: a.company, address_line1: a.line1, address_line2: a.line2,
      city_locality: a.city, state_province: a.region, postal_code: a.postalCode, country_code: a.countryCode,
      address_residential_indicator: 'unknown',
    },
  };
}

export function toShipFrom(from: ShipEngineSettings['shipFrom']): ShipEngineAddress {
  return {
    name: from.name, phone: from.phone, company_name: from.companyName ?? null, address_line1: from.addressLine1,
    address_line2: from.addressLine2 ?? null, city_locality: from.cityLocality, state_province: from.stateProvince,
    postal_code: from.postalCode, country_code: from.countryCode, address_residential_indicator: from.residential,
  };
}

export function toLabelRequest(order: Order, settings: ShipEngineSettings): Mapped<ShipEngineLabelRequest> {
  const shipTo = toShipTo(order);
  if (!shipTo.ok) return shipTo;
  return {
    ok: true,
    value: {
      shipment: {
        carrier_id: settings.carrierId, service_code: settings.serviceCode, external_shipment_id: shipmentReference(order),
        ship_to: shipTo.value, ship_from: toShipFrom(settings.shipFrom), packages: [{ weight: { ...settings.packageWeight } }],
      },
      label_format: settings.labelFormat, label_layout: settings.labelLayout, label_download_type: 'url',
    },
  };
}

export type LabelState = 'pending' | 'usable' | 'failed' | 'voided';

/** Label status → what ordersync can do with it. */
export function labelState(label: Pick<ShipEngineLabel, 'status' | 'voided'>): LabelState {
  if (label.voided) return 'voided';
  switch (label.status) {
    case 'processing': return 'pending';
    case 'completed': return 'usable';
    case 'voided': return 'voided';
    case 'error': return 'failed';
    default: return 'failed';
  }
}

/** Tracking status → has the carrier scanned the parcel (then voiding is no longer possible)? */
export function labelUsed(trackingStatus: string | null | undefined): boolean {
  return trackingStatus === 'in_transit' || trackingStatus === 'delivered';
}

/** The ship_to fields that would change the label, between what was bought and the order now. */
export function addressChanges(bought: ShipEngineShipment['ship_to'], wanted: ShipEngineAddress): string[] {
  const keys = ['name', 'company_name', 'address_line1', 'address_line2', 'city_locality', 'state_province', 'postal_code', 'country_code'] as const;
  return keys.filter((key) => (bought?.[key] ?? '').trim().toLowerCase() !== (wanted[key] ?? '').trim().toLowerCase());
}

export function toLabelShipment(label: ShipEngineLabel): LabelShipment {
  const cost = label.shipment_cost;
  return {
    carrier: label.carrier_code ?? label.carrier_id ?? 'unknown',
    service: label.service_code ?? null,
    trackingNumber: label.tracking_number ?? '',
    trackingUrl: label.tracking_url ?? null,
    labelUrl: label.label_download?.href ?? label.label_download?.pdf ?? null,
    // amount is a JSON number ("7.58" as written); parseMoney reads its shortest decimal form exactly.
    cost: cost ? parseMoney(cost.amount, cost.currency.toUpperCase()) : { amount: 0, currency: 'USD' },
  };
}
