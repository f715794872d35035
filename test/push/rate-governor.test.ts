// The rate governor against simulated APIs on a fake clock: a leaky bucket like the bench's
// mocks (bench/lib/rate-limited.ts), with or without its rate-limit headers, and an API that
// throttles at random. A simulated push (simulate below) keeps its queue full; each request is
// answered after LATENCY_MS.
import PQueue from 'p-queue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/http/token-bucket.js';
import { createRateGovernor, type RateGovernor } from '../../src/push/rate-governor.js';
import { readAllowance } from '../../src/push/rate-limit-headers.js';

const LATENCY_MS = 20;

interface Answer { status: number; headers: Record<string, string> }
type Api = (now: number) => Answer;

/** A leaky bucket of `capacity` leaking `perSecond`, answering 429 when full. */
function leakyBucket(capacity: number, perSecond: number, style: 'x-ratelimit' | 'shopify' | 'none'): Api {
  let level = 0;
  let at = 0;
  return (now) => {
    level = Math.max(0, level - ((now - at) / 1000) * perSecond);
    at = now;
    const full = level + 1 > capacity;
    if (!full) level += 1;
    const used = Math.ceil(level);
    const headers: Record<string, string> = style === 'shopify' ? { 'x-shopify-shop-api-call-limit': `${used}/${capacity}` }
      : style === 'x-ratelimit' ? { 'x-ratelimit-limit': String(capacity), 'x-ratelimit-remaining': String(capacity - used) } : {};
    return { status: full ? 429 : 201, headers };
  }
}

/** Throttles a `share` of requests at random (a seeded generator), limits nothing. */
function randomThrottles(share: number, seed: number): Api {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return () => ({ status: random() < share ? 429 : 201, headers: {} });
}

interface Run { sent: number[]; admitted: number[]; refused: number[] }

const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Pushes for `seconds` of fake time as pushTarget does: a p-queue holding the configured limit
 * (`cap` per second, a sliding window) and `concurrency`, each task taking its turn from the
 * governor; `demandGapMs` keeps each task busy that much longer (a push with little to send).
 */
async function simulate(governor: RateGovernor, api: Api, options: { cap: number; concurrency: number; seconds: number; demandGapMs?: number }): Promise<Run> {
  const run: Run = { sent: [], admitted: [], refused: [] };
  const end = Date.now() + options.seconds * 1000;
  const queue = new PQueue({ concurrency: options.concurrency, intervalCap: options.cap, interval: 1_000, strict: true });
  const deliver = async (): Promise<void> => {
    await governor.take();
    run.sent.push(Date.now());
    await clock.sleep(LATENCY_MS / 2);
    const answer = api(Date.now());
    await clock.sleep(LATENCY_MS / 2);
    (answer.status === 429 ? run.refused : run.admitted).push(Date.now());
    governor.observe(answer.status, answer.headers);
    if (options.demandGapMs) await clock.sleep(options.demandGapMs);
  };
  const feed = async (): Promise<void> => {
    while (Date.now() < end) {
      while (queue.size < options.concurrency) void queue.add(deliver);
      await queue.onSizeLessThan(options.concurrency);
    }
  };
  let finished = false;
  const fed = feed().then(() => queue.onIdle()).then(() => { finished = true; });
  await vi.advanceTimersByTimeAsync(options.seconds * 1000);
  for (let extra = 0; !finished && extra < 600; extra++) await vi.advanceTimersByTimeAsync(1_000);
  await fed;
  return run;
}

const between = (times: number[], from: number, to: number): number => times.filter((t) => t >= from && t < to).length;
const maxInAnySecond = (times: number[]): number => Math.max(0, ...times.map((t, i) => between(times.slice(i), t, t + 1_000)));

