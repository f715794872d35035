// Login with Amazon: one token exchange, renewed before it expires and once on a 403; clear errors.
import { afterEach, describe, expect, test } from 'vitest';
import { HttpError } from '../../../src/connector-kit/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/amazon/mock.js';
import { pullAll, startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => { await h.mock.close(); });

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('access token', () => {
  test('one exchange per pull serves all its calls', async () => {
    h = await startHarness({ orders: 30 });
    const ctx = h.ctx({ pageSize: 10 });
    const cursor = (await pullAll(ctx)).at(-1)!.checkpoint;
    await pullAll(ctx, { checkpoint: cursor });
    const state = await h.state();
    expect(state.operations.searchOrders.requests).toBe(4); // 3 pages, then one empty window
    expect(state.tokenExchanges).toBe(2);
  });

  test('is renewed before it expires during a long, paced pull, so Amazon never sees an expired token', async () => {
    h = await startHarness({ orders: 26, tokenTtlSeconds: 300 });
    await pullAll(h.ctx({ pageSize: 1 })); // 6 waits of ~179 s after the burst: 18 minutes
    const state = await h.state();
    expect(state.denied).toBe(0);
    expect(state.tokenExchanges).toBeGreaterThanOrEqual(4);
  });

  test('revoked early: the 403 Unauthorized is answered with one fresh token and the call succeeds', async () => {
    h = await startHarness({ orders: 10 });
    const pages = await pullAll(h.ctx({ pageSize: 5 }), {}, async (index) => { if (index === 0) h.api.revokeAccessTokens(); });
    expect(pages.flatMap((p) => p.orders)).toHaveLength(10);
    expect(await h.state()).toMatchObject({ tokenExchanges: 2, denied: 1 });
  });

  test('a 403 that a fresh token does not cure is thrown, saying forbidden', async () => {
    h = await startHarness({ orders: 10 });
    const pull = pullAll(h.ctx({ pageSize: 5 }), {}, async () => { await h.post('/__mock/faults', { next: [403, 403] }); });
    const error = await failure(pull);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/HTTP 403 forbidden/);
  });
});

describe('bad credentials are clear errors from pullOrders', () => {
  test('a wrong client secret: 401 invalid_client, and the secret is not in the message', async () => {
    h = await startHarness();
    const error = await failure(pullAll(h.ctx({ clientSecret: 'amzn1.oa2-cs.v1.wrong-secret-value' })));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/unauthorized.*POST \/auth\/o2\/token: invalid_client/);
    expect(error.message).not.toContain('wrong-secret-value');
  });

  test('a revoked refresh token: 400 invalid_grant', async () => {
    h = await startHarness();
    const error = await failure(pullAll(h.ctx({ refreshToken: 'Atzr|revoked' })));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/invalid_grant/);
  });

  test('a 401 from the API is thrown as it is', async () => {
    h = await startHarness();
    await h.post('/__mock/faults', { next: [401] });
    expect((await failure(pullAll(h.ctx()))).status).toBe(401);
  });

  test('verify proves the credentials with one token and one small search', async () => {
    h = await startHarness();
    const { amazonChannel } = await import('../../../connectors/amazon/index.js');
    await amazonChannel.verify!(h.ctx());
    expect(await h.state()).toMatchObject({ tokenExchanges: 1, lastSearch: { maxResultsPerPage: '1' } });
    await expect(amazonChannel.verify!(h.ctx({ clientId: MOCK_CREDENTIALS.clientId + 'x' }))).rejects.toThrow(/invalid_client/);
  });
});
