// What the runtime hands a connector: its name, its validated settings, a logger, a clock and
// an HTTP client factory that already knows the secrets to keep out of messages.
// (Messages name the channel or target when the engine wraps the error, not here.)
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/client.js';
import { systemClock, type Clock } from '../http/token-bucket.js';
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
  // One client per distinct set of options, so that a connector asking for its client in every
  // deliver() reuses its kept-alive connections instead of opening one (and an axios instance)
  // per request. Options holding functions cannot be compared, and get a client of their own.
  const clients = new Map<string, HttpClient>();
  return {
    name: options.name,
    settings: options.settings,
    log: options.log ?? silentLogger,
    clock,
    http: (http) => {
      const key = Object.values(http).some((value) => typeof value === 'function') ? undefined : JSON.stringify(http);
      const known = key === undefined ? undefined : clients.get(key);
      if (known) return known;
      const client = createHttpClient({
        timeoutMs: options.timeoutMs,
        allowInsecure: options.allowInsecure,
        ...http,
        secrets: options.secrets ?? [],
        sleep: (ms) => clock.sleep(ms),
      });
      if (key !== undefined) clients.set(key, client);
      return client;
    },
  };
}
