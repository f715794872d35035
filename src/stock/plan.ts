// The stock push plan: per channel and channel SKU, the quantity to offer, kept only where it
// differs from what the channel last accepted, each with the reason. Pure.
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

export function planChannel(
  policy: StockPolicy, figures: ReadonlyMap<string, SkuFigures>, channel: string, last: ReadonlyMap<string, LastPush>,
): { entries: PlanEntry[]; unchanged: number } {
  const entries: PlanEntry[] = [];
  let unchanged = 0;
  for (const masterSku of masterSkus(policy, figures)) {
    const quantity = availableOn(policy, figures, channel, masterSku);
    const bundle = policy.bundles[masterSku];
    const f = bundle ? undefined : figures.get(masterSku);
    const oversold = bundle ? Object.keys(bundle).some((c) => (figures.get(c)?.oversoldBy ?? 0) > 0) : (f?.oversoldBy ?? 0) > 0;
    for (const sku of channelSkusFor(policy, channel, masterSku)) {
      const previous = last.get(pushKey(channel, sku));
      const reason = reasonToPush(previous, quantity, f);
      if (reason === undefined) {
        unchanged++;
        continue;
      }
      entries.push({
        channel, sku, masterSku, previous: previous?.quantity ?? null, quantity, reason, oversold,
        onHand: f?.onHand ?? null, reserved: f?.reserved ?? null,
      });
    }
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
