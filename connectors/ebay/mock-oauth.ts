// The mock's OAuth side: the refresh-token grant on /identity/v1/oauth2/token and the bearer
// check every API call passes, with tokens that expire after 7,200 s of the mock's clock.
import { json, type MockRequest, type MockResponse } from '../../src/mock/index.js';
import * as errors from './mock-errors.js';
import { INVENTORY_SCOPE, READ_SCOPE, WRITE_SCOPE } from './settings.js';

export const MOCK_CREDENTIALS = {
  clientId: 'OrderSyn-demo-PRD-5a1b2c3d4-e5f6a7b8',
  clientSecret: 'PRD-a1b2c3d4e5f6-a7b8-c9d0-e1f2-a3b4',
  refreshToken: 'v^1.1#i^1#r^1#p^3#I^3#f^0#t^ordersync-demo-refresh-token',
};
const GRANTED_SCOPES = [WRITE_SCOPE, READ_SCOPE, INVENTORY_SCOPE]; // what the demo seller consented to
export const TOKEN_LIFETIME_SECONDS = 7_200; // `expires_in` of a user access token (oauth-refresh-token-request)

export interface MockOAuth {
  /** POST /identity/v1/oauth2/token */
  mintToken(request: MockRequest): MockResponse;
  /** An error answer unless the request carries a live bearer token (granted `scope`, when given). */
  authenticate(request: MockRequest, scope?: string): MockResponse | undefined;
  revoke(future: boolean): void;
  counts(): { tokenExchanges: number; tokensRefused: number };
  reset(): void;
}

export function createMockOAuth(seed: number, now: () => number): MockOAuth {
  let tokens = new Map<string, { expires: number; scopes: string[] }>();
  let refuseAll = false;
  let exchanges = 0;
  let refused = 0;

  return {
    // https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html; error bodies per RFC 6749 §5.2
    mintToken(request) {
      const [user, password] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
      if (user !== MOCK_CREDENTIALS.clientId || password !== MOCK_CREDENTIALS.clientSecret) return errors.oauthError(401, 'invalid_client', 'client authentication failed');
      const form = new URLSearchParams(request.body);
      if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || !form.get('grant_type')) {
        return errors.oauthError(400, 'invalid_request', 'request is missing a required parameter or malformed.');
      }
      if (form.get('grant_type') !== 'refresh_token') return errors.oauthError(400, 'unsupported_grant_type', 'grant type in request is not supported by the authorization server');
      if (form.get('refresh_token') !== MOCK_CREDENTIALS.refreshToken) {
        return errors.oauthError(400, 'invalid_grant', 'the provided authorization refresh token is invalid or was issued to another client');
      }
      // No scope: the scopes of the original consent.
      const scopes = (form.get('scope') ?? GRANTED_SCOPES.join(' ')).split(' ').filter(Boolean);
      if (scopes.some((scope) => !GRANTED_SCOPES.includes(scope))) {
        return errors.oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client');
      }
      exchanges++;
      const accessToken = `v^1.1#i^1#p^3#I^3#f^0#r^0#t^ordersync-mock-${seed}-${exchanges}`;
      tokens.set(accessToken, { expires: now() + TOKEN_LIFETIME_SECONDS * 1000, scopes });
      return json(200, { access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'User Access Token' });
    },
    authenticate(request, scope) {
      const header = request.headers.authorization;
      if (!header) return errors.missingToken();
      const [scheme = '', token = ''] = header.split(' ');
      if (scheme !== 'Bearer') return errors.badTokenType(scheme);
      const live = tokens.get(token);
      if (refuseAll || live === undefined || live.expires <= now()) {
        refused++;
        return json(401, errors.invalidTokenBody());
      }
      // A token minted without the scope the operation requires (spec `security` per operation).
      if (scope && !live.scopes.includes(scope)) return errors.insufficientScope();
      return undefined;
    },
    revoke(future) {
      tokens = new Map();
      refuseAll = future;
    },
    counts: () => ({ tokenExchanges: exchanges, tokensRefused: refused }),
    reset() {
      tokens = new Map();
      refuseAll = false;
      exchanges = 0;
      refused = 0;
    },
  };
}
