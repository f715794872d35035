import { describe, expect, it } from 'vitest';
import { toChannelOrder } from '../../../connectors/vendure/mapping.js';
import { STATE_MAP } from '../../../connectors/vendure/status.js';
import { VENDURE_ORDER_STATES } from '../../../connectors/vendure/types.js';
import type { ChannelOrder } from '../../../src/model/index.js';
import { placedOrder } from './fixtures.js';

function mapped(overrides: Record<string, unknown>): ChannelOrder {
  const result = toChannelOrder(placedOrder(overrides));
  if (!('order' in result)) throw new Error(result.rejected.reason);
  return result.order;
}

const settled = [{ id: '1', method: 'card', amount: 11594, state: 'Settled', refunds: [] }];
const authorized = [{ id: '1', method: 'card', amount: 11594, state: 'Authorized', refunds: [] }];
const shippedAll = [{ id: 'f1', state: 'Shipped', method: 'DHL', lines: [{ orderLineId: '1', quantity: 2 }, { orderLineId: '2', quantity: 3 }] }];
const shippedSome = [{ id: 'f1', state: 'Shipped', method: 'DHL', lines: [{ orderLineId: '1', quantity: 2 }] }];

describe('vendure state → financial / fulfillment status (one per default OrderProcess state)', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['Created', { payments: [] }, 'pending', 'unfulfilled'],
    ['Draft', { payments: [] }, 'pending', 'unfulfilled'],
    ['AddingItems', { payments: [] }, 'pending', 'unfulfilled'],
    ['ArrangingPayment', { payments: [] }, 'pending', 'unfulfilled'],
    ['PaymentAuthorized', { payments: authorized }, 'authorized', 'unfulfilled'],
    ['PaymentSettled', { payments: settled }, 'paid', 'unfulfilled'],
    ['PartiallyShipped', { payments: settled, fulfillments: shippedSome }, 'paid', 'partial'],
    ['Shipped', { payments: settled, fulfillments: shippedAll }, 'paid', 'fulfilled'],
    ['PartiallyDelivered', { payments: settled, fulfillments: shippedAll }, 'paid', 'partial'],
    ['Delivered', { payments: settled, fulfillments: shippedAll }, 'paid', 'fulfilled'],
    ['Modifying', { payments: settled, fulfillments: [] }, 'paid', 'unfulfilled'],
    ['ArrangingAdditionalPayment', { payments: settled, fulfillments: shippedSome }, 'pending', 'partial'],
    ['Cancelled', { payments: authorized }, 'voided', 'cancelled'],
  ];
  for (const [state, extra, financial, fulfillment] of cases) {
    it(`${state} → ${financial} / ${fulfillment}`, () => {
      const order = mapped({ state, ...extra });
      expect(order.financialStatus).toBe(financial);
      expect(order.fulfillmentStatus).toBe(fulfillment);
    });
  }

  it('covers every state the types know', () => {
    expect(cases.map(([state]) => state).sort()).toEqual([...VENDURE_ORDER_STATES].sort());
    expect(Object.keys(STATE_MAP).sort()).toEqual([...VENDURE_ORDER_STATES].sort());
  });
});

describe('payments and fulfillments refine the state', () => {
  it('a settled refund of the whole payment is refunded', () => {
    const payments = [{ ...settled[0], refunds: [{ id: 'r1', total: 11594, state: 'Settled' }] }];
    expect(mapped({ state: 'Cancelled', payments }).financialStatus).toBe('refunded');
  });

  it('a partial refund is partially_refunded, whatever the state', () => {
    const payments = [{ ...settled[0], refunds: [{ id: 'r1', total: 500, state: 'Settled' }] }];
    expect(mapped({ state: 'Delivered', payments }).financialStatus).toBe('partially_refunded');
  });

  it('a refund not yet settled does not count', () => {
    const payments = [{ ...settled[0], refunds: [{ id: 'r1', total: 500, state: 'Pending' }] }];
    expect(mapped({ state: 'Delivered', payments }).financialStatus).toBe('paid');
  });

  it('Modifying an order whose payment is only authorized stays authorized', () => {
    expect(mapped({ state: 'Modifying', payments: authorized }).financialStatus).toBe('authorized');
  });

  it('Cancelled after capture without a refund is still paid (the money is held)', () => {
    expect(mapped({ state: 'Cancelled', payments: settled }).financialStatus).toBe('paid');
  });

  it('a cancelled fulfillment does not count as shipped', () => {
    const fulfillments = [{ ...shippedAll[0], state: 'Cancelled' }];
    expect(mapped({ state: 'Modifying', payments: settled, fulfillments }).fulfillmentStatus).toBe('unfulfilled');
  });

  it('a custom OrderProcess state is read from payments and fulfillments', () => {
    const order = mapped({ state: 'AwaitingPickup', payments: settled, fulfillments: shippedAll });
    expect(order.financialStatus).toBe('paid');
    expect(order.fulfillmentStatus).toBe('fulfilled');
    expect(mapped({ state: 'AwaitingApproval', payments: authorized }).financialStatus).toBe('authorized');
    expect(mapped({ state: 'AwaitingApproval', payments: [] }).financialStatus).toBe('pending');
  });
});
