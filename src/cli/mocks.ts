// Starts the mock server of every built-in connector that has one.
import { CHANNELS, TARGETS } from '../../connectors/index.js';
import { startMock, type RunningMock } from '../mock/index.js';

export const DEFAULT_PORT_BASE = 7310;

export interface MockFleetOptions {
  /** Fixed ports from this base (each connector at its registry offset); undefined: the OS chooses. */
  portBase?: number;
  seed: number;
  orders?: number;
}

export async function startAllMocks(options: MockFleetOptions): Promise<RunningMock[]> {
  const running: RunningMock[] = [];
  try {
    for (const entry of [...CHANNELS, ...TARGETS]) {
      if (!entry.definition.mock) continue;
      const api = entry.definition.mock({ seed: options.seed, orders: options.orders });
      const port = options.portBase === undefined ? 0 : options.portBase + entry.mockPort;
      running.push(await startMock(api, { port, seed: options.seed }));
    }
  } catch (error) {
    await stopAllMocks(running);
    throw error;
  }
  return running;
}

export async function stopAllMocks(mocks: readonly RunningMock[]): Promise<void> {
  await Promise.all(mocks.map((mock) => mock.close()));
}

/** `ORDERSYNC_MOCK_WOOCOMMERCE=http://127.0.0.1:7310`: what config.example.yml reads. */
export function mockEnvironment(mocks: readonly RunningMock[]): Record<string, string> {
  return Object.fromEntries(mocks.map((mock) => [`ORDERSYNC_MOCK_${mock.name.toUpperCase()}`, mock.url]));
}
