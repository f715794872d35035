import { describe, expect, it } from 'vitest';
import {
  addressChanges, labelState, labelUsed, shipmentReference, toLabelRequest, toLabelShipment, toShipTo,
} from '../../../connectors/shipengine/mapping.js';
import { ShipEngineSettings } from '../../../connectors/shipengine/settings.js';
import { SHIPENGINE_LABEL_STATUSES, SHIPENGINE_TRACKING_STATUSES } from '../../../connectors/shipengine/types.js';
import { buildOrder } from './fixtures.js';
import { SHIP_FROM } from './helpers.js';

const settings = ShipEngineSettings.parse({ apiKey: 'k', carrierId: 'se-1', serviceCode: 'ups_ground', shipFrom: SHIP_FROM });

describe('shipengine mapping', () => {
  it.each([
    ['processing', 'pending'], ['completed', 'usable'], ['error', 'failed'], ['voided', 'voided'],
  ] as const)('label status %s → %s', (status, state) => {
    expect(labelState({ status, voided: false })).toBe(state);
  });

  it('every documented label status is mapped; voided: true wins over the status', () => {
    expect(SHIPENGINE_LABEL_STATUSES.map((status) => labelState({ status }))).toEqual(['pending', 'usable', 'failed', 'voided']);
    expect(labelState({ status: 'completed', voided: true })).toBe('voided');
  });

  it.each([
    ['unknown', false], ['in_transit', true], ['error', false], ['delivered', true],
  ] as const)('tracking status %s → used: %s', (status, used) => {
    expect(labelUsed(status)).toBe(used);
  });

  it('covers every documented tracking status', () => {
    expect(SHIPENGINE_TRACKING_STATUSES.filter(labelUsed)).toEqual(['in_transit', 'delivered']);
  });

  it('the reference is channel:externalId, shortened with a hash past 50 characters', () => {
    expect(shipmentReference(buildOrder())).toBe('shop:5512345678901');
    const long = shipmentReference(buildOrder({ externalId: 'x'.repeat(80) }));
    expect(long).toHaveLength(50);
    expect(long.startsWith('shop:xxxx')).toBe(true);
    expect(long).not.toBe(shipmentReference(buildOrder({ externalId: `${'x'.repeat(79)}y` })));
  });

  it('builds the label request from settings and the order', () => {
    const request = toLabelRequest(buildOrder(), settings);
    if (!request.ok) throw new Error(request.reason);
    expect(request.value).toMatchObject({
      shipment: { carrier_id: 'se-1', service_code: 'ups_ground', external_shipment_id: 'shop:5512345678901', packages: [{ weight: { value: 1, unit: 'pound' } }] },
      label_format: 'pdf', label_layout: '4x6', label_download_type: 'url',
    });
  });

  it('ship_to falls back to the customer name and phone', () => {
    const base = buildOrder();
    const to = toShipTo(buildOrder({ shippingAddress: { ...base.shippingAddress!, name: null, phone: null } }));
    expect(to.ok && [to.value.name, to.value.phone]).toEqual(['Ada Lovelace', '2175550100']);
  });

  it('cost is parsed exactly from the JSON number and upper-cased currency', () => {
    const shipment = toLabelShipment({
      label_id: 'se-1', status: 'completed', shipment_id: 'se-2', carrier_code: 'ups', service_code: 'ups_ground',
      tracking_number: '1Z', tracking_url: 'https://track/1Z', shipment_cost: { currency: 'usd', amount: 10.1 },
      label_download: { pdf: 'https://x/l.pdf' },
    });
    expect(shipment).toEqual({ carrier: 'ups', service: 'ups_ground', trackingNumber: '1Z', trackingUrl: 'https://track/1Z', labelUrl: 'https://x/l.pdf', cost: { amount: 1010, currency: 'USD' } });
    expect(toLabelShipment({ label_id: 'a', status: 'completed', shipment_id: 'b', shipment_cost: { currency: 'cad', amount: 0.3 } }).cost).toEqual({ amount: 30, currency: 'CAD' });
  });

  it('address changes ignore case and surrounding space, and name the fields', () => {
    const to = toShipTo(buildOrder());
    if (!to.ok) throw new Error(to.reason);
    expect(addressChanges({ ...to.value, city_locality: ' SPRINGFIELD ' }, to.value)).toEqual([]);
    expect(addressChanges({ ...to.value, postal_code: '1' }, to.value)).toEqual(['postal_code']);
  });
});
