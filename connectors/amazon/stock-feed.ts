// Stock push by JSON_LISTINGS_FEED, for batches above `stockFeedThreshold`: one feed per marketplace
// (a JSON_LISTINGS_FEED takes one marketplaceId, amzn/selling-partner-api-models#4726) of at most
// 10,000 PATCH messages (listings-feed-schema-v2.json `maxItems`), each merging the DEFAULT quantity
// as the patch path does. The feeds are submitted first, then polled together with backoff until
// they end or `stockFeedTimeoutSeconds` of ctx.clock time runs out. Per SKU and marketplace: an
// ERROR issue of its message in the processing report → `rejected` with Amazon's code and message;
// none → `ok`; a feed that ends FATAL/CANCELLED, does not finish in time, reports a feed-level
// error, or could not be sent → `retry` (a resend sets the same absolute quantity: harmless).
import { z } from 'zod';
import { HttpError, type ConnectorContext, type StockPushResult } from '../../src/connector-kit/index.js';
import { amazonErrorDetail, isOAuthRefusal } from './errors.js';
import { createFeed, createFeedDocument, downloadFeedDocument, getFeed, getFeedDocument, uploadFeedDocument, type AmazonFeed } from './feeds-api.js';
import type { AmazonSettings } from './settings.js';

type Ctx = ConnectorContext<AmazonSettings>;
type Outcome = Omit<StockPushResult, 'sku'>;

/** listings-feed-schema-v2.json: messages maxItems 10000 (the changelog of 2025-05-06 allows 25,000; the schema is the stricter). */
export const FEED_MAX_MESSAGES = 10_000;
const FIRST_POLL_MS = 10_000;
const MAX_POLL_MS = 60_000;

// listings-feed-processing-report-schema-v2.json (as far as we read it): issues and summary.
const AmazonProcessingReport = z.object({
  header: z.object({ feedId: z.string().optional() }).passthrough(),
  issues: z.array(z.object({ messageId: z.number().int().optional(), sku: z.string().optional(), code: z.string().optional(), severity: z.enum(['ERROR', 'WARNING', 'INFO']), message: z.string() }).passthrough()),
  summary: z.object({ messagesProcessed: z.number(), messagesAccepted: z.number(), messagesInvalid: z.number() }).passthrough(),
});
type AmazonProcessingReport = z.infer<typeof AmazonProcessingReport>;

interface Submission { marketplaceId: string; skus: string[]; feedId?: string; failure?: Outcome }

/** quantities: SKU → quantity (one per SKU). Answers SKU → marketplaceId → outcome. */
export async function pushStockByFeed(ctx: Ctx, sellerId: string, marketplaceIds: readonly string[], quantities: ReadonlyMap<string, number>): Promise<Map<string, Map<string, Outcome>>> {
  const skus = [...quantities.keys()];
  const submissions: Submission[] = [];
  for (const marketplaceId of marketplaceIds) {
    for (let start = 0; start < skus.length; start += FEED_MAX_MESSAGES) {
      const chunk = skus.slice(start, start + FEED_MAX_MESSAGES);
      submissions.push({ marketplaceId, skus: chunk, ...(await submit(ctx, sellerId, marketplaceId, chunk, quantities)) });
    }
  }
  const outcomes = new Map<string, Map<string, Outcome>>(skus.map((sku) => [sku, new Map()]));
  const record = (s: Submission, outcomeOf: (sku: string) => Outcome) => { for (const sku of s.skus) outcomes.get(sku)!.set(s.marketplaceId, outcomeOf(sku)); };
  for (const s of submissions) if (s.failure) record(s, () => s.failure!);
  const finished = await pollUntilDone(ctx, submissions.filter((s) => s.feedId));
  for (const s of submissions.filter((x) => x.feedId)) {
    const feed = finished.get(s.feedId!);
    const answer = await outcomesOf(ctx, s, feed);
    record(s, answer);
  }
  return outcomes;
}

/** createFeedDocument → upload → createFeed; a failing step is `retry` for the chunk (credentials refusals are thrown). */
async function submit(ctx: Ctx, sellerId: string, marketplaceId: string, skus: string[], quantities: ReadonlyMap<string, number>): Promise<{ feedId?: string; failure?: Outcome }> {
  const feed = {
    header: { sellerId, version: '2.0', issueLocale: 'en_US' },
    messages: skus.map((sku, i) => ({
      messageId: i + 1,
      sku,
      operationType: 'PATCH',
      productType: ctx.settings.productType,
      // merge, as the patch path (README "Stock push"): the feed takes it too (listings-feed-schema-v2.example.json, message 5).
      patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: quantities.get(sku) }] }],
    })),
  };
  let step = 'createFeedDocument';
  try {
    const document = await createFeedDocument(ctx);
    step = 'the upload of the feed document';
    await uploadFeedDocument(ctx, document.url, feed).catch((error: unknown) => { throw new Error(describe(error)); }); // never the presigned URL in a message
    step = 'createFeed';
    return { feedId: await createFeed(ctx, { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [marketplaceId], inputFeedDocumentId: document.feedDocumentId }) };
  } catch (error) {
    rethrowRefusal(error);
    return { failure: { status: 'retry', reason: `Amazon: JSON_LISTINGS_FEED for ${marketplaceId} not sent (${step}: ${describe(error)})` } };
  }
}

