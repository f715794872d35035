// Fault injection shared by every mock: set through POST /__mock/faults.
import { z } from 'zod';
import type { Random } from './random.js';

const rate = z.number().min(0).max(1).default(0);

export const FaultSettingsSchema = z.object({
  rate429: rate,
  rate500: rate,
  rateTimeout: rate,
  rateDrop: rate,
  rateMalformed: rate,
  /** Seconds announced in Retry-After on an injected 429. */
  retryAfterSeconds: z.number().min(0).default(1),
  /** How long an injected timeout holds the request before dropping it. */
  timeoutHoldMs: z.number().int().min(0).default(60_000),
  /**
   * Faults for the next requests, in order, before the random rates apply: a fault name, or an
   * HTTP status answered with the API's own error body (429 with its own throttle answer);
   * 'none' lets one request through untouched.
   */
  next: z.array(z.union([z.enum(['none', '429', '500', 'timeout', 'drop', 'malformed']), z.number().int()])).default([]),
});

export type FaultSettings = z.infer<typeof FaultSettingsSchema>;
export type Fault = 'none' | '429' | '500' | 'timeout' | 'drop' | 'malformed';

export function noFaults(): FaultSettings {
  return FaultSettingsSchema.parse({});
}

export function drawFault(settings: FaultSettings, random: Random): Fault {
  const roll = random();
  let edge = 0;
  for (const [fault, p] of [
    ['429', settings.rate429], ['500', settings.rate500], ['timeout', settings.rateTimeout],
    ['drop', settings.rateDrop], ['malformed', settings.rateMalformed],
  ] as const) {
    edge += p;
    if (roll < edge) return fault;
  }
  return 'none';
}
