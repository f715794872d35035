// How to read each target mock's GET /__mock/state as "records per order reference": the
// reference is the idempotency anchor each target connector sends (client_order_ref,
// reference_id, external_shipment_id, reference), computed by the connector's own function.
import { orderReference as odooReference } from '../../connectors/odoo/mapping.js';
import { orderReference as shipbobReference } from '../../connectors/shipbob/mapping.js';
import { shipmentReference as shipengineReference } from '../../connectors/shipengine/mapping.js';
import { shipmentReference as easypostReference } from '../../connectors/easypost/mapping.js';
import type { Order } from '../../src/model/index.js';

export interface RemoteRecord {
  id: string;
  reference: string;
  /** Cancelled, voided or refunded (or, at EasyPost, never bought): not a live record of the order. */
  cancelled: boolean;
}

export interface TargetReader {
  reference(order: Order): string;
  records(state: Record<string, unknown>): RemoteRecord[];
}

type Rows = Record<string, unknown>[];
const rows = (value: unknown): Rows => (Array.isArray(value) ? (value as Rows) : []);

export const TARGET_READERS: Record<string, TargetReader> = {
  odoo: {
    reference: odooReference,
    records: (state) => rows(state.orders).map((o) => ({ id: String(o.id), reference: String(o.client_order_ref), cancelled: o.state === 'cancel' })),
  },
  shipbob: {
    reference: shipbobReference,
    records: (state) => rows(state.orders).map((o) => ({ id: String(o.id), reference: String(o.reference_id), cancelled: o.status === 'Cancelled' })),
  },
  shipengine: {
    reference: shipengineReference,
    records: (state) => rows(state.labels).map((l) => ({ id: String(l.label_id), reference: String(l.external_shipment_id), cancelled: Boolean(l.voided) })),
  },
  easypost: {
    reference: easypostReference,
    // A shipment without a bought label costs nothing (a crash between create and buy leaves one).
    records: (state) => rows(state.shipments)
      .map((s) => ({ id: String(s.id), reference: String(s.reference), cancelled: !s.postage_label || Boolean(s.refund_status) })),
  },
};
