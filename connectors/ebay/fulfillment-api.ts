// The eBay calls of the fulfillment loop (Sell Fulfillment API v1): getOrder,
// getShippingFulfillments and createShippingFulfillment, with a user token minted for the
// sell.fulfillment scope, which createShippingFulfillment requires (spec: its `security`).
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpClient, type HttpResponse } from '../../src/connector-kit/index.js';
import type { HttpRequest } from '../../src/http/index.js';
import { isInvalidToken, mintUserToken } from './client.js';
import { WRITE_SCOPE, type EbaySettings } from './settings.js';
import { createTokenSource, type TokenSource } from './token.js';

const ORDER_PATH = '/sell/fulfillment/v1/order';

// spec components.schemas.ShippingFulfillment / LineItemReference (quantity defaults to 1).
export const EbayShippingFulfillment = z.object({
  fulfillmentId: z.string().min(1),
  shipmentTrackingNumber: z.string().optional(),
  shippingCarrierCode: z.string().optional(),
  shippedDate: z.string().optional(),
  lineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().default(1) })).default([]),
});
const FulfillmentsPage = z.object({ fulfillments: z.array(EbayShippingFulfillment).default([]) });

// getOrder, as far as the fulfillment loop reads it (spec Order, LineItem).
export const EbayOrderLines = z.object({
  orderId: z.string(),
  orderFulfillmentStatus: z.string(),
  cancelStatus: z.object({ cancelState: z.string() }).optional(),
  lineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int(), lineItemFulfillmentStatus: z.string().optional() })),
});

export type EbayShippingFulfillment = z.infer<typeof EbayShippingFulfillment>;
export type EbayOrderLines = z.infer<typeof EbayOrderLines>;

// spec components.schemas.ShippingFulfillmentDetails
export interface ShippingFulfillmentDetails {
  lineItems: { lineItemId: string; quantity: number }[];
  shippedDate: string;
  shippingCarrierCode: string;
  trackingNumber: string;
}

export interface EbayFulfillmentApi {
  getOrder(orderId: string): Promise<EbayOrderLines>;
  getShippingFulfillments(orderId: string): Promise<EbayShippingFulfillment[]>;
  /** Sent once, never retried here: an answer lost on the way may hide a created fulfillment. Answers its id. */
  createShippingFulfillment(orderId: string, details: ShippingFulfillmentDetails): Promise<string>;
}

type Ctx = ConnectorContext<EbaySettings>;

// One client and token per context: a push run confirms many shipments with one token.
const apis = new WeakMap<Ctx, EbayFulfillmentApi>();

export function fulfillmentApiOf(ctx: Ctx): EbayFulfillmentApi {
  const existing = apis.get(ctx);
  if (existing) return existing;
  const api = createFulfillmentApi(ctx);
  apis.set(ctx, api);
  return api;
}

function createFulfillmentApi(ctx: Ctx): EbayFulfillmentApi {
  // eBay sends no Retry-After (429 errorId 2001): reads are retried with the shared backoff.
  const http: HttpClient = ctx.http({ baseURL: ctx.settings.url, allowInsecure: ctx.settings.allowInsecure });
  const tokens: TokenSource = createTokenSource(() => mintUserToken(ctx, [WRITE_SCOPE]), ctx.clock);

  async function authorized<T>(request: HttpRequest): Promise<HttpResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      try {
        return await http.request<T>({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
      } catch (error) {
        // A token eBay calls invalid is replaced once; eBay refused it before doing anything.
        if (attempt > 0 || !isInvalidToken(error)) throw error;
        tokens.invalidate(token);
      }
    }
  }

  const orderPath = (orderId: string) => `${ORDER_PATH}/${encodeURIComponent(orderId)}`;

  return {
    // GET /order/{orderId} — https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrder
    async getOrder(orderId) {
      const response = await authorized<unknown>({ method: 'GET', path: orderPath(orderId) });
      return parsed(EbayOrderLines, response, 'getOrder');
    },
    // GET /order/{orderId}/shipping_fulfillment — https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/shipping_fulfillment/methods/getShippingFulfillments
    async getShippingFulfillments(orderId) {
      const response = await authorized<unknown>({ method: 'GET', path: `${orderPath(orderId)}/shipping_fulfillment` });
      return parsed(FulfillmentsPage, response, 'getShippingFulfillments').fulfillments;
    },
    // POST /order/{orderId}/shipping_fulfillment — https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/shipping_fulfillment/methods/createShippingFulfillment
    // 201 with `Location: …/shipping_fulfillment/{fulfillmentId}` and body {}; with a tracking
    // number "the resulting fulfillment's ID … is the tracking number" (spec trackingNumber).
    async createShippingFulfillment(orderId, details) {
      const response = await authorized<unknown>({ method: 'POST', path: `${orderPath(orderId)}/shipping_fulfillment`, body: details, retries: 0 });
      const location = response.headers.location ?? '';
      const id = decodeURIComponent(location.split('?')[0]?.split('/').filter(Boolean).at(-1) ?? '');
      return location.includes('/shipping_fulfillment/') && id ? id : details.trackingNumber;
    },
  };
}

/** A body that is not what the spec promises is treated like a garbled answer: transient. */
function parsed<T>(schema: z.ZodType<T>, response: HttpResponse<unknown>, operation: string): T {
  const result = schema.safeParse(response.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HttpError('malformed_body', `${operation} answered an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message})`, response.status, undefined, '');
  }
  return result.data;
}
