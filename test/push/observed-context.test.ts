import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/connector-kit/index.js';
import { json, route, startMock, type RunningMock } from '../../src/mock/index.js';
import { observedContext } from '../../src/push/observed-context.js';

describe('the context a target gets from the push engine', () => {
  let mock: RunningMock;
  beforeEach(async () => {
    mock = await startMock({
      name: 'probe', state: () => ({}), reset: () => {},
      routes: [route('GET', '/ping', () => json(200, { ok: true }, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' }))],
    }, { port: 0 });
  });
  afterEach(() => mock.close());

  it('keeps one client per option set, and shows the engine every response', async () => {
    const seen: string[] = [];
    const ctx = observedContext(createContext({ role: 'target', name: 'erp', settings: {} }), (status, headers) => seen.push(`${status} ${headers['x-ratelimit-remaining']}`));
    const readRetryAfter = () => undefined;
    // a connector that asks for its client on every call, as the webhook target does
    const a = ctx.http({ baseURL: mock.url, retry: { retries: 0 }, retryAfter: readRetryAfter });
    const b = ctx.http({ baseURL: mock.url, retry: { retries: 0 }, retryAfter: readRetryAfter });
    const other = ctx.http({ baseURL: mock.url, retry: { retries: 0 }, retryAfter: () => undefined });
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    await a.request({ method: 'GET', path: '/ping' });
    await other.request({ method: 'GET', path: '/ping' });
    expect(seen).toEqual(['200 9', '200 9']);
  });
});
