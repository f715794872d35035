// The Tryton target over real HTTP against its mock: create, replay, update, cancel, refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trytonTarget } from '../../../connectors/tryton/index.js';
import { MOCK_NOT_SALABLE_SKU } from '../../../connectors/tryton/mock.js';
import { delivery, line, order, startHarness, type Harness } from './fixtures.js';

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.mock.close(); });

const deliver = (d: Parameters<typeof trytonTarget.deliver>[1], harness = h) => trytonTarget.deliver(harness.ctx, d);

describe('creating a sale', () => {
  it('creates a quotation with the lines, shipping line, party and exact amounts', async () => {
    const outcome = await deliver(delivery(order()));
    expect(outcome).toEqual({ status: 'ok', externalRef: expect.stringMatching(/^\d+$/) });
    const { sales, records, duplicates } = await h.state();
    expect(records).toBe(1);
    expect(duplicates).toBe(0);
    const sale = sales[0]!;
    expect(String(sale.id)).toBe((outcome as { externalRef: string }).externalRef);
    expect(sale).toMatchObject({ reference: 'shop:1042', state: 'quotation', number: '1', currency: 'EUR', party: 'Ada Lovelace' });
    expect(sale.lines.map((l) => [l.sku, l.quantity, l.unit_price.decimal, l.description])).toEqual([
      ['TEE-BLK-M', 2, '19.95', 'Logo Tee - Black M'],
      ['MUG-12OZ', 1, '18.00', 'Mug 12oz'],
      [null, 1, '4.95', 'Shipping'],
    ]);
    // 2 × 19.95 + 18.00 + 4.95
    expect(sale.total_amount.decimal).toBe('62.85');
  });

  it('sends unit prices as Tryton Decimal objects built from minor units, never floats', async () => {
    await deliver(delivery(order({ currency: 'JPY', shippingTotal: { amount: 0, currency: 'JPY' }, lines: [line('CAP-NAVY', 3, 1999, 'JPY')] })));
    const sale = (await h.state()).sales[0]!;
    expect(sale.lines.map((l) => l.unit_price.decimal)).toEqual(['1999']);
    expect(sale.total_amount.decimal).toBe('5997');
  });

  it('keeps three decimals for KWD and adds a negative discount line', async () => {
    const o = order({ currency: 'KWD', lines: [line('BAG-TOTE', 1, 12_345, 'KWD')], shippingTotal: { amount: 0, currency: 'KWD' }, discountTotal: { amount: 1_005, currency: 'KWD' } });
    await deliver(delivery(o));
    const sale = (await h.state()).sales[0]!;
    expect(sale.lines.map((l) => [l.unit_price.decimal, l.description])).toEqual([['12.345', 'Item BAG-TOTE'], ['-1.005', 'Discount']]);
    expect(sale.total_amount.decimal).toBe('11.340');
  });

  it('adds a tax line only when asked to', async () => {
    await h.mock.close();
    h = await startHarness({ taxLine: true, shippingLine: false });
    await deliver(delivery(order({ taxTotal: { amount: 1_100, currency: 'EUR' } })));
    const sale = (await h.state()).sales[0]!;
    expect(sale.lines.map((l) => l.description)).toEqual(['Logo Tee - Black M', 'Mug 12oz', 'Tax']);
    expect(sale.total_amount.decimal).toBe('68.90');
  });

  it('reuses a known party found by e-mail instead of creating one', async () => {
    const before = (await h.state()).parties;
    await deliver(delivery(order({ externalId: '1', customer: { email: 'ada@example.com', name: 'Ada L.', phone: null } })));
    await deliver(delivery(order({ externalId: '2', customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: null } })));
    const state = await h.state();
    expect(state.parties).toBe(before + 1);
    expect(state.sales.map((s) => s.party)).toEqual(['Ada L.', 'Ada L.']);
  });

  it('stops at draft or goes on to confirmed as configured', async () => {
    await h.mock.close();
    h = await startHarness({ saleState: 'draft' });
    await deliver(delivery(order({ externalId: 'd' })));
    expect((await h.state()).sales[0]).toMatchObject({ state: 'draft', number: null });
    await h.mock.close();
    h = await startHarness({ saleState: 'confirmed' });
    await deliver(delivery(order({ externalId: 'c' })));
    expect((await h.state()).sales[0]).toMatchObject({ state: 'confirmed', number: '1' });
  });
});

