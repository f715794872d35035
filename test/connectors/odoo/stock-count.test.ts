// The pure rules of a stock push to Odoo: which products hold stock (17.0 and 18+), what to count.
import { describe, expect, it } from 'vitest';
import { planCount, whyNotStockable } from '../../../connectors/odoo/stock-count.js';
import type { OdooQuant } from '../../../connectors/odoo/types.js';

const product = (fields: Partial<{ type: string; tracking: string; is_storable: boolean }>) => ({ id: 1, default_code: 'X', type: 'consu', tracking: 'none', ...fields });
const quant = (id: number, quantity: number, extra: Partial<OdooQuant> = {}): OdooQuant =>
  ({ id, product_id: [1, 'X'], quantity, lot_id: false, package_id: false, owner_id: false, ...extra });

describe('whyNotStockable', () => {
  it.each([
    ['18+: storable goods', product({ is_storable: true }), true, undefined],
    ['18+: goods without Track Inventory', product({ is_storable: false }), true, 'Track Inventory'],
    ['18+: combo', product({ type: 'combo' }), true, 'combo product'],
    ['service', product({ type: 'service' }), true, 'service product'],
    ['17.0: storable product', product({ type: 'product' }), false, undefined],
    ['17.0: consumable', product({ type: 'consu' }), false, 'not a Storable Product'],
    ['serial-tracked', product({ is_storable: true, tracking: 'serial' }), true, 'serial numbers'],
  ])('%s', (_name, given, withIsStorable, expected) => {
    const why = whyNotStockable(given, withIsStorable);
    if (expected === undefined) expect(why).toBeUndefined();
    else expect(why).toContain(expected);
  });
});

describe('planCount', () => {
  it('writes the loose quant, or creates one, or does nothing when it already holds the figure', () => {
    expect(planCount(5, [quant(9, 2)], 'WH/Stock')).toEqual({ kind: 'write', quantId: 9, quantity: 5 });
    expect(planCount(5, [], 'WH/Stock')).toEqual({ kind: 'create', quantity: 5 });
    expect(planCount(5, [quant(9, 5)], 'WH/Stock')).toEqual({ kind: 'unchanged' });
    expect(planCount(0, [], 'WH/Stock')).toEqual({ kind: 'unchanged' });
    expect(planCount(-2, [quant(9, 0)], 'WH/Stock')).toEqual({ kind: 'write', quantId: 9, quantity: -2 });
  });

  it('counts the loose quant to what packages and consigned stock there do not hold', () => {
    const packed = quant(10, 3, { package_id: [4, 'PACK0001'] });
    expect(planCount(5, [quant(9, 1), packed], 'WH/Stock')).toEqual({ kind: 'write', quantId: 9, quantity: 2 });
    expect(planCount(3, [packed], 'WH/Stock')).toEqual({ kind: 'unchanged' });
    expect(planCount(2, [packed], 'WH/Stock')).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('holds 3 of it in packages') });
  });
});
