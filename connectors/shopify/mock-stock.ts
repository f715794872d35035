// The mock shop's inventory: one inventory item per variant SKU stocked at one location, read
// with `inventoryItems(query: "sku:…")` and set with `inventorySetQuantities` — compare-and-swap
// by `changeFromQuantity` (2026-01; mandatory from 2026-04), all-or-nothing on userErrors.
// https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/inventorySetQuantities
import { GraphQLError } from 'graphql';
import { connection, legacy, type ConnectionArgs } from './mock-search.js';

// The SKUs of mock-data.ts's catalogue (kept here so that file stays as it is), then TEE-BLK-L,
// which the shop stocks but its seeded orders do not sell: every stocked good of the Odoo mock.
export const PRODUCT_SKUS = ['TEE-BLK-M', 'TEE-WHT-L', 'MUG-12OZ', 'CAP-NAVY', 'BAG-TOTE', 'SOCK-3PK', 'POSTER-A2', 'GIFT-WRAP', 'TEE-BLK-L'] as const;
export const MOCK_LOCATION = { id: 'gid://shopify/Location/73100000001', name: 'Main warehouse' };
export const MOCK_INITIAL_AVAILABLE = 25;
const ITEM_ID_BASE = 45_000_000_000;
/** Input arrays are capped at 250 items (https://shopify.dev/docs/api/usage/limits). */
const MAX_INPUT_ARRAY = 250;

export const STOCK_SCHEMA_SDL = /* GraphQL */ `
directive @idempotent(key: String!) on FIELD

extend type Query {
  inventoryItems(first: Int, after: String, last: Int, before: String, query: String, reverse: Boolean = false): InventoryItemConnection!
}
type Mutation {
  inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
}
type Location { id: ID! name: String! }
type InventoryItemConnection { edges: [InventoryItemEdge!]! nodes: [InventoryItem!]! pageInfo: PageInfo! }
type InventoryItemEdge { cursor: String! node: InventoryItem! }
type InventoryItem { id: ID! sku: String tracked: Boolean! inventoryLevels(first: Int, after: String, last: Int, before: String): InventoryLevelConnection! }
type InventoryLevelConnection { edges: [InventoryLevelEdge!]! nodes: [InventoryLevel!]! pageInfo: PageInfo! }
type InventoryLevelEdge { cursor: String! node: InventoryLevel! }
type InventoryLevel { id: ID! location: Location! quantities(names: [String!]!): [InventoryQuantity!]! }
type InventoryQuantity { name: String! quantity: Int! }
input InventorySetQuantitiesInput { name: String! reason: String! referenceDocumentUri: String quantities: [InventoryQuantityInput!]! ignoreCompareQuantity: Boolean = false }
input InventoryQuantityInput { inventoryItemId: ID! locationId: ID! quantity: Int! changeFromQuantity: Int compareQuantity: Int }
type InventorySetQuantitiesPayload { inventoryAdjustmentGroup: InventoryAdjustmentGroup userErrors: [InventorySetQuantitiesUserError!]! }
type InventoryAdjustmentGroup { id: ID! reason: String! changes: [InventoryChange!]! }
type InventoryChange { name: String! delta: Int! quantityAfterChange: Int }
type InventorySetQuantitiesUserError { code: InventorySetQuantitiesUserErrorCode field: [String!] message: String! }
enum InventorySetQuantitiesUserErrorCode {
  CHANGE_FROM_QUANTITY_STALE COMPARE_QUANTITY_STALE INVALID_INVENTORY_ITEM INVALID_LOCATION INVALID_NAME INVALID_REASON
  ITEM_NOT_STOCKED_AT_LOCATION INVALID_QUANTITY_NEGATIVE INVALID_QUANTITY_TOO_HIGH CHANGE_FROM_QUANTITY_REQUIRED
}
`;

interface Item { id: string; sku: string; available: Map<string, number> }
interface QuantityInput { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null; compareQuantity?: number | null }
type UserError = { code: string; field: string[]; message: string };

// https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps (reasons list)
const REASONS = ['correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_updated', 'movement_received', 'movement_canceled', 'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock', 'safety_stock', 'shrinkage'];

export class InventoryStore {
  items = new Map<string, Item>();
  mutations = 0;
  lookups = 0;
  quantitiesSet = 0;
  stale = 0;
  private groups = 0;

  /** `skus`: one inventory item each, in place of the demo catalogue (benchmarks). */
  constructor(private readonly skus: readonly string[] = PRODUCT_SKUS) { this.reset(); }

  reset(): void {
    this.items = new Map();
    this.mutations = 0; this.lookups = 0; this.quantitiesSet = 0; this.stale = 0; this.groups = 0;
    this.skus.forEach((sku, i) => {
      const id = `gid://shopify/InventoryItem/${ITEM_ID_BASE + i + 1}`;
      this.items.set(id, { id, sku, available: new Map([[MOCK_LOCATION.id, MOCK_INITIAL_AVAILABLE]]) });
    });
  }