describe('idempotency', () => {
  it('answers a replayed delivery with the same sale and creates nothing twice', async () => {
    const d = delivery(order());
    const first = await deliver(d);
    const second = await deliver(d); // a crash before the ledger recorded the first answer
    expect(second).toEqual(first);
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.received['model.sale.sale.create']).toBe(1);
  });

  it('finds the sale a lost answer created (malformed response to create) on the retry', async () => {
    // login, get_preferences, sale search, currency, products, contact search, party create,
    // address search, country, address create — then the sale create, whose answer is lost.
    await h.faults({ next: [...Array<'none'>(10).fill('none'), 'malformed'] });
    const d = delivery(order());
    const lost = await deliver(d);
    expect(lost.status).toBe('retry');
    expect((await h.state()).records).toBe(1); // Tryton did create it
    expect(await deliver(d)).toMatchObject({ status: 'ok' });
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
    expect(state.sales[0]!.state).toBe('quotation');
  });

  it('retries 500, timeouts and 429 and still ends with one sale', async () => {
    await h.faults({ next: ['500', 'timeout', 429] });
    const d = delivery(order());
    const outcomes = [await deliver(d), await deliver(d), await deliver(d), await deliver(d)];
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'retry', 'ok']);
    const state = await h.state();
    expect(state.records).toBe(1);
    expect(state.duplicates).toBe(0);
  });
});

describe('updating a sale', () => {
  it('rewrites changed lines of a quotation and quotes it again', async () => {
    const first = await deliver(delivery(order()));
    const changed = order({ lines: [line('TEE-BLK-M', 3, 1995, 'EUR', 'Logo Tee - Black M'), line('CAP-NAVY', 1, 2450, 'EUR', 'Cap Navy')], shippingTotal: { amount: 0, currency: 'EUR' } });
    const outcome = await deliver(delivery(changed, 'order.updated', (first as { externalRef: string }).externalRef));
    expect(outcome).toEqual(first);
    const sale = (await h.state()).sales[0]!;
    expect(sale.state).toBe('quotation');
    expect(sale.number).toBe('1'); // the same number: Tryton keeps it through draft
    expect(sale.lines.map((l) => [l.sku, l.quantity, l.unit_price.decimal])).toEqual([['TEE-BLK-M', 3, '19.95'], ['CAP-NAVY', 1, '24.50']]);
    expect(sale.total_amount.decimal).toBe('84.35');
  });

  it('writes nothing when the lines did not change', async () => {
    await deliver(delivery(order()));
    await deliver(delivery(order({ financialStatus: 'refunded' }), 'order.updated'));
    const state = await h.state();
    expect(state.received['model.sale.sale.write']).toBeUndefined();
    expect(state.received['model.sale.sale.draft']).toBeUndefined();
  });

  it('refuses to change a confirmed sale and says what to do', async () => {
    await h.mock.close();
    h = await startHarness({ saleState: 'confirmed' });
    await deliver(delivery(order()));
    const outcome = await deliver(delivery(order({ lines: [line('TEE-BLK-M', 5, 1995)] }), 'order.updated'));
    expect(outcome.status).toBe('rejected');
    expect((outcome as { reason: string }).reason).toMatch(/^needs manual action: sale 1 \(id \d+\) is confirmed in Tryton.*1 line\(s\) changed, 0 added, 1 removed/);
  });

  it('refuses to revive a cancelled sale', async () => {
    await deliver(delivery(order()));
    await deliver(delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.cancelled'));
    const outcome = await deliver(delivery(order(), 'order.updated'));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('is cancelled in Tryton but the order is active') });
  });
});

