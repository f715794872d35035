// Set-up for the eBay fulfillment tests: the mock on 127.0.0.1 with the test's fake clock handed
// over as MockOptions.clock, a context on the same clock, and orders planted through /__mock/orders.
import { createContext, type ConnectorContext, type DeliveryOutcome, type FulfillmentRequest, type Order, type ShipmentToConfirm } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { toChannelOrder } from '../../../connectors/ebay/mapping.js';
import { createEbayMock, MOCK_CREDENTIALS } from '../../../connectors/ebay/mock.js';
import { EbaySettings } from '../../../connectors/ebay/settings.js';
import { fakeClock, type FakeClock } from './harness.js';
import { ebayOrder } from './fixtures.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface FulfillmentState {
  throttled: number;
  byRoute: Record<string, number>;
  fulfillments: { created: number; duplicates: number; rejected: number; getOrder: number; getShippingFulfillments: number; byOrder: Record<string, string[]> };
}

export interface FulfillmentHarness {
  clock: FakeClock;
  server: RunningMock;
  ctx: ConnectorContext<EbaySettings>;
  /** Plants an order (the fixture's two lines: 2 × TEE-BLK-M, 3 × MUG-12OZ) and answers it normalized. */
  plant(overrides?: Raw): Promise<Order>;
  push(order: Order, shipment?: Partial<ShipmentToConfirm>): Promise<DeliveryOutcome>;
  request(order: Order, shipment?: Partial<ShipmentToConfirm>): FulfillmentRequest;
  /** GET a mock path with a fresh token (the consented scopes). */
  get(path: string): Promise<{ status: number; body: Raw }>;
  state(): Promise<FulfillmentState>;
  faults(next: (string | number)[]): Promise<void>;
  close(): Promise<void>;
}

export async function startFulfillmentHarness(): Promise<FulfillmentHarness> {
  const clock = fakeClock();
  const server = await startMock(createEbayMock({ seed: 3, orders: 5, clock }), { port: 0, seed: 3 });
  const ctx = createContext({
    role: 'channel', name: 'ebay-test', clock, timeoutMs: 2_000,
    settings: EbaySettings.parse({ url: server.url, ...MOCK_CREDENTIALS, safetyLagSeconds: 0 }),
  });
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/__mock/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return (await response.json()) as Raw;
  };
  let planted = 0;
  const request = (order: Order, shipment: Partial<ShipmentToConfirm> = {}): FulfillmentRequest => {
    const full: ShipmentToConfirm = { id: 1, carrier: 'USPS', service: 'Priority', trackingNumber: '9400111899223197428490', trackingUrl: null, lines: [], ...shipment };
    return { order, shipment: full, idempotencyKey: `shipment-${full.id}`, attempt: 1 };
  };
  return {
    clock, server, ctx, request,
    async plant(overrides = {}) {
      const stamp = new Date(clock.now() - 3_600_000).toISOString();
      const raw = ebayOrder({ orderId: `12-34567-${String(89000 + ++planted)}`, creationDate: stamp, lastModifiedDate: stamp, ...overrides });
      await control('orders', { orders: [raw] });
      const mapped = toChannelOrder(raw);
      if (!('order' in mapped)) throw new Error(`fixture does not map: ${mapped.rejected.reason}`);
      return { ...mapped.order, channel: 'ebay-test' };
    },
    push: (order, shipment) => ebayChannel.pushFulfillment!(ctx, request(order, shipment)),
    async get(path) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken });
      const basic = Buffer.from(`${MOCK_CREDENTIALS.clientId}:${MOCK_CREDENTIALS.clientSecret}`).toString('base64');
      const minted = await fetch(`${server.url}/identity/v1/oauth2/token`, { method: 'POST', body: form.toString(), headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' } });
      const { access_token: token } = (await minted.json()) as { access_token: string };
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as Raw };
    },
    state: async () => (await control('state')) as unknown as FulfillmentState,
    async faults(next) { await control('faults', { next }); },
    close: () => server.close(),
  };
}
