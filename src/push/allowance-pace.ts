// The pace an API's rate-limit headers allow. Its meter is taken to be a bucket of `limit` units
// that refills at an unknown rate, each request spending one. The refill rate is measured from
// how `remaining` moves between responses (remaining now = remaining then − requests admitted
// since + refill × time), and requests are paced to spend the allowance down to a small reserve
// (the requests in flight, which no response counts yet) and then to hold it there:
//   pace = refill + (remaining − reserve) / HORIZON
// At a steady `remaining` this is exactly the refill rate, whatever error the measure has.
import type { Allowance } from './rate-limit-headers.js';

/** Seconds over which the allowance above the reserve is spent. */
const HORIZON_S = 2;
/** A refill is measured over at least this long, and at most over the last SPAN_MS. */
const MIN_SPAN_MS = 1_000;
const SPAN_MS = 20_000;
const SAMPLE_EVERY_MS = 100;
/** Before the refill is measured and with nothing above the reserve: a probe a second. */
const UNMEASURED_RATE = 1;
const MIN_RATE = 0.2;

export interface AllowancePace {
  /** A response came back; `allowance` when its headers announced one. */
  observe(now: number, throttled: boolean, allowance: Allowance | undefined): void;
  /** A request is being sent. */
  sent(): void;
  /** Requests per second the allowance affords now; undefined until a response announced one. */
  rate(now: number): number | undefined;
  /** The measured refill (units per second), for tests and logs. */
  readonly refill: number | undefined;
}

interface Sample { at: number; remaining: number; admitted: number }

export function createAllowancePace(concurrency: number): AllowancePace {
  let latest: (Allowance & { at: number }) | undefined;
  let sentSinceLatest = 0;
  let admitted = 0;
  let refill: number | undefined;
  // Since the bucket was last seen (nearly) full: while it is full, refill is thrown away
  // unseen, so a span that includes such a moment would measure only what we spent.
  let samples: Sample[] = [];

  return {
    get refill() { return refill; },
    observe(now, throttled, allowance) {
      if (!throttled) admitted++;
      if (!allowance) return;
      latest = { ...allowance, at: now };
      sentSinceLatest = 0;
      const sample = { at: now, remaining: allowance.remaining, admitted };
      if (allowance.remaining >= allowance.limit - 1) {
        samples = [sample];
        return;
      }
      const base = samples[0];
      if (base && now - base.at >= MIN_SPAN_MS) {
        const measured = (allowance.remaining - base.remaining + (admitted - base.admitted)) / ((now - base.at) / 1000);
        refill = Math.max(0, measured);
      }
      if (samples.length === 0 || now - samples.at(-1)!.at >= SAMPLE_EVERY_MS) samples.push(sample);
      while (samples.length > 1 && now - samples[1]!.at >= SPAN_MS) samples.shift();
    },
    sent() {
      sentSinceLatest++;
    },
    rate(now) {
      if (!latest) return undefined;
      const reserve = Math.min(Math.max(concurrency, Math.ceil(latest.limit / 10)), latest.limit / 2);
      const refilled = refill === undefined ? 0 : (refill * (now - latest.at)) / 1000;
      const remaining = Math.min(latest.limit, latest.remaining + refilled) - sentSinceLatest;
      if (refill === undefined) return remaining > reserve ? Number.POSITIVE_INFINITY : UNMEASURED_RATE;
      return Math.max(MIN_RATE, refill / 4, refill + (remaining - reserve) / HORIZON_S);
    },
  };
}
