// Path-pattern routing for mocks: '/wp-json/wc/v3/orders/:id' → { id }.

export interface MockRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string. */
  body?: unknown;
}

export type MockHandler = (request: MockRequest) => MockResponse | Promise<MockResponse>;

export interface Route {
  method: string;
  pattern: string;
  handler: MockHandler;
}

export function route(method: string, pattern: string, handler: MockHandler): Route {
  return { method, pattern, handler };
}

export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchPattern(candidate.pattern, path);
    if (params) return { route: candidate, params };
  }
  return undefined;
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] ?? '';
    const value = got[i] ?? '';
    if (part.startsWith(':')) {
      if (value === '') return undefined;
      params[part.slice(1)] = decodeURIComponent(value);
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, body, headers };
}
