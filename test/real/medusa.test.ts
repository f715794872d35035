// The Medusa connector against a real Medusa 2 server set up from scratch (scripts/real/medusa):
// orders placed through Medusa's own store API in two currencies, with a promotion, a capture
// and a cancellation; ordersync pulls them and every field is compared with what the server
// reports; a second pull adds nothing; a capture and a fulfilment after it come back exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/connector-kit/context.js';
import type { ChannelOrder } from '../../src/model/index.js';
import { medusaChannel } from '../../connectors/medusa/index.js';
import type { MedusaCheckpoint } from '../../connectors/medusa/pull.js';
import { MedusaSettings } from '../../connectors/medusa/settings.js';
import { cancelOrder, capturePayments, fulfilAll, ORDER_SPECS, placeOrder, type OrderSpec } from '../../scripts/real/medusa/orders.js';
import { Stages } from '../../scripts/real/medusa/process.js';
import { MEDUSA_VERSION } from '../../scripts/real/medusa/server.js';
import { ADMIN, findPostgresBin, setUpMedusa, type RealMedusa } from '../../scripts/real/medusa/setup.js';
import { changedFields, compareWithServer, want, type Expectation } from './medusa/expected.js';

const postgres = findPostgresBin();
if (!postgres) console.log('SKIPPED medusa real-server test: PostgreSQL is not installed (apt-get install postgresql)');

interface Placed { id: string; spec: OrderSpec; want: Expectation }

describe.skipIf(!postgres)(`medusa connector against a real Medusa ${MEDUSA_VERSION} server`, () => {
  const stages = new Stages();
  let real: RealMedusa | undefined;
  const placed: Placed[] = [];
  let first: { orders: ChannelOrder[]; checkpoint: MedusaCheckpoint | undefined } | undefined;

  const context = (overrides: Record<string, unknown> = {}) => createContext({
    role: 'channel', name: 'real-medusa', secrets: [real!.secretKey, ADMIN.password],
    settings: MedusaSettings.parse({ url: real!.url, apiKey: real!.secretKey, ...overrides }),
  });
  const pull = async (label: string, checkpoint?: MedusaCheckpoint, overrides: Record<string, unknown> = {}) => stages.time(label, async () => {
    const out = { orders: [] as ChannelOrder[], rejected: [] as unknown[], checkpoint, pages: 0 };
    for await (const page of medusaChannel.pullOrders(context(overrides), { checkpoint, since: undefined })) {
      out.orders.push(...page.orders);
      out.rejected.push(...page.rejected);
      out.checkpoint = page.checkpoint;
      out.pages++;
    }
    return out;
  });
  // The route's default fields, plus discount_subtotal and currency_code (not among the defaults).
  const serverOrder = async (id: string) => (await real!.admin.call('GET', `/admin/orders/${id}?fields=%2Bdiscount_subtotal,%2Bcurrency_code`)).order as Record<string, any>;

  beforeAll(async () => {
    real = await setUpMedusa(stages);
    await stages.time('place 4 orders (store API checkout)', async () => {
      for (const spec of ORDER_SPECS) {
        placed.push({ id: await placeOrder(real!.url, real!.catalog, spec), spec, want: want('authorized', 'not_fulfilled', 'pending') });
      }
    });
    await stages.time('capture #2, cancel #4 (admin API)', async () => {
      await capturePayments(real!.admin, placed[1]!.id);
      placed[1]!.want = want('captured', 'not_fulfilled', 'pending');
      await cancelOrder(real!.admin, placed[3]!.id);
      placed[3]!.want = want('canceled', 'not_fulfilled', 'canceled');
    });
  });

  afterAll(async () => {
    await real?.stop();
    console.log(`Medusa ${MEDUSA_VERSION} real-server test, time per stage:\n${stages.summary()}`);
  });

  it('pulls every order and matches the server field by field', async () => {
    const result = await pull('pull #1 (full)');
    first = result;
    expect(result.rejected).toEqual([]);
    expect(result.orders.map((o) => o.externalId).sort()).toEqual(placed.map((p) => p.id).sort());
    const problems: string[] = [];
    for (const { id, spec, want } of placed) {
      const order = result.orders.find((o) => o.externalId === id)!;
      problems.push(...compareWithServer(order, await serverOrder(id), spec, want));
    }
    expect(problems).toEqual([]);
    // the promotion and the two currencies really are in there
    expect(result.orders.find((o) => o.externalId === placed[0]!.id)!.discountTotal.amount).toBeGreaterThan(0);
    expect(new Set(result.orders.map((o) => o.currency))).toEqual(new Set(['EUR', 'USD']));
  });

  it('a second pull adds nothing', async () => {
    const second = await pull('pull #2 (nothing changed)', first!.checkpoint);
    const known = new Map(first!.orders.map((o) => [o.externalId, o]));
    // orders inside the overlap window may be read again, but only exactly as they were
    for (const order of second.orders) expect(order).toEqual(known.get(order.externalId));
    expect(second.rejected).toEqual([]);
  });

  it('pages one order at a time and logs in with a JWT to the same result', async () => {
    const paged = await pull('pull (pageSize 1, email/password JWT)', undefined, {
      pageSize: 1, apiKey: undefined, email: ADMIN.email, password: ADMIN.password,
    });
    expect(paged.pages).toBeGreaterThanOrEqual(placed.length);
    const latest = new Map(paged.orders.map((o) => [o.externalId, o]));
    expect(latest.size).toBe(placed.length);
    for (const order of first!.orders) expect(latest.get(order.externalId)).toEqual(order);
  });

  it('after a capture and a fulfilment, the next pull returns exactly those changes', async () => {
    const [capturedOne, fulfilledOne] = [placed[0]!, placed[2]!];
    const before = await serverOrder(capturedOne.id);
    await stages.time('capture #1, fulfil #3 (admin API)', async () => {
      await capturePayments(real!.admin, capturedOne.id);
      await fulfilAll(real!.admin, real!.catalog, fulfilledOne.id);
    });
    // Medusa does not touch the order's updated_at on a capture: only the payment sweep sees it.
    expect((await serverOrder(capturedOne.id)).updated_at).toBe(before.updated_at);
    const next = await pull('pull #3 (after the changes)', first!.checkpoint);
    const known = new Map(first!.orders.map((o) => [o.externalId, o]));
    const changed = next.orders.filter((o) => JSON.stringify({ ...o, raw: null }) !== JSON.stringify({ ...known.get(o.externalId), raw: null }));
    const latest = new Map(changed.map((o) => [o.externalId, o]));
    expect([...latest.keys()].sort()).toEqual([capturedOne.id, fulfilledOne.id].sort());
    expect(changedFields(known.get(capturedOne.id)!, latest.get(capturedOne.id)!)).toEqual(['financialStatus']);
    expect(latest.get(capturedOne.id)!.financialStatus).toBe('paid');
    expect(changedFields(known.get(fulfilledOne.id)!, latest.get(fulfilledOne.id)!)).toEqual(['fulfillmentStatus', 'updatedAt']);
    expect(latest.get(fulfilledOne.id)!.fulfillmentStatus).toBe('fulfilled');
    capturedOne.want = want('captured', 'not_fulfilled', 'pending');
    fulfilledOne.want = want('authorized', 'fulfilled', 'pending');
    const problems: string[] = [];
    for (const { id, spec, want } of [capturedOne, fulfilledOne]) problems.push(...compareWithServer(latest.get(id)!, await serverOrder(id), spec, want));
    expect(problems).toEqual([]);
  });
});
