// The four channels that take stock, each wired to its own mock (in this process, 127.0.0.1 port 0,
// real clock, the mock's own rate limiting) the way `ordersync stock push` wires them from config,
// with what the stock benchmark needs to judge a push: which of the mock's routes are reads and
// writes, the documented batch size, and the rate-limit floor for the calls made.
import { amazonChannel } from '../../connectors/amazon/index.js';
import { createAmazonMock, MOCK_CREDENTIALS as AMAZON, MOCK_SELLER_ID } from '../../connectors/amazon/mock.js';
import { FEEDS_PLANS } from '../../connectors/amazon/mock-feeds.js';
import { LISTINGS_PLANS } from '../../connectors/amazon/mock-stock.js';
import { FEED_MAX_MESSAGES } from '../../connectors/amazon/stock-feed.js';
import { ebayChannel } from '../../connectors/ebay/index.js';
import { createEbayMock, MOCK_CREDENTIALS as EBAY } from '../../connectors/ebay/mock.js';
import { BULK_LIMIT } from '../../connectors/ebay/stock.js';
import { shopifyChannel } from '../../connectors/shopify/index.js';
import { createShopifyMock, MOCK_CREDENTIALS as SHOPIFY } from '../../connectors/shopify/mock.js';
import type { BucketFigures } from '../../connectors/shopify/mock-cost.js';
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { createWooMock, MOCK_CREDENTIALS as WOO } from '../../connectors/woocommerce/mock.js';
import { createContext } from '../../src/connector-kit/index.js';
import { startMock, type MockApi, type RunningMock } from '../../src/mock/index.js';
import type { StockReceiver } from '../../src/stock/push-stock.js';

export type StockChannelKind = 'woocommerce' | 'shopify' | 'amazon' | 'ebay';

/**
 * What a mock's /__mock/state says of the calls it received (framework counters plus its own):
 * every request; the stock reads and writes it answered (not those it refused with 429 or
 * THROTTLED, counted in `throttled`); Shopify's actual query cost.
 */
export interface CallCounts { requests: number; reads: number; writes: number; throttled: number; cost: number }

export interface StockChannel {
  kind: StockChannelKind;
  runtime: StockReceiver;
  mock: RunningMock;
  /** The most SKUs one write call may carry, per the API's documentation. */
  batch: number;
  batchSource: string;
  counts(): Promise<CallCounts>;
  /** The least time the API's documented limit allows for these calls, in seconds. */
  floorSeconds(calls: CallCounts): number;
  /** The limit the floor stands on, and its source. */
  limitWords: string;
}

const US = 'ATVPDKIKX0DER'; // Amazon.com: one marketplace, one PATCH per SKU
const AMAZON_PATCH = LISTINGS_PLANS.patchListingsItem;

type State = Record<string, unknown> & { requests: number; throttled: number; byRoute: Record<string, number> };

async function stateOf(mock: RunningMock): Promise<State> {
  return (await (await fetch(`${mock.url}/__mock/state`)).json()) as State;
}

const sum = (state: State, routes: readonly string[]): number => routes.reduce((n, key) => n + (state.byRoute[key] ?? 0), 0);

/**
 * Sums the actual query cost Shopify's mock charged (extensions.cost.actualQueryCost on each
 * answer), which the floor needs: the mock's state keeps only the bucket's level.
 */
function withCostTally(api: MockApi): { api: MockApi; cost: () => number } {
  let cost = 0;
  const routes = api.routes.map((route) => ({
    ...route,
    handler: async (request: Parameters<typeof route.handler>[0]) => {
      const response = await route.handler(request);
      const actual = (response.body as { extensions?: { cost?: { actualQueryCost?: unknown } } } | undefined)?.extensions?.cost?.actualQueryCost;
      if (typeof actual === 'number') cost += actual;
      return response;
    },
  }));
  return { api: { ...api, routes }, cost: () => cost };
}

