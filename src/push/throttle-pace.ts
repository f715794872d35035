// The pace learned from throttled answers alone, for an API that sends no rate-limit headers.
// A 429 can mean "you are over my limit" or be a hiccup (a proxy, a shared quota, fault
// injection), and one alone cannot tell which. Over a limit, the share of throttled answers
// follows the pace (most of what is sent above the limit is refused, nothing below it); hiccups
// come at a share that does not. So:
//  - Dense 429s (at least MIN_THROTTLES, and DENSE_SHARE of the answers of the last WINDOW_MS):
//    far over a limit. The pace falls to a little under what the API admitted over the window,
//    never below half of what was sent, at most once a window.
//  - A steady share of 429s at one pace (over LEVEL_ANSWERS answers, at least LOW_SHARE and twice
//    the hiccups seen so far): a trial 10% slower, and 10% more while the share keeps falling.
//    If it falls to a third or less, that was a limit and the pace stays; if it stops falling,
//    those 429s are hiccups: the pace goes back and their share (up to MAX_HICCUPS) is
//    remembered, so that they no longer count.
//  - PROBE_MS after its last change, if the pace (not the work at hand) held requests back and
//    no more 429s came meanwhile than hiccups would explain, the pace steps up: 10% a step, 2%
//    near where the API refused before.
// So random 429s cost a trial now and then, and a real limit is found and then held.
// The caller keeps the pace under the configured limit (`cap`).

const WINDOW_MS = 5_000;
const SLOT_MS = 250;
const MIN_THROTTLES = 4;
const DENSE_SHARE = 0.3;
const BELOW_ADMITTED = 0.9;
const LEVEL_ANSWERS = 60;
const LOW_SHARE = 0.02;
const TRIAL = 0.9;
const FALLING = 0.7;
const MAX_HICCUPS = 0.1;
const PROBE_MS = 3_000;
const MIN_RATE = 0.2;

export interface ThrottlePace {
  /** A response came back, throttled (429) or not. */
  settled(now: number, throttled: boolean): void;
  /** The pace held a request back (it was what limited the push). */
  held(): void;
  rate(now: number): number;
  /** A limit was found (the pace was lowered for it at least once). */
  readonly limited: boolean;
}

interface Slot { start: number; answers: number; throttled: number }

export function createThrottlePace(cap: number, startedAt: number): ThrottlePace {
  let rate = cap;
  // Answers in slots of SLOT_MS, over the last WINDOW_MS.
  let slots: Slot[] = [];
  // Answers since the pace last changed (or since the last look at them).
  let level = { answers: 0, throttled: 0 };
  let trial: { from: number; share: number; last: number } | undefined;
  let hiccups = 0;
  let lastDecrease = Number.NEGATIVE_INFINITY;
  // The last change of pace; stepping up waits PROBE_MS after it.
  let lastChange = startedAt;
  let heldSinceChange = false;
  // About where the API refused last time: near it, creep.
  let ceiling = Number.POSITIVE_INFINITY;

  const setRate = (next: number, now: number): void => {
    rate = Math.max(MIN_RATE, Math.min(cap, next));
    level = { answers: 0, throttled: 0 };
    lastChange = now;
    heldSinceChange = false;
  };

  const count = (now: number, throttled: boolean): void => {
    const start = now - (now % SLOT_MS);
    let slot = slots.at(-1);
    if (!slot || slot.start !== start) {
      slot = { start, answers: 0, throttled: 0 };
      slots.push(slot);
      if (now - slots[0]!.start >= WINDOW_MS) slots = slots.filter((s) => now - s.start < WINDOW_MS);
    }
    slot.answers++;
    level.answers++;
    if (throttled) {
      slot.throttled++;
      level.throttled++;
    }
  };

  const recent = (now: number, ms: number): { answers: number; throttles: number } => {
    let answers = 0;
    let throttles = 0;
    for (const s of slots) {
      if (now - s.start >= ms) continue;
      answers += s.answers;
      throttles += s.throttled;
    }
    return { answers, throttles };
  };

  /** Far over a limit: down to what was admitted. */
  const denseDecrease = (now: number): boolean => {
    const { answers, throttles } = recent(now, WINDOW_MS);
    if (throttles < MIN_THROTTLES || throttles < DENSE_SHARE * answers || now - lastDecrease < WINDOW_MS) return false;
    const span = Math.max(1_000, Math.min(WINDOW_MS, now - startedAt)) / 1000;
    const admitted = (answers - throttles) / span;
    ceiling = admitted;
    trial = undefined;
    lastDecrease = now;
    setRate(Math.min(rate, Math.max(answers / span / 2, admitted * BELOW_ADMITTED)), now);
    return true;
  };

  /** A steady share at this pace: try slower, and see whether the share follows. */
  const judgeLevel = (now: number): void => {
    if (level.answers < LEVEL_ANSWERS) return;
    const share = level.throttled / level.answers;
    if (trial && share * 3 <= trial.share) {
      // The share followed the pace down: a limit, about where the trials began.
      ceiling = Math.min(ceiling, trial.from);
      trial = undefined;
      setRate(rate, now);
    } else if (trial && share <= FALLING * trial.last) {
      // Falling, not yet gone: slower still (far over a limit, a step may not be enough).
      trial.last = share;
      setRate(rate * TRIAL, now);
    } else if (trial) {
      // The share did not follow: hiccups. Back to the pace before the trial.
      hiccups = Math.max(hiccups, Math.min(share, MAX_HICCUPS));
      const back = trial.from;
      trial = undefined;
      setRate(back, now);
    } else if (share >= Math.max(LOW_SHARE, 2 * hiccups)) {
      // Relative to the pace, not to what got through (a Retry-After pause or the work at hand
      // may hold that down): a trial that was wrong costs only pace the push was not using.
      trial = { from: rate, share, last: share };
      setRate(rate * TRIAL, now);
    } else {
      level = { answers: 0, throttled: 0 };
    }
  };

  return {
    get limited() { return ceiling < Number.POSITIVE_INFINITY; },
    settled(now, throttled) {
      count(now, throttled);
      if (throttled && denseDecrease(now)) return;
      judgeLevel(now);
    },
    held() {
      heldSinceChange = true;
    },
    rate(now) {
      if (trial || !heldSinceChange || now - lastChange < PROBE_MS || rate >= cap) return rate;
      const { answers, throttles } = recent(now, PROBE_MS);
      // No more 429s than hiccups explain; a lone one among many answers is a hiccup too.
      if (throttles <= Math.max(hiccups * answers, answers >= 50 ? 1 : 0)) setRate(rate * (rate < 0.8 * ceiling ? 1.1 : 1.02) + 0.01, now);
      return rate;
    },
  };
}
