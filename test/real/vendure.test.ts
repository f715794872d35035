// The Vendure channel against a REAL Vendure 3 server, set up from scratch in a temporary folder
// outside the product's dependencies (scripts/real/vendure/setup.mjs), with real orders placed
// through the Shop API checkout. Run with `npm run test:real`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendureChannel } from '../../connectors/vendure/index.js';
import type { UpdatedCursor } from '../../src/connector-kit/index.js';
import { createContext } from '../../src/connector-kit/index.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import type { ChannelOrder } from '../../src/model/index.js';
import { pullChannel } from '../../src/pull/pull-channel.js';
import { abandonCart, placeOrder, type CheckoutSpec } from './vendure/checkout.js';
import { expectSameOrder, serverOrder } from './vendure/compare.js';
import { GraphQLSession } from './vendure/graphql.js';
import { seedVendure, type Seeded } from './vendure/seed.js';
import { installVendure, startVendure, SUPERADMIN, type RunningVendure } from './vendure/server.js';

const timings: [string, number][] = [];
async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  try {
    return await run();
  } finally {
    timings.push([name, Date.now() - started]);
  }
}

const customer = { firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.com', phoneNumber: '+49 30 1234567' };
const berlin = { fullName: 'Ada Lovelace', company: 'Engines Ltd', streetLine1: 'Hauptstr. 1', streetLine2: 'Hinterhaus', city: 'Berlin', province: 'BE', postalCode: '10115', countryCode: 'DE', phoneNumber: '+49 30 1234567' };
const boston = { fullName: 'Grace Hopper', streetLine1: '1 Main St', city: 'Boston', province: 'MA', postalCode: '02108', countryCode: 'US' };
const PLANS: Record<string, Omit<CheckoutSpec, 'customer'>> = {
  eurCoupon: { currency: 'EUR', lines: [{ sku: 'OS-TEE-M', quantity: 2 }, { sku: 'OS-CAP', quantity: 3 }], coupon: true, address: berlin },
  usdThreeLines: { currency: 'USD', lines: [{ sku: 'OS-TEE-M', quantity: 1 }, { sku: 'OS-MUG', quantity: 2 }, { sku: 'OS-CAP', quantity: 1 }], address: boston },
  cancelled: { currency: 'USD', lines: [{ sku: 'OS-MUG', quantity: 1 }], authorizeOnly: true, address: boston },
  toSettle: { currency: 'EUR', lines: [{ sku: 'OS-TEE-M', quantity: 1 }], authorizeOnly: true, address: berlin },
  shipped: { currency: 'USD', lines: [{ sku: 'OS-CAP', quantity: 2 }], coupon: true, address: boston },
};
const EXPECTED_STATUS: Record<string, [string, string, string]> = {
  eurCoupon: ['PaymentSettled', 'paid', 'unfulfilled'],
  usdThreeLines: ['PaymentSettled', 'partially_refunded', 'unfulfilled'],
  cancelled: ['Cancelled', 'voided', 'cancelled'],
  toSettle: ['PaymentAuthorized', 'authorized', 'unfulfilled'],
  shipped: ['Shipped', 'paid', 'fulfilled'],
  taxIncluded: ['PaymentSettled', 'paid', 'unfulfilled'],
};

describe('vendure channel against a real Vendure 3 server', () => {
  let server: RunningVendure | undefined;
  let admin: GraphQLSession;
  let seeded: Seeded;
  let ledger: Ledger;
  const ids: Record<string, string> = {};
  let captured: ChannelOrder[] = [];

  const pull = () => {
    captured = [];
    const settings = vendureChannel.settings.parse({ url: server!.url, username: SUPERADMIN.username, password: SUPERADMIN.password, pageSize: 2 });
    const definition = {
      ...vendureChannel,
      async *pullOrders(ctx: Parameters<typeof vendureChannel.pullOrders>[0], request: { checkpoint: UpdatedCursor | undefined; since: Date | undefined }) {
        for await (const page of vendureChannel.pullOrders(ctx, request)) {
          captured.push(...page.orders);
          yield page;
        }
      },
    };
    const ctx = createContext({ role: 'channel', name: 'vendure-real', settings, secrets: [SUPERADMIN.password] });
    return pullChannel(ledger, { name: 'vendure-real', definition, ctx }, { route: () => [] });
  };

  beforeAll(async () => {
    const dir = await stage('npm install @vendure/core (or reuse)', () => installVendure());
    server = await stage('start Vendure', () => startVendure(dir));
    admin = new GraphQLSession(server.adminApi);
    await stage('seed catalog through the Admin API', async () => {
      await admin.mutate('login', 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on CurrentUser { id } ... on ErrorResult { errorCode message } } }',
        { u: SUPERADMIN.username, p: SUPERADMIN.password });
      seeded = await seedVendure(admin);
    });
    await stage('place orders through the Shop API', async () => {
      for (const [key, plan] of Object.entries(PLANS)) ids[key] = (await placeOrder(server!.shopApi, seeded, { ...plan, customer })).id;
      await abandonCart(server!.shopApi, seeded, 'OS-MUG');
      await admin.mutate('cancelOrder', 'mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { ... on Order { id } ... on ErrorResult { errorCode message } } }',
        { input: { orderId: ids.cancelled, cancelShipping: true, reason: 'customer changed their mind' } });
      const refunded = await admin.send<{ order: { payments: { id: string }[] } }>('query($id: ID!) { order(id: $id) { payments { id } } }', { id: ids.usdThreeLines });
      await admin.mutate('refundOrder', 'mutation($input: RefundOrderInput!) { refundOrder(input: $input) { ... on Refund { id state } ... on ErrorResult { errorCode message } } }',
        // shipping and adjustment are deprecated, but the sqljs schema still needs them (NOT NULL).
        { input: { paymentId: refunded.order.payments[0]!.id, amount: 500, shipping: 0, adjustment: 0, reason: 'scratched mug' } });
      await shipEverything(admin, ids.shipped!);
      // Prices now include tax: the next order's net unit prices are derived (and rounded).
      await admin.mutate('updateChannel', 'mutation($input: UpdateChannelInput!) { updateChannel(input: $input) { ... on Channel { id } ... on ErrorResult { errorCode message } } }',
        { input: { id: seeded.channelId, pricesIncludeTax: true } });
      ids.taxIncluded = (await placeOrder(server!.shopApi, seeded, { currency: 'USD', lines: [{ sku: 'OS-TEE-M', quantity: 3 }], address: boston, customer })).id;
    });
    ledger = openLedger(':memory:');
  }, 600_000);

  afterAll(async () => {
    ledger?.close();
    await stage('stop Vendure', () => server?.stop());
    console.log(`vendure real-server timings:\n${timings.map(([name, ms]) => `  ${name}: ${(ms / 1000).toFixed(1)}s`).join('\n')}`);
  });

  it('the first pull brings every placed order, field by field as the Admin API reports it', async () => {
    const result = await stage('first pull', () => pull());
    expect(result.created).toBe(Object.keys(EXPECTED_STATUS).length); // the abandoned cart is not an order
    expect(result.quarantined).toBe(0);
    expect(result.unreconciled).toBe(0);
    for (const [key, [state, financial, fulfillment]] of Object.entries(EXPECTED_STATUS)) {
      const ours = captured.find((o) => o.externalId === ids[key]);
      expect(ours, key).toBeDefined();
      const theirs = await serverOrder(admin, ids[key]!);
      expect(theirs.state, key).toBe(state);
      expect([ours!.financialStatus, ours!.fulfillmentStatus], key).toEqual([financial, fulfillment]);
      expectSameOrder(ours!, theirs);
    }
    expectIndependentMoney(captured, ids);
  });

  it('a second pull adds nothing', async () => {
    await pull();
    const mark = ledger.queries.eventMark();
    const again = await stage('second pull', () => pull());
    expect(again.created + again.updated + again.cancelled).toBe(0);
    expect(ledger.queries.eventsSince(mark)).toEqual({});
  });

  it('after a change on the server the next pull returns exactly that change', async () => {
    await pull();
    const before = new Map(captured.map((o) => [o.externalId, o]));
    const payment = await admin.send<{ order: { payments: { id: string }[] } }>('query($id: ID!) { order(id: $id) { payments { id } } }', { id: ids.toSettle });
    await admin.mutate('settlePayment', 'mutation($id: ID!) { settlePayment(id: $id) { ... on Payment { id state } ... on ErrorResult { errorCode message } } }',
      { id: payment.order.payments[0]!.id });
    const mark = ledger.queries.eventMark();
    const result = await stage('pull after the update', () => pull());
    expect(result.updated).toBe(1);
    expect(result.created).toBe(0);
    expect(ledger.queries.eventsSince(mark)).toEqual({ 'order.updated': 1 });
    const changed = captured.filter((o) => JSON.stringify({ ...o, raw: null }) !== JSON.stringify({ ...before.get(o.externalId), raw: null }));
    expect(changed.map((o) => o.externalId)).toEqual([ids.toSettle]);
    expect(changed[0]!.financialStatus).toBe('paid');
    expectSameOrder(changed[0]!, await serverOrder(admin, ids.toSettle!));
  });

  it('an API key (Vendure >= 3.6) pulls the same orders as a login', async () => {
    const roles = await admin.send<{ roles: { items: { id: string; code: string }[] } }>('{ roles { items { id code } } }');
    const created = await admin.send<{ createApiKey: { apiKey: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey } }',
      { input: { roleIds: roles.roles.items.filter((r) => r.code === '__super_admin_role__').map((r) => r.id), translations: [{ languageCode: 'en', name: 'ordersync' }] } });
    const apiKey = created.createApiKey.apiKey;
    const settings = vendureChannel.settings.parse({ url: server!.url, apiKey, pageSize: 3 });
    const ctx = createContext({ role: 'channel', name: 'vendure-real', settings, secrets: [apiKey] });
    await vendureChannel.verify!(ctx);
    const fresh = openLedger(':memory:');
    try {
      const result = await pullChannel(fresh, { name: 'vendure-real', definition: vendureChannel, ctx }, { route: () => [] });
      expect(result.created).toBe(Object.keys(EXPECTED_STATUS).length);
      expect(fresh.queries.orderFingerprints()).toEqual(ledger.queries.orderFingerprints()); // same content, other auth
    } finally {
      fresh.close();
    }
  });
});

