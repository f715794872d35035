// pushStock for Amazon by JSON_LISTINGS_FEED, over real HTTP against the mock on a shared fake clock:
// above `stockFeedThreshold` SKU × marketplace updates one feed per marketplace replaces the patches
// (createFeedDocument → upload → createFeed → getFeed polls → processing report), the quantities
// land in the mock's listings, an unknown SKU is rejected from the report while the others are ok,
// a FATAL / CANCELLED / unfinished feed is `retry`, and at or below the threshold patches are kept.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { amazonChannel, MOCK_SELLER_ID } from '../../../connectors/amazon/index.js';
import { MOCK_INITIAL_QUANTITY } from '../../../connectors/amazon/mock-stock.js';
import { accessTokenFor } from '../../../connectors/amazon/client.js';
import type { ConnectorContext, StockUpdate } from '../../../src/connector-kit/index.js';
import type { AmazonSettings } from '../../../connectors/amazon/settings.js';
import { startHarness, type Harness } from './helpers.js';
import { feedsSpecPresent, feedsViolations } from './spec.js';

const US = 'ATVPDKIKX0DER';
const UK = 'A1F83G8C2ARO7P';
const DE = 'A1PA6795UKMFR9';
const SKUS = Array.from({ length: 300 }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`);
let h: Harness;
let ctx: ConnectorContext<AmazonSettings>;
beforeEach(async () => {
  h = await startHarness({ orders: 3, stockSkus: SKUS });
  ctx = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [US] });
});
afterEach(async () => { await h.mock.close(); });

const push = (updates: StockUpdate[], on = ctx) => amazonChannel.pushStock!(on, updates);
const update = (sku: string, quantity: number): StockUpdate => ({ sku, quantity, previous: null });
const many = (count: number) => SKUS.slice(0, count).map((sku, i) => update(sku, i % 50));

describe('Amazon stock push by JSON_LISTINGS_FEED', () => {
  test('above the default threshold (200): one feed, no patch; quantities land; an unknown SKU is rejected from the report, the others are ok', async () => {
    // Given 250 updates for one marketplace, one of them for a SKU the seller does not list
    const updates = [...many(249), update('NOPE-1', 4)];
    const start = h.clock.now();
    // When they are pushed
    const results = await push(updates);
    // Then one feed carried them and no patchListingsItem was sent
    const state = await h.state();
    expect(state.listings.patchListingsItem.requests).toBe(0);
    expect(Object.keys(state.byRoute).some((route) => route.startsWith('PATCH'))).toBe(false);
    expect(state.feeds).toMatchObject({ createFeedDocument: { requests: 1, throttled: 0 }, createFeed: { requests: 1, throttled: 0 }, getFeedDocument: { requests: 1, throttled: 0 }, uploads: 1, downloads: 1 });
    expect(state.feeds.getFeed.requests).toBe(2); // IN_PROGRESS, then DONE
    expect(state.feeds.list).toEqual([{ feedId: expect.any(String), feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US], processingStatus: 'DONE', messages: 250, accepted: 249, invalid: 1 }]);
    // and every known SKU holds its quantity, the unknown one is refused with the mock's NOT_FOUND
    expect(results).toHaveLength(250);
    expect(results.slice(0, 249).every((r, i) => r.sku === SKUS[i] && r.status === 'ok')).toBe(true);
    expect(results[249]).toEqual({ sku: 'NOPE-1', status: 'rejected', reason: expect.stringMatching(/^Amazon refused the quantity for SKU "NOPE-1" \(JSON_LISTINGS_FEED \d+ \(ATVPDKIKX0DER\): NOT_FOUND: SKU NOPE-1 does not match/) });
    for (const [i, sku] of SKUS.slice(0, 249).entries()) expect(state.stockByMarketplace[sku]).toEqual({ [US]: i % 50 });
    expect(state.stock['SKU-0250']).toBe(MOCK_INITIAL_QUANTITY);
    // The polling waited on the shared clock (10 s, then 15 s), not in real time
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(25_000);
  });

  test('at the threshold the patch path stays: 200 updates are 200 patches and no feed', async () => {
    const results = await push(many(200));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    const state = await h.state();
    expect(state.listings.patchListingsItem).toMatchObject({ requests: 200, accepted: 200, throttled: 0 });
    expect(state.feeds.createFeedDocument.requests + state.feeds.createFeed.requests).toBe(0);
  });

  test('the threshold counts SKU × marketplace, and each marketplace gets its own feed', async () => {
    const eu = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [DE, UK], stockFeedThreshold: 3 });
    const results = await push([update('SKU-0001', 6), update('SKU-0002', 7)], eu);
    expect(results).toEqual([{ sku: 'SKU-0001', status: 'ok' }, { sku: 'SKU-0002', status: 'ok' }]);
    const state = await h.state();
    expect(state.feeds.list.map((f: { marketplaceIds: string[] }) => f.marketplaceIds)).toEqual([[DE], [UK]]);
    expect(state.stockByMarketplace['SKU-0001']).toEqual({ [DE]: 6, [UK]: 6 });
    expect(state.listings.patchListingsItem.requests).toBe(0);
  });

  test('a SKU given twice goes once, with its last quantity; an invalid quantity is refused before the feed', async () => {
    const small = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [US], stockFeedThreshold: 1 });
    const results = await push([update('SKU-0001', 1), update('SKU-0002', -3), update('SKU-0001', 9), update('SKU-0003', 2)], small);
    expect(results.map((r) => r.status)).toEqual(['ok', 'rejected', 'ok', 'ok']);
    expect(results[1]?.reason).toMatch(/not a whole number/);
    const state = await h.state();
    expect(state.feeds.list[0].messages).toBe(2);
    expect(state.stock).toMatchObject({ 'SKU-0001': 9, 'SKU-0003': 2, 'SKU-0002': MOCK_INITIAL_QUANTITY });
  });

  test('a feed that ends FATAL is `retry` for each of its SKUs, with the report\'s reason; the other marketplace\'s feed lands', async () => {
    h.api.setFeedOutcomes(['FATAL']);
    const eu = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [DE, UK], stockFeedThreshold: 0 });
    const results = await push([update('SKU-0001', 5), update('SKU-0002', 8)], eu);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'retry', reason: expect.stringMatching(/^A1PA6795UKMFR9: Amazon: JSON_LISTINGS_FEED \d+ \(A1PA6795UKMFR9\) ended FATAL: The Amazon feed processing service encountered an internal error/) });
    }
    const state = await h.state();
    expect(state.feeds.list.map((f: { processingStatus: string }) => f.processingStatus)).toEqual(['FATAL', 'DONE']);
    expect(state.stockByMarketplace['SKU-0001']).toEqual({ [UK]: 5 });
  });

  test('a cancelled feed is `retry`', async () => {
    await fetch(`${h.mock.url}/__mock/feed-outcomes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcomes: ['CANCELLED'] }) });
    const results = await push(many(201));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['retry']));
    expect(results[0]?.reason).toMatch(/was cancelled before processing; sent again next run$/);
    expect((await h.state()).stock['SKU-0001']).toBe(MOCK_INITIAL_QUANTITY);
  });

  test('a feed still in progress when stockFeedTimeoutSeconds runs out is `retry`; polling backs off to 60 s', async () => {
    h.api.setFeedOutcomes(['IN_PROGRESS']);
    const slow = h.ctx({ sellerId: MOCK_SELLER_ID, marketplaceIds: [US], stockFeedThreshold: 0, stockFeedTimeoutSeconds: 300 });
    const start = h.clock.now();
    const [result] = await push([update('SKU-0001', 3)], slow);
    expect(result).toMatchObject({ status: 'retry', reason: expect.stringMatching(/did not finish within 300 s \(last status IN_PROGRESS\); Amazon may still apply it/) });
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(300_000);
    expect(h.clock.now() - start).toBeLessThan(310_000);
    expect(h.clock.slept.slice(0, 6)).toEqual([10_000, 15_000, 22_500, 33_750, 50_625, 60_000]);
  });

  test('createFeed failing with a 5xx is `retry` and is not resent (no duplicate feed)', async () => {
    await accessTokenFor(ctx); // the token exchange is not one of the requests below
    await fetch(`${h.mock.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ next: ['none', 'none', 503] }) });
    const results = await push(many(201));
    expect(results[0]).toMatchObject({ status: 'retry', reason: expect.stringMatching(/not sent \(createFeed: HTTP 503/) });
    const state = await h.state();
    expect(state.feeds.list).toEqual([]);
    expect(state.feeds.getFeed.requests).toBe(0);
  });

  test('the mock\'s Feeds API: spec-shaped answers, one marketplace per JSON_LISTINGS_FEED, signed URLs', async () => {
    const token = await accessTokenFor(ctx);
    const api = (method: string, path: string, body?: unknown) => fetch(`${h.mock.url}${path}`, { method, headers: { 'x-amz-access-token': token, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const created = await api('POST', '/feeds/2021-06-30/documents', { contentType: 'application/json; charset=UTF-8' });
    expect(created.status).toBe(201);
    const document = await created.json() as { feedDocumentId: string; url: string };
    expect(new URL(document.url).hostname).toBe('127.0.0.1');
    // the upload needs the declared content type and no token; a wrong signature is refused
    expect((await fetch(document.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(403);
    expect((await fetch(document.url.replace(/Signature=\w+/, 'Signature=forged'), { method: 'PUT', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{}' })).status).toBe(403);
    const feedBody = { header: { sellerId: MOCK_SELLER_ID, version: '2.0', issueLocale: 'en_US' }, messages: [{ messageId: 1, sku: 'SKU-0001', operationType: 'PATCH', productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 11 }] }] }] };
    expect((await fetch(document.url, { method: 'PUT', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(feedBody) })).status).toBe(200);
    const two = await api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [DE, UK], inputFeedDocumentId: document.feedDocumentId });
    expect(two.status).toBe(400);
    expect(await two.json()).toEqual({ errors: [{ code: 'InvalidInput', message: "Too many 'marketplaceIds' values provided. Expected a maximum of 1.", details: '' }] });
    const feed = await (await api('POST', '/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US], inputFeedDocumentId: document.feedDocumentId })).json() as { feedId: string };
    const first = await (await api('GET', `/feeds/2021-06-30/feeds/${feed.feedId}`)).json() as { processingStatus: string };
    const done = await (await api('GET', `/feeds/2021-06-30/feeds/${feed.feedId}`)).json() as { processingStatus: string; resultFeedDocumentId: string };
    expect([first.processingStatus, done.processingStatus]).toEqual(['IN_PROGRESS', 'DONE']);
    const result = await (await api('GET', `/feeds/2021-06-30/documents/${done.resultFeedDocumentId}`)).json() as { url: string };
    const report = await (await fetch(result.url)).json();
    expect(report).toEqual({ header: { sellerId: MOCK_SELLER_ID, version: '2.0', feedId: feed.feedId }, issues: [], summary: { errors: 0, warnings: 0, messagesProcessed: 1, messagesAccepted: 1, messagesInvalid: 0 } });
    expect((await h.state()).stock['SKU-0001']).toBe(11);
    // the presigned URL expires after 5 minutes
    h.clock.advance(5 * 60_000 + 1);
    expect((await fetch(result.url)).status).toBe(403);
    if (!feedsSpecPresent) return;
    expect(feedsViolations('CreateFeedDocumentResponse', document)).toEqual([]);
    expect(feedsViolations('CreateFeedResponse', feed)).toEqual([]);
    expect(feedsViolations('Feed', done)).toEqual([]);
    expect(feedsViolations('FeedDocument', result)).toEqual([]);
  });
});

describe('a GZIP processing report', () => {
  test('is downloaded as bytes and unzipped (FeedDocument.compressionAlgorithm)', async () => {
    // The mock server answers text only, so a bare local server stands in for Amazon's document host.
    const { createServer } = await import('node:http');
    const { gzipSync } = await import('node:zlib');
    const { downloadFeedDocument } = await import('../../../connectors/amazon/feeds-api.js');
    const report = { header: { sellerId: MOCK_SELLER_ID, version: '2.0', feedId: '1' }, issues: [], summary: { errors: 0, warnings: 0, messagesProcessed: 1, messagesAccepted: 1, messagesInvalid: 0 } };
    const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(gzipSync(JSON.stringify(report))); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const text = await downloadFeedDocument(ctx, { feedDocumentId: 'd1', url: `http://127.0.0.1:${port}/report?X-Amz-Signature=x`, compressionAlgorithm: 'GZIP' });
      expect(JSON.parse(text)).toEqual(report);
    } finally {
      server.close();
    }
  });
});
