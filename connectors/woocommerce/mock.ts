// A mock WooCommerce store speaking REST API v3: the real paths, Basic auth with consumer
// key/secret, page-number paging with X-WP-Total / X-WP-TotalPages / Link, the real error bodies.
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { changeOrder, createFaker, generateOrder } from './mock-data.js';
import { createWooFulfillments } from './mock-fulfillment.js';
import { createWooStock } from './mock-stock.js';

export const MOCK_CREDENTIALS = { consumerKey: 'ck_ordersync_demo', consumerSecret: 'cs_ordersync_demo' };

const API = '/wp-json/wc/v3';
const MAX_PER_PAGE = 100; // WC_REST_CRUD_Controller collection params: per_page 1–100

export interface WooMockOptions extends MockOptions {
  /** SKUs the store stocks as simple products, in place of the demo catalogue (benchmarks). */
  stockSkus?: readonly string[];
}

export function createWooMock(options: WooMockOptions): MockApi {
  const count = options.orders ?? 40;
  let faker = createFaker(options.seed);
  let orders = new Map<number, Record<string, unknown>>();
  let clock = 0;
  let baseUrl = '';
  const stock = createWooStock(options.stockSkus);
  const now = () => options.clock?.now() ?? Date.now(); // the test's fake clock when handed one
  const fulfillments = createWooFulfillments({ order: (id) => orders.get(id), stamp: () => stamp() });

  function seed(): void {
    faker = createFaker(options.seed);
    orders = new Map();
    // Anchored to the start of today (UTC) so the same seed gives the same orders all day.
    const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 20 * 86_400_000;
    for (let id = 1; id <= count; id++) {
      orders.set(id, generateOrder(faker, id, start + Math.floor(((id - 1) * 20 * 86_400_000) / Math.max(count, 1))));
    }
    clock = now();
  }
  seed();

  /** Second-precision stamps, never behind the newest stamp already given. */
  function stamp(): number {
    clock = Math.max(clock, Math.floor(now() / 1000) * 1000);
    return clock;
  }

  function authorize(request: MockRequest): MockResponse | undefined {
    const header = request.headers.authorization ?? '';
    let key = request.query.get('consumer_key');
    let secret = request.query.get('consumer_secret');
    if (header.startsWith('Basic ')) {
      const [user, password] = Buffer.from(header.slice(6), 'base64').toString().split(':');
      key = user ?? null;
      secret = password ?? null;
    }
    if (!key) return error(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    if (key !== MOCK_CREDENTIALS.consumerKey) return error(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
    if (secret !== MOCK_CREDENTIALS.consumerSecret) return error(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
    return undefined;
  }

  function listOrders(request: MockRequest): MockResponse {
    const denied = authorize(request);
    if (denied) return denied;
    const page = Number(request.query.get('page') ?? '1');
    const perPage = Number(request.query.get('per_page') ?? '10');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      return invalidParam('per_page', `per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)`);
    }
    if (!Number.isInteger(page) || page < 1) return invalidParam('page', 'page must be greater than or equal to 1');
    const gmt = request.query.get('dates_are_gmt') === 'true' || request.query.get('dates_are_gmt') === '1';
    const after = request.query.get('modified_after');
    const afterMs = after ? Date.parse(`${after.slice(0, 19)}Z`) - (gmt ? 0 : 3_600_000) : undefined;
    if (after && Number.isNaN(afterMs)) return invalidParam('modified_after', 'Invalid date.');
    const orderby = request.query.get('orderby') ?? 'date';
    const direction = request.query.get('order') === 'asc' ? 1 : -1;
    const key = orderby === 'modified' ? 'date_modified_gmt' : orderby === 'id' ? 'id' : 'date_created_gmt';
    const excluded = idList(request.query, 'exclude');
    const matching = [...orders.values()]
      .filter((order) => afterMs === undefined || Date.parse(`${String(order.date_modified_gmt)}Z`) > afterMs)
      .filter((order) => !excluded.has(Number(order.id)))
      .sort((a, b) => direction * (compare(a[key], b[key]) || compare(a.id, b.id)));
    const total = matching.length;
    const totalPages = Math.ceil(total / perPage);
    const headers: Record<string, string> = { 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages) };
    const link = links(request, page, totalPages);
    if (link) headers.link = link;
    return json(200, matching.slice((page - 1) * perPage, page * perPage), headers);
  }

  function links(request: MockRequest, page: number, totalPages: number): string {
    const at = (n: number) => { const q = new URLSearchParams(request.query); q.set('page', String(n)); return `<${baseUrl}${request.path}?${q}>`; };
    const parts: string[] = [];
    if (page > 1) parts.push(`${at(page - 1)}; rel="prev"`);
    if (page < totalPages) parts.push(`${at(page + 1)}; rel="next"`);
    return parts.join(', ');
  }

  function upsertOrders(body: unknown): unknown {
    const input = (body ?? {}) as { change?: number; add?: number; malformed?: number; orders?: Record<string, unknown>[] };
    const changed: number[] = [];
    const added: number[] = [];
    const ids = [...orders.keys()];
    for (let i = 0; i < (input.change ?? 0) && i < ids.length; i++) {
      const id = ids[Math.floor((i * ids.length) / (input.change ?? 1))] as number;
      changeOrder(orders.get(id)!, stamp());
      changed.push(id);
    }
    const nextId = () => Math.max(0, ...orders.keys()) + 1;
    for (let i = 0; i < (input.add ?? 0); i++) {
      const id = nextId();
      orders.set(id, generateOrder(faker, id, stamp()));
      added.push(id);
    }
    for (let i = 0; i < (input.malformed ?? 0); i++) {
      const id = nextId();
      // A total the mapper cannot read as money: the order must land in quarantine, not the ledger.
      orders.set(id, { ...generateOrder(faker, id, stamp()), total: 'NaN' });
      added.push(id);
    }
    for (const order of input.orders ?? []) {
      const id = Number(order.id);
      orders.set(id, { ...(orders.get(id) ?? {}), ...order });
      (changed.includes(id) ? changed : added).push(id);
    }
    return { changed, added };
  }

  return {
    name: 'woocommerce',
    routes: [
      route('GET', `${API}/orders`, listOrders),
      route('GET', `${API}/orders/:id`, (request) => {
        const denied = authorize(request);
        if (denied) return denied;
        const order = orders.get(Number(request.params.id));
        return order ? json(200, order) : error(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      }),
      ...stock.routes(authorize),
      ...fulfillments.routes(authorize),
    ],
    state: () => ({ orders: orders.size, orderIds: [...orders.keys()], ...stock.state(), ...fulfillments.state() }),
    upsertOrders,
    reset: () => { seed(); stock.reset(); fulfillments.reset(); },
    errorBody: (status, message) => ({ code: status === 404 ? 'rest_no_route' : 'internal_server_error', message, data: { status } }),
    setBaseUrl: (url) => { baseUrl = url; },
  };
}

function error(status: number, code: string, message: string): MockResponse {
  return json(status, { code, message, data: { status } });
}

function invalidParam(param: string, detail: string): MockResponse {
  return json(400, { code: 'rest_invalid_param', message: `Invalid parameter(s): ${param}`, data: { status: 400, params: { [param]: detail } } });
}

/**
 * An id-list parameter (`exclude`) as WordPress reads it: `exclude=1,2 3` or `exclude[]=1&exclude[]=2`,
 * each item through absint (wp_parse_id_list: https://developer.wordpress.org/reference/functions/wp_parse_id_list/).
 */
function idList(query: URLSearchParams, name: string): Set<number> {
  const items = [...query.getAll(name), ...query.getAll(`${name}[]`)].flatMap((value) => value.split(/[\s,]+/)).filter((item) => item !== '');
  return new Set(items.map((item) => Math.abs(Number.parseInt(item, 10)) || 0));
}

function compare(a: unknown, b: unknown): number {
  return a === b ? 0 : String(a).localeCompare(String(b), 'en', { numeric: true });
}
