import { describe, expect, it } from 'vitest';
import { canonicalDecimal, moneyOfDecimal, sameDecimal } from '../../../connectors/tryton/decimal.js';
import {
  addressKey, addressValues, lineCommands, lineValues, partyName, planLines, saleReference, saleValues, trytonDate, wantsCancellation,
} from '../../../connectors/tryton/mapping.js';
import { TrytonSettings } from '../../../connectors/tryton/settings.js';
import type { TrytonProduct, TrytonSaleLine } from '../../../connectors/tryton/types.js';
import type { EventType } from '../../../src/connector-kit/index.js';
import { delivery, line, order } from './fixtures.js';

const settings = TrytonSettings.parse({ url: 'https://erp.example.com', database: 'db', username: 'u', password: 'p' });
const products = new Map<string, TrytonProduct>([
  ['TEE-BLK-M', { id: 11, code: 'TEE-BLK-M', salable: true, sale_uom: 1, default_uom: 1 }],
  ['MUG-12OZ', { id: 12, code: 'MUG-12OZ', salable: true, sale_uom: null, default_uom: 3 }],
  ['NFS', { id: 13, code: 'NFS', salable: false, sale_uom: 1, default_uom: 1 }],
]);

describe('reference and events', () => {
  it('uses channel:externalId as the sale reference', () => {
    expect(saleReference(order())).toBe('shop:1042');
  });

  it.each<[EventType, 'unfulfilled' | 'cancelled', boolean]>([
    ['order.created', 'unfulfilled', false],
    ['order.updated', 'unfulfilled', false],
    ['order.cancelled', 'cancelled', true],
    ['order.updated', 'cancelled', true], // the event carries the latest state
    ['order.created', 'cancelled', true],
  ])('%s of a %s order → cancel: %s', (type, status, expected) => {
    expect(wantsCancellation(delivery(order({ fulfillmentStatus: status }), type).event)).toBe(expected);
  });

  it('takes the UTC calendar day for sale_date', () => {
    expect(trytonDate('2025-12-31T23:30:00Z')).toEqual({ __class__: 'date', year: 2025, month: 12, day: 31 });
    expect(trytonDate('2025-01-01T00:00:00.000Z')).toEqual({ __class__: 'date', year: 2025, month: 1, day: 1 });
  });
});

describe('planLines', () => {
  it('maps lines to products by code with their sale unit (default unit as fallback) and exact prices', () => {
    const { lines, problems } = planLines(order(), products, settings);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { product: 11, unit: 1, quantity: 2, unitPrice: '19.95', description: 'Logo Tee - Black M' },
      { product: 12, unit: 3, quantity: 1, unitPrice: '18.00', description: 'Mug 12oz' },
      { product: null, unit: null, quantity: 1, unitPrice: '4.95', description: 'Shipping' },
    ]);
  });

  it('adds discount (negative) and tax lines as configured, skipping zero amounts', () => {
    const o = order({ shippingTotal: { amount: 0, currency: 'EUR' }, discountTotal: { amount: 250, currency: 'EUR' }, taxTotal: { amount: 731, currency: 'EUR' } });
    const plan = planLines(o, products, { ...settings, taxLine: true, lineLabels: { shipping: 'Port', discount: 'Rabatt', tax: 'MwSt' } });
    expect(plan.lines.slice(2)).toEqual([
      { product: null, unit: null, quantity: 1, unitPrice: '-2.50', description: 'Rabatt' },
      { product: null, unit: null, quantity: 1, unitPrice: '7.31', description: 'MwSt' },
    ]);
    expect(planLines(o, products, { ...settings, discountLine: false }).lines).toHaveLength(2);
  });

  it('names every unknown, missing or unsalable SKU', () => {
    const o = order({ lines: [line('NOPE', 1, 100), line(null, 1, 100, 'EUR', 'Gift'), line('NFS', 1, 100)] });
    expect(planLines(o, products, settings).problems).toEqual([
      'no Tryton product has code "NOPE" (line "Item NOPE")',
      'line "Gift" has no SKU',
      'product "NFS" (id 13) is not salable in Tryton',
    ]);
  });

  it('turns unknown SKUs into product-less lines with unknownSku: freeText', () => {
    const o = order({ lines: [line('NOPE', 2, 100, 'EUR', 'Thing'), line('  ', 1, 5, 'EUR', 'Blank')], shippingTotal: { amount: 0, currency: 'EUR' } });
    expect(planLines(o, products, { ...settings, unknownSku: 'freeText' })).toEqual({
      problems: [],
      lines: [
        { product: null, unit: null, quantity: 2, unitPrice: '1.00', description: '[NOPE] Thing' },
        { product: null, unit: null, quantity: 1, unitPrice: '0.05', description: 'Blank' },
      ],
    });
  });

  it('formats minor units per currency exponent', () => {
    const jpy = order({ currency: 'JPY', lines: [line('TEE-BLK-M', 1, 2500, 'JPY')], shippingTotal: { amount: 0, currency: 'JPY' } });
    const kwd = order({ currency: 'KWD', lines: [line('TEE-BLK-M', 1, 1, 'KWD')], shippingTotal: { amount: 0, currency: 'KWD' } });
    expect(planLines(jpy, products, settings).lines[0]!.unitPrice).toBe('2500');
    expect(planLines(kwd, products, settings).lines[0]!.unitPrice).toBe('0.001');
  });
});

