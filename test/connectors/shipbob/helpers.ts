import { createContext, type ConnectorContext, type Delivery, type DeliveryOutcome } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { shipbobTarget } from '../../../connectors/shipbob/index.js';
import { createShipBobMock, MOCK_CREDENTIALS, type ShipBobMock, type ShipBobMockOptions } from '../../../connectors/shipbob/mock.js';
import { ShipBobSettings } from '../../../connectors/shipbob/settings.js';

export interface Harness {
  mock: RunningMock;
  api: ShipBobMock;
  ctx: ConnectorContext<ShipBobSettings>;
  deliver(delivery: Delivery): Promise<DeliveryOutcome>;
  /** Delivers until the outcome is no longer `retry` (the push engine's job), collecting outcomes. */
  deliverUntilSettled(delivery: Delivery, max?: number): Promise<DeliveryOutcome[]>;
  state(): Promise<Record<string, unknown> & { records: number; duplicates: number; duplicateAttempts: number; received: Record<string, number>; orders: Record<string, unknown>[] }>;
  faults(body: unknown): Promise<void>;
}

export async function startHarness(settings: Partial<Record<string, unknown>> = {}, mockOptions: Partial<ShipBobMockOptions> = {}): Promise<Harness> {
  const api = createShipBobMock({ seed: 1, ...mockOptions });
  const mock = await startMock(api, { port: 0, seed: 1 });
  let t = Date.parse('2025-03-14T15:00:00Z');
  const ctx = createContext({
    role: 'target', name: 'wms', timeoutMs: 300,
    settings: ShipBobSettings.parse({ url: mock.url, token: MOCK_CREDENTIALS.token, channelId: MOCK_CREDENTIALS.channelId, ...settings }),
    secrets: [MOCK_CREDENTIALS.token],
    clock: { now: () => t, sleep: async (ms) => { t += ms; } },
  });
  const deliver = (delivery: Delivery) => shipbobTarget.deliver(ctx, delivery);
  return {
    mock, api, ctx, deliver,
    async deliverUntilSettled(delivery, max = 8) {
      const outcomes: DeliveryOutcome[] = [];
      for (let attempt = 1; attempt <= max; attempt++) {
        const outcome = await deliver({ ...delivery, attempt });
        outcomes.push(outcome);
        if (outcome.status !== 'retry') break;
      }
      return outcomes;
    },
    state: async () => (await (await fetch(`${mock.url}/__mock/state`)).json()) as never,
    async faults(body) {
      await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
  };
}
