// The mock store's side of shipping: order notes (GET/POST /orders/{id}/notes), order updates
// (PUT /orders/{id}: status and meta_data, stamping date_modified so the next pull sees it) and
// the Shipment Tracking extension's items (wc-shipment-tracking/v3). Errors as WooCommerce words
// them: 404 woocommerce_rest_shop_order_invalid_id, 400 rest_invalid_param for a bad status.
import { json, route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { WOO_ORDER_STATUSES } from './types.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const API = '/wp-json/wc/v3';
const TRACKING_API = '/wp-json/wc-shipment-tracking/v3';

export interface FulfillmentDeps {
  order(id: number): Raw | undefined;
  /** A fresh modified instant (ms, whole seconds). */
  stamp(): number;
}

interface MockNote { id: number; author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean; added_by_user: boolean }
interface MockTracking { tracking_id: string; tracking_provider: string; tracking_link: string; tracking_number: string; date_shipped: string }

const wooTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const local = (ms: number): string => wooTime(ms + 3_600_000); // the mock store's site time is UTC+1 (mock-data.ts)

export function createWooFulfillments(deps: FulfillmentDeps) {
  let notes = new Map<number, MockNote[]>();
  let trackings = new Map<number, MockTracking[]>();
  let counts = { notes: 0, trackings: 0, orderUpdates: 0, completed: 0, duplicates: 0, rejected: 0 };
  let sequence = 0;

  function withOrder(handler: (order: Raw, request: MockRequest) => MockResponse) {
    return (request: MockRequest) => {
      const order = deps.order(Number(request.params.id));
      return order ? handler(order, request) : error(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    };
  }

  function touch(order: Raw): void {
    const ms = deps.stamp();
    order.date_modified_gmt = wooTime(ms);
    order.date_modified = local(ms);
  }

  // GET /orders/{id}/notes?type=any|customer|internal — newest first, as WooCommerce lists comments.
  function listNotes(order: Raw, request: MockRequest): MockResponse {
    const type = request.query.get('type') ?? 'any';
    const all = [...(notes.get(order.id) ?? [])].reverse();
    return json(200, all.filter((n) => type === 'any' || (type === 'customer') === n.customer_note));
  }

  // POST /orders/{id}/notes {note, customer_note}: 201 with the note
  function addNote(order: Raw, request: MockRequest): MockResponse {
    const body = (request.json ?? {}) as Raw;
    if (typeof body.note !== 'string' || body.note.trim() === '') {
      counts.rejected++;
      return json(400, { code: 'rest_missing_callback_param', message: 'Missing parameter(s): note', data: { status: 400, params: ['note'] } });
    }
    const list = notes.get(order.id) ?? [];
    if (list.some((n) => n.note === body.note)) counts.duplicates++; // WooCommerce would store it again: a second e-mail to the customer
    const ms = deps.stamp();
    const note: MockNote = { id: 2000 + ++sequence, author: 'ordersync', date_created: local(ms), date_created_gmt: wooTime(ms), note: body.note, customer_note: body.customer_note === true, added_by_user: true };
    notes.set(order.id, [...list, note]);
    counts.notes++;
    return json(201, note);
  }

  // PUT /orders/{id}: status (the enum of wc_get_order_statuses) and meta_data (updated by key).
  function updateOrder(order: Raw, request: MockRequest): MockResponse {
    const body = (request.json ?? {}) as Raw;
    if (body.status !== undefined && !(WOO_ORDER_STATUSES as readonly string[]).includes(body.status)) {
      counts.rejected++;
      const allowed = WOO_ORDER_STATUSES.filter((s) => s !== 'trash').join(', ');
      return json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): status', data: { status: 400, params: { status: `status is not one of ${allowed}.` } } });
    }
    for (const meta of Array.isArray(body.meta_data) ? (body.meta_data as Raw[]) : []) {
      const list = (order.meta_data ?? []) as Raw[];
      const existing = list.find((m) => m.key === meta.key);
      if (existing) existing.value = meta.value;
      else list.push({ id: 5000 + ++sequence, key: meta.key, value: meta.value });
      order.meta_data = list;
    }
    if (body.status !== undefined && body.status !== order.status) {
      order.status = body.status;
      if (body.status === 'completed') {
        counts.completed++;
        order.date_completed_gmt = wooTime(deps.stamp());
      }
    }
    counts.orderUpdates++;
    touch(order);
    return json(200, order);
  }

  // GET/POST /wc-shipment-tracking/v3/orders/{id}/shipment-trackings (extension docs: create, list).
  function listTrackings(order: Raw): MockResponse {
    return json(200, trackings.get(order.id) ?? []);
  }

  function addTracking(order: Raw, request: MockRequest): MockResponse {
    const body = (request.json ?? {}) as Raw;
    const provider = body.tracking_provider ?? body.custom_tracking_provider;
    if (typeof body.tracking_number !== 'string' || body.tracking_number === '' || typeof provider !== 'string' || provider === '') {
      counts.rejected++;
      return json(400, { code: 'woocommerce_rest_shipment_tracking_invalid', message: 'Tracking number and provider are required.', data: { status: 400 } }); // wording UNCONFIRMED
    }
    const list = trackings.get(order.id) ?? [];
    if (list.some((t) => t.tracking_number === body.tracking_number)) counts.duplicates++;
    const link = typeof body.custom_tracking_link === 'string' ? body.custom_tracking_link.replace('%1$s', body.tracking_number) : `https://track.example/${provider}/${body.tracking_number}`;
    const tracking: MockTracking = {
      tracking_id: `trk${String(++sequence).padStart(29, '0')}`, tracking_provider: provider, tracking_link: link,
      tracking_number: body.tracking_number, date_shipped: typeof body.date_shipped === 'string' ? body.date_shipped : wooTime(deps.stamp()).slice(0, 10),
    };
    trackings.set(order.id, [...list, tracking]);
    counts.trackings++;
    return json(201, tracking);
  }

  return {
    routes(authorize: (request: MockRequest) => MockResponse | undefined): Route[] {
      const guarded = (handler: (order: Raw, request: MockRequest) => MockResponse) => {
        const inner = withOrder(handler);
        return (request: MockRequest) => authorize(request) ?? inner(request);
      };
      return [
        route('GET', `${API}/orders/:id/notes`, guarded(listNotes)),
        route('POST', `${API}/orders/:id/notes`, guarded(addNote)),
        // WP_REST_Server::EDITABLE is POST, PUT and PATCH.
        route('PUT', `${API}/orders/:id`, guarded(updateOrder)),
        route('POST', `${API}/orders/:id`, guarded(updateOrder)),
        route('PATCH', `${API}/orders/:id`, guarded(updateOrder)),
        route('GET', `${TRACKING_API}/orders/:id/shipment-trackings`, guarded(listTrackings)),
        route('POST', `${TRACKING_API}/orders/:id/shipment-trackings`, guarded(addTracking)),
      ];
    },
    state: () => ({
      fulfillment: {
        ...counts,
        notesByOrder: Object.fromEntries([...notes].map(([id, list]) => [id, list.map((n) => n.note)])),
        trackingsByOrder: Object.fromEntries([...trackings].map(([id, list]) => [id, list.map((t) => t.tracking_number)])),
      },
    }),
    reset(): void {
      notes = new Map();
      trackings = new Map();
      counts = { notes: 0, trackings: 0, orderUpdates: 0, completed: 0, duplicates: 0, rejected: 0 };
      sequence = 0;
    },
  };
}

function error(status: number, code: string, message: string): MockResponse {
  return json(status, { code, message, data: { status } });
}
