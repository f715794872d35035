import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, parseRetryAfter, redact } from '../../src/http/index.js';
import { json, route, startMock, type RunningMock } from '../../src/mock/index.js';

describe('Retry-After', () => {
  it('is seconds or an HTTP date, never milliseconds', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('2.0', now)).toBe(2_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('redact', () => {
  it('masks a secret as it is, URL-encoded and base64-encoded', () => {
    const secret = 'cs_live/abc+def';
    const text = `key=${secret} q=${encodeURIComponent(secret)} basic=${Buffer.from(secret).toString('base64')}`;
    expect(redact(text, [secret])).toBe('key=*** q=*** basic=***');
  });
});

describe('the shared HTTP client', () => {
  let mock: RunningMock;
  let calls = 0;
  const sleeps: number[] = [];
  beforeEach(async () => {
    calls = 0;
    sleeps.length = 0;
    mock = await startMock({
      name: 'probe', state: () => ({}), reset: () => {},
      routes: [
        route('GET', '/flaky', () => (++calls < 3 ? json(503, { message: 'busy' }, { 'retry-after': '3' }) : json(200, { ok: true }))),
        route('GET', '/secret-echo', (r) => json(400, { message: `bad key ${r.query.get('key')}` })),
        route('POST', '/form', (r) => json(200, { type: r.headers['content-type'], body: r.body })),
      ],
    }, { port: 0 });
  });
  afterEach(() => mock.close());

  const client = (retries = 4) => createHttpClient({ baseURL: mock.url, secrets: ['sk_live_12345'], retry: { retries }, sleep: async (ms) => { sleeps.push(ms); } });

  it('retries transient answers, honouring Retry-After', async () => {
    const response = await client().request<{ ok: boolean }>({ method: 'GET', path: '/flaky' });
    expect(response.data).toEqual({ ok: true });
    expect(sleeps).toEqual([3_000, 3_000]);
  });

  it('gives up after its retries with the status in words', async () => {
    await expect(client(1).request({ method: 'GET', path: '/flaky' })).rejects.toThrow('HTTP 503 service unavailable from GET /flaky: busy');
  });

  it('never puts a secret in an error message', async () => {
    const failing = client().request({ method: 'GET', path: '/secret-echo', query: { key: 'sk_live_12345' } });
    await expect(failing).rejects.toBeInstanceOf(HttpError);
    await expect(failing).rejects.toThrow('bad key ***');
  });

  it('sends form bodies form-encoded', async () => {
    const response = await client().request<{ type: string; body: string }>({ method: 'POST', path: '/form', form: { grant_type: 'refresh_token', scope: 'a b' } });
    expect(response.data).toEqual({ type: 'application/x-www-form-urlencoded', body: 'grant_type=refresh_token&scope=a+b' });
  });

  it('shows every response, retried ones too, to onResponse (the push engine reads rate limits there)', async () => {
    const seen: [number, string | undefined][] = [];
    const observed = createHttpClient({ baseURL: mock.url, sleep: async () => {}, onResponse: (status, headers) => seen.push([status, headers['retry-after']]) });
    await observed.request({ method: 'GET', path: '/flaky' });
    await expect(observed.request({ method: 'GET', path: '/secret-echo' })).rejects.toThrow(/HTTP 400/);
    expect(seen).toEqual([[503, '3'], [503, '3'], [200, undefined], [400, undefined]]);
  });

  it('refuses plain http to anything but loopback, unless allowed', () => {
    expect(() => createHttpClient({ baseURL: 'http://erp.example.com' })).toThrow(/is not https; use https:\/\/ or set allowInsecure: true/);
    expect(() => createHttpClient({ baseURL: 'http://erp.example.com', allowInsecure: true })).not.toThrow();
    expect(() => createHttpClient({ baseURL: 'https://erp.example.com' })).not.toThrow();
  });
});
