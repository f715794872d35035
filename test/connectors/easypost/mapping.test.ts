import { describe, expect, it } from 'vitest';
import {
  addressChanges, isBought, labelRefusalOf, pickRate, refundState, shipmentReference, toAddress, toCreateShipment, toLabelShipment, trackingAllowsRefund,
} from '../../../connectors/easypost/mapping.js';
import { EasyPostSettings } from '../../../connectors/easypost/settings.js';
import { EASYPOST_REFUND_STATUSES, EASYPOST_TRACKING_STATUSES } from '../../../connectors/easypost/types.js';
import { buildOrder } from './fixtures.js';
import { FROM } from './helpers.js';

describe('easypost mapping', () => {
  it.each([
    ['unknown', true], ['pre_transit', true], ['in_transit', false], ['out_for_delivery', false], ['delivered', false],
    ['available_for_pickup', false], ['return_to_sender', false], ['failure', false], ['cancelled', false], ['error', false],
  ] as const)('tracking status %s → refund allowed: %s', (status, allowed) => {
    expect(trackingAllowsRefund(status)).toBe(allowed);
  });

  it('covers every tracking status, and a missing status allows a refund', () => {
    expect(EASYPOST_TRACKING_STATUSES.filter(trackingAllowsRefund)).toEqual(['unknown', 'pre_transit']);
    expect(trackingAllowsRefund(null)).toBe(true);
  });

  it.each([
    ['submitted', 'requested'], ['refunded', 'requested'], ['rejected', 'refused'], ['not_applicable', 'refused'],
  ] as const)('refund_status %s → %s', (status, state) => {
    expect(refundState(status)).toBe(state);
  });

  it('covers every refund status; none yet → none', () => {
    expect(EASYPOST_REFUND_STATUSES.map(refundState)).not.toContain('none');
    expect(refundState(null)).toBe('none');
  });

  it('reference, addresses and parcel', () => {
    const settings = EasyPostSettings.parse({ apiKey: 'k', carrier: 'USPS', service: 'Priority', fromAddress: FROM });
    const body = toCreateShipment(buildOrder(), settings);
    if (!body.ok) throw new Error(body.reason);
    expect(shipmentReference(buildOrder())).toBe('shop:5512345678901');
    expect(body.value.shipment).toMatchObject({
      reference: 'shop:5512345678901', parcel: { weight: 16 },
      to_address: { name: 'Ada Lovelace', street1: '12 Main St', zip: '62701', country: 'US', phone: '2175550100' },
      from_address: { name: 'Ordersync Demo Warehouse', company: null, street2: null },
    });
    expect(toAddress(buildOrder({ shippingAddress: null })).ok).toBe(false);
  });

  it('picks the configured carrier and service exactly', () => {
    const rates = [
      { id: 'r1', carrier: 'USPS', service: 'GroundAdvantage', rate: '4.75', currency: 'USD' },
      { id: 'r2', carrier: 'USPS', service: 'Priority', rate: '7.58', currency: 'USD' },
    ];
    expect(pickRate({ id: 's', rates }, 'USPS', 'Priority')?.id).toBe('r2');
    expect(pickRate({ id: 's', rates }, 'usps', 'priority')).toBeUndefined();
  });

  it('parses the rate string exactly (no float), in its own currency', () => {
    const shipment = {
      id: 'shp_1', tracking_code: '9400', selected_rate: { id: 'r', carrier: 'USPS', service: 'Priority', rate: '0.30', currency: 'USD' },
      postage_label: { label_url: 'https://x/l.png' }, tracker: { public_url: 'https://t/1' },
    };
    expect(isBought(shipment)).toBe(true);
    expect(toLabelShipment(shipment)).toEqual({ carrier: 'USPS', service: 'Priority', trackingNumber: '9400', trackingUrl: 'https://t/1', labelUrl: 'https://x/l.png', cost: { amount: 30, currency: 'USD' } });
    expect(toLabelShipment({ ...shipment, selected_rate: { ...shipment.selected_rate, rate: '1234.5', currency: 'CAD' } }).cost).toEqual({ amount: 123450, currency: 'CAD' });
    expect(isBought({ id: 'shp_2' })).toBe(false);
  });

  it('names a refused order by its EasyPost reference (the rule itself: test/connector-kit/fulfillment.test.ts)', () => {
    expect(labelRefusalOf(buildOrder())).toBeUndefined();
    expect(labelRefusalOf(buildOrder({ financialStatus: 'refunded' }))).toContain(`(${shipmentReference(buildOrder())}) is refunded`);
  });

  it('address changes name the fields that differ', () => {
    const to = toAddress(buildOrder());
    if (!to.ok) throw new Error(to.reason);
    expect(addressChanges({ ...to.value }, to.value)).toEqual([]);
    expect(addressChanges({ ...to.value, street1: '1 Other Rd' }, to.value)).toEqual(['street1']);
  });
});
