// The stock push plan: per channel and channel SKU, the quantity to offer (per stock target and
// master SKU, the on-hand figure to hold), kept only where it differs from what the receiver last
// accepted, each with the reason. Pure.
import { availableOn, type SkuFigures } from './available.js';
import { channelSkusFor, type StockPolicy } from './policy.js';

export interface LastPush {
  quantity: number | null;
  attemptedQuantity: number;
  status: 'ok' | 'rejected' | 'retry';
  lastError: string | null;
  onHand: number | null;
  reserved: number | null;
}

export interface PlanEntry {
  /** The channel's name, or `target:<name>` for a stock target. */
  channel: string;
  /** The channel's own SKU. */
  sku: string;
  masterSku: string;
  /** What the channel last accepted (null: never). */
  previous: number | null;
  quantity: number;
  reason: string;
  oversold: boolean;
  /** The figures behind the quantity (null for bundles, which stand on their components). */
  onHand: number | null;
  reserved: number | null;
}

export const pushKey = (channel: string, sku: string): string => `${channel}\u0000${sku}`;

/** Every master SKU a channel is offered: the source's SKUs, bundle components and bundles. */
export function masterSkus(policy: StockPolicy, figures: ReadonlyMap<string, SkuFigures>): string[] {
  return [...new Set([...figures.keys(), ...Object.keys(policy.bundles)])].sort();
}

/** One quantity a receiver should hold of one of its SKUs, with the figures behind it. */
interface Offer {
  sku: string;
  masterSku: string;
  quantity: number;
  figures: SkuFigures | undefined;
  oversold: boolean;
}

/** A channel's plan: available-to-sell of every master SKU, under each SKU the channel sells it as. */
export function planChannel(
  policy: StockPolicy, figures: ReadonlyMap<string, SkuFigures>, channel: string, last: ReadonlyMap<string, LastPush>,
): { entries: PlanEntry[]; unchanged: number } {
  const offers: Offer[] = [];
  for (const masterSku of masterSkus(policy, figures)) {
    const quantity = availableOn(policy, figures, channel, masterSku);
    const bundle = policy.bundles[masterSku];
    const f = bundle ? undefined : figures.get(masterSku);
    const oversold = bundle ? Object.keys(bundle).some((c) => (figures.get(c)?.oversoldBy ?? 0) > 0) : (f?.oversoldBy ?? 0) > 0;
    for (const sku of channelSkusFor(policy, channel, masterSku)) offers.push({ sku, masterSku, quantity, figures: f, oversold });
  }
  return planOffers(channel, offers, last);
}

/**
 * A stock target's plan (`stock.targets`): the source's on hand of every master SKU the source
 * reports, as the target's own on-hand figure. Bundles are not physical stock; a component the
 * source does not report is left alone rather than zeroed.
 */
export function planTarget(
  figures: ReadonlyMap<string, SkuFigures>, reported: ReadonlySet<string>, receiver: string, last: ReadonlyMap<string, LastPush>,
): { entries: PlanEntry[]; unchanged: number } {
  const offers = [...figures.values()].filter((f) => reported.has(f.sku))
    .map((f): Offer => ({ sku: f.sku, masterSku: f.sku, quantity: f.onHand, figures: f, oversold: f.oversoldBy > 0 }));
  return planOffers(receiver, offers, last);
}

function planOffers(receiver: string, offers: readonly Offer[], last: ReadonlyMap<string, LastPush>): { entries: PlanEntry[]; unchanged: number } {
  const entries: PlanEntry[] = [];
  let unchanged = 0;
  for (const { sku, masterSku, quantity, figures: f, oversold } of offers) {
    const previous = last.get(pushKey(receiver, sku));
    const reason = reasonToPush(previous, quantity, f);
    if (reason === undefined) {
      unchanged++;
      continue;
    }
    entries.push({
      channel: receiver, sku, masterSku, previous: previous?.quantity ?? null, quantity, reason, oversold,
      onHand: f?.onHand ?? null, reserved: f?.reserved ?? null,
    });
  }
  return { entries, unchanged };
}

/** Why this quantity must go out, or undefined when the channel already has it (or refused exactly it). */
export function reasonToPush(last: LastPush | undefined, quantity: number, f: SkuFigures | undefined): string | undefined {
  if (!last) return 'never pushed';
  if (last.status === 'ok' && last.quantity === quantity) return undefined;
  // A refusal is not repeated for the same quantity: it needs a human (or a change) first.
  if (last.status === 'rejected' && last.attemptedQuantity === quantity) return undefined;
  if (last.status === 'retry' && last.attemptedQuantity === quantity) return `retry: ${last.lastError ?? 'earlier attempt failed'}`;
  const changes: string[] = [];
  if (f && last.onHand !== null && last.onHand !== f.onHand) changes.push(`on hand ${last.onHand} → ${f.onHand}`);
  if (f && last.reserved !== null && last.reserved !== f.reserved) changes.push(`reserved ${last.reserved} → ${f.reserved}`);
  if (changes.length > 0) return changes.join(', ');
  if (!f) return 'bundle components changed';
  return last.status === 'ok' ? 'buffer or allocation changed' : `quantity changed since it was ${last.status === 'rejected' ? 'rejected' : 'last tried'}`;
}
