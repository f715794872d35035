// Amazon meters each operation by its own usage plan (a token bucket: a rate and a burst). Per
// connector context, each operation gets a bucket on ctx.clock, kept across calls (a run makes
// many), and an HTTP client whose 429s, which carry no Retry-After at Amazon, empty that bucket
// (in debt when the client's own retry is about to spend a token) and wait one refill.
// https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits
import { TokenBucket, type ConnectorContext, type HttpClient, type HttpResponse } from '../../src/connector-kit/index.js';
import type { AmazonSettings } from './settings.js';

type Ctx = ConnectorContext<AmazonSettings>;

export interface UsagePlan { readonly ratePerSecond: number; readonly burst: number }

export interface OperationSession<Op extends string> {
  /** Replaceable: a connector may slow an operation to the rate Amazon reports. */
  buckets: Record<Op, TokenBucket>;
  http: Record<Op, HttpClient>;
}

export interface OperationOptions<Op extends string> {
  /** The client's own retries of a call (undefined: the client's default). */
  retries?(operation: Op): number | undefined;
  /** Tokens left in the bucket after a 429: -1 when the client retries at once (the retry spends one), else 0. */
  debtAfterThrottle(operation: Op): number;
}

export function operationSessions<Op extends string>(
  plans: (ctx: Ctx) => Record<Op, UsagePlan>, options: OperationOptions<Op>,
): (ctx: Ctx) => OperationSession<Op> {
  const sessions = new WeakMap<Ctx, OperationSession<Op>>();
  return (ctx) => {
    const existing = sessions.get(ctx);
    if (existing) return existing;
    const plan = plans(ctx);
    const operations = Object.keys(plan) as Op[];
    const session: OperationSession<Op> = {
      buckets: Object.fromEntries(operations.map((op) => [op, new TokenBucket(plan[op].ratePerSecond, plan[op].burst, ctx.clock)])) as Record<Op, TokenBucket>,
      http: Object.fromEntries(operations.map((op) => {
        const retries = options.retries?.(op);
        return [op, ctx.http({
          baseURL: ctx.settings.endpoint,
          allowInsecure: ctx.settings.allowInsecure,
          ...(retries === undefined ? {} : { retry: { retries } }),
          retryAfter: (response) => {
            if (response.status !== 429) return undefined;
            const bucket = session.buckets[op]; // read now: it may have been replaced
            bucket.observe(options.debtAfterThrottle(op));
            return Math.ceil(1000 / bucket.ratePerSecond);
          },
        })];
      })) as Record<Op, HttpClient>,
    };
    sessions.set(ctx, session);
    return session;
  };
}

/** x-amzn-RateLimit-Limit is the rate Amazon applies to this seller and app: never pace faster. */
export function adoptReportedRate<Op extends string>(ctx: Ctx, session: OperationSession<Op>, operation: Op, response: HttpResponse<unknown>): void {
  const reported = Number(response.headers['x-amzn-ratelimit-limit']);
  const current = session.buckets[operation];
  if (!(reported > 0) || reported >= current.ratePerSecond) return;
  ctx.log.warn(`channel ${ctx.name}: Amazon allows ${operation} ${reported}/s; pacing to that rate`);
  const slower = new TokenBucket(reported, current.burst, ctx.clock);
  slower.observe(current.available);
  session.buckets[operation] = slower;
}