export async function startStockChannel(kind: StockChannelKind, skus: readonly string[], shopifyBucket: BucketFigures): Promise<StockChannel> {
  const start = (api: MockApi) => startMock(api, { host: '127.0.0.1', port: 0 });
  const context = <S>(name: string, settings: S, secrets: string[] = []) => createContext({ role: 'channel', name, settings, secrets });
  if (kind === 'woocommerce') {
    const mock = await start(createWooMock({ seed: 1, orders: 0, stockSkus: skus }));
    const settings = woocommerceChannel.settings.parse({ url: mock.url, consumerKey: WOO.consumerKey, consumerSecret: WOO.consumerSecret });
    const reads = ['GET /wp-json/wc/v3/products', 'GET /wp-json/wc/v3/products/:id/variations'];
    const writes = ['POST /wp-json/wc/v3/products/batch', 'POST /wp-json/wc/v3/products/:id/variations/batch'];
    return {
      kind, mock, runtime: { kind: 'channel', name: kind, definition: woocommerceChannel, ctx: context(kind, settings, [WOO.consumerSecret]) },
      batch: 100, batchSource: 'WooCommerce batch limit 100 (woocommerce_rest_batch_items_limit; connectors/woocommerce/stock.ts)',
      counts: async () => { const s = await stateOf(mock); return { requests: s.requests, reads: sum(s, reads), writes: sum(s, writes), throttled: s.throttled, cost: 0 }; },
      floorSeconds: () => 0,
      limitWords: 'no rate limit in WooCommerce core wc/v3 (connectors/woocommerce/README.md "Limits"): floor 0',
    };
  }
  if (kind === 'shopify') {
    const tallied = withCostTally(createShopifyMock({ seed: 1, orders: 0, bucket: shopifyBucket, stockSkus: skus }));
    const mock = await start(tallied.api);
    const settings = shopifyChannel.settings.parse({ shopUrl: mock.url, accessToken: SHOPIFY.accessToken });
    const { maximumAvailable: size, restoreRate: rate } = shopifyBucket;
    return {
      kind, mock, runtime: { kind: 'channel', name: kind, definition: shopifyChannel, ctx: context(kind, settings, [SHOPIFY.accessToken]) },
      batch: 250, batchSource: 'Shopify input arrays ≤ 250 (shopify.dev/docs/api/usage/limits; connectors/shopify/stock.ts)',
      counts: async () => {
        const s = await stateOf(mock);
        const throttled = s.throttled + Number(s.bucketThrottled ?? 0);
        return { requests: s.requests, reads: Number(s.stockLookups), writes: Number(s.stockMutations), throttled, cost: tallied.cost() };
      },
      // The bucket starts full and refills at `rate`: C points need at least (C − size) / rate.
      floorSeconds: (calls) => Math.max(0, (calls.cost - size) / rate),
      limitWords: `cost bucket ${size.toLocaleString('en-US')} points restoring ${rate.toLocaleString('en-US')}/s (shopify.dev rate limits; connectors/shopify/README.md "Cost and throttling"): (actual cost − ${size}) / ${rate} s`,
    };
  }
  if (kind === 'amazon') {
    const mock = await start(createAmazonMock({ seed: 1, orders: 0, stockSkus: skus }));
    const settings = amazonChannel.settings.parse({
      endpoint: mock.url, tokenUrl: `${mock.url}/auth/o2/token`, ...AMAZON, sellerId: MOCK_SELLER_ID, marketplaceIds: [US],
    });
    const runtime: StockReceiver = { kind: 'channel', name: kind, definition: amazonChannel, ctx: context(kind, settings, [AMAZON.clientSecret, AMAZON.refreshToken]) };
    // Above stockFeedThreshold SKUs the push goes by JSON_LISTINGS_FEED (connectors/amazon/stock-feed.ts).
    if (skus.length > settings.stockFeedThreshold) {
      const createFeed = FEEDS_PLANS.createFeed;
      return {
        kind, mock, runtime,
        batch: FEED_MAX_MESSAGES, batchSource: `JSON_LISTINGS_FEED, ${FEED_MAX_MESSAGES.toLocaleString('en-US')} messages a feed, one marketplace a feed (connectors/amazon/README.md "Stock push by feed")`,
        counts: async () => {
          const s = await stateOf(mock);
          const feeds = (s.feeds as { createFeed: { requests: number; throttled: number } }).createFeed;
          return { requests: s.requests, reads: 0, writes: feeds.requests - feeds.throttled, throttled: s.throttled, cost: 0 };
        },
        // Within createFeed's burst there is no wait; the time is Amazon's processing, polled for.
        floorSeconds: (calls) => Math.max(0, (calls.writes - createFeed.burst) / createFeed.rate),
        limitWords: `createFeed ${createFeed.rate}/s burst ${createFeed.burst} (feeds spec usage plan; connectors/amazon/README.md "Rate limits"): (feeds − ${createFeed.burst}) / ${createFeed.rate} s, then the feed's processing`,
      };
    }
    return {
      kind, mock, runtime,
      batch: 1, batchSource: `no batch form below stockFeedThreshold (${settings.stockFeedThreshold}): one patchListingsItem per SKU and marketplace`,
      counts: async () => {
        const s = await stateOf(mock);
        const patches = (s.listings as { patchListingsItem: { requests: number; throttled: number } }).patchListingsItem;
        return { requests: s.requests, reads: 0, writes: patches.requests - patches.throttled, throttled: s.throttled, cost: 0 };
      },
      floorSeconds: (calls) => Math.max(0, (calls.writes - AMAZON_PATCH.burst) / AMAZON_PATCH.rate),
      limitWords: `patchListingsItem ${AMAZON_PATCH.rate}/s burst ${AMAZON_PATCH.burst} (listings spec usage plan; connectors/amazon/README.md "Rate limits"): (PATCHes − ${AMAZON_PATCH.burst}) / ${AMAZON_PATCH.rate} s`,
    };
  }
  const mock = await start(createEbayMock({ seed: 1, orders: 0, stockSkus: skus }));
  const settings = ebayChannel.settings.parse({ url: mock.url, ...EBAY });
  const bulk = 'POST /sell/inventory/v1/bulk_update_price_quantity';
  return {
    kind, mock, runtime: { kind: 'channel', name: kind, definition: ebayChannel, ctx: context(kind, settings, [EBAY.clientSecret, EBAY.refreshToken]) },
    batch: BULK_LIMIT, batchSource: 'bulkUpdatePriceQuantity "up to 25" (BulkPriceQuantity; connectors/ebay/README.md "Stock push")',
    counts: async () => {
      const s = await stateOf(mock);
      return { requests: s.requests, reads: 0, writes: sum(s, [bulk]) - (s.inventory as { throttled: number }).throttled, throttled: s.throttled, cost: 0 };
    },
    floorSeconds: () => 0,
    limitWords: 'Inventory API quota 2,000,000 calls a day, no per-second limit (connectors/ebay/README.md "Stock push"): floor 0',
  };
}
