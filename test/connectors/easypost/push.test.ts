// EasyPost behind the real push engine and ledger: one bought shipment per order, refunded on cancel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { easypostTarget } from '../../../connectors/easypost/index.js';
import { MOCK_CREDENTIALS } from '../../../connectors/easypost/mock.js';
import { FROM } from './helpers.js';
import { createContext } from '../../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../../src/ledger/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { pushAll } from '../../../src/push/push-all.js';
import type { PushPolicy, TargetRuntime } from '../../../src/push/push-target.js';
import { fastClock } from '../../../src/testing/fake-clock.js';
import { buildOrder } from './fixtures.js';

describe('easypost through the push engine', () => {
  let ledger: Ledger;
  let mock: RunningMock;
  let clock: ReturnType<typeof fastClock>;
  const policy: () => PushPolicy = () => ({ maxAttempts: 5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxWaitMs: 120_000, clock, random: () => 0.5 });
  const runtime = (): TargetRuntime => ({
    name: 'easypost', definition: easypostTarget, rateLimit: easypostTarget.rateLimit,
    ctx: createContext({ role: 'target', name: 'easypost', clock, timeoutMs: 1_000,
      settings: easypostTarget.settings.parse({ url: mock.url, apiKey: MOCK_CREDENTIALS.apiKey, carrier: MOCK_CREDENTIALS.carrier, service: MOCK_CREDENTIALS.service, fromAddress: FROM }) }),
  });
  const commit = (overrides: Parameters<typeof buildOrder>[0]) => ledger.orders.commitPage({
    channel: 'shop', rejected: [], checkpoint: null,
    orders: [{ order: buildOrder(overrides), targets: ['easypost'], moneyDifference: 0 }],
  }, clock.now());
  const state = async () => (await (await fetch(`${mock.url}/__mock/state`)).json()) as { records: number; labels: number; duplicates: number; refunds: number };

  beforeEach(async () => {
    ledger = openLedger(':memory:');
    mock = await startMock(easypostTarget.mock!({ seed: 1 }), { port: 0 });
    clock = fastClock();
  });
  afterEach(async () => { ledger.close(); await mock.close(); });

  it('buys one label per order, then refunds the cancelled one by the shipment id the ledger kept', async () => {
    for (let i = 1; i <= 3; i++) commit({ externalId: String(i), number: `#${i}` });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 3, dead: 0 });
    commit({ externalId: '2', number: '#2', fulfillmentStatus: 'cancelled', financialStatus: 'voided', updatedAt: '2025-03-15T10:00:00.000Z' });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 1, dead: 0 });
    expect(await state()).toMatchObject({ records: 3, labels: 3, duplicates: 0, refunds: 1 });
  });

  it('a 429 (no wait header documented) is retried with the engine\'s backoff, then everything lands once', async () => {
    for (let i = 1; i <= 4; i++) commit({ externalId: String(i), number: `#${i}` });
    await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ next: [429] }) });
    expect((await pushAll(ledger, [runtime()], policy()))[0]).toMatchObject({ done: 4, retried: 1, dead: 0 });
    expect(await state()).toMatchObject({ records: 4, labels: 4, duplicates: 0 });
  });
});
