// Tryton (6.0) as a stock target (`stock.targets`): sets each master SKU's on-hand quantity in one
// warehouse's storage location the way a stock count does it (trytond modules/stock inventory.py).
// `stock.inventory.create` with one line per product (`quantity` = the counted figure) makes Tryton
// compute each line's `expected_quantity` (complete_lines: done moves up to the inventory date, in
// that location alone); the `confirm` button then moves expected − counted from the storage to the
// warehouse's lost-and-found location, or back (InventoryLine.get_move, done at once).
import { z } from 'zod';
import type { ConnectorContext, StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { trytonClient, type TrytonClient } from './client.js';
import { outcomeOf, parseAnswer } from './errors.js';
import type { TrytonSettings } from './settings.js';
import { TrytonIds } from './types.js';
import { listWarehouses, pickStorage, type StorageLocation } from './warehouse.js';

type Ctx = ConnectorContext<TrytonSettings>;

// Products per lookup and per inventory: keeps each request small (trytond takes 2 GiB once
// authenticated) and each confirm a modest transaction; one failed inventory costs at most this many.
const CHUNK = 500;

const StockProduct = z.object({ id: z.number().int(), code: z.string().nullable(), type: z.string(), quantity: z.number() });
type StockProduct = z.infer<typeof StockProduct>;
const OwnQuantity = z.object({ id: z.number().int(), quantity: z.number() });

interface Line { sku: string; product: number; counted: number }

export async function pushTrytonStock(ctx: Ctx, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const answers = new Map<string, StockPushResult>();
  const answer = (sku: string, status: StockPushResult['status'], reason?: string): void => {
    answers.set(sku, reason === undefined ? { sku, status } : { sku, status, reason });
  };
  const wanted = wantedLevels(updates, answer);
  if (wanted.size > 0) {
    const client = trytonClient(ctx);
    const storage = pickStorage(await listWarehouses(client), ctx.settings.stockWarehouse);
    const entries = [...wanted];
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK);
      try {
        await pushChunk(ctx, client, storage, new Map(chunk), answer);
      } catch (error) {
        // Transient (timeout, 5xx, lock): these SKUs next run; anything else (refused login, a
        // warehouse without lost-and-found) fails the whole push, so the engine retries every SKU.
        const outcome = outcomeOf(error);
        if (outcome.status !== 'retry') throw error;
        for (const [sku] of chunk) if (!answers.has(sku)) answer(sku, 'retry', outcome.reason);
      }
    }
  }
  return updates.map((update) => answers.get(update.sku) ?? { sku: update.sku, status: 'retry', reason: 'no answer for this SKU' });
}

/** The quantity wanted per SKU; refuses what a Tryton count cannot hold before anything is sent. */
function wantedLevels(updates: readonly StockUpdate[], answer: (sku: string, status: 'rejected', reason: string) => void): Map<string, number> {
  const wanted = new Map<string, number>();
  const refused = new Set<string>();
  for (const { sku, quantity } of updates) {
    if (refused.has(sku)) continue;
    let problem: string | null = null;
    if (sku.trim() === '') problem = 'an empty SKU matches no Tryton product code';
    else if (!Number.isInteger(quantity)) problem = `quantity ${quantity} is not a whole number`;
    // Inventory lines carry a check constraint quantity >= 0 (msg_inventory_line_quantity_positive).
    else if (quantity < 0) problem = `quantity ${quantity} is negative, and a Tryton inventory counts 0 or more`;
    else if (wanted.has(sku) && wanted.get(sku) !== quantity) problem = `sent twice with different quantities (${wanted.get(sku)} and ${quantity})`;
    if (problem === null) {
      wanted.set(sku, quantity);
      continue;
    }
    refused.add(sku);
    wanted.delete(sku);
    answer(sku, 'rejected', problem);
  }
  return wanted;
}

