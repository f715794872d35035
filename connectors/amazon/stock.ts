// Stock push to Amazon: one patchListingsItem per SKU and marketplace, setting the merchant-fulfilled (DEFAULT)
// quantity of fulfillment_availability, paced to the operation's usage plan (listings-api.ts).
// Amazon answers each patch with ACCEPTED or INVALID and its issues: ACCEPTED is `ok`, INVALID is
// `rejected` with Amazon's ERROR issues as the reason. A throttled or failing call (429, 5xx,
// network) that its retries did not get through is `retry` for that SKU only; the others go on.
// A batch of more than `stockFeedThreshold` SKU × marketplace updates goes by JSON_LISTINGS_FEED
// instead (stock-feed.ts; README "Stock push by feed").
import { HttpError, type ConnectorContext, type StockPushResult, type StockUpdate } from '../../src/connector-kit/index.js';
import { amazonErrorDetail, isOAuthRefusal } from './errors.js';
import { patchQuantity, type AmazonSubmission } from './listings-api.js';
import type { AmazonSettings } from './settings.js';
import { pushStockByFeed } from './stock-feed.js';

export async function pushAmazonStock(ctx: ConnectorContext<AmazonSettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const { sellerId, marketplaceIds } = ctx.settings;
  // Channel-wide problems are thrown: the runner retries every SKU of this channel next run.
  if (!sellerId) throw new Error(`channel ${ctx.name}: stock push needs sellerId (the merchant token from Seller Central → Settings → Account Info)`);
  if (marketplaceIds.length === 0) throw new Error(`channel ${ctx.name}: stock push needs marketplaceIds (the marketplaces whose quantities to set)`);
  const refusal = (update: StockUpdate): StockPushResult | undefined => (Number.isSafeInteger(update.quantity) && update.quantity >= 0 ? undefined
    : { sku: update.sku, status: 'rejected', reason: `quantity ${update.quantity} is not a whole number ≥ 0 (FulfillmentAvailability.quantity)` });
  const valid = updates.filter((update) => !refusal(update));
  if (valid.length * marketplaceIds.length > ctx.settings.stockFeedThreshold) {
    // The last update of a SKU wins, as it does patch after patch; every update of it gets that answer.
    const byFeed = await pushStockByFeed(ctx, sellerId, marketplaceIds, new Map(valid.map((update) => [update.sku, update.quantity])));
    return updates.map((update) => refusal(update) ?? combineMarketplaces(update.sku, marketplaceIds, byFeed.get(update.sku)!));
  }
  const results: StockPushResult[] = [];
  for (const update of updates) results.push(refusal(update) ?? await patchEveryMarketplace(ctx, sellerId, marketplaceIds, update));
  return results;
}

/**
 * One patch per marketplace: the spec allows a comma-separated marketplaceIds, but live answers
 * honour only the first (amzn/selling-partner-api-models#3008). The SKU is `ok` once every
 * marketplace accepted it; any `retry` makes it `retry` (a resend is harmless), else any refusal
 * makes it `rejected`.
 */
async function patchEveryMarketplace(ctx: ConnectorContext<AmazonSettings>, sellerId: string, marketplaceIds: readonly string[], update: StockUpdate): Promise<StockPushResult> {
  const outcomes = new Map<string, Omit<StockPushResult, 'sku'>>();
  for (const marketplaceId of marketplaceIds) {
    try {
      outcomes.set(marketplaceId, resultOf(update.sku, await patchQuantity(ctx, { sellerId, sku: update.sku, marketplaceIds: [marketplaceId], quantity: update.quantity })));
    } catch (error) {
      outcomes.set(marketplaceId, failureOf(update.sku, error));
    }
  }
  return combineMarketplaces(update.sku, marketplaceIds, outcomes);
}

/** One answer per SKU from its marketplaces' (patch or feed): ok when all are; any retry → retry; else rejected, naming the marketplace. */
export function combineMarketplaces(sku: string, marketplaceIds: readonly string[], outcomes: ReadonlyMap<string, Omit<StockPushResult, 'sku'>>): StockPushResult {
  const failed = marketplaceIds.map((marketplaceId) => ({ marketplaceId, result: outcomes.get(marketplaceId) ?? { status: 'retry' as const, reason: 'no answer' } })).filter((o) => o.result.status !== 'ok');
  if (failed.length === 0) return { sku, status: 'ok' };
  const status = failed.some((o) => o.result.status === 'retry') ? 'retry' : 'rejected';
  const reason = failed.map((o) => (marketplaceIds.length > 1 ? `${o.marketplaceId}: ${o.result.reason}` : o.result.reason)).join('; ');
  return { sku, status, reason };
}

/** ACCEPTED → ok; INVALID → rejected with Amazon's ERROR issues; VALID only answers a preview. */
export function resultOf(sku: string, submission: AmazonSubmission): StockPushResult {
  if (submission.status === 'ACCEPTED') return { sku, status: 'ok' };
  const errors = submission.issues.filter((issue) => issue.severity === 'ERROR');
  const shown = (errors.length > 0 ? errors : submission.issues).map((issue) => `${issue.code}: ${issue.message}`).join('; ');
  return { sku, status: 'rejected', reason: `Amazon refused the quantity for SKU "${sku}" (${submission.status}${shown ? `: ${shown}` : ''})` };
}

/**
 * A credentials refusal concerns every SKU: thrown. A transient failure (429, 5xx, timeout) is
 * `retry`; another 4xx (400 InvalidInput, 413, 415) is Amazon refusing this request: `rejected`.
 */
function failureOf(sku: string, error: unknown): StockPushResult {
  if (!(error instanceof HttpError)) throw error;
  if (error.failure === 'insecure' || error.status === 401 || error.status === 403 || isOAuthRefusal(error)) throw error;
  if (error.transient || error.failure !== 'status') return { sku, status: 'retry', reason: `Amazon: ${error.message}` };
  return { sku, status: 'rejected', reason: `Amazon refused the patch for SKU "${sku}": ${amazonErrorDetail(error) ?? error.message}` };
}
