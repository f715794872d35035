// What the runtime hands a connector: its name, its validated settings, a logger, a clock and
// an HTTP client factory that already knows the secrets to keep out of messages.
// (Messages name the channel or target when the engine wraps the error, not here.)
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/client.js';
import { systemClock, type Clock } from '../http/token-bucket.js';
import { cachedClients } from './client-cache.js';
import { silentLogger, type Logger } from './logger.js';

export interface ConnectorContext<Settings> {
  /** The configured name (`channels.<name>` / `targets.<name>`). */
  name: string;
  settings: Settings;
  log: Logger;
  clock: Clock;
  /** An HTTP client for this connector: service name, secrets, clock and transport rules filled in. */
  http(options: Omit<HttpClientOptions, 'secrets' | 'sleep'>): HttpClient;
}

export interface ContextOptions<Settings> {
  role: 'channel' | 'target';
  name: string;
  settings: Settings;
  secrets?: readonly string[];
  log?: Logger;
  clock?: Clock;
  allowInsecure?: boolean;
  timeoutMs?: number;
}

export function createContext<Settings>(options: ContextOptions<Settings>): ConnectorContext<Settings> {
  const clock = options.clock ?? systemClock;
  return {
    name: options.name,
    settings: options.settings,
    log: options.log ?? silentLogger,
    clock,
    http: cachedClients((http) => createHttpClient({
      timeoutMs: options.timeoutMs,
      allowInsecure: options.allowInsecure,
      ...http,
      secrets: options.secrets ?? [],
      sleep: (ms) => clock.sleep(ms),
    })),
  };
}
