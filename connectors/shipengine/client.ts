// Every ShipEngine (ShipStation API v1) call ordersync makes. Retries belong to the push engine.
// 429 answers carry a standard Retry-After in seconds, which the shared client reads.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import type { ShipEngineSettings } from './settings.js';
import { ShipEngineLabel, ShipEngineShipment, ShipEngineVoidResult, type ShipEngineLabelRequest } from './types.js';

export interface ShipEngineClient {
  createLabel(body: ShipEngineLabelRequest): Promise<ShipEngineLabel>;
  getLabel(labelId: string): Promise<ShipEngineLabel>;
  getLabelByExternalShipmentId(externalShipmentId: string): Promise<ShipEngineLabel>;
  getShipment(shipmentId: string): Promise<ShipEngineShipment>;
  voidLabel(labelId: string): Promise<ShipEngineVoidResult>;
  verify(): Promise<void>;
}

export function shipengineClient(ctx: ConnectorContext<ShipEngineSettings>): ShipEngineClient {
  const http: HttpClient = ctx.http({
    baseURL: ctx.settings.url,
    // https://docs.shipstation.com/apis/shipengine/docs/guides/auth — the `API-Key` header.
    headers: { 'api-key': ctx.settings.apiKey },
    retry: { retries: 0 },
    allowInsecure: ctx.settings.allowInsecure,
  });
  const id = (value: string) => encodeURIComponent(value);

  return {
    // POST /v1/labels — https://docs.shipstation.com/apis/shipengine/docs/labels/create-a-label
    async createLabel(body) {
      return ShipEngineLabel.parse((await http.request({ method: 'POST', path: '/v1/labels', body })).data);
    },
    // GET /v1/labels/{label_id} — https://docs.shipstation.com/apis/shipengine/openapi/labels/get_label_by_id
    async getLabel(labelId) {
      return ShipEngineLabel.parse((await http.request({ method: 'GET', path: `/v1/labels/${id(labelId)}` })).data);
    },
    // GET /v1/labels/external_shipment_id/{external_shipment_id}
    // https://docs.shipstation.com/apis/shipengine/openapi/labels/get_label_by_external_shipment_id
    async getLabelByExternalShipmentId(externalShipmentId) {
      const path = `/v1/labels/external_shipment_id/${id(externalShipmentId)}`;
      return ShipEngineLabel.parse((await http.request({ method: 'GET', path })).data);
    },
    // GET /v1/shipments/{shipment_id} — https://docs.shipstation.com/apis/shipengine/docs/reference/get-shipment-by-id
    async getShipment(shipmentId) {
      return ShipEngineShipment.parse((await http.request({ method: 'GET', path: `/v1/shipments/${id(shipmentId)}` })).data);
    },
    // PUT /v1/labels/{label_id}/void — https://docs.shipstation.com/apis/shipengine/openapi/labels/void_label
    async voidLabel(labelId) {
      return ShipEngineVoidResult.parse((await http.request({ method: 'PUT', path: `/v1/labels/${id(labelId)}/void` })).data);
    },
    // GET /v1/labels?page_size=1 — https://docs.shipstation.com/apis/shipengine/docs/reference/list-labels
    async verify() {
      await http.request({ method: 'GET', path: '/v1/labels', query: { page_size: 1 } });
    },
  };
}
