import { createContext, type ConnectorContext, type Delivery } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { shipengineTarget } from '../../../connectors/shipengine/index.js';
import { createShipEngineMock, MOCK_CREDENTIALS, type ShipEngineMock, type ShipEngineMockOptions } from '../../../connectors/shipengine/mock.js';
import { ShipEngineSettings } from '../../../connectors/shipengine/settings.js';
import type { CarrierOutcome } from '../../../connectors/shipengine/types.js';

export const SHIP_FROM = {
  name: 'Ordersync Demo Warehouse', phone: '5125550100', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin',
  stateProvince: 'TX', postalCode: '78756', countryCode: 'US',
};

export interface MockState {
  records: number; duplicates: number; duplicateAttempts: number; voided: number;
  received: Record<string, number>; labels: Record<string, any>[];
}

export interface Harness {
  mock: RunningMock;
  api: ShipEngineMock;
  ctx: ConnectorContext<ShipEngineSettings>;
  deliver(delivery: Delivery): Promise<CarrierOutcome>;
  deliverUntilSettled(delivery: Delivery, max?: number): Promise<CarrierOutcome[]>;
  state(): Promise<MockState>;
  faults(body: unknown): Promise<void>;
}

export async function startHarness(settings: Record<string, unknown> = {}, mockOptions: Partial<ShipEngineMockOptions> = {}): Promise<Harness> {
  const api = createShipEngineMock({ seed: 1, ...mockOptions });
  const mock = await startMock(api, { port: 0, seed: 1 });
  let t = Date.parse('2025-03-14T15:00:00Z');
  const ctx = createContext({
    role: 'target', name: 'labels', timeoutMs: 300, secrets: [MOCK_CREDENTIALS.apiKey],
    settings: ShipEngineSettings.parse({
      url: mock.url, apiKey: MOCK_CREDENTIALS.apiKey, carrierId: MOCK_CREDENTIALS.carrierId, serviceCode: MOCK_CREDENTIALS.serviceCode,
      shipFrom: SHIP_FROM, ...settings,
    }),
    clock: { now: () => t, sleep: async (ms) => { t += ms; } },
  });
  const deliver = (delivery: Delivery) => shipengineTarget.deliver(ctx, delivery) as Promise<CarrierOutcome>;
  return {
    mock, api, ctx, deliver,
    async deliverUntilSettled(delivery, max = 8) {
      const outcomes: CarrierOutcome[] = [];
      for (let attempt = 1; attempt <= max; attempt++) {
        const outcome = await deliver({ ...delivery, attempt });
        outcomes.push(outcome);
        if (outcome.status !== 'retry') break;
      }
      return outcomes;
    },
    state: async () => (await (await fetch(`${mock.url}/__mock/state`)).json()) as MockState,
    async faults(body) {
      await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
  };
}
