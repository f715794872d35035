// The mock eBay's shipping fulfillments: getOrder, getShippingFulfillments, getShippingFulfillment
// and createShippingFulfillment (spec v1.20.7, paths /order/{orderId}…). Fulfillments are kept per
// order; each one moves the order's lineItemFulfillmentStatus / orderFulfillmentStatus on and
// stamps lastModifiedDate, so the next getOrders shows it.
import { json, route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { fulfillmentError } from './mock-errors.js';
import { WRITE_SCOPE } from './settings.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ORDERS = '/sell/fulfillment/v1/order';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/; // ShippingFulfillmentDetails.shippedDate format
const ALPHANUMERIC = /^[A-Za-z0-9]+$/; // trackingNumber: "Only alphanumeric characters are supported"

export interface MockFulfillment {
  fulfillmentId: string;
  lineItems: { lineItemId: string; quantity: number }[];
  shipmentTrackingNumber?: string;
  shippingCarrierCode?: string;
  shippedDate: string;
}

export interface FulfillmentDeps {
  order(orderId: string): Raw | undefined;
  /** Bearer check (and scope, when given): an error answer, or undefined. */
  authenticate(request: MockRequest, scope?: string): MockResponse | undefined;
  /** Counts the call against the daily quota; false once spent. */
  spendQuota(): boolean;
  throttled(): MockResponse;
  now(): number;
  /** A fresh lastModifiedDate for a changed order. */
  stamp(): string;
  /** getOrder's answer for the order and its query parameters (fieldGroups). */
  present(order: Raw, query: URLSearchParams): MockResponse;
  baseUrl(): string;
}

export interface MockFulfillments {
  routes: Route[];
  state(): Record<string, unknown>;
  reset(): void;
}

export function createMockFulfillments(deps: FulfillmentDeps): MockFulfillments {
  let byOrder = new Map<string, MockFulfillment[]>();
  let counts = { created: 0, duplicates: 0, rejected: 0, getOrder: 0, getShippingFulfillments: 0 };
  let sequence = 0;

  /** Auth and quota, then the order: 400 32100 when eBay does not know it (spec x-response-codes). */
  function admit(request: MockRequest, scope?: string): { order: Raw } | { answer: MockResponse } {
    const denied = deps.authenticate(request, scope);
    if (denied) return { answer: denied };
    if (!deps.spendQuota()) return { answer: deps.throttled() };
    const orderId = request.params.orderId ?? '';
    const order = deps.order(orderId);
    return order ? { order } : { answer: fulfillmentError(32100, `Invalid Order Id: ${orderId}`, { orderId }) };
  }
  const fulfillmentsOf = (orderId: string) => byOrder.get(orderId) ?? [];

  // GET /order/{orderId} (getOrder)
  function getOrder(request: MockRequest): MockResponse {
    const admitted = admit(request);
    if ('answer' in admitted) return admitted.answer;
    counts.getOrder++;
    return deps.present(admitted.order, request.query);
  }

  // GET /order/{orderId}/shipping_fulfillment (getShippingFulfillments): ShippingFulfillmentPagedCollection
  function list(request: MockRequest): MockResponse {
    const admitted = admit(request);
    if ('answer' in admitted) return admitted.answer;
    counts.getShippingFulfillments++;
    const fulfillments = fulfillmentsOf(admitted.order.orderId);
    return json(200, { fulfillments, total: fulfillments.length });
  }

  // GET /order/{orderId}/shipping_fulfillment/{fulfillmentId} (getShippingFulfillment)
  function getOne(request: MockRequest): MockResponse {
    const admitted = admit(request);
    if ('answer' in admitted) return admitted.answer;
    const id = request.params.fulfillmentId ?? '';
    const found = fulfillmentsOf(admitted.order.orderId).find((f) => f.fulfillmentId === id);
    return found ? json(200, found) : fulfillmentError(32110, `Invalid shipping fulfillment ID: ${id}`, { fulfillmentId: id });
  }

  // POST /order/{orderId}/shipping_fulfillment (createShippingFulfillment): 201, Location, {}
  function create(request: MockRequest): MockResponse {
    const admitted = admit(request, WRITE_SCOPE);
    if ('answer' in admitted) return admitted.answer;
    const { order } = admitted;
    const refusal = refuse(order, request.json);
    if (refusal) {
      counts.rejected++;
      return refusal;
    }
    const body = request.json as Raw;
    const lineItems = (body.lineItems as Raw[]).map((item) => ({ lineItemId: String(item.lineItemId), quantity: item.quantity ?? 1 }));
    // With tracking, "the resulting fulfillment's ID … is the tracking number"; without, "an arbitrary number such as 999".
    const fulfillmentId = body.trackingNumber ? String(body.trackingNumber) : String(999 + sequence++);
    const fulfillment: MockFulfillment = {
      fulfillmentId, lineItems, shippedDate: body.shippedDate ?? new Date(deps.now()).toISOString(), // default: now
      ...(body.trackingNumber ? { shipmentTrackingNumber: String(body.trackingNumber), shippingCarrierCode: String(body.shippingCarrierCode) } : {}),
    };
    byOrder.set(order.orderId, [...fulfillmentsOf(order.orderId), fulfillment]);
    counts.created++;
    const location = `${deps.baseUrl()}${ORDERS}/${order.orderId}/shipping_fulfillment/${encodeURIComponent(fulfillmentId)}`;
    ship(order, location);
    return json(201, {}, { location });
  }

  /** What eBay refuses, each with its error id; undefined when the fulfillment can be created. */
  function refuse(order: Raw, input: unknown): MockResponse | undefined {
    const body = (input ?? undefined) as Raw | undefined;
    const items = body?.lineItems;
    if (!body || typeof body !== 'object' || !Array.isArray(items) || items.length === 0) return invalidInput('lineItems must list at least one line item.');
    const lines = new Map<string, Raw>((order.lineItems as Raw[]).map((line) => [line.lineItemId, line]));
    const seen = new Set<string>();
    for (const item of items as Raw[]) {
      const id = String(item?.lineItemId ?? '');
      if (!lines.has(id)) return fulfillmentError(32200, `Invalid line item id: ${id}`, { lineItemId: id });
      if (seen.has(id)) return fulfillmentError(32210, 'Duplicate line item in the request', { lineItemId: id });
      seen.add(id);
      const quantity = item.quantity ?? 1; // LineItemReference.quantity: "greater than zero", default 1
      if (!Number.isInteger(quantity) || quantity < 1) return invalidInput(`quantity of line item ${id} must be a whole number greater than zero.`);
    }
    const { trackingNumber, shippingCarrierCode, shippedDate } = body;
    // "This field and the shippingCarrierCode field are mutually dependent."
    if (!trackingNumber !== !shippingCarrierCode || (trackingNumber && !ALPHANUMERIC.test(String(trackingNumber)))) {
      return fulfillmentError(32300, 'Invalid shipment tracking number or carrier', { trackingNumber: String(trackingNumber ?? '') });
    }
    if (shippedDate !== undefined && (typeof shippedDate !== 'string' || !INSTANT.test(shippedDate) || Number.isNaN(Date.parse(shippedDate)))) {
      return fulfillmentError(32500, 'Invalid shipped date', { shippedDate: String(shippedDate) });
    }
    // The fulfillment id is the tracking number, so the same number twice is an update (UNCONFIRMED: inferred from 34500).
    if (trackingNumber && fulfillmentsOf(order.orderId).some((f) => f.shipmentTrackingNumber === String(trackingNumber))) {
      counts.duplicates++;
      return fulfillmentError(34500, 'Please use PUT operation for updating shipping fulfillment', { trackingNumber: String(trackingNumber) });
    }
    // Refusals below: eBay documents no id of their own; 32600 "Invalid input data" (UNCONFIRMED).
    if (order.cancelStatus?.cancelState === 'CANCELED') return invalidInput(`Order ${order.orderId} is cancelled.`);
    if (order.orderFulfillmentStatus === 'FULFILLED') return invalidInput(`Order ${order.orderId} is already fulfilled.`);
    for (const item of items as Raw[]) {
      const left = remaining(order.orderId, lines.get(String(item.lineItemId))!);
      const quantity = item.quantity ?? 1;
      if (quantity > left) return invalidInput(`Line item ${item.lineItemId}: quantity ${quantity} is more than the ${left} left to ship.`);
    }
    return undefined;
  }

  /** Units of a line not shipped yet: none once eBay calls the line FULFILLED (seeded orders have no fulfillments). */
  function remaining(orderId: string, line: Raw): number {
    if (line.lineItemFulfillmentStatus === 'FULFILLED') return 0;
    return line.quantity - shippedOf(orderId, line.lineItemId);
  }

  function shippedOf(orderId: string, lineItemId: string): number {
    return fulfillmentsOf(orderId).flatMap((f) => f.lineItems).filter((i) => i.lineItemId === lineItemId).reduce((sum, i) => sum + i.quantity, 0);
  }

  /** Line and order statuses after a fulfillment (sel:LineItemFulfillmentStatusEnum, sel:OrderFulfillmentStatus). */
  function ship(order: Raw, href: string): void {
    for (const line of order.lineItems as Raw[]) {
      if (line.lineItemFulfillmentStatus === 'FULFILLED') continue;
      const shipped = shippedOf(order.orderId, line.lineItemId);
      line.lineItemFulfillmentStatus = shipped >= line.quantity ? 'FULFILLED' : shipped > 0 ? 'IN_PROGRESS' : 'NOT_STARTED';
    }
    const statuses = (order.lineItems as Raw[]).map((line) => line.lineItemFulfillmentStatus);
    order.orderFulfillmentStatus = statuses.every((s) => s === 'FULFILLED') ? 'FULFILLED' : statuses.some((s) => s !== 'NOT_STARTED') ? 'IN_PROGRESS' : 'NOT_STARTED';
    order.fulfillmentHrefs = [...(order.fulfillmentHrefs ?? []), href];
    order.lastModifiedDate = deps.stamp();
  }

  return {
    routes: [
      route('GET', `${ORDERS}/:orderId`, getOrder),
      route('GET', `${ORDERS}/:orderId/shipping_fulfillment`, list),
      route('POST', `${ORDERS}/:orderId/shipping_fulfillment`, create),
      route('GET', `${ORDERS}/:orderId/shipping_fulfillment/:fulfillmentId`, getOne),
    ],
    state: () => ({
      ...counts,
      byOrder: Object.fromEntries([...byOrder].map(([orderId, list]) => [orderId, list.map((f) => f.fulfillmentId)])),
    }),
    reset() {
      byOrder = new Map();
      counts = { created: 0, duplicates: 0, rejected: 0, getOrder: 0, getShippingFulfillments: 0 };
      sequence = 0;
    },
  };
}

const invalidInput = (longMessage: string): MockResponse => {
  const response = fulfillmentError(32600, 'Invalid input data');
  const body = response.body as { errors: Raw[] };
  body.errors[0]!.longMessage = longMessage;
  return response;
};
