// The merchant's stock rules (config `stock:`): buffers, per-channel allocation, SKU mapping and
// bundles, with the look-ups the maths need. Pure data and pure functions.

export interface StockPolicy {
  /** Units held back from every channel: per master SKU, else the default. */
  safetyStock: { default: number; skus: Record<string, number> };
  /** Share of the sellable units each channel may offer (0–1); a channel not named gets 1. */
  allocation: Record<string, number>;
  /** Per channel: the channel's SKU → the master SKU it stands for. */
  skuMap: Record<string, Record<string, string>>;
  /** Bundle (kit) master SKU → its component master SKUs and how many of each one bundle holds. */
  bundles: Record<string, Record<string, number>>;
}

export const EMPTY_POLICY: StockPolicy = { safetyStock: { default: 0, skus: {} }, allocation: {}, skuMap: {}, bundles: {} };

export function toMasterSku(policy: StockPolicy, channel: string, channelSku: string): string {
  return policy.skuMap[channel]?.[channelSku] ?? channelSku;
}

/** The SKUs a channel sells a master SKU under: the mapped ones, else the master SKU itself. */
export function channelSkusFor(policy: StockPolicy, channel: string, masterSku: string): string[] {
  const mapped = Object.entries(policy.skuMap[channel] ?? {}).filter(([, master]) => master === masterSku).map(([sku]) => sku);
  return mapped.length > 0 ? mapped.sort() : [masterSku];
}

export function safetyFor(policy: StockPolicy, masterSku: string): number {
  return policy.safetyStock.skus[masterSku] ?? policy.safetyStock.default;
}

export function allocationFor(policy: StockPolicy, channel: string): number {
  return policy.allocation[channel] ?? 1;
}

/** The master SKUs that `quantity` units of `masterSku` consume: a bundle's components, else itself. */
export function consumedBy(policy: StockPolicy, masterSku: string, quantity: number): [string, number][] {
  const bundle = policy.bundles[masterSku];
  if (!bundle) return [[masterSku, quantity]];
  return Object.entries(bundle).map(([component, per]) => [component, per * quantity]);
}
