import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../../connectors/vendure/client.js';
import { vendureChannel } from '../../../connectors/vendure/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/vendure/mock.js';
import { HttpError } from '../../../src/connector-kit/index.js';
import { collect, contextFor, control, fakeClock, settingsFor, startVendureMock } from './helpers.js';

type Mock = Awaited<ReturnType<typeof startVendureMock>>;
let mock: Mock | undefined;
afterEach(async () => { await mock?.close(); mock = undefined; });

const received = async (m: Mock) => ((await control(m.url, 'state')) as { received: { logins: number; queries: number; forbidden: number } }).received;

describe('vendure auth', () => {
  it('logs in once and sends the vendure-auth-token as a bearer token on every page', async () => {
    mock = await startVendureMock(30);
    const pages = await collect(settingsFor(mock.url, { pageSize: 5 }));
    expect(pages.flatMap((p) => p.orders)).toHaveLength(30);
    expect((await received(mock)).logins).toBe(1);
  });

  it('uses an API key instead of logging in', async () => {
    mock = await startVendureMock(8);
    const settings = vendureChannel.settings.parse({ url: mock.url, apiKey: MOCK_CREDENTIALS.apiKey });
    expect((await collect(settings)).flatMap((p) => p.orders)).toHaveLength(8);
    expect((await received(mock)).logins).toBe(0);
  });

  it('a wrong password is a 401 HttpError naming InvalidCredentialsError', async () => {
    mock = await startVendureMock(5);
    const pull = collect(settingsFor(mock.url, { password: 'nope' }));
    await expect(pull).rejects.toBeInstanceOf(HttpError);
    await expect(pull).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/INVALID_CREDENTIALS_ERROR/) });
  });

  it('a wrong API key is refused with FORBIDDEN as a 403 HttpError, without retrying', async () => {
    mock = await startVendureMock(5);
    const settings = vendureChannel.settings.parse({ url: mock.url, apiKey: 'wrong' });
    await expect(collect(settings)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/FORBIDDEN.*ReadOrder/) });
    expect((await received(mock)).forbidden).toBe(1);
  });

  it('logs in again once when the session expires mid-pull', async () => {
    mock = await startVendureMock(20);
    const pages = await collect(settingsFor(mock.url, { pageSize: 5 }), {}, async (pageNo) => {
      if (pageNo === 1) mock!.api.expireSessions();
    });
    expect(new Set(pages.flatMap((p) => p.orders.map((o) => o.externalId))).size).toBe(20);
    expect((await received(mock)).logins).toBe(2);
  });

  it('verify() proves credentials and permission with one cheap query', async () => {
    mock = await startVendureMock(5);
    await expect(vendureChannel.verify!(contextFor(settingsFor(mock.url)))).resolves.toBeUndefined();
    await expect(vendureChannel.verify!(contextFor(settingsFor(mock.url, { password: 'nope' })))).rejects.toMatchObject({ status: 401 });
  });

  it('settings need an API key or a username and password', () => {
    expect(vendureChannel.settings.safeParse({ url: 'https://shop.example.com', username: 'a' }).success).toBe(false);
    expect(vendureChannel.settings.safeParse({ url: 'https://shop.example.com', apiKey: 'k' }).success).toBe(true);
    expect(vendureChannel.settings.safeParse({ url: 'https://shop.example.com', apiKey: 'k', pageSize: 1001 }).success).toBe(false);
  });

  it('reads a cookie session when the server offers no bearer header', () => {
    const header = 'session=eyJ0b2tlbiI6ImFiYyJ9; path=/; expires=Wed, 25 Nov 2027 13:18:43 GMT; samesite=lax; httponly, session.sig=U9N5m1ea; path=/; samesite=lax; httponly';
    expect(sessionCookie(header)).toBe('session=eyJ0b2tlbiI6ImFiYyJ9; session.sig=U9N5m1ea');
    expect(sessionCookie(undefined)).toBeUndefined();
  });
});

describe('vendure transport faults', () => {
  it('waits out a 429 for its Retry-After (on the fake clock) and completes', async () => {
    mock = await startVendureMock(10);
    await control(mock.url, 'faults', { next: [429], retryAfterSeconds: 7 });
    const clock = fakeClock();
    const pages = await collect(settingsFor(mock.url), {}, undefined, clock);
    expect(pages.flatMap((p) => p.orders)).toHaveLength(10);
    expect(clock.slept).toContain(7_000);
  });

  it('retries 5xx answers, timeouts and garbled bodies', async () => {
    mock = await startVendureMock(10);
    await control(mock.url, 'faults', { next: ['500', 503, 'timeout', 'malformed'], timeoutHoldMs: 3_000 });
    const pages = await collect(settingsFor(mock.url, { pageSize: 4 }));
    expect(new Set(pages.flatMap((p) => p.orders.map((o) => o.externalId))).size).toBe(10);
  });

  it('an INTERNAL_SERVER_ERROR inside a 200 is retried, then reported with its code', async () => {
    mock = await startVendureMock(3);
    // A non-integer Money value cannot be serialized: Vendure (and the mock) answer 200 + INTERNAL_SERVER_ERROR.
    await control(mock.url, 'orders', { orders: [{ id: '2', totalWithTax: 1.5 }] });
    const clock = fakeClock();
    await expect(collect(settingsFor(mock.url), {}, undefined, clock)).rejects.toMatchObject({ status: 500, message: expect.stringMatching(/INTERNAL_SERVER_ERROR/) });
    expect(clock.slept).toEqual([1_000, 2_000]);
  });

  it('a take above the server limit is a clear 400, not a retry loop', async () => {
    mock = await startVendureMock(3);
    const settings = settingsFor(mock.url, { pageSize: 1500, listQueryLimit: 2000 });
    await expect(collect(settings)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Cannot take more than 1000/) });
  });
});
