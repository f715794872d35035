// The seller's user access token: minted from the refresh token, kept until shortly before it
// expires (eBay user tokens live 7,200 s), and dropped when eBay calls it invalid.
import type { Clock } from '../../src/connector-kit/index.js';

export interface MintedToken {
  accessToken: string;
  expiresInSeconds: number;
}

export interface TokenSource {
  /** A token that stays valid for at least the refresh margin. */
  get(): Promise<string>;
  /** Forgets `token` (eBay answered 1001 Invalid access token), so the next get() mints anew. */
  invalidate(token: string): void;
  readonly minted: number;
}

// Refresh this long before expiry so that a page fetched near the end of the token's life never carries a dead token.
const REFRESH_MARGIN_MS = 5 * 60_000;

export function createTokenSource(mint: () => Promise<MintedToken>, clock: Clock): TokenSource {
  let current: { value: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let minted = 0;

  async function refresh(): Promise<string> {
    const token = await mint();
    minted++;
    const lifeMs = token.expiresInSeconds * 1000;
    current = { value: token.accessToken, refreshAt: clock.now() + lifeMs - Math.min(REFRESH_MARGIN_MS, lifeMs / 2) };
    return token.accessToken;
  }

  return {
    get() {
      if (current && clock.now() < current.refreshAt) return Promise.resolve(current.value);
      pending ??= refresh().finally(() => { pending = undefined; });
      return pending;
    },
    invalidate(token) {
      if (current?.value === token) current = undefined;
    },
    get minted() {
      return minted;
    },
  };
}
