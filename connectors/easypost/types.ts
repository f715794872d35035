// The raw EasyPost shapes ordersync reads. Sources: docs.easypost.com (shipments, shipping-refund:
// refund_status submitted|refunded|rejected|not_applicable; errors: {"error":{code,message,errors}};
// pagination: {shipments, has_more}). Rates carry `rate` as a decimal string. Tracker statuses as
// listed in EasyPost client code (unknown … error) — not found on a stored docs page.
import { z } from 'zod';
import type { DeliveryOutcome, Money } from '../../src/connector-kit/index.js';

export const EASYPOST_TRACKING_STATUSES = [
  'unknown', 'pre_transit', 'in_transit', 'out_for_delivery', 'delivered', 'available_for_pickup',
  'return_to_sender', 'failure', 'cancelled', 'error',
] as const;

export const EASYPOST_REFUND_STATUSES = ['submitted', 'refunded', 'rejected', 'not_applicable'] as const;

export const EasyPostRate = z.looseObject({
  id: z.string(),
  carrier: z.string(),
  service: z.string(),
  rate: z.string(),
  currency: z.string(),
});

const Address = z.looseObject({
  name: z.string().nullish(),
  company: z.string().nullish(),
  street1: z.string().nullish(),
  street2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
});

export const EasyPostShipment = z.looseObject({
  id: z.string(),
  reference: z.string().nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  tracking_code: z.string().nullish(),
  refund_status: z.string().nullish(),
  to_address: Address.nullish(),
  rates: z.array(EasyPostRate).nullish(),
  selected_rate: EasyPostRate.nullish(),
  postage_label: z.looseObject({ label_url: z.string().nullish() }).nullish(),
  tracker: z.looseObject({ public_url: z.string().nullish() }).nullish(),
});

export const EasyPostShipmentList = z.looseObject({
  shipments: z.array(EasyPostShipment),
  has_more: z.boolean(),
});

export type EasyPostRate = z.infer<typeof EasyPostRate>;
export type EasyPostShipment = z.infer<typeof EasyPostShipment>;

export interface EasyPostAddressInput {
  name: string | null;
  company: string | null;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
  phone: string | null;
  email: string | null;
}

/** `POST /v2/shipments` body. */
export interface EasyPostCreateShipment {
  shipment: {
    reference: string;
    to_address: EasyPostAddressInput;
    from_address: EasyPostAddressInput;
    parcel: { weight: number; length?: number; width?: number; height?: number };
  };
}

/** What a bought label tells the lead for a `shipment.created` event. */
export type { LabelShipment } from '../../src/connector-kit/index.js';
/** A delivery outcome that may carry the bought label. */
export type CarrierOutcome = DeliveryOutcome;
