// The Amazon call of the stock push: patchListingsItem (Listings Items API 2021-08-01), paced by
// its own token bucket on ctx.clock (5/s burst 5 by default: settings.ts), with the channel's
// access token.
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpResponse } from '../../src/connector-kit/index.js';
import { withAccessToken } from './client.js';
import { adoptReportedRate, operationSessions } from './operations.js';
import type { AmazonSettings } from './settings.js';

const LISTINGS_API = '/listings/2021-08-01/items';

// listingsItems_2021-08-01.json: ListingsItemSubmissionResponse and Issue (as far as we read them).
export const AmazonSubmission = z.object({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string(),
  issues: z.array(z.object({ code: z.string(), message: z.string(), severity: z.enum(['ERROR', 'WARNING', 'INFO']) }).passthrough()).default([]),
});
export type AmazonSubmission = z.infer<typeof AmazonSubmission>;

type Ctx = ConnectorContext<AmazonSettings>;

const OPERATION = 'patchListingsItem';
// A patch sets an absolute quantity, so the client may send it again after a 429.
const sessionOf = operationSessions((ctx) => ({ [OPERATION]: ctx.settings.stockRateLimit }), { retries: () => 2, debtAfterThrottle: () => -1 });

export interface QuantityPatch {
  sellerId: string;
  sku: string;
  marketplaceIds: readonly string[];
  quantity: number;
}

// PATCH /listings/2021-08-01/items/{sellerId}/{sku}?marketplaceIds=… —
// https://developer-docs.amazon.com/sp-api/docs/listings-items-api-v2021-08-01-reference#patchlistingsitem
// `merge` sets the quantity and keeps the offer's other fulfillment_availability fields
// (lead_time_to_ship_max_days, restock_date): https://developer-docs.amazon.com/sp-api/docs/merge-a-listing
// A replace would drop them. DEFAULT is the merchant-fulfilled channel; FBA stock is Amazon's.
export async function patchQuantity(ctx: Ctx, patch: QuantityPatch): Promise<AmazonSubmission> {
  const session = sessionOf(ctx);
  const path = `${LISTINGS_API}/${encodeURIComponent(patch.sellerId)}/${encodeURIComponent(patch.sku)}`;
  const body = {
    productType: ctx.settings.productType,
    patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: patch.quantity }] }],
  };
  // The access token comes first (withAccessToken): a token request between our rate-limit token
  // and the PATCH would delay this PATCH and bunch it up with the next one at Amazon's end.
  const response = await withAccessToken(ctx, async (token): Promise<HttpResponse<unknown>> => {
    await session.buckets[OPERATION].take();
    const sentAt = ctx.clock.now();
    try {
      return await session.http[OPERATION].request<unknown>({
        method: 'PATCH', path, query: { marketplaceIds: patch.marketplaceIds.join(','), issueLocale: 'en_US' }, body,
        headers: { 'x-amz-access-token': token },
      });
    } finally {
      // Amazon counts the call when it arrives, at the latest when it answers: count it spent then,
      // so the next call never reaches Amazon sooner than the usage plan allows (found by npm run bench).
      const bucket = session.buckets[OPERATION];
      bucket.observe(bucket.available - ((ctx.clock.now() - sentAt) / 1000) * bucket.ratePerSecond);
    }
  });
  adoptReportedRate(ctx, session, OPERATION, response);
  const parsed = AmazonSubmission.safeParse(response.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError('malformed_body', `patchListingsItem answered an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message})`, response.status, undefined, '');
  }
  return parsed.data;
}
