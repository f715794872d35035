// A mock ShipBob account: the real paths under /{version}/, Bearer PAT + shipbob_channel_id,
// 422 on a reused reference_id, the documented sliding-window limiter with x-remaining-calls /
// x-retry-after and its 429 body, and cancel while nothing has shipped.
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { SlidingWindow } from './mock-limiter.js';
import { SHIPBOB_VERSIONS } from './settings.js';
import { validateCreateOrder } from './mock-validate.js';
import { createShipBobStock, type ShipBobMockStock } from './mock-stock.js';
import { matchesShipmentFilters, openShipment, shipParcels, type MockShipment, type Parcel } from './mock-ship.js';

export const MOCK_CREDENTIALS = { token: 'shipbob_pat_ordersync_demo', channelId: '424242' };

export interface ShipBobMockOptions extends MockOptions {
  /** The limiter (defaults: 150 per 60 s, as documented); tests shrink it. */
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

type StoredOrder = Record<string, unknown> & { id: number; reference_id: string; status: string; shipments: MockShipment[] };

export interface ShipBobMock extends MockApi {
  /** Moves an order on as the warehouse would: its shipments leave (or get a label). */
  shipOrder(referenceId: string, status?: 'Fulfilled' | 'PartiallyFulfilled' | 'LabeledCreated'): boolean;
  /**
   * Ships an order in parcels with tracking, as Get Orders then shows it (also `POST /__mock/ship`
   * `{"reference_id": "…", "parcels": [{"products": [{"reference_id": "SKU", "quantity": 1}]}]}`).
   * Answers a reason when it cannot.
   */
  ship(referenceId: string, parcels?: Parcel[]): string | undefined;
  stock: ShipBobMockStock;
}

export function createShipBobMock(options: ShipBobMockOptions): ShipBobMock {
  const limiter = new SlidingWindow({ limit: options.limit ?? 150, windowMs: options.windowMs ?? 60_000, now: options.now ?? Date.now });
  // The warehouse's clock: tests hand the mock the connector's fake clock.
  const clockNow = options.now ?? (options.clock ? () => options.clock!.now() : Date.now);
  const firstId = 100_000 + (options.seed % 1000) * 1000;
  let orders: StoredOrder[] = [];
  let nextId = firstId;
  let duplicateAttempts = 0;
  let received: Record<string, number> = {};
  const stock = createShipBobStock(() => orders);

  /** Auth, then the limiter; every admitted answer carries x-remaining-calls. */
  function guarded(kind: string, handler: (request: MockRequest) => MockResponse): (request: MockRequest) => MockResponse {
    return (request) => {
      if (!(SHIPBOB_VERSIONS as readonly string[]).includes(request.params.version ?? '')) return { status: 404 };
      if (request.headers.authorization !== `Bearer ${MOCK_CREDENTIALS.token}`) return { status: 401 };
      const decision = limiter.take(MOCK_CREDENTIALS.token);
      if (!decision.allowed) return throttled(decision.retryAfterSeconds);
      received[kind] = (received[kind] ?? 0) + 1;
      const response = handler(request);
      return { ...response, headers: { ...response.headers, 'x-remaining-calls': String(decision.remaining) } };
    };
  }

  function channelChecked(request: MockRequest): MockResponse | undefined {
    const channel = request.headers.shipbob_channel_id;
    if (!channel) return json(400, { shipbob_channel_id: ['The shipbob_channel_id header is required.'] });
    if (channel !== MOCK_CREDENTIALS.channelId) return json(403, { message: `No write access to channel ${channel}` });
    return undefined;
  }

  function createOrder(request: MockRequest): MockResponse {
    const refused = channelChecked(request);
    if (refused) return refused;
    const body = (request.json ?? {}) as Record<string, unknown>;
    const problems = validateCreateOrder(body, request.params.version ?? '');
    if (problems) return json(400, problems);
    const reference = String(body.reference_id);
    if (orders.some((o) => o.reference_id === reference)) {
      duplicateAttempts++;
      return json(422, { reference_id: [`Duplicate reference ID: an order with reference_id "${reference}" already exists`] });
    }
    const id = nextId++;
    const products = (body.products as Record<string, unknown>[]).map((p, i) => ({ id: id * 10 + i, sku: p.reference_id, ...p }));
    const record: StoredOrder = {
      ...body, id, reference_id: reference, status: 'Processing', created_date: new Date(clockNow()).toISOString(),
      channel: { id: Number(MOCK_CREDENTIALS.channelId), name: 'ordersync-demo' }, products, shipments: [],
    };
    record.shipments = [openShipment(record, clockNow())];
    orders.push(record);
    return json(201, record);
  }

  function listOrders(request: MockRequest): MockResponse {
    const refs = request.query.get('ReferenceIds')?.split(',').filter(Boolean);
    const ids = request.query.get('IDs')?.split(',').map(Number);
    const limit = Math.min(Number(request.query.get('Limit') ?? 50), 250);
    const page = Math.max(1, Number(request.query.get('Page') ?? 1));
    const matching = orders.filter((o) => (!refs || refs.includes(o.reference_id)) && (!ids || ids.includes(o.id)) && matchesShipmentFilters(o, request.query));
    const pageItems = matching.slice((page - 1) * limit, page * limit);
    const headers: Record<string, string> = {};
    if (page * limit < matching.length) headers['next-page'] = `${request.path}?Page=${page + 1}&Limit=${limit}`;
    return json(200, pageItems, headers);
  }

  function getOrder(request: MockRequest): MockResponse {
    const order = orders.find((o) => String(o.id) === request.params.id);
    return order ? json(200, order) : json(404, { message: `Order ${request.params.id} not found` });
  }

  function cancel(request: MockRequest, rawId: string): MockResponse {
    const refused = channelChecked(request);
    if (refused) return refused;
    const order = orders.find((o) => String(o.id) === rawId);
    if (!order) return json(404, { message: `Order ${rawId} not found` });
    const gone = order.shipments.filter((s) => s.status === 'Completed' || s.status === 'LabeledCreated');
    if (gone.length > 0 || order.status === 'Fulfilled' || order.status === 'PartiallyFulfilled') {
      return json(422, { orderId: [`Order ${order.id} cannot be cancelled: shipment(s) ${gone.map((s) => s.id).join(', ')} already processed`] });
    }
    order.status = 'Cancelled';
    for (const shipment of order.shipments) shipment.status = 'Cancelled';
    return json(200, {
      order_id: order.id, status: 'Success', order,
      canceled_shipment_results: order.shipments.map((s) => ({ action: 'Cancel', is_success: true, reason: null, shipment_id: s.id })),
    });
  }

  function ship(referenceId: string, parcels: Parcel[] = []): string | undefined {
    const order = orders.find((o) => o.reference_id === referenceId);
    return order ? shipParcels(order, parcels, clockNow()) : `no order with reference_id ${referenceId}`;
  }

  function throttled(retryAfterSeconds: number): MockResponse {
    return json(429, { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
      { 'x-retry-after': String(retryAfterSeconds), 'x-remaining-calls': '0' });
  }

  function state(): Record<string, unknown> {
    return {
      records: orders.length,
      duplicates: orders.length - new Set(orders.map((o) => o.reference_id)).size,
      duplicateAttempts,
      received,
      cancelled: orders.filter((o) => o.status === 'Cancelled').length,
      orders,
    };
  }

  return {
    name: 'shipbob',
    routes: [
      route('POST', '/:version/order', guarded('create', createOrder)),
      route('GET', '/:version/order', guarded('list', listOrders)),
      route('GET', '/:version/order/:id', guarded('get', getOrder)),
      // 2026-xx: POST /order/{id}:cancel (one path segment); 2.0/1.0: POST /order/{id}/cancel.
      route('POST', '/:version/order/:idAction', guarded('cancel', (r) => {
        const match = /^(\d+):cancel$/.exec(r.params.idAction ?? '');
        return match ? cancel(r, match[1]!) : { status: 404 };
      })),
      route('POST', '/:version/order/:id/cancel', guarded('cancel', (r) => cancel(r, r.params.id ?? ''))),
      route('GET', '/:version/inventory-level', guarded('inventory', (r) => stock.list(r))),
      route('GET', '/:version/channel', guarded('channel', () => json(200, [
        { id: Number(MOCK_CREDENTIALS.channelId), name: 'ordersync-demo', application_name: 'ordersync', scopes: ['orders_read', 'orders_write'] },
      ]))),
    ],
    state,
    reset: () => { orders = []; nextId = firstId; duplicateAttempts = 0; received = {}; limiter.reset(); stock.reset(); },
    throttled,
    errorBody: (_status, message) => ({ message }),
    stock,
    ship,
    control(method, path, body) {
      if (method !== 'POST' || path !== '/__mock/ship') return undefined;
      const input = (body ?? {}) as { reference_id?: unknown; parcels?: unknown };
      if (typeof input.reference_id !== 'string') return json(400, { message: 'reference_id (string) is required' });
      const refused = ship(input.reference_id, Array.isArray(input.parcels) ? (input.parcels as Parcel[]) : []);
      return refused ? json(409, { message: refused }) : json(200, orders.find((o) => o.reference_id === input.reference_id));
    },
    shipOrder(referenceId, status = 'Fulfilled') {
      const order = orders.find((o) => o.reference_id === referenceId);
      if (!order) return false;
      if (status !== 'LabeledCreated') order.status = status;
      for (const shipment of order.shipments) shipment.status = status === 'LabeledCreated' ? 'LabeledCreated' : 'Completed';
      return true;
    },
  };
}
