// The stock push runner against a channel kept in memory: what it sends, what it records, and
// what a run killed mid-push leaves for the next one.
import { describe, expect, it } from 'vitest';
import type { StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { createContext } from '../../src/connector-kit/index.js';
import { openLedger } from '../../src/ledger/index.js';
import { EMPTY_POLICY, type StockPolicy } from '../../src/stock/policy.js';
import { pushStockLevels, type StockReceiver } from '../../src/stock/push-stock.js';

const SOURCE = 'csv';

/** A channel that holds quantities; `hang` makes it take them and then never answer (a killed run). */
function channel(held: Map<string, number>, behaviour: { hang?: boolean } = {}): StockReceiver {
  return receiver('channel', 'shop', held, behaviour);
}

function receiver(kind: StockReceiver['kind'], name: string, held: Map<string, number>, behaviour: { hang?: boolean } = {}): StockReceiver {
  return {
    kind,
    name,
    ctx: createContext({ role: kind, name, settings: {} }),
    definition: {
      async pushStock(_ctx, updates: StockUpdate[]): Promise<StockPushResult[]> {
        for (const update of updates) held.set(update.sku, update.quantity);
        if (behaviour.hang) await new Promise<never>(() => {});
        return updates.map((update) => ({ sku: update.sku, status: 'ok' }));
      },
    },
  };
}

describe('stock push runner', () => {
  it('a run killed after the channel took a quantity still corrects it when the quantity goes back', async () => {
    const ledger = openLedger(':memory:');
    const held = new Map<string, number>();
    const onHand = (n: number) => ledger.stock.recordLevels(SOURCE, [{ sku: 'MUG', location: 'main', onHand: n }], { kind: 'placed-before', at: Date.now() });
    try {
      onHand(5);
      await pushStockLevels(ledger, [channel(held)], EMPTY_POLICY, SOURCE);
      expect(held.get('MUG')).toBe(5);

      // On hand drops to 3; the channel takes 3, and the run dies before the answer is recorded.
      onHand(3);
      void pushStockLevels(ledger, [channel(held, { hang: true })], EMPTY_POLICY, SOURCE);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(held.get('MUG')).toBe(3);

      // Back to 5 (a recount, a cancelled order): the channel must be told, though 5 is what it last accepted.
      onHand(5);
      const report = await pushStockLevels(ledger, [channel(held)], EMPTY_POLICY, SOURCE);
      expect(report.plan.map((entry) => [entry.sku, entry.quantity])).toEqual([['MUG', 5]]);
      expect(held.get('MUG')).toBe(5);
      expect(ledger.stock.pushes()).toEqual([expect.objectContaining({ sku: 'MUG', quantity: 5, status: 'ok' })]);

      // And nothing more once it is settled.
      expect((await pushStockLevels(ledger, [channel(held)], EMPTY_POLICY, SOURCE)).plan).toEqual([]);
    } finally {
      ledger.close();
    }
  });

  it('a stock target takes the source\'s on hand (no buffer, no allocation, no bundles), recorded apart from the channels', async () => {
    const ledger = openLedger(':memory:');
    const policy: StockPolicy = {
      ...EMPTY_POLICY, safetyStock: { default: 2, skus: {} }, allocation: { shop: 0.5 },
      bundles: { 'GIFT-SET': { MUG: 1, LID: 1 } },
    };
    const levels = (mug: number) => ledger.stock.recordLevels(SOURCE, [
      { sku: 'MUG', location: 'a', onHand: mug }, { sku: 'MUG', location: 'b', onHand: 1 }, { sku: 'TEE', location: 'a', onHand: 0 },
    ], { kind: 'placed-before', at: Date.now() });
    const shop = new Map<string, number>();
    const erp = new Map<string, number>();
    try {
      levels(9);
      const first = await pushStockLevels(ledger, [channel(shop), receiver('target', 'erp', erp)], policy, SOURCE);
      // The channel sells floor((10 − 2) × 0.5) = 4 mugs and the bundle; the ERP holds the 10 on hand
      // (both locations), the TEE at 0, and nothing of LID, which the source does not report.
      expect(Object.fromEntries(shop)).toEqual({ MUG: 4, TEE: 0, LID: 0, 'GIFT-SET': 0 });
      expect(Object.fromEntries(erp)).toEqual({ MUG: 10, TEE: 0 });
      expect(first.channels.map((c) => [c.channel, c.ok])).toEqual([['shop', 4], ['target:erp', 2]]);
      expect(ledger.stock.pushes().filter((p) => p.channel === 'target:erp').map((p) => [p.sku, p.quantity])).toEqual([['MUG', 10], ['TEE', 0]]);

      expect((await pushStockLevels(ledger, [channel(shop), receiver('target', 'erp', erp)], policy, SOURCE)).plan).toEqual([]);

      levels(4);
      const next = await pushStockLevels(ledger, [channel(shop), receiver('target', 'erp', erp)], policy, SOURCE);
      expect(next.plan.map((e) => [e.channel, e.sku, e.previous, e.quantity, e.reason])).toEqual([
        ['shop', 'MUG', 4, 1, 'on hand 10 → 5'],
        ['target:erp', 'MUG', 10, 5, 'on hand 10 → 5'],
      ]);
      expect(erp.get('MUG')).toBe(5);
    } finally {
      ledger.close();
    }
  });
});
