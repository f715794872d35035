// Serves recorded channel responses again, byte for byte, at almost no cost per request: with
// it, a pull measures ordersync's own work rather than the mock's (the real mocks filter and sort
// every order per page). Responses are keyed by method, path, query and GraphQL variables.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { route, type MockApi, type MockRequest, type MockResponse } from '../../src/mock/index.js';

export interface Recorded { key: string; status: number; headers: Record<string, string>; body: string }

/** The same key for the recorder (a bare loop) and the server. */
export function requestKey(method: string, path: string, query: URLSearchParams, body: string): string {
  const params = [...query.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&');
  let variables = '';
  if (body) {
    const parsed = JSON.parse(body) as { query?: string; variables?: Record<string, unknown> };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(parsed.query ?? '')?.[1] ?? '';
    const vars = parsed.variables ?? {};
    variables = `${operation}${JSON.stringify(Object.fromEntries(Object.keys(vars).sort().map((k) => [k, vars[k]])))}`;
  }
  return `${method} ${path}?${params} ${variables}`;
}

export async function writeRecording(file: string, records: readonly Recorded[]): Promise<void> {
  const out = createWriteStream(file);
  for (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export async function createReplayMock(file: string): Promise<MockApi> {
  const responses = new Map<string, MockResponse>();
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    const record = JSON.parse(line) as Recorded;
    responses.set(record.key, { status: record.status, headers: record.headers, body: record.body });
  }
  let misses = 0;
  const answer = (request: MockRequest): MockResponse => {
    const found = responses.get(requestKey(request.method, request.path, request.query, request.body));
    if (found) return found;
    misses++;
    return { status: 404, body: { errors: 'not recorded' } };
  };
  return {
    name: 'replay',
    routes: [
      route('GET', '/wp-json/wc/v3/orders', answer),
      route('POST', '/admin/api/:version/graphql.json', answer),
    ],
    state: () => ({ recorded: responses.size, misses }),
    reset: () => { misses = 0; },
  };
}
