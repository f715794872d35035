// Every ShipBob API call ordersync makes: deliveries (retried by the push engine) and the reads
// that stand alone (a GET is safe to repeat; each retry waits out x-retry-after, the 150/min
// sliding window of developer.shipbob.com/rate-limit).
import { parseRetryAfter } from '../../src/http/index.js';
import type { ConnectorContext, HttpClient, HttpResponse } from '../../src/connector-kit/index.js';
import type { ShipBobSettings } from './settings.js';
import { ShipBobCancelResult, ShipBobOrder, ShipBobOrderList, type ShipBobCreateOrder } from './types.js';

/** ShipBob announces its wait in `x-retry-after` (seconds): https://developer.shipbob.com/rate-limit */
export function readShipBobRetryAfter(response: HttpResponse): number | undefined {
  return parseRetryAfter(response.headers['x-retry-after']) ?? parseRetryAfter(response.headers['retry-after']);
}

export interface ShipBobClient {
  createOrder(body: ShipBobCreateOrder): Promise<ShipBobOrder>;
  findByReference(referenceId: string): Promise<ShipBobOrder | undefined>;
  getOrder(id: number | string): Promise<ShipBobOrder>;
  cancelOrder(id: number): Promise<ShipBobCancelResult>;
  verify(): Promise<void>;
}

/**
 * The HTTP client for ShipBob's API. Deliveries use retries 0 (the push engine retries them);
 * reads that stand alone (stock levels, shipments) retry in place, waiting `x-retry-after`.
 */
export function shipbobHttp(ctx: ConnectorContext<ShipBobSettings>, retries: number): HttpClient {
  return ctx.http({
    baseURL: ctx.settings.url,
    // https://developer.shipbob.com/authentication: PAT or OAuth token as a Bearer token.
    headers: { authorization: `Bearer ${ctx.settings.token}`, shipbob_channel_id: ctx.settings.channelId },
    retry: { retries },
    retryAfter: readShipBobRetryAfter,
    allowInsecure: ctx.settings.allowInsecure,
  });
}

/** Retries of a read that is not part of a delivery. */
export const READ_RETRIES = 4;

export function shipbobClient(ctx: ConnectorContext<ShipBobSettings>): ShipBobClient {
  const { apiVersion: version } = ctx.settings;
  const http = shipbobHttp(ctx, 0);

  return {
    // POST /{version}/order — https://developer.shipbob.com/api/orders/create-order
    // A reference_id already used in the account answers 422 (https://developer.shipbob.com/errors).
    async createOrder(body) {
      const response = await http.request({ method: 'POST', path: `/${version}/order`, body });
      return ShipBobOrder.parse(response.data);
    },
    // GET /{version}/order?ReferenceIds=… — https://developer.shipbob.com/api/orders/get-orders
    async findByReference(referenceId) {
      const response = await http.request({ method: 'GET', path: `/${version}/order`, query: { ReferenceIds: referenceId, Limit: 50 } });
      return ShipBobOrderList.parse(response.data).find((order) => order.reference_id === referenceId);
    },
    // GET /{version}/order/{orderId} — https://developer.shipbob.com/api/orders/get-order
    async getOrder(id) {
      const response = await http.request({ method: 'GET', path: `/${version}/order/${encodeURIComponent(String(id))}` });
      return ShipBobOrder.parse(response.data);
    },
    // 2026-01 and later: POST /{version}/order/{orderId}:cancel — https://developer.shipbob.com/api/orders/cancel-order
    // 2.0/1.0 (and 2025-07): POST /{version}/order/{orderId}/cancel — …/v2.0/api/orders/cancel-single-order-by-order-id
    async cancelOrder(id) {
      const path = version.startsWith('2026-') ? `/${version}/order/${id}:cancel` : `/${version}/order/${id}/cancel`;
      const response = await http.request({ method: 'POST', path });
      return ShipBobCancelResult.parse(response.data ?? {});
    },
    // A cheap authenticated read: one order.
    async verify() {
      await http.request({ method: 'GET', path: `/${version}/order`, query: { Limit: 1 } });
    },
  };
}
