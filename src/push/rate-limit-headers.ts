// What a response says about the caller's remaining allowance, in the headers APIs use for it:
//  - Shopify REST: `X-Shopify-Shop-Api-Call-Limit: 12/40` (used/capacity of a leaky bucket,
//    https://shopify.dev/docs/api/usage/limits#rest-admin-api-rate-limits);
//  - the common `X-RateLimit-Remaining` / `X-RateLimit-Limit` pair (GitHub, Twitter, Frappe, …);
//  - the IETF draft's `RateLimit-Remaining` / `RateLimit-Limit` (draft-ietf-httpapi-ratelimit-headers
//    up to -06, where each is its own header).
// Every request is taken to cost one unit of the allowance.

export interface Allowance {
  remaining: number;
  limit: number;
}

/** The allowance a response announces, if its headers (lower-case names) say. */
export function readAllowance(headers: Readonly<Record<string, string>>): Allowance | undefined {
  const shopify = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(headers['x-shopify-shop-api-call-limit'] ?? '');
  if (shopify) return allowanceOf(Number(shopify[2]) - Number(shopify[1]), Number(shopify[2]));
  for (const prefix of ['x-ratelimit-', 'ratelimit-']) {
    const remaining = numberIn(headers[`${prefix}remaining`]);
    const limit = numberIn(headers[`${prefix}limit`]);
    if (remaining !== undefined && limit !== undefined) return allowanceOf(remaining, limit);
  }
  return undefined;
}

function allowanceOf(remaining: number, limit: number): Allowance | undefined {
  if (!(limit > 0)) return undefined;
  return { remaining: Math.min(limit, Math.max(0, remaining)), limit };
}

// `RateLimit-Limit: 100, 100;w=60` (a policy after the number, as some drafts allowed): the first number.
function numberIn(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : undefined;
}
