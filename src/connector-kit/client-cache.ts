// One HTTP client per distinct set of options, so that a connector asking for its client in
// every deliver() reuses its kept-alive connections instead of opening one (and a client)
// per request. Options holding functions are told apart by the functions' identity;
// at most MAX_CLIENTS are kept, for a connector that makes a new function for each call.
import type { HttpClient } from '../http/client.js';

const MAX_CLIENTS = 32;

export function cachedClients<Options extends object>(make: (options: Options) => HttpClient): (options: Options) => HttpClient {
  const clients = new Map<string, HttpClient>();
  const functionIds = new WeakMap<object, number>();
  let functions = 0;
  const keyOf = (options: Options): string => JSON.stringify(options, (_name, value: unknown) => {
    if (typeof value !== 'function') return value;
    if (!functionIds.has(value)) functionIds.set(value, ++functions);
    return `function#${functionIds.get(value)}`;
  });
  return (options) => {
    const key = keyOf(options);
    const known = clients.get(key);
    if (known) return known;
    const client = make(options);
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!);
    clients.set(key, client);
    return client;
  };
}
