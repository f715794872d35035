// The mock's confirmShipment (Orders API v0, POST /orders/v0/orders/{orderId}/shipmentConfirmation):
// its own token bucket (2/s, burst 10), the spec's 204, 400 InvalidInput answers for what Amazon
// refuses, and a package per confirmation on the order, which getOrder shows with
// includedData=PACKAGES while the items' quantities and the order's fulfillmentStatus move on.
import { TokenBucket, type Clock } from '../../src/connector-kit/index.js';
import { route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import type { UsagePlan } from './mock.js';
import type { StoredOrder } from './mock-search.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ordersV0.json confirmShipment "Usage Plan": rate 2 requests per second, burst 10.
export const CONFIRM_SHIPMENT_PLAN: UsagePlan = { rate: 2, burst: 10 };

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/; // PackageDetail.shipDate: date-time
const SHIPPABLE = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED']);

export interface ConfirmationDeps {
  clock: Clock;
  plan?: UsagePlan;
  order(orderId: string): StoredOrder | undefined;
  /** The 403 answer when the request's x-amz-access-token is not live. */
  authenticate(request: MockRequest): MockResponse | undefined;
  /** Adds x-amzn-RequestId and Date. */
  withHeaders(response: MockResponse): MockResponse;
  /** The 429 QuotaExceeded answer. */
  quotaExceeded(): MockResponse;
  /** Stamps the order's lastUpdatedTime: it changed now. */
  touch(order: StoredOrder): void;
}

export interface MockConfirmations {
  routes: Route[];
  state(): Record<string, unknown>;
  reset(): void;
  setUsagePlan(plan: UsagePlan): void;
}

export function createMockConfirmations(deps: ConfirmationDeps): MockConfirmations {
  let plan = deps.plan ?? CONFIRM_SHIPMENT_PLAN;
  let bucket = new TokenBucket(plan.rate, plan.burst, deps.clock);
  const zero = () => ({ requests: 0, throttled: 0, confirmed: 0, duplicates: 0, rejected: 0 });
  let counts = zero();

  const answer = (status: number, body?: unknown): MockResponse =>
    deps.withHeaders({ status, body, headers: { 'x-amzn-RateLimit-Limit': String(plan.rate) } });
  const invalid = (message: string, details = ''): MockResponse => answer(400, { errors: [{ code: 'InvalidInput', message, details }] });

  function confirm(request: MockRequest): MockResponse {
    counts.requests++;
    const denied = deps.authenticate(request);
    if (denied) return denied;
    if (bucket.available < 1) {
      counts.throttled++;
      return deps.quotaExceeded();
    }
    bucket.observe(bucket.available - 1);
    const order = deps.order(request.params.orderId ?? '') as Raw | undefined;
    if (!order) return answer(404, { errors: [{ code: 'NotFound', message: 'The resource specified does not exist.', details: '' }] });
    const refusal = refuse(order, request.json as Raw | undefined);
    if (refusal) {
      counts.rejected++;
      return refusal;
    }
    ship(order, (request.json as Raw).packageDetail);
    counts.confirmed++;
    return answer(204);
  }

  /** What Amazon refuses, as 400 InvalidInput; undefined when the package can be confirmed. */
  function refuse(order: Raw, body: Raw | undefined): MockResponse | undefined {
    const detail = body?.packageDetail as Raw | undefined;
    // ConfirmShipmentRequest: marketplaceId and packageDetail required; PackageDetail: packageReferenceId,
    // carrierCode, trackingNumber, shipDate, orderItems required (ordersV0.json).
    if (!body || typeof body.marketplaceId !== 'string' || !detail || typeof detail !== 'object') return invalid('Invalid Input', 'marketplaceId and packageDetail are required.');
    for (const field of ['packageReferenceId', 'carrierCode', 'trackingNumber', 'shipDate']) {
      if (typeof detail[field] !== 'string' || detail[field] === '') return invalid('Invalid Input', `packageDetail.${field} is required.`);
    }
    if (body.marketplaceId !== order.salesChannel?.marketplaceId) return invalid('Invalid Input', `marketplaceId ${body.marketplaceId} is not the marketplace of order ${order.orderId}.`);
    // Message as live answers quote it (jlevers/selling-partner-api#489).
    if (!/^[1-9]\d*$/.test(detail.packageReferenceId)) return invalid('PackageReferenceId: is invalid, must be a positive numeric value.');
    if (detail.carrierCode === 'Other' && !detail.carrierName) return invalid('Invalid Input', 'carrierName is required when carrierCode is Other.');
    if (!ISO_8601.test(detail.shipDate) || Number.isNaN(Date.parse(detail.shipDate))) return invalid('Invalid Input', 'shipDate must be an ISO 8601 date-time.');
    const items = detail.orderItems;
    if (!Array.isArray(items) || items.length === 0) return invalid('Invalid Input', 'packageDetail.orderItems must list at least one item.');
    const wanted = new Map<string, number>();
    for (const item of items as Raw[]) {
      // Message as live answers quote it (amzn/selling-partner-api-models#492).
      const known = (order.orderItems as Raw[]).some((own) => own.orderItemId === item?.orderItemId);
      if (!known) return invalid('OrderItemId is invalid, please obtain the value through the getOrderItems API or Manage Orders page');
      if (!Number.isInteger(item.quantity) || item.quantity < 1) return invalid('Invalid Input', `quantity of OrderItemId ${item.orderItemId} must be a positive integer.`);
      wanted.set(item.orderItemId, (wanted.get(item.orderItemId) ?? 0) + item.quantity);
    }
    const packages = (order.packages ?? []) as Raw[];
    if (packages.some((p) => p.trackingNumber === detail.trackingNumber)) counts.duplicates++; // the same parcel confirmed again
    // The refusals below carry our own wording: Amazon documents none (UNCONFIRMED).
    if (order.fulfillment?.fulfilledBy === 'AMAZON') return invalid('Invalid Input', `Order ${order.orderId} is fulfilled by Amazon; only merchant-fulfilled orders take a shipment confirmation.`);
    const status = String(order.fulfillment?.fulfillmentStatus);
    // Message as a live answer quotes it (amzn/selling-partner-api-models#5037).
    if (status === 'SHIPPED') return invalid('Failed to create package due to not finding a matching package or order already fulfilled.', `Order ${order.orderId} is SHIPPED.`);
    if (!SHIPPABLE.has(status)) return invalid('Invalid Input', `Order ${order.orderId} is not in a shippable state (${status}).`);
    if (packages.some((p) => p.packageReferenceId === detail.packageReferenceId)) {
      return invalid('Invalid Input', `PackageReferenceId ${detail.packageReferenceId} is already used by a package of order ${order.orderId}.`);
    }
    for (const [orderItemId, quantity] of wanted) {
      const left = unshipped((order.orderItems as Raw[]).find((own) => own.orderItemId === orderItemId)!);
      if (quantity > left) return invalid('Invalid Input', `Quantity ${quantity} for OrderItemId ${orderItemId} exceeds the ${left} unit(s) left to ship.`);
    }
    return undefined;
  }

  /** Records the package (definitions OrderPackage, PackageItem) and moves quantities and status on. */
  function ship(order: Raw, detail: Raw): void {
    const packageItems = (detail.orderItems as Raw[]).map((item) => ({ orderItemId: String(item.orderItemId), quantity: Number(item.quantity) }));
    for (const item of order.orderItems as Raw[]) {
      const quantity = packageItems.filter((p) => p.orderItemId === item.orderItemId).reduce((sum, p) => sum + p.quantity, 0);
      const left = unshipped(item);
      item.fulfillment = { ...item.fulfillment, quantityFulfilled: item.quantityOrdered - left + quantity, quantityUnfulfilled: left - quantity };
    }
    const done = (order.orderItems as Raw[]).every((item) => item.fulfillment.quantityUnfulfilled === 0);
    order.fulfillment = { ...order.fulfillment, fulfillmentStatus: done ? 'SHIPPED' : 'PARTIALLY_SHIPPED' };
    const now = new Date(deps.clock.now()).toISOString();
    order.packages = [...(order.packages ?? []), {
      packageReferenceId: detail.packageReferenceId,
      createdTime: now,
      packageStatus: { status: 'SHIPPED' }, // "Package dispatch confirmation to customer" (PackageStatus enum)
      carrier: detail.carrierCode === 'Other' ? detail.carrierName : detail.carrierCode,
      shipTime: new Date(Date.parse(detail.shipDate)).toISOString(),
      ...(detail.shippingMethod ? { shippingService: detail.shippingMethod } : {}),
      trackingNumber: detail.trackingNumber,
      packageItems,
    }];
    deps.touch(order as StoredOrder);
  }

  return {
    routes: [route('POST', '/orders/v0/orders/:orderId/shipmentConfirmation', confirm)],
    state: () => ({ ...counts, usagePlan: { ...plan, available: bucket.available } }),
    reset() {
      plan = deps.plan ?? CONFIRM_SHIPMENT_PLAN;
      bucket = new TokenBucket(plan.rate, plan.burst, deps.clock);
      counts = zero();
    },
    setUsagePlan(next) {
      plan = next;
      bucket = new TokenBucket(next.rate, next.burst, deps.clock);
    },
  };
}

/** Units not shipped yet (ItemFulfillment.quantityUnfulfilled, else ordered − fulfilled). */
function unshipped(item: Raw): number {
  return item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered - (item.fulfillment?.quantityFulfilled ?? 0);
}
