// The eBay call of the stock push (Sell Inventory API v1): bulkUpdatePriceQuantity, with a user
// token minted for the sell.inventory scope, which the operation requires (spec: its `security`).
import { z } from 'zod';
import { HttpError, type ConnectorContext, type HttpClient } from '../../src/connector-kit/index.js';
import { isInvalidToken, mintUserToken } from './client.js';
import { INVENTORY_SCOPE, type EbaySettings } from './settings.js';
import { createTokenSource, type TokenSource } from './token.js';

const BULK_PATH = '/sell/inventory/v1/bulk_update_price_quantity';

// spec components.schemas.PriceQuantityResponse / Error (as far as we read them).
const EbayErrorDetail = z.object({ errorId: z.number().int().optional(), message: z.string().optional(), longMessage: z.string().optional() }).passthrough();
export const EbayPriceQuantityResponse = z.object({
  sku: z.string().optional(),
  offerId: z.string().optional(),
  statusCode: z.number().int(),
  errors: z.array(EbayErrorDetail).default([]),
  warnings: z.array(EbayErrorDetail).default([]),
});
const BulkResponse = z.object({ responses: z.array(EbayPriceQuantityResponse).default([]) });
export type EbayPriceQuantityResponse = z.infer<typeof EbayPriceQuantityResponse>;
export type EbayErrorDetail = z.infer<typeof EbayErrorDetail>;

export interface EbayInventoryApi {
  /** One call for up to 25 SKUs; throws HttpError when the call as a whole fails. */
  bulkUpdateQuantities(items: { sku: string; quantity: number }[]): Promise<EbayPriceQuantityResponse[]>;
}

type Ctx = ConnectorContext<EbaySettings>;

// One client and token per context: a push run sends many batches with one token.
const apis = new WeakMap<Ctx, EbayInventoryApi>();

export function inventoryApiOf(ctx: Ctx): EbayInventoryApi {
  const existing = apis.get(ctx);
  if (existing) return existing;
  const api = createInventoryApi(ctx);
  apis.set(ctx, api);
  return api;
}

function createInventoryApi(ctx: Ctx): EbayInventoryApi {
  // A 5xx is retried here (the call sets absolute quantities, so a resend is harmless). A 429 is
  // not: eBay's limits are daily quotas and it sends no Retry-After (errorId 2001), so waiting
  // seconds would not help; the batch's SKUs are retried on the next run.
  const http: HttpClient = ctx.http({ baseURL: ctx.settings.url, allowInsecure: ctx.settings.allowInsecure, retry: { retries: 2 } });
  const tokens: TokenSource = createTokenSource(() => mintUserToken(ctx, [INVENTORY_SCOPE]), ctx.clock);

  return {
    // POST /sell/inventory/v1/bulk_update_price_quantity —
    // https://developer.ebay.com/api-docs/sell/inventory/resources/inventory_item/methods/bulkUpdatePriceQuantity
    // Only the inventory item's total ship-to-home quantity: with no `offers`, each published
    // offer sells the lower of this and its own availableQuantity (eBay KB 5100).
    async bulkUpdateQuantities(items) {
      const body = { requests: items.map(({ sku, quantity }) => ({ sku, shipToLocationAvailability: { quantity } })) };
      for (let attempt = 0; ; attempt++) {
        const token = await tokens.get().catch((error: unknown) => {
          // No token means no call at all: a channel-wide failure, never one batch's refusal.
          throw new Error(`channel ${ctx.name}: no eBay token for the sell.inventory scope: ${error instanceof Error ? error.message : String(error)}`);
        });
        try {
          const response = await http.request<unknown>({
            method: 'POST', path: BULK_PATH, body, retryThrottled: false,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          });
          const parsed = BulkResponse.safeParse(response.data);
          if (!parsed.success) throw new HttpError('malformed_body', `bulkUpdatePriceQuantity answered an unexpected body (${parsed.error.issues[0]?.message})`, response.status, undefined, '');
          return parsed.data.responses;
        } catch (error) {
          // A token eBay calls invalid is replaced once; eBay refused it before doing anything.
          if (attempt > 0 || !isInvalidToken(error)) throw error;
          tokens.invalidate(token);
        }
      }
    },
  };
}
