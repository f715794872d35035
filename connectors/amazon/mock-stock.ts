// The mock's Listings Items API 2021-08-01: patchListingsItem and getListingsItem for the mock
// seller's listings (the SKUs its orders sell), each operation with its own token bucket (patch 5/s
// burst 5, get 5/s burst 10: the spec's "Usage Plan" tables) and the 429 QuotaExceeded answer.
// A patch of /attributes/fulfillment_availability sets the DEFAULT (merchant) quantity per
// marketplace; getListingsItem with includedData=fulfillmentAvailability,attributes shows it.
import { randomUUID } from 'node:crypto';
import { TokenBucket, type Clock } from '../../src/connector-kit/index.js';
import { route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { findMarketplace } from './marketplaces.js';
import type { UsagePlan } from './mock.js';
import { MOCK_SKUS } from './mock-data.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const MOCK_SELLER_ID = 'A2ORDERSYNCMOCK';
export const MOCK_INITIAL_QUANTITY = 25;
export const LISTINGS_PLANS = { patchListingsItem: { rate: 5, burst: 5 }, getListingsItem: { rate: 5, burst: 10 } } as const;
type Operation = keyof typeof LISTINGS_PLANS;

const ITEMS = '/listings/2021-08-01/items';
const OPS = new Set(['add', 'replace', 'merge', 'delete']); // PatchOperation.op
// 400 body as live answers quote it (jlevers/selling-partner-api#240).
const UNPARSABLE = 'Request has missing or invalid parameters and cannot be parsed.';

export interface ListingsDeps {
  clock: Clock;
  plans?: Partial<Record<Operation, UsagePlan>>;
  /** The seller's listed SKUs, in place of the SKUs its orders sell (benchmarks). */
  skus?: readonly string[];
  /** The 403 answer when the request's x-amz-access-token is not live. */
  authenticate(request: MockRequest): MockResponse | undefined;
  /** Adds x-amzn-RequestId and Date. */
  withHeaders(response: MockResponse): MockResponse;
}

// The Listings Items throttle message for the per-application limit, as
// https://developer-docs.amazon.com/sp-api/docs/listings-items-api-rate-limits lists it; the
// `code` beside it is the SP-API's usual QuotaExceeded (UNCONFIRMED for this API). No Retry-After.
export const LISTINGS_THROTTLED = { code: 'QuotaExceeded', message: 'The frequency of requests was greater than what is allowed for the application.', details: '' };

export function createMockListings(deps: ListingsDeps) {
  let plans: Record<Operation, UsagePlan> = { ...LISTINGS_PLANS };
  let buckets!: Record<Operation, TokenBucket>;
  /** sku → marketplaceId → DEFAULT quantity */
  let stock = new Map<string, Map<string, number>>();
  const zero = () => ({ patchListingsItem: { requests: 0, throttled: 0, accepted: 0, invalid: 0 }, getListingsItem: { requests: 0, throttled: 0 } });
  let counts = zero();

  function reset(): void {
    plans = { ...LISTINGS_PLANS, ...deps.plans };
    buckets = { patchListingsItem: new TokenBucket(plans.patchListingsItem.rate, plans.patchListingsItem.burst, deps.clock), getListingsItem: new TokenBucket(plans.getListingsItem.rate, plans.getListingsItem.burst, deps.clock) };
    stock = new Map((deps.skus ?? MOCK_SKUS).map((sku) => [sku, new Map()]));
    counts = zero();
  }
  reset();

  const answer = (operation: Operation, status: number, body: unknown): MockResponse =>
    deps.withHeaders({ status, body, headers: { 'x-amzn-RateLimit-Limit': String(plans[operation].rate) } });
  const invalidInput = (operation: Operation, message: string, details = '') => answer(operation, 400, { errors: [{ code: 'InvalidInput', message, details }] });

  /** Auth, the operation's bucket, then the path and marketplaceIds every listings call needs. */
  function admit(request: MockRequest, operation: Operation): MockResponse | { sku: string; marketplaceIds: string[] } {
    counts[operation].requests++;
    const denied = deps.authenticate(request);
    if (denied) return denied;
    const bucket = buckets[operation];
    if (bucket.available < 1) {
      counts[operation].throttled++;
      return deps.withHeaders({ status: 429, body: { errors: [LISTINGS_THROTTLED] } });
    }
    bucket.observe(bucket.available - 1);
    // Another seller's listings: UNCONFIRMED wording (Amazon answers 403 for a seller the token is not for).
    if (request.params.sellerId !== MOCK_SELLER_ID) return answer(operation, 403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] });
    const marketplaceIds = (request.query.get('marketplaceIds') ?? '').split(',').filter(Boolean);
    if (marketplaceIds.length === 0) return invalidInput(operation, UNPARSABLE, 'marketplaceIds is required.');
    const unknown = marketplaceIds.find((id) => !findMarketplace(id));
    if (unknown) return invalidInput(operation, 'Invalid Input', `Invalid marketplaceId: ${unknown}.`);
    return { sku: request.params.sku ?? '', marketplaceIds };
  }

  /**
   * The quantity patches of one listing in one marketplace, as patchListingsItem and a
   * JSON_LISTINGS_FEED PATCH message both apply them: the ERROR issues, or none and the DEFAULT
   * quantity kept (unless `preview`).
   */
  function applyPatches(sku: string, marketplaceId: string, patches: readonly Raw[], preview = false): Raw[] {
    const issues: Raw[] = [];
    const listing = stock.get(sku);
    // UNCONFIRMED: live, a patch of a SKU with no listing may even be ACCEPTED as an offer-only
    // listing (amzn/selling-partner-api-models#2797); the mock refuses it so that ordersync shows it.
    if (!listing) issues.push(issue('NOT_FOUND', `SKU ${sku} does not match any listing of seller ${MOCK_SELLER_ID}.`, []));
    const updates: number[] = [];
    for (const p of patches) {
      if (p?.path !== '/attributes/fulfillment_availability') continue; // other attributes: accepted, not kept
      const entry = Array.isArray(p.value) ? p.value.find((v: Raw) => (v?.fulfillment_channel_code ?? 'DEFAULT') === 'DEFAULT') : undefined;
      // Message as a live answer quotes it (jlevers/selling-partner-api#493); its issue code is UNCONFIRMED.
      if (!entry?.fulfillment_channel_code) issues.push(issue('90220', 'The field \'fulfillment_channel_code\' for the attribute \'fulfillment_availability\' does not have enough values. The required minimum is \'1\' value(s).'));
      else if (!Number.isInteger(entry.quantity) || entry.quantity < 0) issues.push(issue('90220', `The value '${entry.quantity}' of 'quantity' in 'fulfillment_availability' is not a whole number of at least 0.`)); // UNCONFIRMED wording
      else updates.push(entry.quantity);
    }
    if (issues.length === 0 && listing && !preview) for (const quantity of updates) listing.set(marketplaceId, quantity);
    return issues;
  }

  // PATCH /listings/2021-08-01/items/{sellerId}/{sku} (patchListingsItem)
  function patch(request: MockRequest): MockResponse {
    const admitted = admit(request, 'patchListingsItem');
    if ('status' in admitted) return admitted;
    const body = request.json as Raw | undefined;
    const patches = body?.patches;
    // ListingsItemPatchRequest: productType and patches (minItems 1) required; PatchOperation: op, path.
    if (typeof body?.productType !== 'string' || !Array.isArray(patches) || patches.length === 0
      || patches.some((p: Raw) => !OPS.has(p?.op) || typeof p?.path !== 'string')) return invalidInput('patchListingsItem', UNPARSABLE);
    if (patches.some((p: Raw) => p.op !== 'delete' && p.value === undefined)) return invalidInput('patchListingsItem', 'Value is missing for patch at index of 0.'); // jlevers#363
    const { sku, marketplaceIds } = admitted;
    // Live answers honour only the first of several marketplaceIds (amzn/selling-partner-api-models#3008).
    const issues = applyPatches(sku, marketplaceIds[0]!, patches as Raw[], request.query.get('mode') === 'VALIDATION_PREVIEW');
    const invalid = issues.length > 0;
    counts.patchListingsItem[invalid ? 'invalid' : 'accepted']++;
    const status = invalid ? 'INVALID' : request.query.get('mode') === 'VALIDATION_PREVIEW' ? 'VALID' : 'ACCEPTED';
    return answer('patchListingsItem', 200, { sku, status, submissionId: randomUUID().replace(/-/g, ''), issues });
  }

  // GET /listings/2021-08-01/items/{sellerId}/{sku} (getListingsItem)
  function get(request: MockRequest): MockResponse {
    const admitted = admit(request, 'getListingsItem');
    if ('status' in admitted) return admitted;
    const listing = stock.get(admitted.sku);
    // 404 code as a live answer shows it (amzn/selling-partner-api-models#4283); message UNCONFIRMED.
    if (!listing) return answer('getListingsItem', 404, { errors: [{ code: 'NOT_FOUND', message: `SKU '${admitted.sku}' not found in marketplace ${admitted.marketplaceIds[0]}`, details: '' }] });
    const included = (request.query.get('includedData') ?? 'summaries').split(',');
    const quantity = listing.get(admitted.marketplaceIds[0]!) ?? MOCK_INITIAL_QUANTITY;
    return answer('getListingsItem', 200, {
      sku: admitted.sku,
      ...(included.includes('attributes') ? { attributes: { fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity, marketplace_id: admitted.marketplaceIds[0] }] } } : {}),
      ...(included.includes('fulfillmentAvailability') ? { fulfillmentAvailability: [{ fulfillmentChannelCode: 'DEFAULT', quantity }] } : {}),
    });
  }

  return {
    applyPatches,
    routes: [route('PATCH', `${ITEMS}/:sellerId/:sku`, patch), route('GET', `${ITEMS}/:sellerId/:sku`, get)] as Route[],
    state: () => ({
      // The DEFAULT quantity per SKU (the first marketplace that holds one), and per marketplace.
      stock: Object.fromEntries([...stock].map(([sku, byMarket]) => [sku, [...byMarket.values()][0] ?? MOCK_INITIAL_QUANTITY])),
      stockByMarketplace: Object.fromEntries([...stock].map(([sku, byMarket]) => [sku, Object.fromEntries(byMarket)])),
      listings: { ...counts, usagePlans: Object.fromEntries(Object.entries(plans).map(([op, plan]) => [op, { ...plan, available: buckets[op as Operation].available }])) },
    }),
    reset,
  };
}

function issue(code: string, message: string, attributeNames = ['fulfillment_availability']): Raw {
  return { code, message, severity: 'ERROR', attributeNames, categories: attributeNames.length > 0 ? ['INVALID_ATTRIBUTE'] : [] };
}