async function pushChunk(
  ctx: Ctx, client: TrytonClient, storage: StorageLocation, wanted: ReadonlyMap<string, number>,
  answer: (sku: string, status: StockPushResult['status'], reason?: string) => void,
): Promise<void> {
  // One lookup per chunk, reading `quantity` over the storage and its sub-locations (with_childs
  // is the default for one location, move.py _get_quantity): the figure pullStock reads.
  const rows = parseAnswer(z.array(StockProduct), await client.model('product.product', 'search_read',
    [[['code', 'in', [...wanted.keys()]]], 0, null, [['id', 'ASC']], ['code', 'type', 'quantity']],
    { locations: [storage.id] }), 'product search');
  const bySku = new Map<string, StockProduct[]>();
  for (const row of rows) if (row.code !== null) bySku.set(row.code, [...(bySku.get(row.code) ?? []), row]);

  const changing: { sku: string; product: StockProduct; quantity: number }[] = [];
  for (const [sku, quantity] of wanted) {
    const found = bySku.get(sku) ?? [];
    const product = found[0];
    if (!product) answer(sku, 'rejected', `no active Tryton product has code "${sku}"`);
    else if (found.length > 1) answer(sku, 'rejected', `several Tryton products have code "${sku}" (ids ${found.map((p) => p.id).join(', ')}); make the code unique`);
    // Inventory lines take goods only (the line's product domain); services and assets hold no stock.
    else if (product.type !== 'goods') answer(sku, 'rejected', `Tryton product "${sku}" (id ${product.id}) is of type ${product.type}, which holds no stock`);
    else if (product.quantity === quantity) answer(sku, 'ok'); // already there: no inventory line
    else changing.push({ sku, product, quantity });
  }
  if (changing.length === 0) return;

  const lines = await countedLines(client, storage, changing, answer);
  if (lines.length === 0) return;
  await confirmInventory(ctx, client, storage, lines);
  for (const line of lines) answer(line.sku, 'ok');
}

/**
 * The inventory counts the storage location itself (complete_lines reads it without children), so
 * what sub-locations hold is subtracted from the wanted total; more there than wanted is refused.
 */
async function countedLines(
  client: TrytonClient, storage: StorageLocation, changing: { sku: string; product: StockProduct; quantity: number }[],
  answer: (sku: string, status: 'rejected', reason: string) => void,
): Promise<Line[]> {
  const own = new Map(parseAnswer(z.array(OwnQuantity), await client.model('product.product', 'read',
    [changing.map((c) => c.product.id), ['quantity']], { locations: [storage.id], with_childs: false }), 'product read')
    .map((row) => [row.id, row.quantity]));
  const lines: Line[] = [];
  for (const { sku, product, quantity } of changing) {
    const elsewhere = product.quantity - (own.get(product.id) ?? 0);
    const counted = quantity - elsewhere;
    if (counted < 0) {
      answer(sku, 'rejected', `${elsewhere} of "${sku}" are in sub-locations of warehouse ${storage.warehouse}'s storage, more than ${quantity}; ordersync counts only the storage location itself, so move or count them in Tryton`);
    } else lines.push({ sku, product: product.id, counted });
  }
  return lines;
}

/** Creates the inventory with its lines (one transaction) and confirms it; removes it if that fails. */
async function confirmInventory(ctx: Ctx, client: TrytonClient, storage: StorageLocation, lines: readonly Line[]): Promise<void> {
  // `company` and `date` (today) take Tryton's defaults from the session context. Every line has a
  // quantity, so `empty_quantity` never applies; `keep` says so should a line ever come without one.
  const [inventory] = parseAnswer(TrytonIds.length(1), await client.model('stock.inventory', 'create', [[{
    location: storage.id,
    empty_quantity: 'keep',
    lines: [['create', lines.map((line) => ({ product: line.product, quantity: line.counted }))]],
  }]]), 'inventory create');
  try {
    await client.model('stock.inventory', 'confirm', [[inventory!]]);
  } catch (error) {
    await discardInventory(ctx, client, inventory!);
    throw error;
  }
  ctx.log.info('confirmed Tryton inventory', { inventory: inventory!, warehouse: storage.warehouse, lines: lines.length });
}

// A draft inventory left behind would move stock by stale expected quantities if someone confirmed
// it later. Inventory.delete cancels a draft first and refuses a done one (then nothing is lost:
// the confirm went through after all, and the next push finds the quantities in place).
async function discardInventory(ctx: Ctx, client: TrytonClient, inventory: number): Promise<void> {
  try {
    await client.model('stock.inventory', 'delete', [[inventory]]);
  } catch (error) {
    ctx.log.warn(`target ${ctx.name}: could not delete unconfirmed Tryton inventory ${inventory}; cancel it in Tryton if it is still a draft`, {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
