// Stock push to Shopify: look up each SKU's inventory item and its stocked location, then set the
// `available` quantity with `inventorySetQuantities`, 250 quantities a mutation (input arrays are
// capped at 250), compare-and-swap against the quantity just read (`changeFromQuantity`, 2026-01+;
// `compareQuantity` before). A userError makes the whole mutation fail, so the quantities it did
// not complain about are sent again without the refused ones.
// https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/inventorySetQuantities
import { randomUUID } from 'node:crypto';
import type { ConnectorContext, StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { runQuery, shopifyClient, type ShopifyClient } from './client.js';
import type { ShopifySettings } from './settings.js';

const LOOKUP_PAGE = 50; // 50 items × 6 points + 2 ≈ 302 points a query, well under the 1,000 cap
const MAX_QUANTITIES = 250;

export const INVENTORY_ITEMS_QUERY = `query StockItems($first: Int!, $query: String!) {
  inventoryItems(first: $first, query: $query) {
    nodes { id sku inventoryLevels(first: 1) { nodes { location { id } quantities(names: ["available"]) { name quantity } } } }
  }
}`;

export const SET_QUANTITIES_MUTATION = `mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`;

interface Target { sku: string; inventoryItemId: string; locationId: string; current: number; quantity: number }
interface ItemNode { id: string; sku: string | null; inventoryLevels: { nodes: { location: { id: string }; quantities: { name: string; quantity: number }[] }[] } }
interface UserError { code: string | null; field: string[] | null; message: string }

export async function pushShopifyStock(ctx: ConnectorContext<ShopifySettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const client = shopifyClient(ctx);
  const items = await findItems(client, updates.map((u) => u.sku));
  const results: StockPushResult[] = [];
  const targets: Target[] = [];
  for (const update of updates) {
    const item = items.get(update.sku);
    const level = item?.inventoryLevels.nodes[0];
    if (!item || !level) {
      results.push({ sku: update.sku, status: 'rejected', reason: item ? `SKU "${update.sku}" is not stocked at any location` : `unknown SKU: no Shopify inventory item has SKU "${update.sku}"` });
      continue;
    }
    const current = level.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
    targets.push({ sku: update.sku, inventoryItemId: item.id, locationId: level.location.id, current, quantity: update.quantity });
  }
  for (let i = 0; i < targets.length; i += MAX_QUANTITIES) results.push(...(await setQuantities(client, targets.slice(i, i + MAX_QUANTITIES))));
  return results;
}

async function setQuantities(client: ShopifyClient, targets: Target[], resent = false): Promise<StockPushResult[]> {
  if (targets.length === 0) return [];
  const cas = casField(client.ctx.settings.apiVersion);
  const input = {
    name: 'available', reason: 'correction', referenceDocumentUri: 'gid://ordersync/StockPush/available-to-sell',
    quantities: targets.map((t) => ({ inventoryItemId: t.inventoryItemId, locationId: t.locationId, quantity: t.quantity, [cas]: t.current })),
  };
  const data = await runQuery<{ inventorySetQuantities: { userErrors: UserError[] } | null }>(client, SET_QUANTITIES_MUTATION, { input, key: randomUUID() });
  const errors = data.inventorySetQuantities?.userErrors ?? [];
  if (errors.length === 0) return targets.map((t) => ({ sku: t.sku, status: 'ok' }));
  const refused = new Map<number, UserError>();
  for (const error of errors) {
    const index = error.field?.[0] === 'input' && error.field[1] === 'quantities' ? Number(error.field[2]) : NaN;
    if (Number.isInteger(index)) refused.set(index, error);
  }
  // An error that names no quantity (name, reason) concerns them all.
  if (refused.size === 0 || resent) {
    const reason = errors.map(describe).join('; ');
    return targets.map((t, i) => refused.has(i) || refused.size === 0 ? outcome(t, refused.get(i) ?? errors[0]!, reason) : { sku: t.sku, status: 'retry', reason: `not applied: ${reason}` });
  }
  const results = targets.flatMap((t, i) => (refused.has(i) ? [outcome(t, refused.get(i)!, describe(refused.get(i)!))] : []));
  return [...results, ...(await setQuantities(client, targets.filter((_, i) => !refused.has(i)), true))];
}

/** A stale compare means someone sold or counted meanwhile: read again next run. */
function outcome(target: Target, error: UserError, reason: string): StockPushResult {
  const stale = error.code === 'CHANGE_FROM_QUANTITY_STALE' || error.code === 'COMPARE_QUANTITY_STALE';
  return { sku: target.sku, status: stale ? 'retry' : 'rejected', reason: `Shopify: ${reason}` };
}

const describe = (error: UserError): string => `${error.code ?? 'error'}: ${error.message}`;

/** `changeFromQuantity` from 2026-01 (compareQuantity deprecated), `compareQuantity` before. */
export function casField(version: string): 'changeFromQuantity' | 'compareQuantity' {
  return version === 'unstable' || version >= '2026-01' ? 'changeFromQuantity' : 'compareQuantity';
}

// inventoryItems(query: "sku:…") — https://shopify.dev/docs/api/admin-graphql/2026-01/queries/inventoryItems
async function findItems(client: ShopifyClient, skus: string[]): Promise<Map<string, ItemNode>> {
  const found = new Map<string, ItemNode>();
  const unique = [...new Set(skus)];
  for (let i = 0; i < unique.length; i += LOOKUP_PAGE) {
    const chunk = unique.slice(i, i + LOOKUP_PAGE);
    const query = chunk.map((sku) => `sku:'${sku.replace(/['\\]/g, '\\$&')}'`).join(' OR ');
    const data = await runQuery<{ inventoryItems: { nodes: ItemNode[] } }>(client, INVENTORY_ITEMS_QUERY, { first: LOOKUP_PAGE, query });
    // A SKU shared by several items: the first one wins (Shopify does not enforce unique SKUs).
    for (const node of data.inventoryItems.nodes) if (node.sku && chunk.includes(node.sku) && !found.has(node.sku)) found.set(node.sku, node);
  }
  return found;
}
