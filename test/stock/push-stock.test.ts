// The stock push runner against a channel kept in memory: what it sends, what it records, and
// what a run killed mid-push leaves for the next one.
import { describe, expect, it } from 'vitest';
import type { StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { createContext } from '../../src/connector-kit/index.js';
import { openLedger } from '../../src/ledger/index.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { pushStockLevels, type StockChannelRuntime } from '../../src/stock/push-stock.js';

const SOURCE = 'csv';

/** A channel that holds quantities; `hang` makes it take them and then never answer (a killed run). */
function channel(held: Map<string, number>, behaviour: { hang?: boolean } = {}): StockChannelRuntime {
  return {
    name: 'shop',
    ctx: createContext({ role: 'channel', name: 'shop', settings: {} }),
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
});
