// The Amazon calls of the stock push by feed: Feeds API 2021-06-30 (createFeedDocument, createFeed,
// getFeed, getFeedDocument) with the channel's access token, each paced by its own token bucket on
// ctx.clock, plus the upload to and download from the presigned document URLs (no access token:
// the URL carries its own signature). Model: models/feeds-api-model/feeds_2021-06-30.json.
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpClient } from '../../src/connector-kit/index.js';
import type { HttpRequest } from '../../src/http/index.js';
import { withAccessToken } from './client.js';
import { operationSessions } from './operations.js';
import type { AmazonSettings } from './settings.js';

const FEEDS_API = '/feeds/2021-06-30';
/** The content type we declare to createFeedDocument and send the upload with (Feeds API use case guide). */
export const FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';

// Usage plans, requests per second and burst: the operations' "Usage Plan" tables in
// feeds_2021-06-30.json and https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits.
// createFeed is 0.0083/s burst 15, but JSON_LISTINGS_FEED has its own limit, five submissions per
// five minutes per region (changelog 2025-05-06, "Feed size and rate limit changes for the
// JSON_LISTINGS_FEED"): the bucket takes the lower of each, 0.0083/s and a burst of 5.
export const FEEDS_RATES = {
  createFeedDocument: { ratePerSecond: 0.5, burst: 15 },
  createFeed: { ratePerSecond: 0.0083, burst: 5 },
  getFeed: { ratePerSecond: 2, burst: 15 },
  getFeedDocument: { ratePerSecond: 0.0222, burst: 10 },
} as const;
type Operation = keyof typeof FEEDS_RATES;

export const AmazonFeedDocument = z.object({ feedDocumentId: z.string(), url: z.string().url(), compressionAlgorithm: z.enum(['GZIP']).optional() });
export type AmazonFeedDocument = z.infer<typeof AmazonFeedDocument>;
export const AmazonFeed = z.object({
  feedId: z.string(),
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  resultFeedDocumentId: z.string().optional(),
}).passthrough();
export type AmazonFeed = z.infer<typeof AmazonFeed>;

type Ctx = ConnectorContext<AmazonSettings>;

// The client resends a call after a 429 (spending a token: one in debt), except createFeed,
// which says retries: 0 on its request.
const sessionOf = operationSessions(() => FEEDS_RATES, { retries: () => 2, debtAfterThrottle: () => -1 });

async function call<T>(ctx: Ctx, operation: Operation, request: HttpRequest, schema: z.ZodType<T>): Promise<T> {
  const session = sessionOf(ctx);
  const response = await withAccessToken(ctx, async (token) => {
    await session.buckets[operation].take();
    return session.http[operation].request<unknown>({ ...request, headers: { 'x-amz-access-token': token } });
  });
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError('malformed_body', `${operation} answered an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message})`, response.status, undefined, '');
  }
  return parsed.data;
}

// POST /feeds/2021-06-30/documents — https://developer-docs.amazon.com/sp-api/reference/createfeeddocument
export function createFeedDocument(ctx: Ctx): Promise<AmazonFeedDocument> {
  return call(ctx, 'createFeedDocument', { method: 'POST', path: `${FEEDS_API}/documents`, body: { contentType: FEED_CONTENT_TYPE } }, AmazonFeedDocument);
}

// POST /feeds/2021-06-30/feeds — https://developer-docs.amazon.com/sp-api/reference/createfeed
// Never resent inside the call (retries 0): a lost answer may hide a feed Amazon took, and every
// submission spends one of five per five minutes. The SKUs are `retry` and go again next run.
export function createFeed(ctx: Ctx, feed: { feedType: string; marketplaceIds: readonly string[]; inputFeedDocumentId: string }): Promise<string> {
  return call(ctx, 'createFeed', { method: 'POST', path: `${FEEDS_API}/feeds`, body: feed, retries: 0 }, z.object({ feedId: z.string() })).then((r) => r.feedId);
}

// GET /feeds/2021-06-30/feeds/{feedId} — https://developer-docs.amazon.com/sp-api/reference/getfeed
export function getFeed(ctx: Ctx, feedId: string): Promise<AmazonFeed> {
  return call(ctx, 'getFeed', { method: 'GET', path: `${FEEDS_API}/feeds/${encodeURIComponent(feedId)}` }, AmazonFeed);
}

// GET /feeds/2021-06-30/documents/{feedDocumentId} — https://developer-docs.amazon.com/sp-api/reference/getfeeddocument
export function getFeedDocument(ctx: Ctx, feedDocumentId: string): Promise<AmazonFeedDocument> {
  return call(ctx, 'getFeedDocument', { method: 'GET', path: `${FEEDS_API}/documents/${encodeURIComponent(feedDocumentId)}` }, AmazonFeedDocument);
}

/** A client for a presigned URL's host, without the access token (the URL is its own credential). */
function documentHost(ctx: Ctx, url: string): { http: HttpClient; path: string } {
  const parsed = new URL(url);
  return { http: ctx.http({ baseURL: parsed.origin, allowInsecure: ctx.settings.allowInsecure, retry: { retries: 2 } }), path: `${parsed.pathname}${parsed.search}` };
}

/** PUT the feed to createFeedDocument's url with the content type declared there (the URL is signed for it). */
export async function uploadFeedDocument(ctx: Ctx, url: string, feed: unknown): Promise<void> {
  const { http, path } = documentHost(ctx, url);
  await http.request({ method: 'PUT', path, body: feed, headers: { 'content-type': FEED_CONTENT_TYPE } });
}

/**
 * The document's text. A GZIP document (compressionAlgorithm, FeedDocument) is read as bytes and
 * unzipped: the shared client reads text only, so that download goes by fetch.
 */
export async function downloadFeedDocument(ctx: Ctx, document: AmazonFeedDocument): Promise<string> {
  if (document.compressionAlgorithm === 'GZIP') {
    documentHost(ctx, document.url); // the transport rule every request obeys: https, unless loopback or allowInsecure
    const response = await fetch(document.url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new HttpError('status', `HTTP ${response.status} downloading feed document ${document.feedDocumentId}`, response.status, undefined, '');
    return gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
  }
  const { http, path } = documentHost(ctx, document.url);
  const response = await http.request<unknown>({ method: 'GET', path });
  return typeof response.data === 'string' ? response.data : response.text;
}
