import { createContext, type ConnectorContext, type Delivery } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { easypostTarget } from '../../../connectors/easypost/index.js';
import { createEasyPostMock, MOCK_CREDENTIALS, type EasyPostMock, type EasyPostMockOptions } from '../../../connectors/easypost/mock.js';
import { EasyPostSettings } from '../../../connectors/easypost/settings.js';
import type { CarrierOutcome } from '../../../connectors/easypost/types.js';

export const FROM = { name: 'Ordersync Demo Warehouse', street1: '417 Montgomery St', city: 'San Francisco', state: 'CA', zip: '94104', country: 'US', phone: '4155550100' };

export interface MockState {
  records: number; labels: number; duplicates: number; duplicateAttempts: number; refunds: number;
  received: Record<string, number>; shipments: Record<string, any>[];
}

export interface Harness {
  mock: RunningMock;
  api: EasyPostMock;
  ctx: ConnectorContext<EasyPostSettings>;
  deliver(delivery: Delivery): Promise<CarrierOutcome>;
  deliverUntilSettled(delivery: Delivery, max?: number): Promise<CarrierOutcome[]>;
  state(): Promise<MockState>;
  faults(body: unknown): Promise<void>;
}

export async function startHarness(settings: Record<string, unknown> = {}, mockOptions: Partial<EasyPostMockOptions> = {}): Promise<Harness> {
  const api = createEasyPostMock({ seed: 1, ...mockOptions });
  const mock = await startMock(api, { port: 0, seed: 1 });
  let t = Date.parse('2025-03-14T15:00:00Z');
  const ctx = createContext({
    role: 'target', name: 'labels', timeoutMs: 300, secrets: [MOCK_CREDENTIALS.apiKey],
    settings: EasyPostSettings.parse({
      url: mock.url, apiKey: MOCK_CREDENTIALS.apiKey, carrier: MOCK_CREDENTIALS.carrier, service: MOCK_CREDENTIALS.service, fromAddress: FROM, ...settings,
    }),
    clock: { now: () => t, sleep: async (ms) => { t += ms; } },
  });
  const deliver = (delivery: Delivery) => easypostTarget.deliver(ctx, delivery) as Promise<CarrierOutcome>;
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
