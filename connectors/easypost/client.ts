// Every EasyPost API call ordersync makes. Retries belong to the push engine (retries: 0).
import { HttpError, type ConnectorContext, type HttpClient } from '../../src/connector-kit/index.js';
import type { EasyPostSettings } from './settings.js';
import { EasyPostShipment, EasyPostShipmentList, type EasyPostCreateShipment } from './types.js';

const PAGE_SIZE = 100; // the documented maximum (docs.easypost.com/docs/pagination)

export interface EasyPostClient {
  createShipment(body: EasyPostCreateShipment): Promise<EasyPostShipment>;
  getShipment(id: string): Promise<EasyPostShipment>;
  listShipments(query: { start_datetime: string; before_id?: string }): Promise<{ shipments: EasyPostShipment[]; has_more: boolean }>;
  buy(id: string, rateId: string): Promise<EasyPostShipment>;
  refund(id: string): Promise<EasyPostShipment>;
  verify(): Promise<void>;
}

export function easypostClient(ctx: ConnectorContext<EasyPostSettings>): EasyPostClient {
  const http: HttpClient = ctx.http({
    baseURL: ctx.settings.url,
    // https://docs.easypost.com/docs/authentication — HTTP Basic, the API key as username, no password.
    auth: { username: ctx.settings.apiKey, password: '' },
    retry: { retries: 0 },
    allowInsecure: ctx.settings.allowInsecure,
  });
  const shipment = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    EasyPostShipment.parse((await http.request({ method, path, body })).data);
  const id = (value: string) => encodeURIComponent(value);

  return {
    // POST /v2/shipments — https://docs.easypost.com/docs/shipments#create-a-shipment
    createShipment: (body) => shipment('POST', '/v2/shipments', body),
    // GET /v2/shipments/:id — https://docs.easypost.com/docs/shipments#retrieve-a-shipment
    getShipment: (shipmentId) => shipment('GET', `/v2/shipments/${id(shipmentId)}`),
    // GET /v2/shipments — https://docs.easypost.com/docs/shipments#retrieve-a-list-of-shipments
    // Newest first; before_id pages backwards; an index endpoint (5 requests/s).
    async listShipments(query) {
      const response = await http.request({ method: 'GET', path: '/v2/shipments', query: { ...query, page_size: PAGE_SIZE } });
      return EasyPostShipmentList.parse(response.data);
    },
    // POST /v2/shipments/:id/buy — https://docs.easypost.com/docs/shipments#buy-a-shipment
    buy: (shipmentId, rateId) => shipment('POST', `/v2/shipments/${id(shipmentId)}/buy`, { rate: { id: rateId } }),
    // POST /v2/shipments/:id/refund — https://docs.easypost.com/docs/shipments/shipping-refund
    refund: (shipmentId) => shipment('POST', `/v2/shipments/${id(shipmentId)}/refund`),
    async verify() {
      await http.request({ method: 'GET', path: '/v2/shipments', query: { page_size: 1 } });
    },
  };
}

/** EasyPost's error code from an error body `{"error":{"code","message","errors"}}`. */
export function easypostErrorCode(error: HttpError): string | undefined {
  return parseError(error)?.code;
}

/** "CODE: message (field: message; …)", for reasons a human reads. */
export function describeEasyPostError(error: HttpError): string {
  const parsed = parseError(error);
  if (!parsed) return error.message;
  const fields = (parsed.errors ?? []).map((e) => (typeof e === 'string' ? e : `${e.field ?? '?'}: ${e.message ?? ''}`)).join('; ');
  return `EasyPost HTTP ${error.status} ${parsed.code ?? ''}: ${parsed.message ?? ''}${fields ? ` (${fields})` : ''}`;
}

interface ParsedError { code?: string; message?: string; errors?: (string | { field?: string; message?: string })[] }

function parseError(error: HttpError): ParsedError | undefined {
  try {
    const body = JSON.parse(error.body) as { error?: ParsedError };
    return body.error && typeof body.error === 'object' ? body.error : undefined;
  } catch {
    return undefined;
  }
}
