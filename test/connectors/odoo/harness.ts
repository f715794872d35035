// Starts the Odoo mock on 127.0.0.1:0 and builds a target context against it with a fake clock.
import { createContext, type ConnectorContext } from '../../../src/connector-kit/context.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { odooTarget } from '../../../connectors/odoo/index.js';
import { createOdooMock, MOCK_CREDENTIALS, type OdooMock } from '../../../connectors/odoo/mock.js';
import type { OdooSettings } from '../../../connectors/odoo/settings.js';

export interface OdooHarness {
  mock: OdooMock;
  running: RunningMock;
  ctx: ConnectorContext<OdooSettings>;
  state(): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  faults(body: unknown): Promise<void>;
}

export async function startOdoo(settings: Partial<Record<keyof OdooSettings, unknown>> = {}): Promise<OdooHarness> {
  const mock = createOdooMock({ seed: 1 });
  const running = await startMock(mock, { port: 0, seed: 1 });
  let t = Date.parse('2025-03-15T00:00:00Z');
  const clock = { now: () => t, sleep: async (ms: number) => { t += ms; } };
  const parsed = odooTarget.settings.parse({ url: running.url, apiKey: MOCK_CREDENTIALS.apiKey, ...settings });
  const ctx = createContext({ role: 'target', name: 'erp', settings: parsed, clock, timeoutMs: 300, secrets: [MOCK_CREDENTIALS.apiKey] });
  return {
    mock, running, ctx,
    state: async () => (await fetch(`${running.url}/__mock/state`)).json() as Promise<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
    faults: async (body) => { await fetch(`${running.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }); },
  };
}
