// The mock's Feeds API 2021-06-30 for JSON_LISTINGS_FEED: createFeedDocument, createFeed, getFeed,
// getFeedDocument, each with its spec usage plan and the 429 QuotaExceeded answer, and the
// presigned upload/download URLs served on the mock's own port (no access token, an expiring
// signature in the query, as S3's are). A feed is processed on the getFeed after the one that sees
// it IN_QUEUE (IN_PROGRESS on the first poll, DONE on the second): each PATCH message goes through
// the same quantity rules as patchListingsItem (mock-stock.ts), for the feed's one marketplace,
// and the processing report follows listings-feed-processing-report-schema-v2.json.
import { randomUUID } from 'node:crypto';
import { TokenBucket, type Clock } from '../../src/connector-kit/index.js';
import { route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { findMarketplace } from './marketplaces.js';
import type { UsagePlan } from './mock.js';
import { MOCK_SELLER_ID } from './mock-stock.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The operations' "Usage Plan" tables in feeds_2021-06-30.json (also developer-docs feeds-api-rate-limits).
export const FEEDS_PLANS = {
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
} as const;
type Operation = keyof typeof FEEDS_PLANS;
export type FeedOutcome = 'DONE' | 'FATAL' | 'CANCELLED' | 'IN_PROGRESS';

const FEEDS = '/feeds/2021-06-30';
/** Where the mock "stores" documents: its own port, standing in for Amazon's S3 host. */
export const MOCK_DOCUMENTS_PATH = '/mock-s3/feed-documents';
const URL_TTL_MS = 5 * 60_000; // "This URL expires after 5 minutes." (CreateFeedDocumentResponse.url)
const UNPARSABLE = 'Request has missing or invalid parameters and cannot be parsed.';

export interface FeedsDeps {
  clock: Clock;
  plans?: Partial<Record<Operation, UsagePlan>>;
  authenticate(request: MockRequest): MockResponse | undefined;
  withHeaders(response: MockResponse): MockResponse;
  quotaExceeded(): MockResponse;
  /** mock-stock.ts's patch rules: the ERROR issues of one listing's patches, the quantity kept when none. */
  applyPatches(sku: string, marketplaceId: string, patches: readonly Raw[]): Raw[];
}

interface Document { id: string; contentType: string; signature: string; expiresAt: number; content?: string }
interface Feed { feedId: string; feedType: string; marketplaceIds: string[]; createdTime: string; processingStatus: string; polls: number; outcome: FeedOutcome; inputFeedDocumentId: string; resultFeedDocumentId?: string; processingStartTime?: string; processingEndTime?: string; messages: number; accepted: number; invalid: number }

export function createMockFeeds(deps: FeedsDeps) {
  const now = () => deps.clock.now();
  let baseUrl = 'http://127.0.0.1';
  let plans!: Record<Operation, UsagePlan>;
  let buckets!: Record<Operation, TokenBucket>;
  let documents!: Map<string, Document>;
  let feeds!: Map<string, Feed>;
  let outcomes!: FeedOutcome[];
  let counts!: Record<Operation, { requests: number; throttled: number }> & { uploads: number; downloads: number };
  let nextFeedId = 0;

  function reset(): void {
    plans = { ...FEEDS_PLANS, ...deps.plans };
    buckets = Object.fromEntries(Object.entries(plans).map(([op, plan]) => [op, new TokenBucket(plan.rate, plan.burst, deps.clock)])) as Record<Operation, TokenBucket>;
    documents = new Map();
    feeds = new Map();
    outcomes = [];
    counts = { createFeedDocument: { requests: 0, throttled: 0 }, createFeed: { requests: 0, throttled: 0 }, getFeed: { requests: 0, throttled: 0 }, getFeedDocument: { requests: 0, throttled: 0 }, uploads: 0, downloads: 0 };
    nextFeedId = 50_000_000_000;
  }
  reset();

  const answer = (operation: Operation, status: number, body: unknown): MockResponse =>
    deps.withHeaders({ status, body, headers: { 'x-amzn-RateLimit-Limit': String(plans[operation].rate) } });
  const invalidInput = (operation: Operation, message: string, details = '') => answer(operation, 400, { errors: [{ code: 'InvalidInput', message, details }] });
  const notFound = (operation: Operation, what: string) => answer(operation, 404, { errors: [{ code: 'NotFound', message: `${what} not found.`, details: '' }] }); // wording UNCONFIRMED
  const iso = (ms: number) => new Date(ms).toISOString();

  function admit(request: MockRequest, operation: Operation): MockResponse | undefined {
    counts[operation].requests++;
    const denied = deps.authenticate(request);
    if (denied) return denied;
    const bucket = buckets[operation];
    if (bucket.available < 1) {
      counts[operation].throttled++;
      return deps.quotaExceeded();
    }
    bucket.observe(bucket.available - 1);
    return undefined;
  }

  function newDocument(contentType: string, content?: string): Document {
    const document: Document = { id: `amzn1.tortuga.4.na.${randomUUID()}`, contentType, signature: randomUUID().replace(/-/g, ''), expiresAt: now() + URL_TTL_MS, content };
    documents.set(document.id, document);
    return document;
  }
  const urlOf = (document: Document) => {
    document.expiresAt = now() + URL_TTL_MS;
    return `${baseUrl}${MOCK_DOCUMENTS_PATH}/${encodeURIComponent(document.id)}?X-Amz-Expires=300&X-Amz-Signature=${document.signature}`;
  };

  // POST /feeds/2021-06-30/documents (createFeedDocument) → 201 {feedDocumentId, url}
  function createFeedDocument(request: MockRequest): MockResponse {
    const refused = admit(request, 'createFeedDocument');
    if (refused) return refused;
    const contentType = (request.json as Raw | undefined)?.contentType;
    if (typeof contentType !== 'string' || contentType === '') return invalidInput('createFeedDocument', UNPARSABLE, 'contentType is required.');
    const document = newDocument(contentType);
    return answer('createFeedDocument', 201, { feedDocumentId: document.id, url: urlOf(document) });
  }

  /** The presigned URL's checks, as S3 makes them: the signature, then the expiry (status and XML body as S3's; UNCONFIRMED for Amazon's bucket). */
  function presigned(request: MockRequest): Document | MockResponse {
    const document = documents.get(request.params.id ?? '');
    if (!document || request.query.get('X-Amz-Signature') !== document.signature) return { status: 403, body: '<Error><Code>SignatureDoesNotMatch</Code></Error>', headers: { 'content-type': 'application/xml' } };
    if (now() > document.expiresAt) return { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', headers: { 'content-type': 'application/xml' } };
    return document;
  }

  // PUT <url> — the upload carries the content type given to createFeedDocument and no access token.
  function upload(request: MockRequest): MockResponse {
    const document = presigned(request);
    if ('status' in document) return document;
    if (request.headers['content-type'] !== document.contentType) return { status: 403, body: '<Error><Code>SignatureDoesNotMatch</Code><Message>content-type differs from the signed one</Message></Error>', headers: { 'content-type': 'application/xml' } };
    document.content = request.body;
    counts.uploads++;
    return { status: 200 };
  }

  // GET <url> — a processing report (or an uploaded document), uncompressed.
  function download(request: MockRequest): MockResponse {
    const document = presigned(request);
    if ('status' in document) return document;
    counts.downloads++;
    return { status: 200, body: document.content ?? '', headers: { 'content-type': document.contentType } };
  }

  // POST /feeds/2021-06-30/feeds (createFeed) → 202 {feedId}
  function createFeed(request: MockRequest): MockResponse {
    const refused = admit(request, 'createFeed');
    if (refused) return refused;
    const body = request.json as Raw | undefined;
    if (typeof body?.feedType !== 'string' || typeof body?.inputFeedDocumentId !== 'string' || !Array.isArray(body?.marketplaceIds) || body.marketplaceIds.length === 0) return invalidInput('createFeed', UNPARSABLE);
    const marketplaceIds = body.marketplaceIds as string[];
    if (body.feedType !== 'JSON_LISTINGS_FEED') return invalidInput('createFeed', 'Invalid Input', `The mock serves JSON_LISTINGS_FEED only, not ${body.feedType}.`);
    // Live answer for a JSON_LISTINGS_FEED with two marketplaces (amzn/selling-partner-api-models#4726).
    if (marketplaceIds.length > 1) return invalidInput('createFeed', "Too many 'marketplaceIds' values provided. Expected a maximum of 1.");
    const unknown = marketplaceIds.find((id) => !findMarketplace(id));
    if (unknown) return invalidInput('createFeed', 'Invalid Input', `Invalid marketplaceId: ${unknown}.`);
    const document = documents.get(body.inputFeedDocumentId);
    if (!document || document.content === undefined) return invalidInput('createFeed', 'Invalid Input', `No uploaded document ${body.inputFeedDocumentId}.`); // UNCONFIRMED wording
    const feedId = String(nextFeedId++);
    feeds.set(feedId, { feedId, feedType: body.feedType, marketplaceIds, createdTime: iso(now()), processingStatus: 'IN_QUEUE', polls: 0, outcome: outcomes.shift() ?? 'DONE', inputFeedDocumentId: document.id, messages: 0, accepted: 0, invalid: 0 });
    return answer('createFeed', 202, { feedId });
  }

  // GET /feeds/2021-06-30/feeds/{feedId} (getFeed) → Feed
  function getFeed(request: MockRequest): MockResponse {
    const refused = admit(request, 'getFeed');
    if (refused) return refused;
    const feed = feeds.get(request.params.feedId ?? '');
    if (!feed) return notFound('getFeed', `Feed ${request.params.feedId}`);
    advance(feed);
    const { polls: _p, outcome: _o, inputFeedDocumentId: _i, messages: _m, accepted: _a, invalid: _v, ...shown } = feed;
    return answer('getFeed', 200, shown);
  }

  // GET /feeds/2021-06-30/documents/{feedDocumentId} (getFeedDocument) → {feedDocumentId, url}
  function getFeedDocument(request: MockRequest): MockResponse {
    const refused = admit(request, 'getFeedDocument');
    if (refused) return refused;
    const document = documents.get(request.params.feedDocumentId ?? '');
    if (!document) return notFound('getFeedDocument', `Feed document ${request.params.feedDocumentId}`);
    return answer('getFeedDocument', 200, { feedDocumentId: document.id, url: urlOf(document) });
  }

  /** IN_QUEUE → IN_PROGRESS on the first poll; processed and finished on the second. */
  function advance(feed: Feed): void {
    if (!['IN_QUEUE', 'IN_PROGRESS'].includes(feed.processingStatus)) return;
    feed.polls++;
    if (feed.polls === 1) {
      feed.processingStatus = 'IN_PROGRESS';
      feed.processingStartTime = iso(now());
      return;
    }
    if (feed.outcome === 'IN_PROGRESS') return; // a feed that never finishes (the connector's polling bound)
    if (feed.outcome === 'CANCELLED') { feed.processingStatus = 'CANCELLED'; return; }
    const report = feed.outcome === 'FATAL' ? fatalReport(feed) : process(feed);
    feed.resultFeedDocumentId = newDocument('application/json; charset=UTF-8', JSON.stringify(report)).id;
    feed.processingStatus = feed.outcome;
    feed.processingEndTime = iso(now());
  }

  function fatalReport(feed: Feed): Raw {
    return { header: { sellerId: MOCK_SELLER_ID, version: '2.0', feedId: feed.feedId }, issues: [{ code: '4000003', severity: 'ERROR', message: 'The Amazon feed processing service encountered an internal error. Resubmit the feed.' }], summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 } }; // code and wording UNCONFIRMED
  }

  /** Applies each message to the listings; feed-level problems are issues without a messageId. */
  function process(feed: Feed): Raw {
    const header = { sellerId: MOCK_SELLER_ID, version: '2.0', feedId: feed.feedId };
    let body: Raw | undefined;
    try {
      body = JSON.parse(documents.get(feed.inputFeedDocumentId)?.content ?? '') as Raw;
    } catch {
      body = undefined;
    }
    const feedIssue = (message: string) => ({ header, issues: [{ code: '100001', severity: 'ERROR', message }], summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 } }); // code UNCONFIRMED
    if (!body || !Array.isArray(body.messages) || body.messages.length === 0) return feedIssue('The feed is not a valid JSON listings feed (header and messages required).');
    if (body.header?.version !== '2.0') return feedIssue(`Unsupported feed version ${body.header?.version}; expected 2.0.`);
    if (body.header?.sellerId !== MOCK_SELLER_ID) return feedIssue(`The sellerId ${body.header?.sellerId} in the feed header does not match the submitting seller.`);
    const issues: Raw[] = [];
    for (const message of body.messages as Raw[]) {
      feed.messages++;
      const own = messageIssues(message, feed.marketplaceIds[0]!);
      if (own.some((i) => i.severity === 'ERROR')) feed.invalid++;
      else feed.accepted++;
      issues.push(...own.map((i) => ({ messageId: message.messageId, sku: message.sku, code: i.code, severity: i.severity, message: i.message, ...(i.attributeNames?.[0] ? { attributeName: i.attributeNames[0] } : {}) })));
    }
    return { header, issues, summary: { errors: issues.filter((i) => i.severity === 'ERROR').length, warnings: issues.filter((i) => i.severity === 'WARNING').length, messagesProcessed: feed.messages, messagesAccepted: feed.accepted, messagesInvalid: feed.invalid } };
  }

  function messageIssues(message: Raw, marketplaceId: string): Raw[] {
    // listings-feed-schema-v2.json: messageId (≥ 1), sku, operationType; PATCH needs productType and patches.
    if (!Number.isInteger(message?.messageId) || message.messageId < 1 || typeof message.sku !== 'string' || message.sku === '') return [{ code: '100002', severity: 'ERROR', message: 'messageId and sku are required.' }]; // UNCONFIRMED
    if (message.operationType !== 'PATCH') return [{ code: '100002', severity: 'ERROR', message: `The mock applies PATCH messages only, not ${message.operationType}.` }];
    if (typeof message.productType !== 'string' || !Array.isArray(message.patches) || message.patches.length === 0) return [{ code: '100002', severity: 'ERROR', message: 'PATCH messages require productType and patches.' }];
    return deps.applyPatches(message.sku, marketplaceId, message.patches as Raw[]);
  }

  return {
    routes: [
      route('POST', `${FEEDS}/documents`, createFeedDocument),
      route('GET', `${FEEDS}/documents/:feedDocumentId`, getFeedDocument),
      route('POST', `${FEEDS}/feeds`, createFeed),
      route('GET', `${FEEDS}/feeds/:feedId`, getFeed),
      route('PUT', `${MOCK_DOCUMENTS_PATH}/:id`, upload),
      route('GET', `${MOCK_DOCUMENTS_PATH}/:id`, download),
    ] as Route[],
    setBaseUrl: (url: string) => { baseUrl = url; },
    /** How the next feeds end (one entry per feed, in order); DONE once the list runs out. */
    setFeedOutcomes: (next: FeedOutcome[]) => { outcomes = [...next]; },
    state: () => ({
      feeds: {
        ...counts,
        list: [...feeds.values()].map((f) => ({ feedId: f.feedId, feedType: f.feedType, marketplaceIds: f.marketplaceIds, processingStatus: f.processingStatus, messages: f.messages, accepted: f.accepted, invalid: f.invalid })),
        usagePlans: Object.fromEntries(Object.entries(plans).map(([op, plan]) => [op, { ...plan, available: buckets[op as Operation].available }])),
      },
    }),
    reset,
  };
}
