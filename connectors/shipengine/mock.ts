// A mock ShipEngine v1 account: API-Key auth, POST /v1/labels with the shipment inline,
// labels by id / by external_shipment_id (unique per account), void, 200 requests/minute with
// 429 + Retry-After, and ShipEngine's error body {request_id, errors:[…]}.
import { json, route, seededRandom, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { MOCK_CARRIERS, priceCents } from './mock-carriers.js';
import { validateLabelRequest } from './mock-validate.js';

export const MOCK_CREDENTIALS = { apiKey: 'TEST_ordersync_demo_key', carrierId: 'se-1000001', serviceCode: 'usps_priority_mail' };

export interface ShipEngineMockOptions extends MockOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

type Label = Record<string, unknown> & { label_id: string; shipment_id: string; external_shipment_id: string; status: string; voided: boolean; tracking_status: string };

export interface ShipEngineMock extends MockApi {
  /** The carrier scanned the parcel: tracking_status moves on (then voids are refused). */
  setTrackingStatus(externalShipmentId: string, status: 'in_transit' | 'delivered' | 'unknown'): boolean;
}

export function createShipEngineMock(options: ShipEngineMockOptions): ShipEngineMock {
  const limit = options.limit ?? 200;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let random = seededRandom(options.seed);
  let labels: Label[] = [];
  let shipments = new Map<string, Record<string, unknown>>();
  let hits: number[] = [];
  let counter = 0; // request ids
  let labelCount = 0;
  let duplicateAttempts = 0;
  let received: Record<string, number> = {};
  let baseUrl = '';

  const requestId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const error = (status: number, type: string, code: string, message: string, source = 'shipengine'): MockResponse =>
    json(status, { request_id: requestId(), errors: [{ error_source: source, error_type: type, error_code: code, message }] });

  function guarded(kind: string, handler: (request: MockRequest) => MockResponse): (request: MockRequest) => MockResponse {
    return (request) => {
      if (request.headers['api-key'] !== MOCK_CREDENTIALS.apiKey) {
        return error(401, 'security', 'unauthorized', 'The API key is invalid. Please see https://www.shipengine.com/docs/auth');
      }
      const at = now();
      hits = hits.filter((t) => t > at - windowMs);
      if (hits.length >= limit) return throttled(Math.max(1, Math.ceil(((hits[0] ?? at) + windowMs - at) / 1000)));
      hits.push(at);
      received[kind] = (received[kind] ?? 0) + 1;
      return handler(request);
    };
  }

  function createLabel(request: MockRequest): MockResponse {
    const body = (request.json ?? {}) as Record<string, any>;
    const problem = validateLabelRequest(body);
    if (problem) return error(400, 'validation', problem.code, problem.message);
    const shipment = body.shipment as Record<string, any>;
    const carrier = MOCK_CARRIERS.find((c) => c.carrier_id === shipment.carrier_id);
    if (!carrier) return error(400, 'validation', 'invalid_identifier', `carrier_id ${String(shipment.carrier_id)} was not found`);
    const base = carrier.services[String(shipment.service_code)];
    if (base === undefined) return error(400, 'validation', 'invalid_field_value', `service_code ${String(shipment.service_code)} is not offered by ${carrier.carrier_code}`);
    const external = String(shipment.external_shipment_id ?? '');
    if (external && labels.some((l) => l.external_shipment_id === external)) {
      duplicateAttempts++;
      return error(409, 'business_rules', 'unspecified', `A shipment with external_shipment_id '${external}' already exists`);
    }
    const n = ++labelCount;
    const shipmentId = `se-${200000 + n}`;
    const labelId = `se-${500000 + n}`;
    shipments.set(shipmentId, { ...shipment, shipment_id: shipmentId, external_shipment_id: external || shipmentId, shipment_status: 'label_purchased' });
    const cents = (shipment.packages as { weight: { value: number; unit: string } }[]).reduce((sum, p) => sum + priceCents(base, p.weight), 0);
    const tracking = `9405${Array.from({ length: 18 }, () => Math.floor(random() * 10)).join('')}`;
    const label: Label = {
      label_id: labelId, status: 'completed', shipment_id: shipmentId, external_shipment_id: external || shipmentId,
      ship_date: new Date(now()).toISOString().slice(0, 10) + 'T00:00:00Z', created_at: new Date(now()).toISOString(),
      shipment_cost: { currency: 'usd', amount: cents / 100 }, insurance_cost: { currency: 'usd', amount: 0 },
      tracking_number: tracking, is_return_label: false, is_international: shipment.ship_to.country_code !== shipment.ship_from.country_code,
      carrier_id: carrier.carrier_id, carrier_code: carrier.carrier_code, service_code: shipment.service_code,
      voided: false, voided_at: null, label_format: body.label_format ?? 'pdf', label_layout: body.label_layout ?? '4x6',
      trackable: true, tracking_status: 'unknown',
      label_download: { href: `${baseUrl}/v1/downloads/labels/${labelId}.pdf`, pdf: `${baseUrl}/v1/downloads/labels/${labelId}.pdf` },
      packages: shipment.packages,
    };
    labels.push(label);
    return json(200, label);
  }

  function voidLabel(request: MockRequest): MockResponse {
    const label = labels.find((l) => l.label_id === request.params.id);
    if (!label) return error(404, 'validation', 'invalid_identifier', `label ${request.params.id} was not found`);
    if (label.voided) return json(200, { approved: false, message: 'The label has already been voided.', reason_code: 'label_already_voided' });
    if (label.tracking_status === 'in_transit' || label.tracking_status === 'delivered') {
      return json(200, { approved: false, message: 'The label has already been used by the carrier.', reason_code: 'label_already_used' });
    }
    Object.assign(label, { voided: true, voided_at: new Date(now()).toISOString(), status: 'voided' });
    return json(200, { approved: true, message: 'Request for refund submitted.  This label has been voided.', voided_label_ids: [label.label_id] });
  }

  function listLabels(request: MockRequest): MockResponse {
    const q = request.query;
    const size = Math.max(1, Math.min(Number(q.get('page_size') ?? 25), 500));
    const page = Math.max(1, Number(q.get('page') ?? 1));
    const matching = labels.filter((l) => (!q.get('label_status') || l.status === q.get('label_status'))
      && (!q.get('tracking_number') || l.tracking_number === q.get('tracking_number'))
      && (!q.get('shipment_id') || l.shipment_id === q.get('shipment_id'))).reverse();
    const pages = Math.max(1, Math.ceil(matching.length / size));
    const href = (p: number) => ({ href: `${baseUrl}/v1/labels?page=${p}&page_size=${size}` });
    return json(200, {
      labels: matching.slice((page - 1) * size, page * size), total: matching.length, page, pages,
      links: { first: href(1), last: href(pages), prev: page > 1 ? href(page - 1) : {}, next: page < pages ? href(page + 1) : {} },
    });
  }

  function throttled(retryAfterSeconds: number): MockResponse {
    return { ...error(429, 'system', 'rate_limit_exceeded', 'You have exceeded the rate limit. Please see https://www.shipengine.com/docs/rate-limits'),
      headers: { 'retry-after': String(retryAfterSeconds) } };
  }

  const byId = (id: string | undefined) => labels.find((l) => l.label_id === id);
  return {
    name: 'shipengine',
    routes: [
      route('POST', '/v1/labels', guarded('createLabel', createLabel)),
      route('GET', '/v1/labels', guarded('listLabels', listLabels)),
      route('GET', '/v1/labels/external_shipment_id/:external', guarded('labelByExternalId', (r) => {
        const label = labels.find((l) => l.external_shipment_id === r.params.external);
        return label ? json(200, label) : error(404, 'validation', 'invalid_identifier', `No label found with external_shipment_id '${r.params.external}'`);
      })),
      route('GET', '/v1/labels/:id', guarded('getLabel', (r) => {
        const label = byId(r.params.id);
        return label ? json(200, label) : error(404, 'validation', 'invalid_identifier', `label ${r.params.id} was not found`);
      })),
      route('PUT', '/v1/labels/:id/void', guarded('voidLabel', voidLabel)),
      route('GET', '/v1/shipments/:id', guarded('getShipment', (r) => {
        const shipment = shipments.get(r.params.id ?? '');
        return shipment ? json(200, shipment) : error(404, 'validation', 'invalid_identifier', `shipment ${r.params.id} was not found`);
      })),
    ],
    state: () => ({
      records: labels.length,
      duplicates: labels.length - new Set(labels.map((l) => l.external_shipment_id)).size,
      duplicateAttempts,
      voided: labels.filter((l) => l.voided).length,
      received,
      labels,
    }),
    reset: () => {
      random = seededRandom(options.seed); labels = []; shipments = new Map(); hits = []; counter = 0; labelCount = 0; duplicateAttempts = 0; received = {};
    },
    throttled,
    errorBody: (status, message) => ({ request_id: requestId(), errors: [{ error_source: 'shipengine', error_type: 'system', error_code: status >= 500 ? 'unspecified' : 'invalid_field_value', message }] }),
    setBaseUrl: (url) => { baseUrl = url; },
    setTrackingStatus(externalShipmentId, status) {
      const label = labels.find((l) => l.external_shipment_id === externalShipmentId);
      if (label) label.tracking_status = status;
      return Boolean(label);
    },
  };
}
