// A connector's context whose HTTP clients also report every response to the push engine (its
// rate governor reads the rate-limit headers). One client per distinct option set for the run,
// as createContext keeps them: a connector asking for its client in every deliver() must reuse
// its kept-alive connections. Options holding functions are told apart by those functions.
import type { ConnectorContext, HttpClient } from '../connector-kit/index.js';

const MAX_CLIENTS = 32;

type OnResponse = (status: number, headers: Record<string, string>) => void;

export function observedContext<Settings>(ctx: ConnectorContext<Settings>, onResponse: OnResponse): ConnectorContext<Settings> {
  const clients = new Map<string, HttpClient>();
  const functionIds = new WeakMap<object, number>();
  let functions = 0;
  const keyOf = (options: object): string => JSON.stringify(options, (_name, value: unknown) => {
    if (typeof value !== 'function') return value;
    if (!functionIds.has(value)) functionIds.set(value, ++functions);
    return `function#${functionIds.get(value)}`;
  });
  return {
    ...ctx,
    http: (options) => {
      const key = keyOf(options);
      let client = clients.get(key);
      if (!client) {
        const own = options.onResponse;
        client = ctx.http({ ...options, onResponse: own ? (status, headers) => { onResponse(status, headers); own(status, headers); } : onResponse });
        // A connector that makes a new function for each call would fill the map: keep the latest few.
        if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!);
        clients.set(key, client);
      }
      return client;
    },
  };
}
