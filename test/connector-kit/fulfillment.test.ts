import { describe, expect, it } from 'vitest';
import { labelRefusal } from '../../src/connector-kit/index.js';
import { makeOrder } from '../support/orders.js';

describe('labelRefusal: which orders a carrier may buy a label for', () => {
  it('ships paid and authorized orders (Amazon charges merchant-fulfilled orders when they ship)', () => {
    for (const financialStatus of ['paid', 'authorized', 'partially_refunded'] as const) {
      expect(labelRefusal(makeOrder({ financialStatus })), financialStatus).toBeUndefined();
    }
  });

  it('refuses pending, voided and refunded orders, channel-fulfilled and cancelled ones, each saying why', () => {
    for (const financialStatus of ['pending', 'voided', 'refunded'] as const) {
      expect(labelRefusal(makeOrder({ financialStatus }))).toContain(`is ${financialStatus}; labels are bought for paid or authorized orders only`);
    }
    expect(labelRefusal(makeOrder({ fulfilledBy: 'channel' }))).toContain('fulfilled by the channel');
    expect(labelRefusal(makeOrder({ fulfillmentStatus: 'cancelled' }))).toContain('is cancelled');
    expect(labelRefusal(makeOrder({ number: '#1042', channel: 'shop', externalId: '7', financialStatus: 'pending' })))
      .toBe('no label: order #1042 (shop:7) is pending; labels are bought for paid or authorized orders only');
  });
});
