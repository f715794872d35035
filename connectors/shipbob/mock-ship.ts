// The ShipBob mock's warehouse: an order's shipments in Get Orders' shape (status, tracking,
// products with inventory_items, last_update_at, last_tracking_update_at), shipping an order in
// one or several parcels (a split order is several shipments, each with its own tracking number,
// developer.shipbob.com/guides/tracking), and the Get Orders filters that read them back.
type Raw = Record<string, unknown>;
export type MockShipment = Raw & { id: number; status: string };
export type ShippableOrder = Raw & { id: number; reference_id: string; status: string; shipments: MockShipment[]; products?: unknown };

export interface Parcel {
  /** Product reference_id (our SKU) → units; omitted: everything not yet shipped. */
  products?: { reference_id: string; quantity: number }[];
  carrier?: string;
  service?: string;
  trackingNumber?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const productsOf = (order: ShippableOrder): Raw[] => (Array.isArray(order.products) ? (order.products as Raw[]) : []);

function shipmentProducts(order: ShippableOrder, picks: { reference_id: string; quantity: number }[]): Raw[] {
  return picks.map((pick, i) => {
    const product = productsOf(order).find((p) => p.reference_id === pick.reference_id) ?? {};
    return {
      id: Number(product.id ?? order.id * 10 + i), reference_id: pick.reference_id, name: product.name ?? pick.reference_id, sku: pick.reference_id,
      inventory_items: [{ id: 7000 + i, name: product.name ?? pick.reference_id, quantity: pick.quantity, quantity_committed: pick.quantity, lot: null, serial_numbers: [], is_dangerous_goods: false }],
    };
  });
}

/** The one shipment ShipBob opens for a new order: every product, processing, no tracking yet. */
export function openShipment(order: ShippableOrder, now: number): MockShipment {
  const picks = productsOf(order).map((p) => ({ reference_id: String(p.reference_id), quantity: Number(p.quantity ?? 0) }));
  return {
    id: order.id * 10, order_id: order.id, reference_id: order.reference_id, status: 'Processing', created_date: iso(now),
    last_update_at: iso(now), last_tracking_update_at: null, actual_fulfillment_date: null, is_tracking_uploaded: false,
    tracking: null, products: shipmentProducts(order, picks), location: { id: 1, name: 'Cicero (IL)' }, ship_option: 'Standard',
  };
}

/** Ships the order in these parcels (default: one with everything); answers a reason when it cannot. */
export function shipParcels(order: ShippableOrder, parcels: Parcel[], now: number): string | undefined {
  if (order.status === 'Cancelled') return `order ${order.id} is cancelled`;
  const left = new Map(productsOf(order).map((p) => [String(p.reference_id), Number(p.quantity ?? 0)]));
  for (const s of order.shipments.filter((s) => s.tracking)) {
    for (const p of (s.products as Raw[] | undefined) ?? []) {
      const units = ((p.inventory_items as Raw[] | undefined) ?? []).reduce((n, item) => n + Number(item.quantity ?? 0), 0);
      left.set(String(p.reference_id), (left.get(String(p.reference_id)) ?? 0) - units);
    }
  }
  const shipped = order.shipments.filter((s) => s.tracking);
  const made: MockShipment[] = [];
  for (const [i, parcel] of (parcels.length > 0 ? parcels : [{}]).entries()) {
    const picks = parcel.products ?? [...left].filter(([, n]) => n > 0).map(([reference_id, quantity]) => ({ reference_id, quantity }));
    for (const pick of picks) {
      if (typeof pick?.reference_id !== 'string' || !Number.isInteger(pick.quantity) || pick.quantity < 1) return 'each parcel product needs a reference_id and a positive whole quantity';
      if ((left.get(pick.reference_id) ?? 0) < pick.quantity) return `order ${order.id} has no ${pick.quantity} × ${pick.reference_id} left to ship`;
      left.set(pick.reference_id, (left.get(pick.reference_id) ?? 0) - pick.quantity);
    }
    const id = order.id * 10 + shipped.length + i + 1;
    const number = parcel.trackingNumber ?? `9400${String(id).padStart(18, '0')}`;
    made.push({
      ...openShipment(order, now), id, status: 'Completed', products: shipmentProducts(order, picks),
      last_update_at: iso(now), last_tracking_update_at: iso(now), actual_fulfillment_date: iso(now),
      tracking: {
        carrier: parcel.carrier ?? 'USPS', tracking_number: number, carrier_service: parcel.service ?? 'Priority',
        tracking_url: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`, bol: null, shipping_date: iso(now), pro_number: null, scac: null,
      },
    });
  }
  const rest = [...left].filter(([, n]) => n > 0).map(([reference_id, quantity]) => ({ reference_id, quantity }));
  const open = rest.length > 0 ? [{ ...openShipment(order, now), id: order.id * 10, products: shipmentProducts(order, rest) }] : [];
  order.shipments = [...shipped, ...made, ...open];
  order.status = open.length > 0 ? 'PartiallyFulfilled' : 'Fulfilled';
  return undefined;
}

/** Get Orders' tracking filters, AND-ed (HasTracking, IsTrackingUploaded, LastTrackingUpdate…, LastUpdate…). */
export function matchesShipmentFilters(order: ShippableOrder, query: URLSearchParams): boolean {
  const tracked = order.shipments.filter((s) => s.tracking);
  const bool = (name: string) => (query.has(name) ? query.get(name) === 'true' : undefined);
  // The order's latest stamp is what a date filter compares (the order's own last update).
  const within = (stamps: unknown[], start: string, end: string) => {
    const a = query.get(start) ? Date.parse(query.get(start)!) : -Infinity;
    const b = query.get(end) ? Date.parse(query.get(end)!) : Infinity;
    const latest = Math.max(...stamps.map((s) => (typeof s === 'string' ? Date.parse(s) : -Infinity)));
    return latest > a && latest <= b;
  };
  if (bool('HasTracking') !== undefined && (tracked.length > 0) !== bool('HasTracking')) return false;
  if (bool('IsTrackingUploaded') !== undefined && (tracked.length > 0 && tracked.every((s) => s.is_tracking_uploaded === true)) !== bool('IsTrackingUploaded')) return false;
  if ((query.has('LastTrackingUpdateStartDate') || query.has('LastTrackingUpdateEndDate'))
    && !within(tracked.map((s) => s.last_tracking_update_at), 'LastTrackingUpdateStartDate', 'LastTrackingUpdateEndDate')) return false;
  if ((query.has('LastUpdateStartDate') || query.has('LastUpdateEndDate'))
    && !within([order.created_date, ...order.shipments.map((s) => s.last_update_at)], 'LastUpdateStartDate', 'LastUpdateEndDate')) return false;
  return true;
}
