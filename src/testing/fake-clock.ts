import type { Clock } from '../http/token-bucket.js';

/** A clock whose sleeps return at once and move its own time forward: backoff costs no wall time. */
export function fastClock(): Clock & { slept: number } {
  const clock = {
    slept: 0,
    now: () => Date.now() + clock.slept,
    sleep: async (ms: number) => {
      clock.slept += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return clock;
}
