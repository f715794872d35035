// Odoo in `stock.targets`: sets the on-hand quantity of each master SKU in one internal location
// (`stockLocation`) the way Inventory → Physical Inventory does: the counted quantity
// (`inventory_quantity`) on the location's stock.quant, then `action_apply_inventory`, which books
// the difference as a done move from/to the inventory-loss location. A few calls for the whole batch:
// location, products, quants, writes (one per distinct figure), one create, one apply.
import type { ConnectorContext, StockPushResult, StockUpdate } from '../../src/connector-kit/index.js';
import { odooClient, type OdooClient } from './client.js';
import { OdooError } from './errors.js';
import type { OdooSettings } from './settings.js';
import { planCount, whyNotStockable } from './stock-count.js';
import { applyCounts, CHUNK, createCounts, findQuants, findStockProducts, hasIsStorable, resolveLocation, writeCounts, type StockLocation } from './stock-quants.js';

type Answer = Omit<StockPushResult, 'sku'>;
interface Count { sku: string; productId: number; quantity: number; quantId?: number }

export async function pushOdooStock(ctx: ConnectorContext<OdooSettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  if (updates.length === 0) return [];
  let answers: Map<string, Answer>;
  try {
    answers = await setCounts(odooClient(ctx), ctx.settings.stockLocation, updates);
  } catch (error) {
    throw explain(error);
  }
  return updates.map((u) => ({ sku: u.sku, ...(answers.get(u.sku) ?? { status: 'retry', reason: 'no answer was worked out for this SKU' }) }));
}

async function setCounts(odoo: OdooClient, locationSetting: string | number, updates: StockUpdate[]): Promise<Map<string, Answer>> {
  const location = await resolveLocation(odoo, locationSetting);
  const withIsStorable = await hasIsStorable(odoo);
  const products = await findStockProducts(odoo, updates.map((u) => u.sku), withIsStorable);
  const answers = new Map<string, Answer>();
  const reject = (sku: string, reason: string): void => void answers.set(sku, { status: 'rejected', reason });
  const stockable: { update: StockUpdate; productId: number }[] = [];
  // One count per SKU (the last figure, should a batch name a SKU twice).
  for (const update of new Map(updates.map((u) => [u.sku, u])).values()) {
    const found = products.get(update.sku) ?? [];
    const [product] = found;
    if (!product) reject(update.sku, `no Odoo product has Internal Reference (default_code) "${update.sku}"`);
    else if (found.length > 1) reject(update.sku, `${found.length} Odoo products have Internal Reference "${update.sku}" (ids ${found.map((p) => p.id).join(', ')}); make it unique in Odoo`);
    else {
      const why = whyNotStockable(product, withIsStorable);
      if (why) reject(update.sku, `"${update.sku}" ${why}`);
      else stockable.push({ update, productId: product.id });
    }
  }
  const quants = await findQuants(odoo, stockable.map((s) => s.productId), location.id);
  const counts: Count[] = [];
  for (const { update, productId } of stockable) {
    const plan = planCount(update.quantity, quants.get(productId) ?? [], location.name);
    if (plan.kind === 'unchanged') answers.set(update.sku, { status: 'ok' });
    else if (plan.kind === 'rejected') reject(update.sku, plan.reason);
    else counts.push({ sku: update.sku, productId, quantity: plan.quantity, ...(plan.kind === 'write' ? { quantId: plan.quantId } : {}) });
  }
  const written = await writeAll(odoo, counts.filter((c) => c.quantId !== undefined), answers);
  const created = await createAll(odoo, counts.filter((c) => c.quantId === undefined), location, answers);
  await applyAll(odoo, [...written, ...created], answers);
  return answers;
}

/** One write per distinct figure. Returns the counts now waiting to be applied. */
async function writeAll(odoo: OdooClient, counts: Count[], answers: Map<string, Answer>): Promise<Count[]> {
  const byQuantity = new Map<number, Count[]>();
  for (const count of counts) byQuantity.set(count.quantity, [...(byQuantity.get(count.quantity) ?? []), count]);
  const written: Count[] = [];
  for (const [quantity, group] of byQuantity) {
    written.push(...await settleEach(group, answers, async (batch) => {
      await writeCounts(odoo, batch.map((c) => c.quantId as number), quantity);
      return batch;
    }));
  }
  return written;
}

async function createAll(odoo: OdooClient, counts: Count[], location: StockLocation, answers: Map<string, Answer>): Promise<Count[]> {
  const created: Count[] = [];
  for (let i = 0; i < counts.length; i += CHUNK) {
    created.push(...await settleEach(counts.slice(i, i + CHUNK), answers, async (batch) => {
      const ids = await createCounts(odoo, batch, location.id);
      return batch.map((count, index) => ({ ...count, quantId: ids[index] }));
    }));
  }
  return created;
}

async function applyAll(odoo: OdooClient, counts: Count[], answers: Map<string, Answer>): Promise<void> {
  if (counts.length === 0) return;
  const applied = await settleEach(counts, answers, async (batch) => {
    const wizard = await applyCounts(odoo, batch.map((c) => c.quantId as number));
    const answer: Answer = wizard === null
      ? { status: 'ok' }
      // Nothing was applied; the written counts wait in Odoo and are written again next run.
      : { status: 'retry', reason: `Odoo answered with ${wizard} instead of applying the count (the quantity moved while it was being set)` };
    return batch.map((count) => ({ ...count, answer }));
  });
  for (const { sku, answer } of applied) answers.set(sku, answer);
}

/**
 * Runs `call` on the whole batch; when Odoo refuses it (a UserError or ValidationError rolls the
 * whole call back), item by item, so one refused product never stops the rest. Refusals are
 * answered `rejected`, a record gone meanwhile (MissingError) `retry`; other errors fail the push.
 */
async function settleEach<T extends { sku: string }, R>(items: T[], answers: Map<string, Answer>, call: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  try {
    return await call(items);
  } catch (error) {
    if (!isItemError(error)) throw error;
    if (items.length === 1) {
      answers.set(items[0]!.sku, itemAnswer(error));
      return [];
    }
  }
  const done: R[] = [];
  for (const item of items) {
    try {
      done.push(...await call([item]));
    } catch (error) {
      if (!isItemError(error)) throw error;
      answers.set(item.sku, itemAnswer(error));
    }
  }
  return done;
}

const isItemError = (error: unknown): error is OdooError => error instanceof OdooError && (error.status === 422 || error.status === 404);
const short = (name: string): string => name.split('.').pop() ?? name;

function itemAnswer(error: OdooError): Answer {
  const reason = `Odoo ${short(error.exception)}: ${error.message}`;
  return error.status === 404 ? { status: 'retry', reason } : { status: 'rejected', reason };
}

/** A failure of the whole push, said with what to do where the user can act on it. */
function explain(error: unknown): unknown {
  if (!(error instanceof OdooError)) return error;
  const said = `Odoo ${short(error.exception)}: ${error.message}`;
  if (error.status === 401) return new Error(`${said} — check apiKey (keys expire after at most 3 months), database and login`);
  if (error.status === 403) return new Error(`${said} — give the API user Inventory / Administrator rights (stock.quant, stock.move, stock.location)`);
  return new Error(said);
}
