// The Amazon calls of the fulfillment loop: getOrder (Orders API v2026-01-01, to read the order's
// packages and open quantities) and confirmShipment (Orders API v0, which stays for this call),
// each paced by its own token bucket on ctx.clock, with the channel's access token.
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpResponse } from '../../src/connector-kit/index.js';
import type { HttpRequest } from '../../src/http/index.js';
import { withAccessToken } from './client.js';
import { adoptReportedRate, operationSessions } from './operations.js';
import type { AmazonSettings } from './settings.js';
import { AMAZON_FULFILLED_BY, AMAZON_FULFILLMENT_STATUSES } from './types.js';

// Usage plans: confirmShipment 2/s burst 10 (ordersV0.json, the operation's "Usage Plan" table);
// getOrder 0.5/s burst 30 (orders_2026-01-01.json).
export const USAGE_PLANS = {
  confirmShipment: { ratePerSecond: 2, burst: 10 },
  getOrder: { ratePerSecond: 0.5, burst: 30 },
} as const;
type Operation = keyof typeof USAGE_PLANS;

// What getOrder with includedData=FULFILLMENT,PACKAGES tells about shipping (definitions Order,
// OrderFulfillment, OrderItem.fulfillment (ItemFulfillment), OrderPackage, PackageItem).
export const AmazonShippingView = z.object({
  orderId: z.string(),
  salesChannel: z.object({ marketplaceId: z.string().optional() }).optional(),
  fulfillment: z.object({ fulfillmentStatus: z.enum(AMAZON_FULFILLMENT_STATUSES), fulfilledBy: z.enum(AMAZON_FULFILLED_BY).optional() }),
  orderItems: z.array(z.object({
    orderItemId: z.string(),
    quantityOrdered: z.number().int(),
    fulfillment: z.object({ quantityFulfilled: z.number().int().optional(), quantityUnfulfilled: z.number().int().optional() }).optional(),
  })),
  packages: z.array(z.object({
    packageReferenceId: z.string(),
    trackingNumber: z.string().optional(),
    carrier: z.string().optional(),
  })).default([]),
});
export type AmazonShippingView = z.infer<typeof AmazonShippingView>;

// ordersV0.json ConfirmShipmentRequest / PackageDetail / ConfirmShipmentOrderItem
export interface ConfirmShipmentRequest {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: { orderItemId: string; quantity: number }[];
  };
}

type Ctx = ConnectorContext<AmazonSettings>;

// getOrder is retried at once by the client after a 429, spending a token (hence one in debt);
// confirmShipment is not retried there: its next attempt takes from the bucket.
const sessionOf = operationSessions(() => USAGE_PLANS, { debtAfterThrottle: (operation) => (operation === 'getOrder' ? -1 : 0) });

async function call<T>(ctx: Ctx, operation: Operation, request: HttpRequest): Promise<HttpResponse<T>> {
  const session = sessionOf(ctx);
  await session.buckets[operation].take();
  const response = await withAccessToken(ctx, (token) => session.http[operation].request<T>({
    ...request, headers: { ...request.headers, 'x-amz-access-token': token },
  }));
  adoptReportedRate(ctx, session, operation, response);
  return response;
}

// GET /orders/2026-01-01/orders/{orderId}?includedData=FULFILLMENT,PACKAGES —
// https://github.com/amzn/selling-partner-api-models/blob/main/models/orders-api-model/orders_2026-01-01.json
export async function getShippingView(ctx: Ctx, orderId: string): Promise<AmazonShippingView> {
  const response = await call<unknown>(ctx, 'getOrder', {
    method: 'GET', path: `/orders/2026-01-01/orders/${encodeURIComponent(orderId)}`, query: { includedData: 'FULFILLMENT,PACKAGES' },
  });
  const parsed = z.object({ order: AmazonShippingView }).safeParse(response.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError('malformed_body', `getOrder answered an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message})`, response.status, undefined, '');
  }
  return parsed.data.order;
}

// POST /orders/v0/orders/{orderId}/shipmentConfirmation → 204 —
// https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference#confirmshipment
// Sent once (retries 0): a lost answer may hide a confirmation, which the next attempt looks up.
export async function confirmShipment(ctx: Ctx, orderId: string, body: ConfirmShipmentRequest): Promise<void> {
  await call(ctx, 'confirmShipment', {
    method: 'POST', path: `/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`, body, retries: 0,
  });
}

/** x-amzn-RateLimit-Limit is the rate Amazon applies to this seller and app: never pace faster. */
