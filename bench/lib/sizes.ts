// The two sizes: `tiny` is CI's smoke check that every benchmark still runs (well under a
// minute); `full` is the sizes.
export interface Sizes {
  name: 'tiny' | 'full';
  /** Orders in each mock channel for pull throughput and incremental cost (items 1, 4). */
  pullOrders: number;
  /** Orders in the ledger write benchmark (item 2). */
  ledgerOrders: number;
  /** The smaller and larger pull for peak RSS (item 3). */
  memoryOrders: [number, number];
  /** Orders changed between pulls (item 4). */
  changes: number;
  /** Seconds measured at each rate limit, after `pushWarmupSeconds` (item 5). */
  pushSeconds: number;
  pushWarmupSeconds: number;
  /** Deliveries pushed to the unlimited target (item 6). */
  overheadDeliveries: number;
  /** Orders in the ledger whose status is refreshed (item 7). */
  statusOrders: number;
  /** SKUs pushed to WooCommerce, Shopify and eBay (item 8: issue 5's stock push at scale). */
  stockSkus: number;
  /** SKUs pushed to Amazon: one PATCH each at 5/s, so capped to keep the section short (item 8). */
  stockAmazonSkus: number;
  /** Shopify's cost bucket for the stock push (item 8; bench/README.md says why). */
  stockShopifyBucket: { maximumAvailable: number; restoreRate: number };
}

export const SIZES: Record<Sizes['name'], Sizes> = {
  tiny: {
    name: 'tiny', pullOrders: 1_000, ledgerOrders: 5_000, memoryOrders: [1_000, 5_000], changes: 100,
    pushSeconds: 5, pushWarmupSeconds: 2, overheadDeliveries: 1_000, statusOrders: 20_000,
    stockSkus: 200, stockAmazonSkus: 40, stockShopifyBucket: { maximumAvailable: 1_000, restoreRate: 50 },
  },
  full: {
    name: 'full', pullOrders: 100_000, ledgerOrders: 100_000, memoryOrders: [10_000, 1_000_000], changes: 100,
    pushSeconds: 60, pushWarmupSeconds: 10, overheadDeliveries: 50_000, statusOrders: 1_000_000,
    stockSkus: 10_000, stockAmazonSkus: 10_000, stockShopifyBucket: { maximumAvailable: 2_000, restoreRate: 1_000 },
  },
};
