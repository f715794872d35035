// `stock push`: computes available-to-sell from the ledger, plans only what changed since the
// last push, and applies the plan through each channel's pushStock. One channel failing, or one
// SKU refused, never stops the rest; every answer is recorded.
import type { ConnectorContext, StockPushResult, StockUpdate } from '../connector-kit/index.js';
import type { Ledger } from '../ledger/index.js';
import { oversoldSkus, stockFigures, type SkuFigures } from './available.js';
import { planChannel, pushKey, type LastPush, type PlanEntry } from './plan.js';
import type { StockPolicy } from './policy.js';

export interface StockChannelRuntime {
  name: string;
  definition: { pushStock?(ctx: ConnectorContext<never>, updates: StockUpdate[]): Promise<StockPushResult[]> };
  ctx: ConnectorContext<unknown>;
}

export interface ChannelStockResult {
  channel: string;
  planned: number;
  unchanged: number;
  ok: number;
  rejected: number;
  retry: number;
  /** The channel failed as a whole (network, credentials): every SKU of it is retried next run. */
  error: string | null;
}

export interface StockPushReport {
  plan: PlanEntry[];
  channels: ChannelStockResult[];
  oversold: { sku: string; short: number }[];
  figures: Map<string, SkuFigures>;
  /** Per `channel\0sku` of the plan: what the channel answered (empty on a dry run). */
  outcomes: Map<string, StockPushResult>;
}

const UNANSWERED = 'sent, but the run ended before the channel\'s answer was recorded';

/** The figures behind every quantity: the source's on hand (all locations) and open order lines. */
export function currentFigures(ledger: Ledger, policy: StockPolicy, source: string): Map<string, SkuFigures> {
  const onHand = new Map<string, number>();
  for (const level of ledger.stock.levels(source)) onHand.set(level.sku, (onHand.get(level.sku) ?? 0) + level.onHand);
  return stockFigures(policy, onHand, ledger.stock.openLines(source));
}

export function lastPushes(ledger: Ledger): Map<string, LastPush> {
  return new Map(ledger.stock.pushes().map((record) => [pushKey(record.channel, record.sku), record]));
}

export async function pushStockLevels(
  ledger: Ledger, channels: readonly StockChannelRuntime[], policy: StockPolicy, source: string,
  options: { dryRun?: boolean; now?: () => number } = {},
): Promise<StockPushReport> {
  const now = options.now ?? Date.now;
  const figures = currentFigures(ledger, policy, source);
  const oversold = oversoldSkus(figures);
  if (!options.dryRun) ledger.stock.flagOversold(oversold, now());
  const last = lastPushes(ledger);
  const report: StockPushReport = { plan: [], channels: [], oversold, figures, outcomes: new Map() };
  for (const channel of channels) {
    if (!channel.definition.pushStock) continue;
    const { entries, unchanged } = planChannel(policy, figures, channel.name, last);
    report.plan.push(...entries);
    const result: ChannelStockResult = { channel: channel.name, planned: entries.length, unchanged, ok: 0, rejected: 0, retry: 0, error: null };
    report.channels.push(result);
    if (options.dryRun || entries.length === 0) continue;
    // Recorded before it is sent: a run killed after the channel took a quantity but before its
    // answer was written must not leave the ledger believing the old one (were the quantity to go
    // back to it, the next plan would see nothing to send and the channel would keep this one).
    ledger.stock.recordPushes(channel.name, entries.map((entry) => ({
      sku: entry.sku, quantity: entry.quantity, status: 'retry' as const, reason: UNANSWERED, onHand: entry.onHand, reserved: entry.reserved,
    })), now());
    const answers = await sendUpdates(channel, entries, result);
    ledger.stock.recordPushes(channel.name, entries.map((entry) => {
      const answer = answers.get(entry.sku) ?? { sku: entry.sku, status: 'retry' as const, reason: 'the connector gave no answer for this SKU' };
      result[answer.status]++;
      report.outcomes.set(pushKey(channel.name, entry.sku), answer);
      return { sku: entry.sku, quantity: entry.quantity, status: answer.status, reason: answer.reason, onHand: entry.onHand, reserved: entry.reserved };
    }), now());
  }
  return report;
}

async function sendUpdates(channel: StockChannelRuntime, entries: PlanEntry[], result: ChannelStockResult): Promise<Map<string, StockPushResult>> {
  const updates = entries.map((entry) => ({ sku: entry.sku, quantity: entry.quantity, previous: entry.previous }));
  try {
    const answers = await channel.definition.pushStock!(channel.ctx as ConnectorContext<never>, updates);
    return new Map(answers.map((answer) => [answer.sku, answer]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.error = `channel ${channel.name}: stock push failed: ${reason}`;
    return new Map(entries.map((entry) => [entry.sku, { sku: entry.sku, status: 'retry', reason }]));
  }
}
