// What the push benchmarks share: a ledger holding one delivery per order to one target, the
// webhook target wired to a mock as `ordersync push` wires it, and the CLI's push policy.
import { webhookTarget } from '../../connectors/webhook/index.js';
import { MOCK_WEBHOOK_PATH, MOCK_WEBHOOK_SECRET } from '../../connectors/webhook/mock.js';
import { signBody, SIGNATURE_HEADER } from '../../connectors/webhook/signature.js';
import { createContext, type DeliveryOutcome, type RateLimit, type TargetDefinition } from '../../src/connector-kit/index.js';
import { systemClock } from '../../src/http/token-bucket.js';
import { openLedger } from '../../src/ledger/index.js';
import type { PushPolicy, TargetRuntime } from '../../src/push/push-target.js';
import { makeOrder } from './orders.js';

export const TARGET = 'hooks';
export const MOCK_PATH = MOCK_WEBHOOK_PATH;
const START = Date.parse('2026-01-01T00:00:00Z');

/** A ledger with `orders` new orders, each with one pending delivery to TARGET. */
export function fillLedger(file: string, orders: number): void {
  const ledger = openLedger(file);
  try {
    const page = 1_000;
    for (let first = 1; first <= orders; first += page) {
      const batch = [];
      for (let n = first; n < first + page && n <= orders; n++) {
        batch.push({ order: makeOrder(n, { channel: 'woo', placedAt: START + n * 1_000, updatedAt: START + n * 1_000 }), targets: [TARGET], moneyDifference: 0 });
      }
      ledger.orders.commitPage({ channel: 'woo', orders: batch, rejected: [], checkpoint: null });
    }
  } finally {
    ledger.close();
  }
}

/** The CLI's defaults (src/config/schema.ts `push`), on the real clock. */
export const CLI_POLICY: PushPolicy = {
  maxAttempts: 8, backoffBaseMs: 1_000, backoffMaxMs: 300_000, maxWaitMs: 30_000, clock: systemClock,
};

export interface TimedTarget {
  runtime: TargetRuntime;
  /** When each successful delivery came back (ms since the epoch). */
  okAt: number[];
}

/**
 * The webhook target against a mock. `rateLimit` is what config would say (merged over the
 * connector's defaults); after `stopAt` the target answers "unauthorized" without sending, the
 * push engine's own way to stop a target, so that a run lasts a fixed time.
 */
export function webhookRuntime(url: string, options: { rateLimit?: Partial<RateLimit>; stopAt?: number } = {}): TimedTarget {
  const okAt: number[] = [];
  const settings = webhookTarget.settings.parse({ url: `${url}${MOCK_WEBHOOK_PATH}`, secret: MOCK_WEBHOOK_SECRET });
  const definition: TargetDefinition<typeof settings> = {
    ...webhookTarget,
    async deliver(ctx, delivery): Promise<DeliveryOutcome> {
      if (options.stopAt !== undefined && Date.now() >= options.stopAt) return { status: 'unauthorized', reason: 'bench: time is up' };
      const outcome = await webhookTarget.deliver(ctx, delivery);
      if (outcome.status === 'ok') okAt.push(Date.now());
      return outcome;
    },
  };
  return {
    okAt,
    runtime: {
      name: TARGET, definition, rateLimit: { ...webhookTarget.rateLimit, ...options.rateLimit },
      ctx: createContext({ role: 'target', name: TARGET, settings, secrets: [MOCK_WEBHOOK_SECRET] }),
    },
  };
}

/** A signed webhook request as the target sends it, for bare loops. */
export function signedEvent(n: number): { body: string; headers: Record<string, string> } {
  const order = makeOrder(n, { channel: 'woo', placedAt: START, updatedAt: START });
  const { raw: _raw, ...normalized } = order;
  const body = JSON.stringify({ id: `bench:${n}`, type: 'order.created', occurredAt: order.updatedAt, order: normalized });
  return {
    body,
    headers: {
      'content-type': 'application/json', 'idempotency-key': `bench:${n}:${TARGET}`,
      [SIGNATURE_HEADER]: signBody(body, MOCK_WEBHOOK_SECRET), 'x-ordersync-event': 'order.created',
    },
  };
}

export async function mockState<T>(url: string): Promise<T> {
  return (await (await fetch(`${url}/__mock/state`)).json()) as T;
}