/** getFeed of every pending feed, waiting 10 s, then ×1.5 up to 60 s, until each has ended or the bound is spent. */
async function pollUntilDone(ctx: Ctx, submissions: Submission[]): Promise<Map<string, AmazonFeed | string>> {
  const deadline = ctx.clock.now() + ctx.settings.stockFeedTimeoutSeconds * 1000;
  const results = new Map<string, AmazonFeed | string>();
  let pending = submissions.map((s) => s.feedId!);
  let wait = FIRST_POLL_MS;
  while (pending.length > 0) {
    const left = deadline - ctx.clock.now();
    if (left <= 0) break;
    await ctx.clock.sleep(Math.min(wait, left));
    wait = Math.min(MAX_POLL_MS, Math.round(wait * 1.5));
    for (const feedId of pending) {
      try {
        const feed = await getFeed(ctx, feedId);
        results.set(feedId, feed);
      } catch (error) {
        rethrowRefusal(error);
        results.set(feedId, `getFeed: ${describe(error)}`); // polled again while time is left
      }
    }
    pending = pending.filter((id) => { const r = results.get(id); return typeof r === 'string' || r?.processingStatus === 'IN_QUEUE' || r?.processingStatus === 'IN_PROGRESS'; });
  }
  return results;
}

/** The outcome of each SKU of one submitted feed, from its final state and processing report. */
async function outcomesOf(ctx: Ctx, s: Submission, feed: AmazonFeed | string | undefined): Promise<(sku: string) => Outcome> {
  const name = `JSON_LISTINGS_FEED ${s.feedId} (${s.marketplaceId})`;
  const retry = (why: string) => () => ({ status: 'retry' as const, reason: `Amazon: ${name} ${why}; sent again next run` });
  if (feed === undefined || typeof feed === 'string' || feed.processingStatus === 'IN_QUEUE' || feed.processingStatus === 'IN_PROGRESS') {
    const state = typeof feed === 'object' ? feed.processingStatus : typeof feed === 'string' ? `unknown (${feed})` : 'not polled';
    return retry(`did not finish within ${ctx.settings.stockFeedTimeoutSeconds} s (last status ${state}); Amazon may still apply it`);
  }
  if (feed.processingStatus === 'CANCELLED') return retry('was cancelled before processing');
  let report: AmazonProcessingReport | string;
  try {
    report = await readReport(ctx, feed);
  } catch (error) {
    rethrowRefusal(error);
    report = `its processing report could not be read (${describe(error)})`;
  }
  if (feed.processingStatus === 'FATAL') {
    const why = typeof report === 'object' ? report.issues.find((i) => i.messageId === undefined)?.message : undefined;
    return retry(`ended FATAL${why ? `: ${why}` : ''}`);
  }
  if (typeof report === 'string') return retry(report);
  const feedLevel = report.issues.find((i) => i.messageId === undefined && i.severity === 'ERROR');
  const errorsByMessage = new Map<number, string[]>();
  for (const issue of report.issues) {
    if (issue.severity !== 'ERROR' || issue.messageId === undefined) continue;
    errorsByMessage.set(issue.messageId, [...(errorsByMessage.get(issue.messageId) ?? []), `${issue.code ?? 'ERROR'}: ${issue.message}`]);
  }
  const messageIds = new Map(s.skus.map((sku, i) => [sku, i + 1]));
  return (sku) => {
    const errors = errorsByMessage.get(messageIds.get(sku)!);
    if (errors) return { status: 'rejected', reason: `Amazon refused the quantity for SKU "${sku}" (${name}: ${errors.join('; ')})` };
    if (feedLevel) return { status: 'retry', reason: `Amazon: ${name} reported ${feedLevel.code ?? 'ERROR'}: ${feedLevel.message}; sent again next run` };
    return { status: 'ok' };
  };
}

async function readReport(ctx: Ctx, feed: AmazonFeed): Promise<AmazonProcessingReport | string> {
  if (!feed.resultFeedDocumentId) return 'ended without a processing report';
  const document = await getFeedDocument(ctx, feed.resultFeedDocumentId);
  const text = await downloadFeedDocument(ctx, document).catch((error: unknown) => { throw new Error(describe(error)); });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'has a processing report that is not JSON';
  }
  const parsed = AmazonProcessingReport.safeParse(json);
  return parsed.success ? parsed.data : `has a processing report of an unexpected shape (${parsed.error.issues[0]?.path.join('.')})`;
}

/** A credentials refusal concerns every SKU: thrown, as on the patch path. */
function rethrowRefusal(error: unknown): void {
  if (!(error instanceof HttpError)) return;
  if (error.failure === 'insecure' || error.status === 401 || error.status === 403 || isOAuthRefusal(error)) throw error;
}

/** An error in words without the request's path (a presigned URL's signature stays out of messages). */
function describe(error: unknown): string {
  if (!(error instanceof HttpError)) return error instanceof Error ? error.message : String(error);
  if (error.failure !== 'status') return error.failure;
  const detail = amazonErrorDetail(error);
  return `HTTP ${error.status}${detail ? ` ${detail}` : ''}`;
}
