// A child process that serves the mocks a benchmark talks to, on 127.0.0.1 port 0, so that
// their work runs on another core than ordersync's, as a remote API's would.
import { startMock, type MockApi, type RunningMock } from '../src/mock/index.js';
import { createWooMock } from '../connectors/woocommerce/mock.js';
import { createShopifyMock } from '../connectors/shopify/mock.js';
import { createWebhookMock } from '../connectors/webhook/mock.js';
import { createLazyWooMock } from './lib/lazy-woo.js';
import { createReplayMock } from './lib/replay.js';
import { withRateLimit, type LimiterOptions } from './lib/rate-limited.js';
import { serveHandlers } from './lib/worker.js';

export type MockSpec =
  | { kind: 'woocommerce'; orders: number }
  /** `bucket`: Shopify's cost bucket, made large so that the pull is not paced by it. */
  | { kind: 'shopify'; orders: number; bucket?: { maximumAvailable: number; restoreRate: number } }
  | { kind: 'lazy-woo'; orders: number }
  | { kind: 'replay'; file: string }
  | { kind: 'webhook'; limiter?: LimiterOptions };

const running = new Map<string, RunningMock>();

async function build(spec: MockSpec): Promise<MockApi> {
  switch (spec.kind) {
    case 'woocommerce': return createWooMock({ seed: 1, orders: spec.orders });
    case 'shopify': return createShopifyMock({ seed: 1, orders: spec.orders, bucket: spec.bucket });
    case 'lazy-woo': return createLazyWooMock({ orders: spec.orders });
    case 'replay': return createReplayMock(spec.file);
    case 'webhook': return spec.limiter ? withRateLimit(createWebhookMock(), spec.limiter) : createWebhookMock();
  }
}

serveHandlers({
  async start(spec: MockSpec): Promise<{ url: string; startMs: number }> {
    const began = performance.now();
    const mock = await startMock(await build(spec), { host: '127.0.0.1', port: 0 });
    running.set(mock.url, mock);
    return { url: mock.url, startMs: performance.now() - began };
  },
  async close(url: string): Promise<void> {
    await running.get(url)?.close();
    running.delete(url);
  },
});
