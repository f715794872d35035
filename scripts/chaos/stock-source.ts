// The stock source's mock as the chaos harness moves it between kills: on-hand counts change the
// way a warehouse's do (goods received, a recount), so the stock step of the runs has real work.
// Mocks whose in-process API offers `stock.setOnHand` and `stock.onHand` (Odoo's) qualify.
import type { Config } from '../../src/config/load.js';
import type { Random } from '../../src/mock/index.js';
import type { Fleet } from './fleet.js';

interface SettableStock {
  setOnHand(sku: string, quantity: number): void;
  onHand(): Record<string, number>;
}

export interface StockSource {
  /** Sets every SKU the source holds to `quantity` on hand (the level recounts move around). */
  setEverySku(quantity: number): void;
  /** Recounts one seeded-random SKU to between half and one and a half times the level; answers how many changed. */
  recount(random: Random): number;
}

export function stockSource(config: Config, fleet: Fleet): StockSource | undefined {
  const source = config.stock?.source;
  if (source?.kind !== 'target') return undefined;
  const kind = config.targets.find((t) => t.name === source.target)?.kind;
  const stock = kind ? (fleet.api(kind) as { stock?: Partial<SettableStock> } | undefined)?.stock : undefined;
  if (typeof stock?.setOnHand !== 'function' || typeof stock.onHand !== 'function') return undefined;
  const settable = stock as SettableStock;
  const skus = () => Object.keys(settable.onHand()).sort();
  let level = 0;
  return {
    setEverySku(quantity) {
      level = quantity;
      for (const sku of skus()) settable.setOnHand(sku, quantity);
    },
    recount(random) {
      const all = skus();
      if (all.length === 0 || level === 0) return 0;
      settable.setOnHand(all[Math.floor(random() * all.length)]!, Math.round(level * (0.5 + random())));
      return 1;
    },
  };
}
