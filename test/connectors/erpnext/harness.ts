// Starts the ERPNext mock on 127.0.0.1:0 and builds a target context against it with a fake clock.
import { createContext, type ConnectorContext } from '../../../src/connector-kit/context.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { erpnextTarget } from '../../../connectors/erpnext/index.js';
import { createErpnextMock, MOCK_CREDENTIALS, type ErpnextMock } from '../../../connectors/erpnext/mock.js';
import type { ErpnextSettings } from '../../../connectors/erpnext/settings.js';

export interface ErpnextHarness {
  mock: ErpnextMock;
  running: RunningMock;
  ctx: ConnectorContext<ErpnextSettings>;
  state(): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  faults(body: unknown): Promise<void>;
}

export async function startErpnext(settings: Partial<Record<keyof ErpnextSettings, unknown>> = {}): Promise<ErpnextHarness> {
  const mock = createErpnextMock({ seed: 1 });
  const running = await startMock(mock, { port: 0, seed: 1 });
  let t = Date.parse('2025-03-15T00:00:00Z');
  const clock = { now: () => t, sleep: async (ms: number) => { t += ms; } };
  const parsed = erpnextTarget.settings.parse({ url: running.url, apiKey: MOCK_CREDENTIALS.apiKey, apiSecret: MOCK_CREDENTIALS.apiSecret, ...settings });
  const ctx = createContext({ role: 'target', name: 'erp', settings: parsed, clock, timeoutMs: 300, secrets: [MOCK_CREDENTIALS.apiSecret] });
  return {
    mock, running, ctx,
    state: async () => (await fetch(`${running.url}/__mock/state`)).json() as Promise<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
    faults: async (body) => { await fetch(`${running.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }); },
  };
}
