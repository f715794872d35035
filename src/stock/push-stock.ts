// `stock push`: computes available-to-sell from the ledger, plans only what changed since the
// last push, and applies the plan through each channel's pushStock; each stock target (config
// `stock.targets`) gets the source's on hand the same way. One receiver failing, or one SKU
// refused, never stops the rest; every answer is recorded.
import type { ConnectorContext, StockPushResult, StockUpdate } from '../connector-kit/index.js';
import type { Ledger } from '../ledger/index.js';
import { oversoldSkus, stockFigures, type SkuFigures } from './available.js';
import { planChannel, planTarget, pushKey, type LastPush, type PlanEntry } from './plan.js';
import type { StockPolicy } from './policy.js';

/** A channel (takes available-to-sell) or a stock target (takes the source's on hand). */
export interface StockReceiver {
  kind: 'channel' | 'target';
  /** The channel's or the target's name in config. */
  name: string;
  definition: { pushStock?(ctx: ConnectorContext<never>, updates: StockUpdate[]): Promise<StockPushResult[]> };
  ctx: ConnectorContext<unknown>;
}

/** The key a receiver's pushes are recorded under: a channel's name, or `target:<name>`. */
export function receiverKey(receiver: Pick<StockReceiver, 'kind' | 'name'>): string {
  return receiver.kind === 'channel' ? receiver.name : `target:${receiver.name}`;
}

export interface ChannelStockResult {
  /** receiverKey: the channel's name, or `target:<name>`. */
  channel: string;
  planned: number;
  unchanged: number;
  ok: number;
  rejected: number;
  retry: number;
  /** The receiver failed as a whole (network, credentials): every SKU of it is retried next run. */
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
  return stockFigures(policy, onHandBySku(ledger, source), ledger.stock.openLines(source));
}

/** The source's on hand per SKU, all its locations together. */
function onHandBySku(ledger: Ledger, source: string): Map<string, number> {
  const onHand = new Map<string, number>();
  for (const level of ledger.stock.levels(source)) onHand.set(level.sku, (onHand.get(level.sku) ?? 0) + level.onHand);
  return onHand;
}

export function lastPushes(ledger: Ledger): Map<string, LastPush> {
  return new Map(ledger.stock.pushes().map((record) => [pushKey(record.channel, record.sku), record]));
}

export async function pushStockLevels(
  ledger: Ledger, receivers: readonly StockReceiver[], policy: StockPolicy, source: string,
  options: { dryRun?: boolean; now?: () => number } = {},
): Promise<StockPushReport> {
  const now = options.now ?? Date.now;
  const onHand = onHandBySku(ledger, source);
  const figures = stockFigures(policy, onHand, ledger.stock.openLines(source));
  const oversold = oversoldSkus(figures);
  if (!options.dryRun) ledger.stock.flagOversold(oversold, now());
  const last = lastPushes(ledger);
  const report: StockPushReport = { plan: [], channels: [], oversold, figures, outcomes: new Map() };
  for (const receiver of receivers) {
    if (!receiver.definition.pushStock) continue;
    const key = receiverKey(receiver);
    const { entries, unchanged } = receiver.kind === 'channel'
      ? planChannel(policy, figures, key, last)
      : planTarget(figures, new Set(onHand.keys()), key, last);
    report.plan.push(...entries);
    const result: ChannelStockResult = { channel: key, planned: entries.length, unchanged, ok: 0, rejected: 0, retry: 0, error: null };
    report.channels.push(result);
    if (options.dryRun || entries.length === 0) continue;
    // Recorded before it is sent: a run killed after the channel took a quantity but before its
    // answer was written must not leave the ledger believing the old one (were the quantity to go
    // back to it, the next plan would see nothing to send and the channel would keep this one).
    ledger.stock.recordPushes(key, entries.map((entry) => ({
      sku: entry.sku, quantity: entry.quantity, status: 'retry' as const, reason: UNANSWERED, onHand: entry.onHand, reserved: entry.reserved,
    })), now());
    const answers = await sendUpdates(receiver, entries, result);
    ledger.stock.recordPushes(key, entries.map((entry) => {
      const answer = answers.get(entry.sku) ?? { sku: entry.sku, status: 'retry' as const, reason: 'the connector gave no answer for this SKU' };
      result[answer.status]++;
      report.outcomes.set(pushKey(key, entry.sku), answer);
      return { sku: entry.sku, quantity: entry.quantity, status: answer.status, reason: answer.reason, onHand: entry.onHand, reserved: entry.reserved };
    }), now());
  }
  return report;
}

async function sendUpdates(receiver: StockReceiver, entries: PlanEntry[], result: ChannelStockResult): Promise<Map<string, StockPushResult>> {
  const updates = entries.map((entry) => ({ sku: entry.sku, quantity: entry.quantity, previous: entry.previous }));
  try {
    const answers = await receiver.definition.pushStock!(receiver.ctx as ConnectorContext<never>, updates);
    return new Map(answers.map((answer) => [answer.sku, answer]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.error = `${receiver.kind} ${receiver.name}: stock push failed: ${reason}`;
    return new Map(entries.map((entry) => [entry.sku, { sku: entry.sku, status: 'retry', reason }]));
  }
}
