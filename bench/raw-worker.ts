// Child process: the raw rate of a channel, a bare fetch loop that asks for the same pages as
// ordersync's pull (same queries, same paging walk), parses each body only as far as paging
// needs (JSON.parse, as any client must), and throws the orders away. It can record what it
// fetched, for the replay server (lib/replay.ts).
import { MOCK_CREDENTIALS as WOO } from '../connectors/woocommerce/mock.js';
import { MAX_EXCLUDE } from '../connectors/woocommerce/pull.js';
import { MOCK_CREDENTIALS as SHOPIFY } from '../connectors/shopify/mock.js';
import { linesPageSize, ORDER_LINES_QUERY, ORDERS_QUERY, ordersPageSize } from '../connectors/shopify/queries.js';
import { requestKey, writeRecording, type Recorded } from './lib/replay.js';
import { serveHandlers } from './lib/worker.js';

export interface RawInput { url: string; record?: string }
export interface RawOutput { ms: number; requests: number; orders: number; bytes: number }

const SECOND = 1_000;
const WOO_PER_PAGE = 100; // the connector's default pageSize
const SHOPIFY_API = '/admin/api/2026-01/graphql.json';

async function rawWoo(input: RawInput): Promise<RawOutput> {
  const authorization = `Basic ${Buffer.from(`${WOO.consumerKey}:${WOO.consumerSecret}`).toString('base64')}`;
  const path = '/wp-json/wc/v3/orders';
  const records: Recorded[] = [];
  const totals = { requests: 0, orders: 0, bytes: 0 };
  let after = 0;
  let exclude: number[] = [];
  let page = 1;
  const began = performance.now();
  for (;;) {
    const query = new URLSearchParams({
      modified_after: new Date(after).toISOString().slice(0, 19), dates_are_gmt: 'true', orderby: 'modified',
      order: 'asc', status: 'any', per_page: String(WOO_PER_PAGE), page: String(page),
    });
    if (exclude.length > 0) query.set('exclude', exclude.join(','));
    const response = await fetch(`${input.url}${path}?${query}`, { headers: { authorization, accept: 'application/json' } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`woocommerce answered ${response.status}: ${text.slice(0, 200)}`);
    totals.requests++;
    totals.bytes += text.length;
    if (input.record) records.push({ key: requestKey('GET', path, query, ''), status: 200, headers: pick(response.headers, ['content-type', 'x-wp-total', 'x-wp-totalpages']), body: text });
    const orders = JSON.parse(text) as { id?: number; date_modified_gmt?: string }[];
    totals.orders += orders.length;
    let newest: string | undefined;
    for (const order of orders) if (order.date_modified_gmt && (!newest || order.date_modified_gmt > newest)) newest = order.date_modified_gmt;
    if (orders.length < WOO_PER_PAGE || !newest) break;
    // The connector's walk (connectors/woocommerce/pull.ts): restart one second before the newest,
    // excluding the ids already read at that second.
    const atNewest = orders.filter((o) => o.date_modified_gmt === newest && typeof o.id === 'number' && o.id > 0 && !exclude.includes(o.id)).map((o) => o.id as number);
    const restart = Date.parse(`${newest}Z`) - SECOND;
    if (restart > after) { after = restart; exclude = atNewest; page = 1; }
    else if (page === 1 && atNewest.length > 0 && exclude.length + atNewest.length <= MAX_EXCLUDE) exclude = [...exclude, ...atNewest];
    else page++;
  }
  const ms = performance.now() - began;
  if (input.record) await writeRecording(input.record, records);
  return { ms, ...totals };
}

interface Connection { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; lineItems?: Connection }[] }

async function rawShopify(input: RawInput): Promise<RawOutput> {
  const records: Recorded[] = [];
  const totals = { requests: 0, orders: 0, bytes: 0 };
  const post = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(`${input.url}${SHOPIFY_API}`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': SHOPIFY.accessToken },
    });
    const text = await response.text();
    totals.requests++;
    totals.bytes += text.length;
    if (input.record) records.push({ key: requestKey('POST', SHOPIFY_API, new URLSearchParams(), body), status: response.status, headers: pick(response.headers, ['content-type', 'x-shopify-api-version']), body: text });
    const parsed = JSON.parse(text) as { data?: T; errors?: unknown };
    if (response.status !== 200 || !parsed.data) throw new Error(`shopify answered ${response.status}: ${text.slice(0, 300)}`);
    return parsed.data;
  };
  // The connector's defaults: 5 lines per order, pages cut to the 1,000-point query cap.
  const lines = 5;
  const first = ordersPageSize(250, lines);
  const linesFirst = linesPageSize();
  let after: string | null = null;
  const began = performance.now();
  for (;;) {
    const { orders }: { orders: Connection } = await post(ORDERS_QUERY, { first, after, query: null, lines });
    totals.orders += orders.nodes.length;
    for (const node of orders.nodes) {
      let info = node.lineItems?.pageInfo;
      while (info?.hasNextPage && info.endCursor) {
        const data: { order: { lineItems: Connection } | null } = await post(ORDER_LINES_QUERY, { id: node.id, first: linesFirst, after: info.endCursor });
        info = data.order?.lineItems.pageInfo;
      }
    }
    if (!orders.pageInfo.hasNextPage || !orders.pageInfo.endCursor) break;
    after = orders.pageInfo.endCursor;
  }
  const ms = performance.now() - began;
  if (input.record) await writeRecording(input.record, records);
  return { ms, ...totals };
}

function pick(headers: Headers, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

serveHandlers({ woocommerce: rawWoo, shopify: rawShopify });
