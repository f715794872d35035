// The mock's Login with Amazon token endpoint and the x-amz-access-token check of the SP-API.
import type { MockRequest, MockResponse } from '../../src/mock/index.js';

export const MOCK_CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.ordersyncdemo',
  clientSecret: 'amzn1.oa2-cs.v1.ordersync-demo-secret',
  refreshToken: 'Atzr|ordersync-demo-refresh-token',
} as const;

// 403 bodies as live SP-API answers them (amzn/selling-partner-api-models issues #713, #2333);
// the expired-token detail is UNCONFIRMED wording.
const DENIED = 'Access to requested resource is denied.';
const DETAIL = {
  missing: '',
  invalid: 'The access token you provided is revoked, malformed or invalid.',
  expired: 'The access token you provided has expired.',
} as const;

export interface TokenIssuer {
  /** POST /auth/o2/token */
  exchange(request: MockRequest): MockResponse;
  /** undefined when the request's x-amz-access-token is live, else the reason for the 403. */
  deny(request: MockRequest): { code: string; message: string; details: string } | undefined;
  revokeAll(): void;
  state(): { tokenExchanges: number; tokenFailures: number; liveTokens: number; tokenTtlSeconds: number; denied: number };
}

export function createTokenIssuer(now: () => number, ttlSeconds: number): TokenIssuer {
  const expiries = new Map<string, number>();
  let issued = 0;
  let failures = 0;
  let denied = 0;

  // RFC 6749 §5.2 error answers, which Login with Amazon follows.
  const oauthError = (status: number, error: string, description: string): MockResponse => {
    failures++;
    return { status, headers: { 'cache-control': 'no-store' }, body: { error, error_description: description } };
  };

  return {
    exchange(request) {
      // Amazon documents a form-encoded body; a JSON body is accepted too.
      const form = (request.headers['content-type'] ?? '').includes('json')
        ? new URLSearchParams(Object.entries((request.json ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]))
        : new URLSearchParams(request.body);
      if (form.get('grant_type') !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server');
      if (!form.get('refresh_token') || !form.get('client_id')) return oauthError(400, 'invalid_request', 'The request is missing a required parameter');
      if (form.get('client_id') !== MOCK_CREDENTIALS.clientId || form.get('client_secret') !== MOCK_CREDENTIALS.clientSecret) {
        return oauthError(401, 'invalid_client', 'Client authentication failed');
      }
      if (form.get('refresh_token') !== MOCK_CREDENTIALS.refreshToken) return oauthError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
      issued++;
      const token = `Atza|ordersync-mock-${issued}`;
      expiries.set(token, now() + ttlSeconds * 1000);
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: { access_token: token, refresh_token: MOCK_CREDENTIALS.refreshToken, token_type: 'bearer', expires_in: ttlSeconds },
      };
    },
    deny(request) {
      const token = request.headers['x-amz-access-token'];
      const expiresAt = token ? expiries.get(token) : undefined;
      const details = !token ? DETAIL.missing : expiresAt === undefined ? DETAIL.invalid : expiresAt <= now() ? DETAIL.expired : undefined;
      if (details === undefined) return undefined;
      denied++;
      return { code: 'Unauthorized', message: DENIED, details };
    },
    revokeAll: () => expiries.clear(),
    state: () => ({
      tokenExchanges: issued,
      tokenFailures: failures,
      liveTokens: [...expiries.values()].filter((expiry) => expiry > now()).length,
      tokenTtlSeconds: ttlSeconds,
      denied,
    }),
  };
}
