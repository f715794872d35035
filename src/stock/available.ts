// Available-to-sell, value by value (README "Stock"):
//   available(sku, channel) = max(0, floor((onHand − reserved − safetyStock) × allocation(channel)))
//   bundle(channel)         = min over components of floor(available(component, channel) / per bundle)
// A SKU is oversold when its orders hold more than is on hand (reserved > onHand). Eating into the
// safety stock is not overselling: the buffer exists to be eaten into.
import { allocationFor, consumedBy, safetyFor, toMasterSku, type StockPolicy } from './policy.js';

export interface SkuFigures {
  sku: string;
  onHand: number;
  reserved: number;
  safety: number;
  /** onHand − reserved − safety, before allocation and clamping (may be negative). */
  net: number;
  /** Units sold beyond what is on hand; 0 when not oversold. */
  oversoldBy: number;
}

export interface OpenUnits { channel: string; sku: string; quantity: number }

/** Units reserved per master SKU: channel SKUs mapped, bundles expanded into their components. */
export function reservedBySku(policy: StockPolicy, lines: readonly OpenUnits[]): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const line of lines) {
    for (const [sku, units] of consumedBy(policy, toMasterSku(policy, line.channel, line.sku), line.quantity)) {
      reserved.set(sku, (reserved.get(sku) ?? 0) + units);
    }
  }
  return reserved;
}

export function figuresFor(policy: StockPolicy, sku: string, onHand: number, reserved: number): SkuFigures {
  const safety = safetyFor(policy, sku);
  return { sku, onHand, reserved, safety, net: onHand - reserved - safety, oversoldBy: Math.max(0, reserved - onHand) };
}

/**
 * max(0, floor(net × share)). The tiny epsilon keeps binary fractions honest: 100 × 0.29 is
 * 28.999999999999996 in floating point and must floor to 29, not 28.
 */
export function allocate(net: number, share: number): number {
  if (net <= 0 || share <= 0) return 0;
  return Math.floor(net * share + 1e-9);
}

export function bundleAvailable(components: Record<string, number>, availableOf: (sku: string) => number): number {
  const counts = Object.entries(components).map(([sku, per]) => Math.floor(availableOf(sku) / per));
  return counts.length === 0 ? 0 : Math.max(0, Math.min(...counts));
}

/** Every master SKU's figures: the source's SKUs and every bundle component (0 on hand if unknown). */
export function stockFigures(policy: StockPolicy, onHand: ReadonlyMap<string, number>, lines: readonly OpenUnits[]): Map<string, SkuFigures> {
  const reserved = reservedBySku(policy, lines);
  const skus = new Set([...onHand.keys(), ...Object.values(policy.bundles).flatMap((bundle) => Object.keys(bundle))]);
  for (const bundle of Object.keys(policy.bundles)) skus.delete(bundle);
  const figures = new Map<string, SkuFigures>();
  for (const sku of [...skus].sort()) figures.set(sku, figuresFor(policy, sku, onHand.get(sku) ?? 0, reserved.get(sku) ?? 0));
  return figures;
}

/** What `channel` may offer of a master SKU (plain or bundle). */
export function availableOn(policy: StockPolicy, figures: ReadonlyMap<string, SkuFigures>, channel: string, sku: string): number {
  const share = allocationFor(policy, channel);
  const plain = (master: string): number => allocate(figures.get(master)?.net ?? 0, share);
  const bundle = policy.bundles[sku];
  return bundle ? bundleAvailable(bundle, plain) : plain(sku);
}

export function oversoldSkus(figures: ReadonlyMap<string, SkuFigures>): { sku: string; short: number }[] {
  return [...figures.values()].filter((f) => f.oversoldBy > 0).map((f) => ({ sku: f.sku, short: f.oversoldBy }));
}
