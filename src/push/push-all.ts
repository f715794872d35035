// Pushes every target at once: each has its own queue, so a slow or throttled target never
// holds the others back.
import type { Ledger } from '../ledger/index.js';
import { pushTarget, type PushPolicy, type TargetPushResult, type TargetRuntime } from './push-target.js';

// Deliveries can make deliveries (a bought label is then confirmed on its channel): a run goes
// round again while that happens, a bounded number of times.
const MAX_ROUNDS = 4;

export async function pushAll(ledger: Ledger, targets: readonly TargetRuntime[], policy: PushPolicy): Promise<TargetPushResult[]> {
  // Deliveries a killed run left in flight go back to retry: the caller holds the run lock,
  // and every target call is idempotent, so sending them again is safe.
  ledger.deliveries.recoverInFlight(policy.clock.now());
  let totals = await Promise.all(targets.map((target) => pushTarget(ledger, target, policy)));
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const now = policy.clock.now();
    const again = targets.filter((target, i) => !totals[i]!.error && (ledger.deliveries.nextDueAt(target.name) ?? Infinity) <= now);
    if (again.length === 0) break;
    const more = await Promise.all(again.map((target) => pushTarget(ledger, target, policy)));
    totals = totals.map((result) => {
      const extra = more[again.findIndex((t) => t.name === result.target)];
      return extra ? addUp(result, extra) : result;
    });
  }
  return totals;
}

function addUp(a: TargetPushResult, b: TargetPushResult): TargetPushResult {
  return {
    target: a.target, done: a.done + b.done, retried: a.retried + b.retried, dead: a.dead + b.dead,
    throttled: a.throttled + b.throttled, pausedUntil: b.pausedUntil ?? a.pausedUntil, error: b.error ?? a.error,
  };
}
