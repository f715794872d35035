// A webhook target runtime wired to a running webhook mock.
import { webhookTarget } from '../../connectors/webhook/index.js';
import { MOCK_WEBHOOK_PATH, MOCK_WEBHOOK_SECRET } from '../../connectors/webhook/mock.js';
import { createContext } from '../../src/connector-kit/index.js';
import type { Clock } from '../../src/http/token-bucket.js';
import type { TargetRuntime } from '../../src/push/push-target.js';

export function webhookRuntime(url: string, clock: Clock, overrides: { secret?: string; name?: string; includeRaw?: boolean } = {}): TargetRuntime {
  const settings = webhookTarget.settings.parse({
    url: `${url}${MOCK_WEBHOOK_PATH}`, secret: overrides.secret ?? MOCK_WEBHOOK_SECRET, includeRaw: overrides.includeRaw ?? false,
  });
  const name = overrides.name ?? 'hooks';
  return {
    name,
    definition: webhookTarget,
    ctx: createContext({ role: 'target', name, settings, clock, timeoutMs: 1_000 }),
    rateLimit: { concurrency: 4, intervalCap: 1_000, interval: 1_000 },
  };
}

export async function mockState<T = Record<string, unknown>>(url: string): Promise<T> {
  return (await (await fetch(`${url}/__mock/state`)).json()) as T;
}

export async function setFaults(url: string, faults: unknown): Promise<void> {
  await fetch(`${url}/__mock/faults`, { method: 'POST', body: JSON.stringify(faults), headers: { 'content-type': 'application/json' } });
}