describe('the rate governor', () => {
  let t0: number;
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T00:00:00Z') });
    t0 = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the allowance from Shopify\'s, X-RateLimit-* and RateLimit-* headers', () => {
    expect(readAllowance({ 'x-shopify-shop-api-call-limit': '12/40' })).toEqual({ remaining: 28, limit: 40 });
    expect(readAllowance({ 'x-ratelimit-remaining': '7', 'x-ratelimit-limit': '10' })).toEqual({ remaining: 7, limit: 10 });
    expect(readAllowance({ 'ratelimit-remaining': '0', 'ratelimit-limit': '100, 100;w=60' })).toEqual({ remaining: 0, limit: 100 });
    expect(readAllowance({ 'x-ratelimit-remaining': '7' })).toBeUndefined();
    expect(readAllowance({ 'content-type': 'application/json' })).toBeUndefined();
  });

  it('learns a 10/s limit from X-RateLimit headers: the whole limit, no 429', async () => {
    // given the webhook's defaults (4 × 20/s) and an API that admits 10/s
    const governor = createRateGovernor({ cap: 20, concurrency: 4, clock });
    // when pushing for 40 s
    const run = await simulate(governor, leakyBucket(10, 10, 'x-ratelimit'), { cap: 20, concurrency: 4, seconds: 40 });
    // then after a few seconds it sends at the limit and is never refused
    expect(between(run.admitted, t0 + 10_000, t0 + 40_000) / 30).toBeGreaterThan(9.5);
    expect(run.refused.length).toBe(0);
  });

  it('learns Shopify\'s leaky bucket (40, leaking 2/s) from its header: spends the bucket, then holds 2/s', async () => {
    const governor = createRateGovernor({ cap: 20, concurrency: 4, clock });
    const run = await simulate(governor, leakyBucket(40, 2, 'shopify'), { cap: 20, concurrency: 4, seconds: 70 });
    expect(between(run.admitted, t0, t0 + 5_000)).toBeGreaterThan(30); // the bucket's 40, at first
    expect(between(run.admitted, t0 + 10_000, t0 + 70_000) / 60).toBeGreaterThan(1.9);
    expect(run.refused.length / run.sent.length).toBeLessThan(0.02);
  });

  it('never sends faster than the configured limit, however much the headers allow', async () => {
    const governor = createRateGovernor({ cap: 7, concurrency: 16, clock });
    const run = await simulate(governor, leakyBucket(1_000, 1_000, 'x-ratelimit'), { cap: 7, concurrency: 16, seconds: 10 });
    expect(maxInAnySecond(run.sent)).toBeLessThanOrEqual(7);
    expect(run.sent.length).toBeGreaterThanOrEqual(69);
  });

  it('never sends faster than the configured limit when learning from 429s either', async () => {
    const governor = createRateGovernor({ cap: 12, concurrency: 8, clock });
    const run = await simulate(governor, leakyBucket(10, 10, 'none'), { cap: 12, concurrency: 8, seconds: 60 });
    expect(maxInAnySecond(run.sent)).toBeLessThanOrEqual(12);
  });

  it('without headers, finds a 10/s limit from its 429s', async () => {
    const governor = createRateGovernor({ cap: 20, concurrency: 4, clock });
    const run = await simulate(governor, leakyBucket(10, 10, 'none'), { cap: 20, concurrency: 4, seconds: 90 });
    // the first seconds overrun the limit (half the requests refused); then it settles near it
    expect(governor.rate()).toBeLessThan(12);
    expect(between(run.admitted, t0 + 30_000, t0 + 90_000) / 60).toBeGreaterThan(8);
    const late = between(run.refused, t0 + 30_000, t0 + 90_000);
    expect(late / (late + between(run.admitted, t0 + 30_000, t0 + 90_000))).toBeLessThan(0.05);
  });

  it('random lone 429s (5%) do not slow a target that has no limit', async () => {
    const governor = createRateGovernor({ cap: 20, concurrency: 4, clock });
    const run = await simulate(governor, randomThrottles(0.05, 7), { cap: 20, concurrency: 4, seconds: 120 });
    expect(run.refused.length).toBeGreaterThan(60); // the faults were there
    expect(governor.rate()).toBe(20);
    expect(run.sent.length / 120).toBeGreaterThan(19);
  });

  it('random 429s do not pull a slow push (2 requests/s, far under the limit) below what it asks', async () => {
    const governor = createRateGovernor({ cap: 20, concurrency: 1, clock });
    const run = await simulate(governor, randomThrottles(0.05, 11), { cap: 20, concurrency: 1, seconds: 300, demandGapMs: 480 });
    expect(run.refused.length).toBeGreaterThan(10);
    // 2 a second asked (480 ms between, 20 ms each): at least 95% of it sent
    expect(run.sent.length / 300).toBeGreaterThan(0.95 * 2);
  });

  it('with headers, a random 429 changes nothing: the headers say what is left', async () => {
    const bucket = leakyBucket(10, 10, 'x-ratelimit');
    const random = randomThrottles(0.05, 5);
    const api: Api = (now) => {
      const answer = bucket(now);
      return answer.status !== 429 && random(now).status === 429 ? { ...answer, status: 429 } : answer;
    };
    const governor = createRateGovernor({ cap: 20, concurrency: 4, clock });
    const run = await simulate(governor, api, { cap: 20, concurrency: 4, seconds: 40 });
    expect(between(run.sent, t0 + 10_000, t0 + 40_000) / 30).toBeGreaterThan(9.5);
  });
});
