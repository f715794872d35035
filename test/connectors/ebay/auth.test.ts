import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/ebay/mock.js';
import { READ_SCOPE } from '../../../connectors/ebay/settings.js';
import { HttpError } from '../../../src/connector-kit/index.js';
import { idsOf, startHarness, type Harness, type MockState } from './harness.js';

describe('eBay OAuth: user access token from the refresh token', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness({ orders: 40 }); });
  afterEach(async () => { await h.close(); });

  const state = () => h.control<MockState>('state');
  const failure = async (promise: Promise<unknown>): Promise<HttpError> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  };

  it('mints one token per run with the form grant and Basic client credentials, and uses it as Bearer', async () => {
    const pages = await h.pull({}, { sliceHours: 24 * 30 });
    expect(idsOf(pages)).toHaveLength(40);
    const { received } = await state();
    expect(received).toMatchObject({ tokenExchanges: 1, tokensRefused: 0, getOrders: 3 });
  });

  it('the token endpoint takes only what eBay documents: a form body and Basic auth', async () => {
    const basic = `Basic ${Buffer.from(`${MOCK_CREDENTIALS.clientId}:${MOCK_CREDENTIALS.clientSecret}`).toString('base64')}`;
    const post = (body: string, type: string, authorization = basic) =>
      fetch(`${h.server.url}/identity/v1/oauth2/token`, { method: 'POST', body, headers: { 'content-type': type, authorization } });
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: MOCK_CREDENTIALS.refreshToken, scope: READ_SCOPE }).toString();
    const ok = await post(form, 'application/x-www-form-urlencoded');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ access_token: expect.stringMatching(/^v\^1\.1#/), expires_in: 7200, token_type: 'User Access Token' });
    const asJson = await post(JSON.stringify({ grant_type: 'refresh_token' }), 'application/json');
    expect([asJson.status, await asJson.json()]).toEqual([400, { error: 'invalid_request', error_description: expect.any(String) }]);
    const noClient = await post(form, 'application/x-www-form-urlencoded', 'Basic bm9ib2R5Om5vdGhpbmc=');
    expect([noClient.status, ((await noClient.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
    const wideScope = await post(form.replace(/scope=[^&]*/, 'scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.finances'), 'application/x-www-form-urlencoded');
    expect([wideScope.status, ((await wideScope.json()) as { error: string }).error]).toEqual([400, 'invalid_scope']);
    const authCode = await post('grant_type=authorization_code&code=x', 'application/x-www-form-urlencoded');
    expect([authCode.status, ((await authCode.json()) as { error: string }).error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('refreshes the token before it expires, so no call carries a dead one', async () => {
    // Given a pull that takes longer than the token's 7,200 s life
    let pages = 0;
    for await (const page of ebayChannel.pullOrders(h.context({ sliceHours: 24 }), { checkpoint: undefined, since: undefined })) {
      void page;
      if (++pages % 5 === 0) h.clock.advance(3_000_000); // 50 minutes between every fifth page
    }
    // Then a new token was minted on the way and eBay never refused one
    const { received } = await state();
    expect(received.tokenExchanges).toBeGreaterThanOrEqual(2);
    expect(received.tokensRefused).toBe(0);
  });

  it('mints a new token once when eBay answers 401 errorId 1001, and carries on', async () => {
    const context = h.context({ sliceHours: 24 * 30, pageSize: 10 });
    const seen: string[] = [];
    for await (const page of ebayChannel.pullOrders(context, { checkpoint: undefined, since: undefined })) {
      seen.push(...page.orders.map((o) => o.externalId));
      if (seen.length === 10) h.mock.revokeTokens(); // e.g. the seller revoked and re-consented
    }
    expect(seen).toHaveLength(40);
    expect((await state()).received).toMatchObject({ tokenExchanges: 2, tokensRefused: 1 });
  });

  it('a token refused again after the refresh is a clear 401, refreshed only once', async () => {
    const first = ebayChannel.pullOrders(h.context({ sliceHours: 24 * 30, pageSize: 10 }), { checkpoint: undefined, since: undefined })[Symbol.asyncIterator]();
    await first.next();
    h.mock.revokeTokens(true);
    const error = await failure(first.next());
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/HTTP 401 unauthorized.*Invalid access token/);
    expect((await state()).received).toMatchObject({ tokenExchanges: 2, tokensRefused: 2 });
  });

  it('a wrong client secret is a clear 401 (invalid_client) that names no secret', async () => {
    const error = await failure(h.pull({}, { clientSecret: 'PRD-not-the-secret' }));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/eBay refused the client id\/secret or refresh token — HTTP 401 invalid_client: client authentication failed/);
    expect(error.message).not.toContain('PRD-not-the-secret');
    expect((await state()).received.getOrders).toBe(0);
  });

  it('a refresh token eBay no longer honours (400 invalid_grant) is reported as unauthorized, without the token', async () => {
    const error = await failure(h.pull({}, { refreshToken: 'v^1.1#i^1#r^1#expired-refresh-token' }));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/refused the refresh token .*HTTP 400 invalid_grant/);
    expect(error.message + error.body).not.toContain('expired-refresh-token');
  });

  it('asking for a scope the seller never granted is a 400 the connector does not retry', async () => {
    const error = await failure(h.pull({}, { scopes: ['https://api.ebay.com/oauth/api_scope/sell.finances'] }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/invalid_scope/);
    expect(h.clock.slept).toEqual([]);
  });

  it('retries the token request on a throttle or a server error', async () => {
    await h.control('faults', { next: [429, 503] });
    const pages = await h.pull({}, { sliceHours: 24 * 30 });
    expect(idsOf(pages)).toHaveLength(40);
    expect(h.clock.slept).toHaveLength(2);
    expect((await state()).received.tokenExchanges).toBe(1);
  });

  it('verify() proves the credentials with one cheap call', async () => {
    await ebayChannel.verify!(h.context());
    expect((await state()).received).toMatchObject({ tokenExchanges: 1, getOrders: 1 });
    await expect(ebayChannel.verify!(h.context({ clientSecret: 'wrong-secret' }))).rejects.toMatchObject({ status: 401 });
  });
});
