// Pushes every target at once: each has its own queue, so a slow or throttled target never
// holds the others back.
import type { Ledger } from '../ledger/index.js';
import { pushTarget, type PushPolicy, type TargetPushResult, type TargetRuntime } from './push-target.js';

export async function pushAll(ledger: Ledger, targets: readonly TargetRuntime[], policy: PushPolicy): Promise<TargetPushResult[]> {
  // Deliveries a killed run left in flight go back to retry: the caller holds the run lock,
  // and every target call is idempotent, so sending them again is safe.
  ledger.deliveries.recoverInFlight(policy.clock.now());
  return Promise.all(targets.map((target) => pushTarget(ledger, target, policy)));
}
