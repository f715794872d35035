// Delivers one target's due deliveries through its own p-queue (concurrency and interval cap
// from config) and rate governor (the API's real limit, learned), settling the outcomes in the
// ledger as they come back. Per order, events leave in order because the ledger never hands out
// a delivery while an earlier one is unsettled.
import PQueue from 'p-queue';
import type { ConnectorContext, DeliveryOutcome, RateLimit, TargetDefinition } from '../connector-kit/index.js';
import type { Clock } from '../http/token-bucket.js';
import { backoffDelay } from '../http/retry-after.js';
import type { ClaimedDelivery, Ledger, Settlement } from '../ledger/index.js';
import { observedContext } from './observed-context.js';
import { createRateGovernor } from './rate-governor.js';
import { unauthorizedTarget } from './target-failure.js';

/** The status view shows a target's last success to the second: one write a second is enough. */
const HEALTH_EVERY_MS = 1_000;

export interface TargetRuntime {
  name: string;
  // A registry holds targets of every settings type; each one checks its own.
  definition: TargetDefinition<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  ctx: ConnectorContext<unknown>;
  rateLimit: RateLimit;
}

export interface PushPolicy {
  /** After this many attempts a transient failure is given up on (dead). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A run waits for retries due within this long; later ones are left for the next run. */
  maxWaitMs: number;
  clock: Clock;
  random?: () => number;
  /** Where a bought label is confirmed next: the fulfillment queue of the order's channel, if it takes tracking. */
  confirmOn?(channel: string): string | undefined;
  onSettled?(target: string, totals: TargetPushResult): void;
}

export interface TargetPushResult {
  target: string;
  done: number;
  retried: number;
  dead: number;
  throttled: number;
  pausedUntil: string | null;
  error: Error | null;
}

