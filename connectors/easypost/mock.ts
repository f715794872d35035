// A mock EasyPost account speaking /v2: Basic auth with the API key as username, shipments with
// rates as decimal strings, buy once (422 SHIPMENT.POSTAGE.EXISTS after), refund while unscanned,
// the list endpoint with before_id/start_datetime paging and its 5 requests/second limit, and
// EasyPost's error body {"error":{code,message,errors}}.
import { json, route, seededRandom, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import type { MockOptions } from '../../src/connector-kit/index.js';
import { centsToString, MOCK_SERVICES, quoteCents } from './mock-rates.js';

export const MOCK_CREDENTIALS = { apiKey: 'EZTKordersyncdemo0000000000000000', carrier: 'USPS', service: 'Priority' };

export interface EasyPostMockOptions extends MockOptions {
  /** Index (list) endpoint limit per second; documented as 5. */
  indexPerSecond?: number;
  now?: () => number;
}

type Shipment = Record<string, any> & { id: string; reference: string | null; created_at: string; seq: number };

export interface EasyPostMock extends MockApi {
  setTrackingStatus(reference: string, status: string): boolean;
  /** The next request of this kind is carried out, then its answer is lost (a 500): a crash after commit. */
  loseNextAnswer(kind: 'create' | 'buy' | 'refund'): void;
  /** Another client buys the shipment just before the next buy request lands (a concurrent run). */
  raceNextBuy(): void;
}

export function createEasyPostMock(options: EasyPostMockOptions): EasyPostMock {
  const now = options.now ?? Date.now;
  const perSecond = options.indexPerSecond ?? 5;
  let random = seededRandom(options.seed);
  let shipments: Shipment[] = [];
  let duplicates = 0;
  let duplicateAttempts = 0;
  let received: Record<string, number> = {};
  let indexHits: number[] = [];
  let baseUrl = '';
  const losing = new Set<string>();
  let racing = false;

  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const error = (status: number, code: string, message: string, errors: unknown[] = []): MockResponse => json(status, { error: { code, message, errors } });

  function guarded(kind: string, handler: (request: MockRequest) => MockResponse, index = false): (request: MockRequest) => MockResponse {
    return (request) => {
      const header = request.headers.authorization ?? '';
      if (!header.startsWith('Basic ')) return error(401, 'APIKEY.REQUIRED', 'No API key was provided; use HTTP Basic auth with the key as username.');
      const [user] = Buffer.from(header.slice(6), 'base64').toString().split(':');
      if (user !== MOCK_CREDENTIALS.apiKey) return error(401, 'APIKEY.INACTIVE', 'This api key is no longer active. Please use a different api key or reactivate this key.');
      if (index) {
        const at = now();
        indexHits = indexHits.filter((t) => t > at - 1_000);
        if (indexHits.length >= perSecond) return throttled();
        indexHits.push(at);
      }
      received[kind] = (received[kind] ?? 0) + 1;
      const response = handler(request);
      if (losing.delete(kind)) return error(500, 'INTERNAL_SERVER_ERROR', 'The answer was lost after the work was done.');
      return response;
    };
  }

  function createShipment(request: MockRequest): MockResponse {
    const input = ((request.json ?? {}) as { shipment?: Record<string, any> }).shipment ?? {};
    const problems: { field: string; message: string }[] = [];
    for (const side of ['to_address', 'from_address'] as const) {
      for (const field of ['street1', 'city', 'country'] as const) {
        if (!input[side]?.[field]) problems.push({ field: `shipment.${side}.${field}`, message: 'is required' });
      }
    }
    const weight = Number(input.parcel?.weight);
    if (!(weight > 0)) problems.push({ field: 'shipment.parcel.weight', message: 'must be greater than 0' });
    if (problems.length > 0) return error(422, 'PARAMETER.REQUIRED', 'Missing required parameter.', problems);
    const reference = typeof input.reference === 'string' ? input.reference : null;
    if (reference && shipments.some((s) => s.reference === reference)) duplicates++;
    const id = `shp_${hex(32)}`;
    const rates = MOCK_SERVICES.map((entry) => ({
      id: `rate_${hex(32)}`, object: 'Rate', shipment_id: id, carrier: entry.carrier, service: entry.service,
      rate: centsToString(quoteCents(entry, weight)), currency: 'USD', mode: 'test',
    }));
    const shipment: Shipment = {
      id, object: 'Shipment', mode: 'test', reference, seq: shipments.length, created_at: new Date(now()).toISOString().slice(0, 19) + 'Z',
      status: 'unknown', to_address: { id: `adr_${hex(32)}`, object: 'Address', ...input.to_address },
      from_address: { id: `adr_${hex(32)}`, object: 'Address', ...input.from_address },
      parcel: { id: `prcl_${hex(32)}`, object: 'Parcel', ...input.parcel }, rates, selected_rate: null, postage_label: null,
      tracking_code: null, tracker: null, refund_status: null, messages: [],
    };
    shipments.push(shipment);
    return json(201, view(shipment));
  }

  function buy(request: MockRequest): MockResponse {
    const shipment = shipments.find((s) => s.id === request.params.id);
    if (!shipment) return error(404, 'NOT_FOUND', 'The requested resource could not be found.');
    if (racing) {
      racing = false;
      buy(request);
    }
    if (shipment.postage_label) {
      duplicateAttempts++;
      return error(422, 'SHIPMENT.POSTAGE.EXISTS', 'Postage already exists for this shipment.');
    }
    const rateId = ((request.json ?? {}) as { rate?: { id?: string } }).rate?.id;
    const rate = (shipment.rates as { id: string }[]).find((r) => r.id === rateId);
    if (!rate) return error(422, 'SHIPMENT.RATE.NOT_FOUND', `Rate ${String(rateId)} does not belong to shipment ${shipment.id}.`);
    const tracking = `9400${Array.from({ length: 18 }, () => Math.floor(random() * 10)).join('')}`;
    Object.assign(shipment, {
      selected_rate: rate, tracking_code: tracking, status: 'unknown',
      postage_label: { id: `pl_${hex(32)}`, object: 'PostageLabel', label_file_type: 'image/png', label_url: `${baseUrl}/files/postage_label/${shipment.id}.png` },
      tracker: { id: `trk_${hex(32)}`, object: 'Tracker', tracking_code: tracking, status: 'unknown', public_url: `${baseUrl}/track/${tracking}` },
    });
    return json(200, view(shipment));
  }

  function refund(request: MockRequest): MockResponse {
    const shipment = shipments.find((s) => s.id === request.params.id);
    if (!shipment) return error(404, 'NOT_FOUND', 'The requested resource could not be found.');
    if (!shipment.postage_label) return error(422, 'SHIPMENT.REFUND.UNAVAILABLE', 'Only purchased shipments can be refunded.');
    if (!shipment.refund_status) shipment.refund_status = ['unknown', 'pre_transit'].includes(shipment.status) ? 'submitted' : 'rejected';
    return json(200, view(shipment));
  }

  function list(request: MockRequest): MockResponse {
    const q = request.query;
    const size = Math.min(Math.max(Number(q.get('page_size') ?? 20), 1), 100);
    const start = q.get('start_datetime') ? Date.parse(q.get('start_datetime')!) : -Infinity;
    const end = q.get('end_datetime') ? Date.parse(q.get('end_datetime')!) : Infinity;
    const before = shipments.find((s) => s.id === q.get('before_id'))?.seq ?? Infinity;
    const after = shipments.find((s) => s.id === q.get('after_id'))?.seq ?? -Infinity;
    const purchased = q.get('purchased');
    const matching = [...shipments].reverse().filter((s) => s.seq < before && s.seq > after
      && Date.parse(s.created_at) >= start && Date.parse(s.created_at) <= end
      && (purchased === null || String(Boolean(s.postage_label)) === purchased));
    return json(200, { shipments: matching.slice(0, size).map(view), has_more: matching.length > size });
  }

  function throttled(): MockResponse {
    return error(429, 'RATE_LIMITED', 'You have exceeded the rate limit for this endpoint. Please slow down and retry.');
  }

  const view = ({ seq: _seq, ...shipment }: Shipment) => shipment;
  const byId = (request: MockRequest) => {
    const shipment = shipments.find((s) => s.id === request.params.id);
    return shipment ? json(200, view(shipment)) : error(404, 'NOT_FOUND', 'The requested resource could not be found.');
  };

  return {
    name: 'easypost',
    routes: [
      route('POST', '/v2/shipments', guarded('create', createShipment)),
      route('GET', '/v2/shipments', guarded('list', list, true)),
      route('GET', '/v2/shipments/:id', guarded('get', byId)),
      route('POST', '/v2/shipments/:id/buy', guarded('buy', buy)),
      route('POST', '/v2/shipments/:id/refund', guarded('refund', refund)),
    ],
    state: () => ({
      records: shipments.length,
      labels: shipments.filter((s) => s.postage_label).length,
      duplicates,
      duplicateAttempts,
      refunds: shipments.filter((s) => s.refund_status).length,
      received,
      shipments: shipments.map(view),
    }),
    reset: () => { random = seededRandom(options.seed); shipments = []; duplicates = 0; duplicateAttempts = 0; received = {}; indexHits = []; losing.clear(); racing = false; },
    throttled: () => throttled(),
    errorBody: (status, message) => ({ error: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', message, errors: [] } }),
    setBaseUrl: (url) => { baseUrl = url; },
    loseNextAnswer: (kind) => { losing.add(kind); },
    raceNextBuy: () => { racing = true; },
    setTrackingStatus(reference, status) {
      const shipment = shipments.find((s) => s.reference === reference);
      if (shipment) { shipment.status = status; if (shipment.tracker) shipment.tracker.status = status; }
      return Boolean(shipment);
    },
  };
}
