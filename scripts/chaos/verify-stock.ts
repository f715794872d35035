// After the chaos, stock: does every stock channel's mock hold the available-to-sell quantity the
// ledger computes from its last levels and open orders (no channel left with a stale quantity),
// and every stock target the source's on hand; and did a run with nothing new leave the
// channels' stock alone?
import { CHANNELS } from '../../connectors/index.js';
import type { Config, ConnectorBlock } from '../../src/config/load.js';
import { openLedger } from '../../src/ledger/index.js';
import { availableOn } from '../../src/stock/available.js';
import { masterSkus } from '../../src/stock/plan.js';
import { channelSkusFor } from '../../src/stock/policy.js';
import { currentFigures } from '../../src/stock/push-stock.js';
import { mockState, type Fleet } from './fleet.js';

type State = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface StockReader {
  /** What the mock holds for one SKU: one figure, or one per marketplace (Amazon); null when it holds none. */
  quantities(state: State, sku: string, settings: Record<string, unknown>): (number | null)[];
  /** A counter of the stock writes the mock took (batches, mutations, patches, bulk calls). */
  writes(state: State): number;
}

const one = (state: State, sku: string): (number | null)[] => [typeof state.stock?.[sku] === 'number' ? state.stock[sku] : null];

/** How each stock channel's mock shows its quantities (see each connector's mock-stock.ts). */
export const STOCK_READERS: Record<string, StockReader> = {
  woocommerce: { quantities: one, writes: (s) => Number(s.stockBatches ?? 0) },
  shopify: { quantities: one, writes: (s) => Number(s.stockMutations ?? 0) },
  // A marketplace the seller never set answers the listing's initial quantity: only set ones count.
  amazon: {
    quantities: (s, sku, settings) => ((settings.marketplaceIds ?? []) as string[]).map((m) => s.stockByMarketplace?.[sku]?.[m] ?? null),
    writes: (s) => Number(s.listings?.patchListingsItem?.requests ?? 0),
  },
  ebay: { quantities: one, writes: (s) => Number(s.inventory?.bulkCalls ?? 0) },
};

/** How a stock target's mock shows the on-hand figures it was sent (`stock.targets`). */
const TARGET_READERS: Record<string, (state: State, sku: string) => number | null> = {
  webhook: (state, sku) => one(state, sku)[0] ?? null,
};

export interface StockVerification {
  /** Channel SKU quantities (and stock targets' on-hand figures) compared. */
  checked: number;
  /** Channel SKUs whose mock holds another quantity than the ledger computes. */
  stale: number;
  /** Ledger push records left refused or waiting for a retry. */
  unsettled: number;
  problems: string[];
}

/** The channels a sync pushes stock to: none without `stock:`. */
export function stockChannels(config: Config): ConnectorBlock[] {
  if (!config.stock) return [];
  return config.channels.filter((c) => CHANNELS.some((e) => e.definition.id === c.kind && typeof e.definition.pushStock === 'function'));
}

/** Per stock channel whose mock the harness can read: how many stock writes it has taken. */
export async function stockWrites(config: Config, fleet: Fleet): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const channel of stockChannels(config)) {
    const reader = STOCK_READERS[channel.kind];
    if (reader && fleet.has(channel.kind)) out[channel.name] = reader.writes(await mockState<State>(fleet.url(channel.kind)));
  }
  return out;
}

export async function verifyStock(options: { ledger: string; config: Config; fleet: Fleet }): Promise<StockVerification> {
  const { config, fleet } = options;
  const result: StockVerification = { checked: 0, stale: 0, unsettled: 0, problems: [] };
  const note = (problem: string) => { if (result.problems.length < 40) result.problems.push(problem); };
  const policy = config.stock;
  if (!policy) return result;
  const source = policy.source.kind === 'target' ? policy.source.target : `csv:${policy.source.file}`;
  const channels = stockChannels(config);
  const ledger = openLedger(options.ledger);
  try {
    const figures = currentFigures(ledger, policy, source);
    if (figures.size === 0) note(`stock: the ledger holds no levels from ${source}`);
    for (const push of ledger.stock.pushes().filter((p) => p.status !== 'ok')) {
      result.unsettled++;
      note(`stock ${push.channel} ${push.sku}: last push ${push.status} (${push.lastError ?? 'no reason'})`);
    }
    for (const channel of channels) {
      const reader = STOCK_READERS[channel.kind];
      if (!reader || !fleet.has(channel.kind)) { note(`stock ${channel.name}: no reader for kind ${channel.kind}; not checked`); continue; }
      if (channels.filter((c) => c.kind === channel.kind).length > 1) { note(`stock ${channel.name}: shares its mock with another channel; not checked`); continue; }
      const state = await mockState<State>(fleet.url(channel.kind));
      for (const master of masterSkus(policy, figures)) {
        const expected = availableOn(policy, figures, channel.name, master);
        for (const sku of channelSkusFor(policy, channel.name, master)) {
          const held = reader.quantities(state, sku, channel.settings);
          result.checked += held.length;
          const wrong = held.filter((q) => q !== expected);
          if (wrong.length === 0) continue;
          result.stale += wrong.length;
          note(`stock ${channel.name} ${sku}: holds ${held.map((q) => q ?? 'nothing').join('/')}, the ledger computes ${expected}`);
        }
      }
    }
    // Each stock target must hold the source's on hand of every SKU the source reports.
    const reported = new Set(ledger.stock.levels(source).map((level) => level.sku));
    for (const name of policy.targets) {
      const target = config.targets.find((t) => t.name === name);
      const read = target && TARGET_READERS[target.kind];
      if (!target || !read || !fleet.has(target.kind)) { note(`stock target ${name}: no reader for its kind; not checked`); continue; }
      const state = await mockState<State>(fleet.url(target.kind));
      for (const sku of reported) {
        const expected = figures.get(sku)?.onHand ?? 0;
        const held = read(state, sku);
        result.checked++;
        if (held === expected) continue;
        result.stale++;
        note(`stock target ${name} ${sku}: holds ${held ?? 'nothing'}, the source has ${expected} on hand`);
      }
    }
  } finally {
    ledger.close();
  }
  return result;
}