export async function pushTarget(ledger: Ledger, runtime: TargetRuntime, policy: PushPolicy): Promise<TargetPushResult> {
  const totals: TargetPushResult = { target: runtime.name, done: 0, retried: 0, dead: 0, throttled: 0, pausedUntil: null, error: null };
  const { concurrency, intervalCap, interval } = runtime.rateLimit;
  // strict: a sliding window, so a top-up mid-window cannot start 2 × intervalCap within one interval.
  const queue = new PQueue({ concurrency, intervalCap, interval, strict: true });
  let stopped = false;
  // The configured (or default) limit is the ceiling; below it the governor finds the API's real
  // rate from the rate-limit headers of every response, or from its 429s.
  const governor = createRateGovernor({ cap: (intervalCap / interval) * 1000, concurrency, clock: policy.clock });
  const ctx = observedContext(runtime.ctx, governor.observe);

  // Outcomes are recorded in batches, one transaction per turn of the event loop instead of one
  // per delivery, and always before the next claim, so an order's next event still waits for
  // this one. A crash before a batch is recorded leaves its deliveries in flight; the next run
  // recovers and sends them again, which every target tolerates (each call is idempotent: an
  // Idempotency-Key, or a look-up by our reference before creating; DESIGN.md "Push semantics").
  let unrecorded: { id: number; settlement: Settlement; now: number }[] = [];
  const flush = (): void => {
    if (unrecorded.length === 0) return;
    ledger.deliveries.settleMany(unrecorded);
    unrecorded = [];
  };
  const record = (id: number, settlement: Settlement, now: number): void => {
    // A failed flush here keeps the batch, and the claim loop's flush tries again and reports it.
    if (unrecorded.push({ id, settlement, now }) === 1) setImmediate(() => { try { flush(); } catch { /* see above */ } });
  };
  let lastSuccess = 0;
  let lastSuccessWritten = Number.NEGATIVE_INFINITY;
  const delivered = (now: number): void => {
    lastSuccess = now;
    if (now - lastSuccessWritten < HEALTH_EVERY_MS) return;
    ledger.health.targetDelivered(runtime.name, now);
    lastSuccessWritten = now;
  };

  const settle = (delivery: ClaimedDelivery, outcome: DeliveryOutcome): void => {
    const now = policy.clock.now();
    if (outcome.status === 'ok') {
      const confirmOn = outcome.shipment ? policy.confirmOn?.(delivery.event.order.channel) : undefined;
      record(delivery.id, { status: 'done', externalRef: outcome.externalRef, shipment: outcome.shipment, confirmOn }, now);
      delivered(now);
      totals.done++;
    } else if (outcome.status === 'rejected') {
      record(delivery.id, { status: 'dead', error: outcome.reason }, now);
      ledger.health.targetFailed(runtime.name, outcome.reason, now);
      totals.dead++;
    } else if (outcome.status === 'unauthorized') {
      record(delivery.id, { status: 'retry', error: outcome.reason, nextAttemptAt: now }, now);
      ledger.health.targetFailed(runtime.name, outcome.reason, now);
      if (!stopped) totals.error = unauthorizedTarget(runtime.name, outcome.reason);
      stopped = true;
    } else if (delivery.attempt >= policy.maxAttempts) {
      record(delivery.id, { status: 'dead', error: `gave up after ${delivery.attempt} attempts: ${outcome.reason}` }, now);
      totals.dead++;
    } else {
      const backoff = backoffDelay(delivery.attempt - 1, policy.backoffBaseMs, policy.backoffMaxMs, policy.random);
      if (outcome.retryAfterMs !== undefined) pauseFor(outcome.retryAfterMs);
      record(delivery.id, { status: 'retry', error: outcome.reason, nextAttemptAt: now + Math.max(backoff, outcome.retryAfterMs ?? 0) }, now);
      totals.retried++;
    }
    policy.onSettled?.(runtime.name, totals);
  };

  // A 429 pauses only this target's queue, for as long as the API asked. The pause ends when its
  // own sleep ends (unless a longer one took over): never by comparing clocks, since a timer may
  // wake a millisecond early and the queue would then stay paused for good.
  let pauses = 0;
  const pauseFor = (ms: number): void => {
    totals.throttled++;
    const until = policy.clock.now() + ms;
    if (totals.pausedUntil && Date.parse(totals.pausedUntil) >= until) return;
    totals.pausedUntil = new Date(until).toISOString();
    ledger.health.targetPaused(runtime.name, until);
    queue.pause();
    const pause = ++pauses;
    void policy.clock.sleep(ms).then(() => {
      if (pause !== pauses) return;
      totals.pausedUntil = null;
      ledger.health.targetPaused(runtime.name, null);
      queue.start();
    });
  };

  const deliverOne = async (delivery: ClaimedDelivery): Promise<void> => {
    if (!stopped) await governor.take();
    if (stopped) {
      const now = policy.clock.now();
      record(delivery.id, { status: 'retry', error: 'not sent: the target refused our credentials', nextAttemptAt: now }, now);
      return;
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await runtime.definition.deliver(ctx, {
        id: delivery.id, idempotencyKey: delivery.idempotencyKey, attempt: delivery.attempt,
        event: delivery.event, previousExternalRef: delivery.previousExternalRef, shipment: delivery.shipment,
      });
    } catch (error) {
      // A connector must answer with an outcome; a throw is its bug, retried so nothing is lost.
      outcome = { status: 'retry', reason: `connector error: ${error instanceof Error ? error.message : String(error)}` };
    }
    settle(delivery, outcome);
  };

  // Up to `backlog` deliveries claimed at once: the queue runs `concurrency` of them and holds the
  // rest. The next claim waits until few are held (a quarter of `concurrency`), so that each claim
  // (a transaction) hands out many deliveries, not one per finished delivery, yet the queue never
  // runs dry while it happens.
  const backlog = Math.max(2 * concurrency, 8);
  const refillBelow = Math.max(1, Math.ceil(concurrency / 4));
  for (;;) {
    if (stopped) break;
    const room = backlog - queue.size - queue.pending;
    flush();
    const claimed = room > 0 ? ledger.deliveries.claimDue(runtime.name, room, policy.clock.now()) : [];
    for (const delivery of claimed) void queue.add(() => deliverOne(delivery));
    if (claimed.length > 0) {
      await queue.onSizeLessThan(refillBelow);
      continue;
    }
    const next = room > 0 ? ledger.deliveries.nextDueAt(runtime.name) : undefined;
    const wait = next === undefined ? undefined : next - policy.clock.now();
    if (queue.size + queue.pending > 0) {
      // Wake when a delivery finishes (it may unblock the next event of its order) or a retry falls due.
      const finished = new Promise<void>((resolve) => queue.once('next', () => resolve()));
      await (wait !== undefined && wait <= policy.maxWaitMs ? Promise.race([finished, policy.clock.sleep(Math.max(10, wait))]) : finished);
      continue;
    }
    if (wait === undefined || wait > policy.maxWaitMs) break;
    await policy.clock.sleep(Math.max(10, wait));
  }
  await queue.onIdle();
  flush();
  if (lastSuccess > lastSuccessWritten) ledger.health.targetDelivered(runtime.name, lastSuccess);
  return totals;
}
