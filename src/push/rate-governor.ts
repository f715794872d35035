// Paces one target's requests to the rate its API actually allows, learned while pushing:
// from the rate-limit headers of every response when the API sends them (allowance-pace.ts),
// from its 429s when it does not (throttle-pace.ts). Never faster than the configured (or
// default) limit, `cap`, which the target's p-queue enforces (a sliding window). Requests leave
// one at a time, evenly spaced at the learned pace, in the order they asked; while nothing is
// learned (no headers, no limit found from 429s) they go as the p-queue lets them, bursts within
// its window included, as if the governor were not there.
import type { Clock } from '../http/token-bucket.js';
import { createAllowancePace } from './allowance-pace.js';
import { readAllowance } from './rate-limit-headers.js';
import { createThrottlePace } from './throttle-pace.js';

/** A long wait is cut in slices, so that a pace that changes meanwhile (a response came) counts. */
const RECHECK_MS = 250;

export interface RateGovernor {
  /** Waits for this request's turn. */
  take(): Promise<void>;
  /** Every HTTP response: its status and headers. */
  observe(status: number, headers: Readonly<Record<string, string>>): void;
  /** Requests per second allowed now. */
  rate(): number;
}

export interface GovernorOptions {
  /** Requests per second never to exceed: the configured or default limit. */
  cap: number;
  concurrency: number;
  clock: Clock;
}

export function createRateGovernor({ cap, concurrency, clock }: GovernorOptions): RateGovernor {
  const allowance = createAllowancePace(concurrency);
  const throttles = createThrottlePace(cap, clock.now());
  // With headers, a 429 says nothing the allowance does not (and random ones must not slow the
  // target): the throttle pace is only the fallback.
  const rate = (now: number): number => Math.min(cap, allowance.rate(now) ?? throttles.rate(now));
  // When the last request left. Paced requests are at least 1/rate apart: a late timer is not
  // made up for.
  let last = Number.NEGATIVE_INFINITY;
  let turn: Promise<void> = Promise.resolve();

  async function waitTurn(): Promise<void> {
    for (;;) {
      const now = clock.now();
      const pace = rate(now);
      // Nothing learned (no headers, no limit found by 429s): the p-queue's window alone, as before.
      const unpaced = pace >= cap && allowance.rate(now) === undefined && !throttles.limited;
      const due = unpaced ? now : last + 1000 / pace;
      if (due <= now) {
        last = now;
        break;
      }
      if (allowance.rate(now) === undefined) throttles.held();
      if (due - now <= RECHECK_MS) {
        // Whole milliseconds, rounded up (timers round down); then trust the sleep: a timer that
        // wakes a millisecond early must not make us wait again.
        await clock.sleep(Math.ceil(due - now));
        last = due;
        break;
      }
      await clock.sleep(RECHECK_MS);
    }
    allowance.sent();
  }

  return {
    take() {
      const mine = turn.then(waitTurn);
      turn = mine;
      return mine;
    },
    observe(status, headers) {
      const now = clock.now();
      allowance.observe(now, status === 429, readAllowance(headers));
      throttles.settled(now, status === 429);
    },
    rate: () => rate(clock.now()),
  };
}