describe('cancelling', () => {
  it('cancels a quotation', async () => {
    const created = await deliver(delivery(order()));
    const outcome = await deliver(delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.cancelled'));
    expect(outcome).toEqual(created);
    expect((await h.state()).sales[0]!.state).toBe('cancelled');
  });

  it('cancels a draft, and a repeated cancellation is a no-op', async () => {
    await h.mock.close();
    h = await startHarness({ saleState: 'draft' });
    await deliver(delivery(order()));
    const d = delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.cancelled');
    expect((await deliver(d)).status).toBe('ok');
    expect((await deliver(d)).status).toBe('ok');
    expect((await h.state()).sales[0]!.state).toBe('cancelled');
    expect((await h.state()).received['model.sale.sale.cancel']).toBe(1);
  });

  it('treats an updated event carrying a cancelled order as a cancellation', async () => {
    await deliver(delivery(order()));
    await deliver(delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.updated'));
    expect((await h.state()).sales[0]!.state).toBe('cancelled');
  });

  it('has nothing to cancel for an order Tryton never saw', async () => {
    const outcome = await deliver(delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.cancelled'));
    expect(outcome).toEqual({ status: 'ok', externalRef: null });
    expect((await h.state()).records).toBe(0);
  });

  it('rejects cancelling a confirmed sale with "needs manual action"', async () => {
    await h.mock.close();
    h = await startHarness({ saleState: 'confirmed' });
    await deliver(delivery(order()));
    const outcome = await deliver(delivery(order({ fulfillmentStatus: 'cancelled' }), 'order.cancelled'));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: sale 1 .* is confirmed in Tryton/) });
    expect((await h.state()).sales[0]!.state).toBe('confirmed');
  });
});

describe('refusals', () => {
  it('rejects an unknown SKU and names it, creating nothing', async () => {
    const outcome = await deliver(delivery(order({ lines: [line('NOPE-1', 1, 100)] })));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no Tryton product has code "NOPE-1"') });
    const state = await h.state();
    expect(state.records).toBe(0);
    expect(state.received['model.party.party.create']).toBeUndefined();
  });

  it('adds unknown SKUs as product-less lines with unknownSku: freeText', async () => {
    await h.mock.close();
    h = await startHarness({ unknownSku: 'freeText' });
    await deliver(delivery(order({ lines: [line('NOPE-1', 2, 150, 'EUR', 'Mystery'), line(null, 1, 99, 'EUR', 'Gift wrap')] })));
    const sale = (await h.state()).sales[0]!;
    expect(sale.lines.map((l) => [l.sku, l.description, l.unit_price.decimal])).toEqual([
      [null, '[NOPE-1] Mystery', '1.50'], [null, 'Gift wrap', '0.99'], [null, 'Shipping', '4.95'],
    ]);
  });

  it('rejects a product that is not salable', async () => {
    const outcome = await deliver(delivery(order({ lines: [line(MOCK_NOT_SALABLE_SKU, 1, 100)] })));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining(`product "${MOCK_NOT_SALABLE_SKU}"`) });
  });

  it('rejects a currency Tryton does not hold', async () => {
    const outcome = await deliver(delivery(order({ currency: 'CHF', lines: [line('MUG-12OZ', 1, 100, 'CHF')], shippingTotal: { amount: 0, currency: 'CHF' } })));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('currency CHF does not exist in Tryton') });
  });

  it('answers unauthorized for a wrong password and does not retry the login', async () => {
    await h.mock.close();
    h = await startHarness({ password: 'wrong' });
    const outcome = await deliver(delivery(order()));
    expect(outcome).toMatchObject({ status: 'unauthorized', reason: expect.stringContaining('check the username and password') });
    expect(JSON.stringify(outcome)).not.toContain('wrong');
    expect((await h.state()).received['common.db.login']).toBe(1);
  });

  it('answers unauthorized for an unknown database', async () => {
    await h.mock.close();
    h = await startHarness({ database: 'nope' });
    expect(await deliver(delivery(order()))).toMatchObject({ status: 'unauthorized', reason: expect.stringContaining('no database "nope"') });
  });
});

describe('sessions', () => {
  it('logs in once per context and again after the session expired', async () => {
    await deliver(delivery(order({ externalId: 'a' })));
    await deliver(delivery(order({ externalId: 'b' })));
    expect((await h.state()).received['common.db.login']).toBe(1);
    h.api.expireSessions();
    expect((await deliver(delivery(order({ externalId: 'c' })))).status).toBe('ok');
    const state = await h.state();
    expect(state.received['common.db.login']).toBe(2);
    expect(state.records).toBe(3);
  });

  it('verify() logs in and reads sales', async () => {
    await expect(trytonTarget.verify!(h.ctx)).resolves.toBeUndefined();
  });
});