describe('lineCommands', () => {
  const planned = planLines(order(), products, settings).lines;
  const asStored = (id: number, index: number, overrides: Partial<TrytonSaleLine> = {}): TrytonSaleLine => {
    const values = lineValues(planned[index]!, index + 1) as { product: number | null; unit: number | null; quantity: number; unit_price: { __class__: 'Decimal'; decimal: string }; description: string };
    return { id, type: 'line', sequence: index + 1, ...values, unit_price: { __class__: 'Decimal', decimal: `${values.unit_price.decimal}00` }, ...overrides };
  };

  it('is empty when Tryton holds the same lines (prices compared as decimals: 19.9500 = 19.95)', () => {
    expect(lineCommands([asStored(1, 0), asStored(2, 1), asStored(3, 2)], planned)).toEqual([]);
  });

  it('writes a changed line, creates a new one and deletes a removed one', () => {
    const next = [{ ...planned[0]!, quantity: 5 }, planned[2]!, { product: null, unit: null, quantity: 1, unitPrice: '1.00', description: 'Gift wrap' }];
    expect(lineCommands([asStored(1, 0), asStored(2, 1), asStored(3, 2)], next)).toEqual([
      ['write', [1], lineValues(next[0]!, 1)],
      ['create', [lineValues(next[2]!, 3)]],
      ['delete', [2]],
    ]);
  });

  it('leaves comment and title lines a user added alone', () => {
    const comment: TrytonSaleLine = { id: 9, type: 'comment', sequence: 0, product: null, quantity: null, unit: null, unit_price: null, description: 'Call first' };
    expect(lineCommands([comment, asStored(1, 0), asStored(2, 1), asStored(3, 2)], planned)).toEqual([]);
  });
});

describe('sale and party values', () => {
  it('builds the sale with reference, description, date, addresses and lines in one create', () => {
    const planned = planLines(order(), products, settings).lines;
    const values = saleValues(order(), { party: 5, invoiceAddress: 6, shipmentAddress: 7 }, 2, 1, planned);
    expect(values).toMatchObject({
      company: 1, party: 5, invoice_address: 6, shipment_address: 7, currency: 2, reference: 'shop:1042',
      description: 'woocommerce order #1042', sale_date: { __class__: 'date', year: 2025, month: 3, day: 14 },
    });
    expect(values.lines).toEqual([['create', planned.map((l, i) => lineValues(l, i + 1))]]);
    expect(lineValues(planned[0]!, 1)).toEqual({ type: 'line', sequence: 1, product: 11, unit: 1, quantity: 2, unit_price: { __class__: 'Decimal', decimal: '19.95' }, description: 'Logo Tee - Black M' });
    expect(saleValues(order(), { party: 5, invoiceAddress: 6, shipmentAddress: 7 }, 2, null, planned)).not.toHaveProperty('company');
  });

  it('names the party after the customer, then an address, then the e-mail, then the reference', () => {
    expect(partyName(order())).toBe('Ada Lovelace');
    expect(partyName(order({ customer: { name: ' ', email: 'x@example.com', phone: null } }))).toBe('Ada Lovelace');
    expect(partyName(order({ customer: { name: null, email: 'x@example.com', phone: null }, shippingAddress: null, billingAddress: null }))).toBe('x@example.com');
    expect(partyName(order({ customer: { name: null, email: null, phone: null }, shippingAddress: null, billingAddress: null }))).toBe('Customer of shop:1042');
  });

  it('maps an address to party.address fields and matches addresses loosely', () => {
    const address = { name: 'Ada', company: 'Analytical Ltd', line1: '12 Row', line2: 'Flat 2', city: 'London', region: 'LDN', postalCode: 'N1 9GU', countryCode: 'GB', phone: null };
    expect(addressValues(address, 7)).toEqual({ party_name: 'Ada', street: 'Analytical Ltd\n12 Row\nFlat 2', postal_code: 'N1 9GU', city: 'London', country: 7 });
    expect(addressKey('12  Row', 'n1 9gu', 'LONDON ')).toBe(addressKey('12 Row', 'N1 9GU', 'London'));
  });
});

describe('decimals', () => {
  it.each([
    ['25.0000', '25'], ['-0.50', '-0.5'], ['0E-8', '0'], ['1E+1', '10'], ['0.001', '0.001'], ['19.95', '19.95'], ['007', '7'], ['5E-3', '0.005'],
  ])('canonical form of %s is %s', (text, expected) => {
    expect(canonicalDecimal(text)).toBe(expected);
  });

  it('compares and converts exactly', () => {
    expect(sameDecimal('19.9500', '19.95')).toBe(true);
    expect(sameDecimal('19.951', '19.95')).toBe(false);
    expect(moneyOfDecimal({ __class__: 'Decimal', decimal: '62.8500' }, 'EUR')).toEqual({ amount: 6285, currency: 'EUR' });
    expect(moneyOfDecimal('2500', 'JPY')).toEqual({ amount: 2500, currency: 'JPY' });
    expect(() => moneyOfDecimal('1.005', 'EUR')).toThrow();
    expect(() => canonicalDecimal('abc')).toThrow();
  });
});
