// A connector's context whose HTTP clients also report every response to the push engine (its
// rate governor reads the rate-limit headers), kept one per option set for the run as
// createContext keeps its own (src/connector-kit/client-cache.ts).
import { cachedClients } from '../connector-kit/client-cache.js';
import type { ConnectorContext } from '../connector-kit/index.js';

type OnResponse = (status: number, headers: Record<string, string>) => void;

export function observedContext<Settings>(ctx: ConnectorContext<Settings>, onResponse: OnResponse): ConnectorContext<Settings> {
  return {
    ...ctx,
    http: cachedClients((options) => {
      const own = options.onResponse;
      return ctx.http({ ...options, onResponse: own ? (status, headers) => { onResponse(status, headers); own(status, headers); } : onResponse });
    }),
  };
}
