// ShipEngine behind the real push engine and ledger: label bought once, voided on cancel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shipengineTarget } from '../../../connectors/shipengine/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/shipengine/mock.js';
import { SHIP_FROM } from './helpers.js';
import { createContext } from '../../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { pushAll } from '../../../src/push/push-all.js';
import type { PushPolicy, TargetRuntime } from '../../../src/push/push-target.js';
import { fastClock } from '../../../src/testing/fake-clock.js';
import { buildOrder } from './fixtures.js';

describe('shipengine through the push engine', () => {
  let ledger: Ledger;
  let mock: RunningMock;
  let clock: ReturnType<typeof fastClock>;
  const policy: () => PushPolicy = () => ({ maxAttempts: 5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxWaitMs: 120_000, clock, random: () => 0.5 });
  const runtime = (): TargetRuntime => ({
    name: 'labels', definition: shipengineTarget, rateLimit: shipengineTarget.rateLimit,
    ctx: createContext({ role: 'target', name: 'labels', clock, timeoutMs: 1_000,
      settings: shipengineTarget.settings.parse({ url: mock.url, apiKey: MOCK_CREDENTIALS.apiKey, carrierId: MOCK_CREDENTIALS.carrierId, serviceCode: MOCK_CREDENTIALS.serviceCode, shipFrom: SHIP_FROM }) }),
  });
  const commit = (overrides: Parameters<typeof buildOrder>[0]) => ledger.orders.commitPage({
    channel: 'shop', rejected: [], checkpoint: null,
    orders: [{ order: buildOrder(overrides), targets: ['labels'], moneyDifference: 0 }],
  }, clock.now());
  const state = async () => (await (await fetch(`${mock.url}/__mock/state`)).json()) as { records: number; duplicates: number; voided: number };

  beforeEach(async () => {
    ledger = openLedger(':memory:');
    mock = await startMock(shipengineTarget.mock!({ seed: 1 }), { port: 0 });
    clock = fastClock();
  });
  afterEach(async () => { ledger.close(); await mock.close(); });

  it('buys one label per order, then voids the cancelled one by the label id the ledger kept', async () => {
    for (let i = 1; i <= 3; i++) commit({ externalId: String(i), number: `#${i}` });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 3, dead: 0 });
    commit({ externalId: '2', number: '#2', fulfillmentStatus: 'cancelled', financialStatus: 'voided', updatedAt: '2025-03-15T10:00:00.000Z' });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 1, dead: 0 });
    expect(await state()).toMatchObject({ records: 3, duplicates: 0, voided: 1 });
  });

  it('a 429 pauses the queue for Retry-After, then everything lands once', async () => {
    for (let i = 1; i <= 4; i++) commit({ externalId: String(i), number: `#${i}` });
    await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ next: [429], retryAfterSeconds: 25 }) });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 4, throttled: 1, dead: 0 });
    expect(clock.slept).toBeGreaterThanOrEqual(25_000);
    expect(await state()).toMatchObject({ records: 4, duplicates: 0 });
  });
});