/** Amounts worked out from the catalogue prices, 19 % tax and the 10 % coupon, not from the server. */
function expectIndependentMoney(orders: ChannelOrder[], ids: Record<string, string>): void {
  const get = (key: string) => orders.find((o) => o.externalId === ids[key])!;
  const gross = (net: number) => Math.round(net * 1.19);
  const eur = get('eurCoupon');
  expect([eur.subtotal.amount, eur.discountTotal.amount, eur.shippingTotal.amount]).toEqual([1850 * 2 + 2190 * 3, 1027, 500]);
  expect(eur.total.amount).toBe(gross(3700 * 0.9) + gross(6570 * 0.9) + gross(500));
  const usd = get('usdThreeLines');
  expect(usd.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount])).toEqual([['OS-TEE-M', 1, 1999], ['OS-MUG', 2, 1250], ['OS-CAP', 1, 2333]]);
  expect(usd.total).toEqual({ amount: gross(1999) + gross(2500) + gross(2333) + gross(500), currency: 'USD' });
  expect(get('cancelled').total.amount).toBe(0);
  const included = get('taxIncluded');
  expect(included.total.amount).toBe(1999 * 3 + gross(500));
  expect(included.lines[0]!.unitPrice.amount).toBe(Math.round(1999 / 1.19));
}

async function shipEverything(admin: GraphQLSession, orderId: string): Promise<void> {
  const order = await admin.send<{ order: { lines: { id: string; quantity: number }[] } }>('query($id: ID!) { order(id: $id) { lines { id quantity } } }', { id: orderId });
  const fulfillment = await admin.mutate<{ id: string }>('addFulfillmentToOrder', `mutation($input: FulfillOrderInput!) {
      addFulfillmentToOrder(input: $input) { ... on Fulfillment { id } ... on ErrorResult { errorCode message } } }`,
  { input: { lines: order.order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
    handler: { code: 'manual-fulfillment', arguments: [{ name: 'method', value: 'DHL' }, { name: 'trackingCode', value: 'DHL-123' }] } } });
  await admin.mutate('transitionFulfillmentToState', `mutation($id: ID!) {
      transitionFulfillmentToState(id: $id, state: "Shipped") { ... on Fulfillment { id state } ... on ErrorResult { errorCode message } } }`,
  { id: fulfillment.id });
}
