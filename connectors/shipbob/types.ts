// The raw ShipBob shapes ordersync reads back (Get Order / Get Orders / Cancel Order).
// Source: developer.shipbob.com API reference (orders); status enums from the OpenAPI models
// `ShipBob.Orders.StatusResolver.OrderStatus` and `Shipbob.Core.Models.OrderStateResolver.OrderStatusEnum`
// (as generated in brianzinn/shipbob-node-sdk from ShipBob's published spec).
import { z } from 'zod';

/** Order status (order statuses are imputed from the statuses of its shipments). */
export const SHIPBOB_ORDER_STATUSES = ['Processing', 'Exception', 'PartiallyFulfilled', 'Fulfilled', 'Cancelled', 'ImportReview'] as const;

/** Shipment status. */
export const SHIPBOB_SHIPMENT_STATUSES = [
  'None', 'Processing', 'Completed', 'Exception', 'OnHold', 'Cancelled', 'CleanSweeped', 'LabeledCreated', 'ImportReview',
] as const;

export const ShipBobAddress = z.looseObject({
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  company_name: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
  zip_code: z.string().nullish(),
});

export const ShipBobOrder = z.looseObject({
  id: z.number().int(),
  reference_id: z.string(),
  order_number: z.string().nullish(),
  status: z.string().nullish(),
  recipient: z.looseObject({
    name: z.string().nullish(),
    email: z.string().nullish(),
    phone_number: z.string().nullish(),
    address: ShipBobAddress.nullish(),
  }).nullish(),
  products: z.array(z.looseObject({
    reference_id: z.string().nullish(),
    quantity: z.number().nullish(),
  })).nullish(),
  shipments: z.array(z.looseObject({ id: z.number().int(), status: z.string().nullish() })).nullish(),
});

export const ShipBobOrderList = z.array(ShipBobOrder);

export const ShipBobCancelResult = z.looseObject({
  order_id: z.number().int().nullish(),
  status: z.string().nullish(),
  canceled_shipment_results: z.array(z.looseObject({
    shipment_id: z.number().int().nullish(),
    is_success: z.boolean().nullish(),
    reason: z.string().nullish(),
  })).nullish(),
});

export type ShipBobOrder = z.infer<typeof ShipBobOrder>;
export type ShipBobCancelResult = z.infer<typeof ShipBobCancelResult>;

/** The body of `POST /{version}/order` as ordersync sends it (ReferenceId product model). */
export interface ShipBobCreateOrder {
  reference_id: string;
  order_number: string;
  type: 'DTC';
  shipping_method: string;
  purchase_date: string;
  recipient: {
    name: string;
    email: string | null;
    phone_number: string | null;
    address: { address1: string; address2: string | null; company_name: string | null; city: string; state: string | null; country: string; zip_code: string | null };
  };
  products: { reference_id: string; name: string; quantity: number; unit_price: number }[];
  financials: { total_price: number };
  tags: { name: string; value: string }[];
}

// A shipment as Get Orders / Get All Shipments for Order answer it, as far as tracking back reads it
// (…/2026-01/api/orders/get-all-shipments-for-order; `tracking` fields as in the v1.0 response sample
// and ShipBob's OpenAPI TrackingViewModel: carrier, tracking_number, carrier_service, tracking_url,
// shipping_date, bol, pro_number, scac). A product's shipped quantity is the sum of its inventory items.
export const ShipBobShipment = z.looseObject({
  id: z.number().int(),
  status: z.string().nullish(),
  actual_fulfillment_date: z.string().nullish(),
  last_tracking_update_at: z.string().nullish(),
  tracking: z.looseObject({
    carrier: z.string().nullish(),
    tracking_number: z.string().nullish(),
    carrier_service: z.string().nullish(),
    tracking_url: z.string().nullish(),
    shipping_date: z.string().nullish(),
  }).nullish(),
  products: z.array(z.looseObject({
    reference_id: z.string().nullish(),
    sku: z.string().nullish(),
    inventory_items: z.array(z.looseObject({ quantity: z.number().nullish() })).nullish(),
  })).nullish(),
});

export const ShipBobShippedOrder = z.looseObject({
  id: z.number().int(),
  reference_id: z.string(),
  shipments: z.array(ShipBobShipment).nullish(),
});

export type ShipBobShipment = z.infer<typeof ShipBobShipment>;
export type ShipBobShippedOrder = z.infer<typeof ShipBobShippedOrder>;
