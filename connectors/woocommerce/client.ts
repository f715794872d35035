// Every WooCommerce REST API call ordersync makes.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import type { WooSettings } from './settings.js';

const API = '/wp-json/wc/v3';

export function wooClient(ctx: ConnectorContext<WooSettings>): HttpClient {
  return ctx.http({
    baseURL: ctx.settings.url,
    // HTTP Basic with the consumer key and secret (the documented method over HTTPS).
    // https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https
    auth: { username: ctx.settings.consumerKey, password: ctx.settings.consumerSecret },
    allowInsecure: ctx.settings.allowInsecure,
  });
}

export interface OrdersPage {
  orders: unknown[];
  total: number;
  totalPages: number;
}

export interface OrdersQuery {
  /** Orders modified strictly after this instant (whole seconds, GMT). */
  after: Date;
  /** Order ids to leave out (already read at the newest second). */
  exclude: readonly number[];
  page: number;
  perPage: number;
}

// GET /wp-json/wc/v3/orders — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders
// `orderby=modified` is accepted by the controller though the doc table omits it (WC_REST_Orders_V2_Controller);
// the CRUD controller adds ID to it ("modified ID"), so equal stamps come in id order.
// `exclude` ("Ensure result set excludes specific IDs", array) is parsed by wp_parse_id_list, which
// takes a comma-separated list: https://developer.wordpress.org/reference/functions/wp_parse_id_list/
export async function listOrdersModifiedAfter(http: HttpClient, query: OrdersQuery): Promise<OrdersPage> {
  const response = await http.request<unknown>({
    method: 'GET',
    path: `${API}/orders`,
    query: {
      modified_after: query.after.toISOString().slice(0, 19),
      dates_are_gmt: true,
      orderby: 'modified',
      order: 'asc',
      status: 'any',
      per_page: query.perPage,
      page: query.page,
      exclude: query.exclude.length > 0 ? query.exclude.join(',') : undefined,
    },
  });
  if (!Array.isArray(response.data)) throw new Error('the orders endpoint did not answer with a list');
  return {
    orders: response.data,
    total: Number(response.headers['x-wp-total'] ?? response.data.length),
    totalPages: Number(response.headers['x-wp-totalpages'] ?? 1),
  };
}

// A cheap authenticated call to prove the credentials: one order.
export async function verifyCredentials(http: HttpClient): Promise<void> {
  await http.request({ method: 'GET', path: `${API}/orders`, query: { per_page: 1 } });
}
