// The mock-server framework: each connector's mock supplies its API's routes and state; this
// file serves them on 127.0.0.1, counts requests, injects faults, and answers /__mock/.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drawFault, FaultSettingsSchema, noFaults, type FaultSettings } from './faults.js';
import { seededRandom } from './random.js';
import { matchRoute, type MockRequest, type MockResponse, type Route } from './router.js';

export interface MockApi {
  /** The connector id this mock imitates. */
  name: string;
  routes: Route[];
  /** What it holds and has received, for GET /__mock/state. */
  state(): Record<string, unknown>;
  /** POST /__mock/orders: add or change orders; answers what changed. */
  upsertOrders?(body: unknown): unknown;
  reset(): void;
  /** The API's own throttled answer (429 or its equivalent); a generic 429 otherwise. */
  throttled?(retryAfterSeconds: number): MockResponse;
  /** The API's own error body for a status. */
  errorBody?(status: number, message: string): unknown;
  /** Further control endpoints of this mock (`POST /__mock/ship`, …); undefined: not one of its own. */
  control?(method: string, path: string, body: unknown): MockResponse | undefined;
  /** Called once the server knows its URL (for links in responses). */
  setBaseUrl?(url: string): void;
}

export interface RunningMock {
  name: string;
  url: string;
  port: number;
  api: MockApi;
  close(): Promise<void>;
}

export interface StartMockOptions {
  port?: number;
  host?: string;
  seed?: number;
}

export async function startMock(api: MockApi, options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const counters = { requests: 0, throttled: 0, faultsInjected: 0, byRoute: {} as Record<string, number> };
  let faults: FaultSettings = noFaults();
  let random = seededRandom(options.seed ?? 1);
  const held = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => dispatch(req, res, body))
      .catch((error: unknown) => send(res, { status: 500, body: { message: String(error) } }));
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/__mock/')) return send(res, control(method, url.pathname, parseJson(body)));

    counters.requests++;
    const match = matchRoute(api.routes, method, url.pathname);
    const routeKey = match ? `${method} ${match.route.pattern}` : `${method} (unrouted)`;
    counters.byRoute[routeKey] = (counters.byRoute[routeKey] ?? 0) + 1;

    const scripted = faults.next.shift();
    if (typeof scripted === 'number' && scripted !== 429) {
      counters.faultsInjected++;
      return send(res, { status: scripted, body: api.errorBody?.(scripted, 'injected failure') ?? { message: 'injected failure' } });
    }
    const fault = scripted === undefined ? drawFault(faults, random) : scripted === 429 ? '429' : scripted;
    if (fault !== 'none') counters.faultsInjected++;
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'timeout') {
      held.add(res);
      setTimeout(() => { held.delete(res); req.socket.destroy(); }, faults.timeoutHoldMs).unref();
      return;
    }
    if (fault === '429') {
      counters.throttled++;
      return send(res, api.throttled?.(faults.retryAfterSeconds) ?? {
        status: 429, headers: { 'retry-after': String(faults.retryAfterSeconds) }, body: { message: 'Too Many Requests' },
      });
    }
    if (fault === '500') return send(res, { status: 500, body: api.errorBody?.(500, 'injected server error') ?? { message: 'Internal Server Error' } });

    if (!match) return send(res, { status: 404, body: api.errorBody?.(404, 'No route was found matching the URL and request method') ?? { message: 'Not Found' } });
    const request: MockRequest = {
      method, path: url.pathname, params: match.params, query: url.searchParams,
      headers: req.headers as Record<string, string | undefined>, body, json: parseJson(body),
    };
    const response = await match.route.handler(request);
    if (response.status === 429) counters.throttled++;
    if (fault === 'malformed') return send(res, response, true);
    return send(res, response);
  }

  function control(method: string, path: string, body: unknown): MockResponse {
    if (method === 'GET' && path === '/__mock/state') {
      return { status: 200, body: { name: api.name, ...counters, faults, ...api.state() } };
    }
    if (method === 'POST' && path === '/__mock/orders') {
      if (!api.upsertOrders) return { status: 404, body: { message: `${api.name} holds no orders` } };
      try {
        return { status: 200, body: api.upsertOrders(body) };
      } catch (error) {
        return { status: 400, body: { message: (error as Error).message } };
      }
    }
    if (method === 'POST' && path === '/__mock/faults') {
      const parsed = FaultSettingsSchema.safeParse(body ?? {});
      if (!parsed.success) return { status: 400, body: { message: parsed.error.message } };
      faults = parsed.data;
      random = seededRandom(options.seed ?? 1);
      return { status: 200, body: faults };
    }
    if (method === 'POST' && path === '/__mock/reset') {
      api.reset();
      faults = noFaults();
      counters.requests = 0; counters.throttled = 0; counters.faultsInjected = 0; counters.byRoute = {};
      return { status: 200, body: { reset: true } };
    }
    return api.control?.(method, path, body) ?? { status: 404, body: { message: `unknown control endpoint ${method} ${path}` } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  api.setBaseUrl?.(url);

  return {
    name: api.name, url, port, api,
    close: () => new Promise<void>((resolve) => {
      for (const res of held) res.socket?.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function send(res: ServerResponse, response: MockResponse, malformed = false): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof response.body === 'string';
  let text = response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body);
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(response.status, {
    ...(response.body === undefined || isText ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
    ...response.headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
