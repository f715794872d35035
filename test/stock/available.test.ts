// available(sku, channel) = max(0, floor((onHand − reserved − safetyStock) × allocation(channel))), value by value.
import { describe, expect, it } from 'vitest';
import { allocate, availableOn, bundleAvailable, figuresFor, oversoldSkus, reservedBySku, stockFigures } from '../../src/stock/available.js';
import { channelSkusFor, EMPTY_POLICY, toMasterSku, type StockPolicy } from '../../src/stock/policy.js';

const policy = (overrides: Partial<StockPolicy> = {}): StockPolicy => ({ ...EMPTY_POLICY, ...overrides });

describe('stock maths', () => {
  it.each([
    // onHand, reserved, safety, share, available
    [10, 0, 0, 1, 10],
    [10, 3, 0, 1, 7],
    [10, 3, 2, 1, 5],
    [10, 3, 2, 0.5, 2], // floor(5 × 0.5 = 2.5)
    [7, 0, 0, 0.5, 3],
    [100, 0, 0, 0.29, 29], // 100 × 0.29 is 28.999… in binary: must still be 29
    [10, 0, 0, 0.7, 7],
    [3, 0, 0, 0.1, 0],
    [1, 2, 0, 1, 0], // oversold: clamped to 0
    [0, 0, 5, 1, 0],
    [-4, 0, 0, 1, 0], // a source that went negative
    [10, 0, 0, 0, 0],
  ])('on hand %i, reserved %i, buffer %i, share %f → %i', (onHand, reserved, safety, share, expected) => {
    const f = figuresFor(policy({ safetyStock: { default: safety, skus: {} } }), 'A', onHand, reserved);
    expect(f.net).toBe(onHand - reserved - safety);
    expect(allocate(f.net, share)).toBe(expected);
  });

  it('flags oversold only when orders hold more than is on hand (eating the buffer is not overselling)', () => {
    const p = policy({ safetyStock: { default: 2, skus: {} } });
    expect(figuresFor(p, 'A', 1, 2).oversoldBy).toBe(1);
    expect(figuresFor(p, 'A', 2, 2).oversoldBy).toBe(0);
    expect(figuresFor(p, 'A', 3, 2).net).toBe(-1);
    expect(figuresFor(p, 'A', 3, 2).oversoldBy).toBe(0);
    const figures = stockFigures(p, new Map([['A', 1], ['B', 5]]), [{ channel: 'woo', sku: 'A', quantity: 3 }]);
    expect(oversoldSkus(figures)).toEqual([{ sku: 'A', short: 2 }]);
  });

  it('uses the per-SKU buffer over the default', () => {
    const p = policy({ safetyStock: { default: 1, skus: { B: 4 } } });
    expect(figuresFor(p, 'A', 10, 0).safety).toBe(1);
    expect(figuresFor(p, 'B', 10, 0).safety).toBe(4);
  });

  it('maps channel SKUs to master SKUs for reservations, and back for pushing', () => {
    const p = policy({ skuMap: { amazon: { 'AMZ-TEE': 'TEE', 'AMZ-TEE-2': 'TEE' } } });
    expect(toMasterSku(p, 'amazon', 'AMZ-TEE')).toBe('TEE');
    expect(toMasterSku(p, 'woo', 'AMZ-TEE')).toBe('AMZ-TEE');
    expect(channelSkusFor(p, 'amazon', 'TEE')).toEqual(['AMZ-TEE', 'AMZ-TEE-2']);
    expect(channelSkusFor(p, 'woo', 'TEE')).toEqual(['TEE']);
    const reserved = reservedBySku(p, [{ channel: 'amazon', sku: 'AMZ-TEE', quantity: 2 }, { channel: 'woo', sku: 'TEE', quantity: 1 }]);
    expect(reserved.get('TEE')).toBe(3);
  });

  it('a bundle offers the minimum over its components of floor(available / units per bundle)', () => {
    expect(bundleAvailable({ A: 2, B: 1 }, (sku) => ({ A: 7, B: 5 })[sku] ?? 0)).toBe(3);
    expect(bundleAvailable({ A: 2, B: 1 }, (sku) => ({ A: 7, B: 2 })[sku] ?? 0)).toBe(2);
    expect(bundleAvailable({ A: 3 }, () => 2)).toBe(0);
  });

  it('a sold bundle reserves its components; components follow each channel\'s allocation', () => {
    const p = policy({ bundles: { KIT: { A: 2, B: 1 } }, allocation: { amazon: 0.5 } });
    const figures = stockFigures(p, new Map([['A', 10], ['B', 6]]), [{ channel: 'woo', sku: 'KIT', quantity: 2 }]);
    expect(figures.get('A')).toMatchObject({ onHand: 10, reserved: 4, net: 6 });
    expect(figures.get('B')).toMatchObject({ onHand: 6, reserved: 2, net: 4 });
    expect(figures.has('KIT')).toBe(false);
    expect(availableOn(p, figures, 'woo', 'A')).toBe(6);
    expect(availableOn(p, figures, 'woo', 'KIT')).toBe(3); // min(6/2, 4/1)
    expect(availableOn(p, figures, 'amazon', 'A')).toBe(3);
    expect(availableOn(p, figures, 'amazon', 'KIT')).toBe(1); // min(floor(3/2), floor(2/1))
  });

  it('a bundle component the source does not report counts as 0 on hand', () => {
    const p = policy({ bundles: { KIT: { A: 1, GHOST: 1 } } });
    const figures = stockFigures(p, new Map([['A', 10]]), []);
    expect(figures.get('GHOST')).toMatchObject({ onHand: 0, net: 0 });
    expect(availableOn(p, figures, 'woo', 'KIT')).toBe(0);
  });
});