  availableBySku(): Record<string, number | null> {
    return Object.fromEntries([...this.items.values()].map((item) => [item.sku, item.available.get(MOCK_LOCATION.id) ?? null]));
  }

  /** Root resolvers for the engine; `version` is the API version being served. */
  root(version: string): Record<string, unknown> {
    return {
      inventoryItems: (args: ConnectionArgs & { query?: string | null }) => {
        this.lookups++;
        const skus = parseSkuQuery(args.query);
        const page = connection([...this.items.values()].filter((item) => !skus || skus.includes(item.sku)), (item) => ({ value: 0, id: Number(legacy(item.id)) }), args);
        return { ...page, nodes: page.nodes.map((item) => this.view(item)), edges: page.edges.map((edge) => ({ ...edge, node: this.view(edge.node) })) };
      },
      inventorySetQuantities: ({ input }: { input: { name: string; reason: string; quantities: QuantityInput[]; ignoreCompareQuantity?: boolean } }) => {
        this.mutations++;
        if (input.quantities.length > MAX_INPUT_ARRAY) throw new GraphQLError(`The input array size of ${input.quantities.length} is greater than the maximum allowed of ${MAX_INPUT_ARRAY}.`, { extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } });
        const errors = this.check(input, version);
        if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
        const changes = input.quantities.map((q) => {
          const item = this.items.get(q.inventoryItemId)!;
          const before = item.available.get(q.locationId) ?? 0;
          item.available.set(q.locationId, q.quantity);
          return { name: input.name, delta: q.quantity - before, quantityAfterChange: q.quantity };
        });
        this.quantitiesSet += changes.length;
        return { inventoryAdjustmentGroup: { id: `gid://shopify/InventoryAdjustmentGroup/${++this.groups}`, reason: input.reason, changes }, userErrors: [] };
      },
    };
  }

  private check(input: { name: string; reason: string; quantities: QuantityInput[]; ignoreCompareQuantity?: boolean }, version: string): UserError[] {
    const errors: UserError[] = [];
    if (input.name !== 'available' && input.name !== 'on_hand') errors.push({ code: 'INVALID_NAME', field: ['input', 'name'], message: 'The quantity name must be either \'available\' or \'on_hand\'.' });
    if (!REASONS.includes(input.reason)) errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The specified reason is invalid.' });
    const casRequired = version === 'unstable' || version >= '2026-04';
    input.quantities.forEach((q, i) => {
      const at = (name: string) => ['input', 'quantities', String(i), name];
      const item = this.items.get(q.inventoryItemId);
      if (!item) return void errors.push({ code: 'INVALID_INVENTORY_ITEM', field: at('inventoryItemId'), message: 'The specified inventory item could not be found.' });
      if (!item.available.has(q.locationId)) return void errors.push({ code: 'ITEM_NOT_STOCKED_AT_LOCATION', field: at('locationId'), message: 'The specified inventory item is not stocked at the location.' });
      if (q.quantity < 0 && input.name === 'on_hand') errors.push({ code: 'INVALID_QUANTITY_NEGATIVE', field: at('quantity'), message: 'The quantity can\'t be negative.' });
      // UNCONFIRMED code name for a missing changeFromQuantity (the docs only say "returns an error").
      if (casRequired && !('changeFromQuantity' in q)) return void errors.push({ code: 'CHANGE_FROM_QUANTITY_REQUIRED', field: at('changeFromQuantity'), message: 'changeFromQuantity must be provided (it may be null).' });
      const expected = 'changeFromQuantity' in q ? q.changeFromQuantity : input.ignoreCompareQuantity ? null : q.compareQuantity;
      const current = item.available.get(q.locationId) ?? 0;
      if (expected !== null && expected !== undefined && expected !== current) {
        this.stale++;
        errors.push({ code: 'CHANGE_FROM_QUANTITY_STALE', field: at('changeFromQuantity'), message: 'The specified compare quantity does not match the current quantity.' });
      }
    });
    return errors;
  }

  private view(item: Item): Record<string, unknown> {
    const levels = [...item.available.entries()].map(([locationId, available]) => ({
      id: `gid://shopify/InventoryLevel/${legacy(item.id)}?inventory_item_id=${legacy(item.id)}`,
      location: MOCK_LOCATION.id === locationId ? MOCK_LOCATION : { id: locationId, name: locationId },
      quantities: ({ names }: { names: string[] }) => names.filter((n) => n === 'available').map((name) => ({ name, quantity: available })),
    }));
    return { id: item.id, sku: item.sku, tracked: true, inventoryLevels: (args: ConnectionArgs) => connection(levels, (l) => ({ value: 0, id: Number(legacy(l.location.id)) }), args) };
  }
}

/** `sku:A OR sku:'B C'` → the SKUs; no query → every item. */
export function parseSkuQuery(query: string | null | undefined): string[] | undefined {
  if (!query || !query.trim()) return undefined;
  const skus: string[] = [];
  for (const match of query.matchAll(/sku:(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
    skus.push((match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  return skus;
}
