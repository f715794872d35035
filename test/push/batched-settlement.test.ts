// Outcomes are recorded in batches (one transaction per turn of the event loop, always before
// the next claim), and the target's last success at most once a second: per order, events still
// reach the target in order, and a crash before a batch is recorded only sends it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookTarget } from '../../connectors/webhook/index.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { pushAll } from '../../src/push/push-all.js';
import { pushTarget, type PushPolicy, type TargetRuntime } from '../../src/push/push-target.js';
import { fastClock } from '../../src/testing/fake-clock.js';
import { makeOrder } from '../support/orders.js';
import { mockState, webhookRuntime } from '../support/webhook.js';

interface WebhookState { records: number; duplicates: number; replays: number; byOrder: Record<string, string[]> }

const ORDERS = 20;
const VERSIONS = ['paid', 'partially_refunded', 'refunded'] as const;

describe('batched settlement', () => {
  let dir: string;
  let file: string;
  let mock: RunningMock;
  let clock: ReturnType<typeof fastClock>;
  const policy = (): PushPolicy => ({ maxAttempts: 5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxWaitMs: 120_000, clock, random: () => 0.5 });
  const runtime = (): TargetRuntime => ({ ...webhookRuntime(mock.url, clock), rateLimit: { concurrency: 8, intervalCap: 1_000, interval: 1_000 } });

  /** Every order created, then changed twice: three events each, to be delivered in that order. */
  const commitAll = (ledger: Ledger): void => {
    VERSIONS.forEach((financialStatus, v) => {
      for (let i = 1; i <= ORDERS; i++) {
        ledger.orders.commitPage({
          channel: 'shop', rejected: [], checkpoint: null,
          orders: [{ order: makeOrder({ externalId: String(i), financialStatus, updatedAt: `2026-11-01T1${v}:00:00.000Z` }), targets: ['hooks'], moneyDifference: 0 }],
        }, clock.now());
      }
    });
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ordersync-batch-'));
    file = join(dir, 'ledger.db');
    mock = await startMock(webhookTarget.mock!({ seed: 1 }), { port: 0 });
    clock = fastClock();
  });
  afterEach(async () => {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records outcomes in a few transactions, and per order the events still arrive in order', async () => {
    const ledger = openLedger(file);
    try {
      // given 20 orders with three events each, and a target taking 8 at a time
      commitAll(ledger);
      const batches: number[] = [];
      const settleMany = ledger.deliveries.settleMany;
      ledger.deliveries.settleMany = (items) => { batches.push(items.length); settleMany(items); };
      ledger.deliveries.settle = () => { throw new Error('one transaction per delivery again'); };
      let healthWrites = 0;
      const targetDelivered = ledger.health.targetDelivered;
      ledger.health.targetDelivered = (target, now) => { healthWrites++; targetDelivered(target, now); };

      // when pushing
      const result = await pushTarget(ledger, runtime(), policy());

      // then everything is delivered once, in order per order, through batches
      expect(result).toMatchObject({ done: 3 * ORDERS, retried: 0, dead: 0 });
      const state = await mockState<WebhookState>(mock.url);
      expect(state).toMatchObject({ records: 3 * ORDERS, duplicates: 0 });
      for (let i = 1; i <= ORDERS; i++) expect(state.byOrder[`shop:${i}`]).toEqual(['order.created', 'order.updated', 'order.updated']);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(3 * ORDERS);
      expect(batches.length).toBeLessThan(3 * ORDERS);
      expect(ledger.deliveries.counts().hooks).toMatchObject({ done: 3 * ORDERS, in_flight: 0, pending: 0 });
      // a run this short (well under a second on the clock) writes its last success once or twice
      expect(healthWrites).toBeGreaterThanOrEqual(1);
      expect(healthWrites).toBeLessThanOrEqual(2);
    } finally {
      ledger.close();
    }
  });

  it('a crash between the deliveries and the recording of their batch re-sends them; the target holds one record each', async () => {
    // given a run whose batches never reach the disk: the process dies before they are recorded
    const first = openLedger(file);
    commitAll(first);
    first.deliveries.settleMany = () => {};
    const crashed = await pushTarget(first, runtime(), policy());
    expect(crashed.done).toBe(ORDERS); // each order's first event went out; the next ones wait for it
    expect(first.deliveries.counts().hooks).toMatchObject({ in_flight: ORDERS, done: 0 });
    first.close();

    // when the next run starts on the same ledger
    const second = openLedger(file);
    try {
      const [result] = await pushAll(second, [runtime()], policy());

      // then the lost batch is sent again, answered as replays, and nothing is recorded twice
      expect(result).toMatchObject({ done: 3 * ORDERS, dead: 0 });
      const state = await mockState<WebhookState>(mock.url);
      expect(state).toMatchObject({ records: 3 * ORDERS, duplicates: 0, replays: ORDERS });
      for (let i = 1; i <= ORDERS; i++) expect(state.byOrder[`shop:${i}`]).toEqual(['order.created', 'order.updated', 'order.updated']);
      expect(second.deliveries.counts().hooks).toMatchObject({ done: 3 * ORDERS, in_flight: 0, retry: 0 });
    } finally {
      second.close();
    }
  });
});
