import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookTarget } from '../../connectors/webhook/index.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { pushAll } from '../../src/push/push-all.js';
import type { PushPolicy } from '../../src/push/push-target.js';
import { fastClock } from '../../src/testing/fake-clock.js';
import { makeOrder } from '../support/orders.js';
import { mockState, setFaults, webhookRuntime } from '../support/webhook.js';

interface WebhookState { records: number; duplicates: number; replays: number; byOrder: Record<string, string[]> }

describe('push engine against the webhook mock', () => {
  let ledger: Ledger;
  let mock: RunningMock;
  let clock: ReturnType<typeof fastClock>;
  const policy = (overrides: Partial<PushPolicy> = {}): PushPolicy => ({
    maxAttempts: 5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxWaitMs: 120_000, clock, random: () => 0.5, ...overrides,
  });
  const commit = (externalId: string, updatedAt: string, financialStatus: 'paid' | 'refunded' = 'paid') => ledger.orders.commitPage({
    channel: 'shop', rejected: [], checkpoint: null,
    orders: [{ order: makeOrder({ externalId, updatedAt, financialStatus }), targets: ['hooks'], moneyDifference: 0 }],
  }, clock.now());

  beforeEach(async () => {
    ledger = openLedger(':memory:');
    mock = await startMock(webhookTarget.mock!({ seed: 1 }), { port: 0 });
    clock = fastClock();
  });
  afterEach(async () => {
    ledger.close();
    await mock.close();
  });

  it('delivers every due event once, and per order in order', async () => {
    for (let i = 1; i <= 12; i++) commit(String(i), '2026-11-01T10:00:00.000Z');
    commit('3', '2026-11-01T11:00:00.000Z', 'refunded');
    const [result] = await pushAll(ledger, [webhookRuntime(mock.url, clock)], policy());
    expect(result).toMatchObject({ done: 13, retried: 0, dead: 0, error: null });
    const state = await mockState<WebhookState>(mock.url);
    expect(state.records).toBe(13);
    expect(state.duplicates).toBe(0);
    expect(state.byOrder['shop:3']).toEqual(['order.created', 'order.updated']);
    expect(ledger.deliveries.counts().hooks).toMatchObject({ done: 13, pending: 0, in_flight: 0 });
  });

  it('a 429 pauses the target for Retry-After, then everything is delivered', async () => {
    for (let i = 1; i <= 5; i++) commit(String(i), '2026-11-01T10:00:00.000Z');
    await setFaults(mock.url, { next: [429], retryAfterSeconds: 7 });
    const [result] = await pushAll(ledger, [webhookRuntime(mock.url, clock)], policy());
    expect(result).toMatchObject({ done: 5, retried: 1, throttled: 1, dead: 0 });
    expect(clock.slept).toBeGreaterThanOrEqual(7_000);
    expect((await mockState<WebhookState>(mock.url)).records).toBe(5);
  });

  it('retries server errors and timeouts with backoff, then gives up into dead letters', async () => {
    commit('1', '2026-11-01T10:00:00.000Z');
    commit('2', '2026-11-01T10:00:00.000Z');
    await setFaults(mock.url, { next: ['500', 'timeout'], timeoutHoldMs: 3_000 });
    const [ok] = await pushAll(ledger, [webhookRuntime(mock.url, clock)], policy());
    expect(ok).toMatchObject({ done: 2, retried: 2, dead: 0 });

    commit('3', '2026-11-01T10:00:00.000Z');
    await setFaults(mock.url, { next: [503, 503, 503] });
    const [gaveUp] = await pushAll(ledger, [webhookRuntime(mock.url, clock)], policy({ maxAttempts: 3 }));
    expect(gaveUp).toMatchObject({ done: 0, dead: 1 });
    expect(ledger.deliveries.listDead()[0]?.lastError).toMatch(/gave up after 3 attempts: HTTP 503/);
  });

  it('a permanent refusal goes to dead at once with the reason', async () => {
    commit('1', '2026-11-01T10:00:00.000Z');
    await setFaults(mock.url, { next: [400] });
    const [result] = await pushAll(ledger, [webhookRuntime(mock.url, clock)], policy());
    expect(result).toMatchObject({ done: 0, dead: 1 });
    expect(ledger.deliveries.listDead()[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/HTTP 400 bad request/) });
  });

  it('refused credentials stop only that target and lose nothing', async () => {
    commit('1', '2026-11-01T10:00:00.000Z');
    const [result] = await pushAll(ledger, [webhookRuntime(mock.url, clock, { secret: 'not-the-right-secret-at-all' })], policy());
    expect(result?.error?.message).toMatch(/target hooks: HTTP 401/);
    expect(ledger.deliveries.counts().hooks).toMatchObject({ done: 0, dead: 0, retry: 1 });
  });

  it('a crash between the remote call and the ledger update never makes a second record', async () => {
    commit('1', '2026-11-01T10:00:00.000Z');
    const runtime = webhookRuntime(mock.url, clock);
    const [claimed] = ledger.deliveries.claimDue('hooks', 1, clock.now());
    const outcome = await webhookTarget.deliver(runtime.ctx as never, { ...claimed!, event: claimed!.event });
    expect(outcome.status).toBe('ok');
    // …the process dies here: the delivery stays in flight. The next run recovers and resends it.
    const [result] = await pushAll(ledger, [runtime], policy());
    expect(result?.done).toBe(1);
    const state = await mockState<WebhookState>(mock.url);
    expect(state).toMatchObject({ records: 1, duplicates: 0, replays: 1 });
  });

  it('a 429 on one target pauses only that target; the other keeps delivering', async () => {
    const other = await startMock(webhookTarget.mock!({ seed: 2 }), { port: 0 });
    try {
      for (let i = 1; i <= 6; i++) {
        ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: null,
          orders: [{ order: makeOrder({ externalId: String(i) }), targets: ['hooks', 'other'], moneyDifference: 0 }] }, clock.now());
      }
      await setFaults(mock.url, { next: [429], retryAfterSeconds: 1 });
      // Real time here: the point is what happens while one target waits.
      const realClock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
      const finished: Record<string, number> = {};
      const [hooks, second] = await pushAll(ledger, [webhookRuntime(mock.url, realClock), webhookRuntime(other.url, realClock, { name: 'other' })], policy({
        clock: realClock, backoffBaseMs: 100,
        onSettled: (target, totals) => { if (totals.done === 6) finished[target] = Date.now(); },
      }));
      expect(hooks).toMatchObject({ done: 6, throttled: 1 });
      expect(second).toMatchObject({ done: 6, throttled: 0 });
      expect(finished.hooks! - finished.other!).toBeGreaterThan(700);
    } finally {
      await other.close();
    }
  });
});
