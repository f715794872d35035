// Shipments a WMS made: a target that fulfils orders reports its parcels (carrier, tracking, the
// lines in each), naming each order by the reference ordersync sent it. The shipments runner
// matches them to ledger orders and records them; the connector never touches the ledger.

/** What one parcel held: by SKU (most WMSs know no order line ids) or by the order line's id. */
export interface ShippedLine {
  sku: string | null;
  lineExternalId: string | null;
  quantity: number;
}

/** One parcel; an order split into several parcels is several reports. */
export interface ShipmentReport {
  /** Our reference as the WMS holds it (ShipBob `reference_id`): for messages and quarantine. */
  reference: string;
  /** The order it names, or null when the reference is not one ordersync makes. */
  order: { channel: string; externalId: string } | null;
  /** The WMS's own id of the shipment. */
  externalId: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  /** ISO 8601 UTC, when the WMS says it left; null when it does not say. */
  shippedAt: string | null;
  /** Empty: the WMS did not say (the channel then ships every open line). */
  lines: ShippedLine[];
  /** The WMS's payload, kept if the report must be quarantined. */
  raw: unknown;
}

/** A payload the connector could not read as a shipment: it goes to quarantine with its reason. */
export interface RejectedShipment {
  reference: string | null;
  reason: string;
  raw: unknown;
}

/** A page of reports and where the next pull resumes; committed in one transaction with them. */
export interface ShipmentPage {
  shipments: ShipmentReport[];
  rejected: RejectedShipment[];
  cursor: unknown;
}
