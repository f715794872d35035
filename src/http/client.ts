// The one HTTP client every connector uses: timeouts, retries with backoff and jitter,
// Retry-After, plain-HTTP refusal for remote hosts, and secrets scrubbed from every error.
// Requests travel over Node's own http/https (node-transport.ts).
import { HttpError, describeStatus } from './errors.js';
import { createTransport, TIMEOUT_CODE, type TransportResponse } from './node-transport.js';
import { requestUrl, type Query } from './request-url.js';
import { redact } from './redact.js';
import { backoffDelay, parseRetryAfter } from './retry-after.js';

export interface RetryPolicy {
  /** Further attempts after the first; 0 leaves retrying to the caller (the push queue does). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface HttpClientOptions {
  baseURL: string;
  headers?: Record<string, string>;
  auth?: { username: string; password: string };
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Values that must never appear in an error message. */
  secrets?: readonly string[];
  /** Plain http:// to a host other than loopback is refused unless this is set. */
  allowInsecure?: boolean;
  /** Reads an API-specific wait from a throttled response (e.g. `x-retry-after`). */
  retryAfter?: (response: HttpResponse) => number | undefined;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Sees every response's status and headers (the push engine learns a target's rate limit from them). */
  onResponse?: (status: number, headers: Record<string, string>) => void;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  /** An application/x-www-form-urlencoded body instead (OAuth token endpoints want one). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Overrides the client's retry policy for this call (e.g. 0 for a non-idempotent POST). */
  retries?: number;
  /** false: a 429 is thrown at once even when retries remain, so a push queue can pause its whole target. */
  retryThrottled?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  text: string;
}

export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  readonly baseURL: string;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
const DEFAULT_TIMEOUT_MS = 30_000;
const BODY_SNIPPET = 300;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpClient(options: HttpClientOptions): HttpClient {
  assertTransportAllowed(options);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const secrets = options.secrets ?? [];
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport();
  const clientHeaders = lowerCaseNames({
    accept: 'application/json', 'user-agent': 'ordersync', ...options.headers,
    ...(options.auth ? { authorization: `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}` } : {}),
  });

  async function attempt<T>(request: HttpRequest): Promise<HttpResponse<T>> {
    let response: TransportResponse;
    try {
      response = await transport({
        method: request.method,
        // A path is always relative to baseURL: an absolute URL (an API's `next` link, say) must
        // never carry this client's credentials to another host.
        url: requestUrl(baseURL, request.path, request.query),
        headers: { ...clientHeaders, ...contentType(request), ...lowerCaseNames(request.headers) },
        body: request.form ? new URLSearchParams(request.form).toString() : request.body === undefined ? undefined : JSON.stringify(request.body),
        timeoutMs,
      });
    } catch (error) {
      throw transportError(error);
    }
    const headers = flattenHeaders(response.headers);
    options.onResponse?.(response.status, headers);
    const text = response.text;
    const raw: HttpResponse<unknown> = { status: response.status, headers, data: undefined, text };
    if (response.status >= 200 && response.status < 300) {
      return { ...raw, data: parseBody(text, headers) as T };
    }
    const retryAfterMs = options.retryAfter?.({ ...raw, data: safeJson(text) }) ?? parseRetryAfter(headers['retry-after']);
    throw new HttpError('status', `${describeStatus(response.status)} from ${request.method} ${request.path}${detail(text)}`,
      response.status, retryAfterMs, scrub(text.slice(0, 4_000)));
  }

  function parseBody(text: string, headers: Record<string, string>): unknown {
    if (text === '') return null;
    const type = headers['content-type'] ?? '';
    if (!type.includes('json') && !/^\s*[[{]/.test(text)) return text;
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError('malformed_body', `the response was not valid JSON (${scrub(text.slice(0, 60))}…)`, 200, undefined, '');
    }
  }

  function transportError(error: unknown): HttpError {
    const code = (error as { code?: string }).code ?? '';
    if (code === TIMEOUT_CODE) {
      return new HttpError('timeout', `no answer from ${options.baseURL} within ${timeoutMs / 1000}s`, 0, undefined, '');
    }
    const reason = code || scrub((error as Error).message ?? String(error));
    return new HttpError('network', `cannot reach ${options.baseURL} (${reason})`, 0, undefined, '');
  }

  function detail(text: string): string {
    const body = safeJson(text) as Record<string, unknown> | undefined;
    const message = body && typeof body === 'object' ? pickMessage(body) : undefined;
    const shown = message ?? text.slice(0, BODY_SNIPPET).replace(/\s+/g, ' ').trim();
    return shown ? `: ${scrub(shown)}` : '';
  }

  const scrub = (text: string): string => redact(text, secrets);

  return {
    baseURL: options.baseURL,
    async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
      const retries = request.retries ?? retry.retries;
      for (let attemptNo = 0; ; attemptNo++) {
        try {
          return await attempt<T>(request);
        } catch (error) {
          if (!(error instanceof HttpError) || !error.transient || attemptNo >= retries) throw error;
          if (error.status === 429 && request.retryThrottled === false) throw error;
          const wait = error.retryAfterMs ?? backoffDelay(attemptNo, retry.baseDelayMs, retry.maxDelayMs, random);
          await sleep(Math.min(wait, retry.maxDelayMs * 4));
        }
      }
    },
  };
}

function contentType(request: HttpRequest): Record<string, string> {
  if (request.form) return { 'content-type': 'application/x-www-form-urlencoded' };
  return request.body === undefined ? {} : { 'content-type': 'application/json' };
}

function pickMessage(body: Record<string, unknown>): string | undefined {
  if (typeof body.message === 'string') return body.message;
  if (typeof body.error === 'string') return body.error;
  const nested = body.error as { message?: unknown } | undefined;
  if (nested && typeof nested.message === 'string') return nested.message; // { error: { code, message } } (EasyPost)
  const errors = body.errors;
  if (typeof errors === 'string') return errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as Record<string, unknown>;
    if (typeof first === 'string') return first;
    if (first && typeof first.message === 'string') return first.message;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function lowerCaseNames(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function flattenHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function assertTransportAllowed(options: HttpClientOptions): void {
  let url: URL;
  try {
    url = new URL(options.baseURL);
  } catch {
    throw new HttpError('insecure', `"${options.baseURL}" is not a valid URL`, 0, undefined, '');
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || options.allowInsecure)) return;
  throw new HttpError('insecure', `${url.origin} is not https; use https:// or set allowInsecure: true for it`, 0, undefined, '');
}
