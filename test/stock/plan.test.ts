// The plan: only what changed since the last push, each with its reason.
import { describe, expect, it } from 'vitest';
import { stockFigures } from '../../src/stock/available.js';
import { planChannel, pushKey, reasonToPush, type LastPush } from '../../src/stock/plan.js';
import { EMPTY_POLICY, type StockPolicy } from '../../src/stock/policy.js';

const ok = (quantity: number, onHand: number, reserved: number): LastPush => ({ quantity, attemptedQuantity: quantity, status: 'ok', lastError: null, onHand, reserved });
const f = { sku: 'A', onHand: 8, reserved: 2, safety: 0, net: 6, oversoldBy: 0 };

describe('stock plan', () => {
  it('says why a quantity goes out, and leaves alone what the channel has', () => {
    expect(reasonToPush(undefined, 6, f)).toBe('never pushed');
    expect(reasonToPush(ok(6, 8, 2), 6, f)).toBeUndefined();
    expect(reasonToPush(ok(8, 10, 2), 6, f)).toBe('on hand 10 → 8');
    expect(reasonToPush(ok(8, 8, 0), 6, f)).toBe('reserved 0 → 2');
    expect(reasonToPush(ok(7, 8, 2), 6, f)).toBe('buffer or allocation changed');
    expect(reasonToPush({ ...ok(5, 8, 2), status: 'retry', attemptedQuantity: 6, lastError: 'HTTP 503' }, 6, f)).toBe('retry: HTTP 503');
    expect(reasonToPush({ ...ok(5, 8, 2), status: 'rejected', attemptedQuantity: 6 }, 6, f)).toBeUndefined();
    expect(reasonToPush({ ...ok(5, 9, 2), status: 'rejected', attemptedQuantity: 7 }, 6, f)).toBe('on hand 9 → 8');
  });

  it('plans every master SKU and bundle under the channel\'s own SKUs, flagging oversold ones', () => {
    const policy: StockPolicy = { ...EMPTY_POLICY, skuMap: { woo: { 'W-A': 'A' } }, bundles: { KIT: { A: 1, B: 1 } } };
    const figures = stockFigures(policy, new Map([['A', 1], ['B', 4]]), [{ channel: 'shop', sku: 'A', quantity: 2 }]);
    const last = new Map([[pushKey('woo', 'B'), ok(4, 4, 0)]]);
    const { entries, unchanged } = planChannel(policy, figures, 'woo', last);
    expect(unchanged).toBe(1);
    expect(entries.map((e) => [e.sku, e.masterSku, e.previous, e.quantity, e.reason, e.oversold])).toEqual([
      ['W-A', 'A', null, 0, 'never pushed', true],
      ['KIT', 'KIT', null, 0, 'never pushed', true],
    ]);
  });
});
