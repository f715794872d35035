// A WooCommerce REST v3 server for very large stores: the part of the protocol ordersync's pull
// uses (GET /wp-json/wc/v3/orders with modified_after, orderby=modified, order=asc, per_page,
// page; Basic auth; X-WP-Total / X-WP-TotalPages), with orders generated on demand by the real
// mock's generator (connectors/woocommerce/mock-data.ts), seeded per order id. Each page costs
// O(page), where the real mock filters and sorts every order per request (O(N log N) per page:
// about 0.5 s a page at 100,000 orders), which would make a 1,000,000-order pull through it take
// most of a day. Memory stays flat in the order count, on both sides.
import { json, route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import { createFaker, generateOrder } from '../../connectors/woocommerce/mock-data.js';
import { MOCK_CREDENTIALS } from '../../connectors/woocommerce/mock.js';

const API = '/wp-json/wc/v3';
const SPAN_MS = 20 * 86_400_000; // the real mock spreads its orders over the last 20 days
const MAX_PER_PAGE = 100;

export function createLazyWooMock(options: { orders: number; seed?: number }): MockApi {
  const count = options.orders;
  const seed = options.seed ?? 1;
  const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - SPAN_MS;
  const faker = createFaker(seed);
  const auth = `Basic ${Buffer.from(`${MOCK_CREDENTIALS.consumerKey}:${MOCK_CREDENTIALS.consumerSecret}`).toString('base64')}`;
  // Whole seconds, as WooCommerce stores them; ascending in id, so id order is modified order.
  const modifiedSecond = (id: number): number => Math.floor((start + Math.floor(((id - 1) * SPAN_MS) / count)) / 1000);

  /** The first id modified strictly after `afterSecond`. */
  function firstAfter(afterSecond: number): number {
    let lo = 1;
    let hi = count + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (modifiedSecond(mid) > afterSecond) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  function listOrders(request: MockRequest): MockResponse {
    if (request.headers.authorization !== auth) return json(401, { code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.', data: { status: 401 } });
    const perPage = Math.min(MAX_PER_PAGE, Number(request.query.get('per_page') ?? '10'));
    const page = Number(request.query.get('page') ?? '1');
    const after = request.query.get('modified_after');
    const afterSecond = after ? Math.floor(Date.parse(`${after.slice(0, 19)}Z`) / 1000) : -Infinity;
    const first = firstAfter(afterSecond);
    const total = count - first + 1;
    const orders: Record<string, unknown>[] = [];
    for (let id = first + (page - 1) * perPage; id < first + page * perPage && id <= count; id++) {
      faker.seed(seed * 10_000_019 + id);
      orders.push(generateOrder(faker, id, modifiedSecond(id) * 1000));
    }
    return json(200, orders, { 'x-wp-total': String(total), 'x-wp-totalpages': String(Math.ceil(total / perPage)) });
  }

  return {
    name: 'woocommerce',
    routes: [route('GET', `${API}/orders`, listOrders)],
    state: () => ({ orders: count }),
    reset: () => undefined,
  };
}
