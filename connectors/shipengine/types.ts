// The raw ShipEngine v1 shapes ordersync reads. Sources: ShipEngine/shipengine-json-schema
// (create_label response: status processing|completed|error|voided, tracking_status
// unknown|in_transit|error|delivered, shipment_cost.amount a JSON number, currency lower case)
// and docs.shipstation.com/apis/shipengine (void_label response, error body).
import { z } from 'zod';
import type { DeliveryOutcome, Money } from '../../src/connector-kit/index.js';

export const SHIPENGINE_LABEL_STATUSES = ['processing', 'completed', 'error', 'voided'] as const;
export const SHIPENGINE_TRACKING_STATUSES = ['unknown', 'in_transit', 'error', 'delivered'] as const;

const Address = z.looseObject({
  name: z.string().nullish(),
  phone: z.string().nullish(),
  company_name: z.string().nullish(),
  address_line1: z.string().nullish(),
  address_line2: z.string().nullish(),
  city_locality: z.string().nullish(),
  state_province: z.string().nullish(),
  postal_code: z.string().nullish(),
  country_code: z.string().nullish(),
});

export const ShipEngineLabel = z.looseObject({
  label_id: z.string(),
  status: z.string(),
  shipment_id: z.string(),
  external_shipment_id: z.string().nullish(),
  carrier_id: z.string().nullish(),
  carrier_code: z.string().nullish(),
  service_code: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_url: z.string().nullish(),
  tracking_status: z.string().nullish(),
  voided: z.boolean().nullish(),
  shipment_cost: z.object({ currency: z.string(), amount: z.number() }).nullish(),
  label_download: z.looseObject({ href: z.string().nullish(), pdf: z.string().nullish(), png: z.string().nullish(), zpl: z.string().nullish() }).nullish(),
});

export const ShipEngineShipment = z.looseObject({
  shipment_id: z.string(),
  external_shipment_id: z.string().nullish(),
  ship_to: Address.nullish(),
});

export const ShipEngineVoidResult = z.looseObject({
  approved: z.boolean(),
  message: z.string().nullish(),
  reason_code: z.string().nullish(),
});

export type ShipEngineLabel = z.infer<typeof ShipEngineLabel>;
export type ShipEngineShipment = z.infer<typeof ShipEngineShipment>;
export type ShipEngineVoidResult = z.infer<typeof ShipEngineVoidResult>;

export interface ShipEngineAddress {
  name: string;
  phone: string;
  company_name: string | null;
  address_line1: string;
  address_line2: string | null;
  city_locality: string;
  state_province: string | null;
  postal_code: string;
  country_code: string;
  address_residential_indicator: 'yes' | 'no' | 'unknown';
}

/** `POST /v1/labels` body with the shipment inline. */
export interface ShipEngineLabelRequest {
  shipment: {
    carrier_id: string;
    service_code: string;
    external_shipment_id: string;
    ship_to: ShipEngineAddress;
    ship_from: ShipEngineAddress;
    packages: { weight: { value: number; unit: string } }[];
  };
  label_format: string;
  label_layout: string;
  label_download_type: 'url';
}

/** What a bought label tells the lead for a `shipment.created` event. */
export type { LabelShipment } from '../../src/connector-kit/index.js';
/** A delivery outcome that may carry the bought label. */
export type CarrierOutcome = DeliveryOutcome;
