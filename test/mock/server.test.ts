import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, matchRoute, route, startMock, type RunningMock } from '../../src/mock/index.js';

describe('mock framework', () => {
  let mock: RunningMock;
  let resets = 0;
  beforeEach(async () => {
    resets = 0;
    mock = await startMock({
      name: 'probe', state: () => ({ held: 1 }), reset: () => { resets++; },
      routes: [route('GET', '/things/:id', (r) => json(200, { id: r.params.id }))],
      throttled: (seconds) => json(429, { throttled: true }, { 'retry-after': String(seconds) }),
    }, { port: 0, seed: 9 });
  });
  afterEach(() => mock.close());

  const get = (path: string) => fetch(`${mock.url}${path}`);
  const control = (path: string, body: unknown) => fetch(`${mock.url}/__mock/${path}`, { method: 'POST', body: JSON.stringify(body) });

  it('routes by pattern, listens on loopback, and counts requests per route', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await get('/things/a%20b')).json()).toEqual({ id: 'a b' });
    expect((await get('/nothing')).status).toBe(404);
    const state = await (await get('/__mock/state')).json() as { requests: number; byRoute: Record<string, number>; held: number };
    expect(state).toMatchObject({ requests: 2, held: 1, byRoute: { 'GET /things/:id': 1, 'GET (unrouted)': 1 } });
  });

  it('plays scripted faults in order, with the API\'s own throttle answer', async () => {
    await control('faults', { next: [429, 'none', 500, 'malformed'], retryAfterSeconds: 4 });
    const throttled = await get('/things/1');
    expect([throttled.status, throttled.headers.get('retry-after'), await throttled.json()]).toEqual([429, '4', { throttled: true }]);
    expect((await get('/things/2')).status).toBe(200);
    expect((await get('/things/3')).status).toBe(500);
    const garbled = await get('/things/4');
    expect(await garbled.text()).toBe('{"id"');
    expect((await get('/things/5')).status).toBe(200);
  });

  it('refuses fault settings it does not know, and resets', async () => {
    expect((await control('faults', { rate429: 2 })).status).toBe(400);
    expect((await control('reset', {})).status).toBe(200);
    expect(resets).toBe(1);
  });

  it('matches only whole paths', () => {
    const routes = [route('GET', '/a/:id', () => json(200, {}))];
    expect(matchRoute(routes, 'GET', '/a/1')?.params).toEqual({ id: '1' });
    expect(matchRoute(routes, 'GET', '/a/1/b')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/a/1')).toBeUndefined();
  });
});
