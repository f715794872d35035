// Pure functions between the normalized order and EasyPost shipments.
import { labelRefusal, parseMoney, type Order } from '../../src/connector-kit/index.js';
import type { EasyPostSettings } from './settings.js';
import type { EasyPostAddressInput, EasyPostCreateShipment, EasyPostRate, EasyPostShipment, LabelShipment } from './types.js';

/** Our reference, kept in the shipment's `reference` field. */
export function shipmentReference(order: Order): string {
  return `${order.channel}:${order.externalId}`;
}

/** Why no label should be bought for this order, named by our EasyPost reference. */
export const labelRefusalOf = (order: Order): string | undefined => labelRefusal(order, `order ${order.number} (${shipmentReference(order)})`);

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

export function toAddress(order: Order): Mapped<EasyPostAddressInput> {
  const a = order.shippingAddress;
  const name = a?.name ?? order.customer.name;
  if (!a || !name || !a.line1 || !a.city || !a.countryCode) {
    return { ok: false, reason: `order ${order.number} has no complete shipping address (EasyPost needs a name, street1, city and country)` };
  }
  return {
    ok: true,
    value: {
      name, company: a.company, street1: a.line1, street2: a.line2, city: a.city, state: a.region, zip: a.postalCode,
      country: a.countryCode, phone: a.phone ?? order.customer.phone, email: order.customer.email,
    },
  };
}

export function toCreateShipment(order: Order, settings: EasyPostSettings): Mapped<EasyPostCreateShipment> {
  const to = toAddress(order);
  if (!to.ok) return to;
  const f = settings.fromAddress;
  const { weightOz, ...dimensions } = settings.parcel;
  return {
    ok: true,
    value: {
      shipment: {
        reference: shipmentReference(order),
        to_address: to.value,
        from_address: {
          name: f.name, company: f.company ?? null, street1: f.street1, street2: f.street2 ?? null, city: f.city, state: f.state,
          zip: f.zip, country: f.country, phone: f.phone ?? null, email: f.email ?? null,
        },
        parcel: { weight: weightOz, ...dimensions },
      },
    },
  };
}

/** The rate to buy: the configured carrier and service, exactly. */
export function pickRate(shipment: EasyPostShipment, carrier: string, service: string): EasyPostRate | undefined {
  return (shipment.rates ?? []).find((rate) => rate.carrier === carrier && rate.service === service);
}

export const isBought = (shipment: EasyPostShipment): boolean => Boolean(shipment.postage_label || shipment.selected_rate);

/** Tracker status → may the label still be refunded (the carrier has not scanned it)? */
export function trackingAllowsRefund(status: string | null | undefined): boolean {
  return status === null || status === undefined || status === 'unknown' || status === 'pre_transit';
}

export type RefundState = 'none' | 'requested' | 'refused';

/** refund_status → where a refund stands (docs.easypost.com/docs/shipments/shipping-refund). */
export function refundState(status: string | null | undefined): RefundState {
  switch (status) {
    case 'submitted': case 'refunded': return 'requested';
    case 'rejected': case 'not_applicable': return 'refused';
    default: return 'none';
  }
}

/** The to_address fields that would change the label, between what was bought and the order now. */
export function addressChanges(bought: EasyPostShipment['to_address'], wanted: EasyPostAddressInput): string[] {
  const keys = ['name', 'company', 'street1', 'street2', 'city', 'state', 'zip', 'country'] as const;
  return keys.filter((key) => (bought?.[key] ?? '').trim().toLowerCase() !== (wanted[key] ?? '').trim().toLowerCase());
}

export function toLabelShipment(shipment: EasyPostShipment): LabelShipment {
  const rate = shipment.selected_rate;
  return {
    carrier: rate?.carrier ?? 'unknown',
    service: rate?.service ?? null,
    trackingNumber: shipment.tracking_code ?? '',
    trackingUrl: shipment.tracker?.public_url ?? null,
    labelUrl: shipment.postage_label?.label_url ?? null,
    // Rates are decimal strings ("7.58"): parsed as text, never through a float.
    cost: rate ? parseMoney(rate.rate, rate.currency) : { amount: 0, currency: 'USD' },
  };
}
