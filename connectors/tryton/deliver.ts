// One delivery: make the Tryton sale match the order's latest state, whatever the event type.
// Idempotent by construction: the sale is looked up by its reference before anything is written,
// so a delivery repeated after a crash finds the sale it created and only finishes the job.
import type { ConnectorContext, Delivery, DeliveryOutcome, Order } from '../../src/connector-kit/index.js';
import { trytonClient, type TrytonClient } from './client.js';
import { TrytonError, outcomeOf } from './errors.js';
import { findCurrency, findProducts, resolveParties } from './lookups.js';
import { lineCommands, planLines, saleReference, saleValues, wantsCancellation, type PlannedLine } from './mapping.js';
import { clickButton, createSale, describeSale, findSale, readLines, readSale, writeLines } from './sale.js';
import type { TrytonSettings } from './settings.js';
import type { TrytonSale } from './types.js';

type Ctx = ConnectorContext<TrytonSettings>;

// How far along the workflow each state is; ordersync only ever moves a sale forward to
// `settings.saleState`, or back to draft for a moment to edit a quotation's lines.
const RANK: Record<TrytonSale['state'], number> = { draft: 0, quotation: 1, confirmed: 2, processing: 3, done: 4, cancelled: -1 };
const EDITABLE = new Set<TrytonSale['state']>(['draft', 'quotation']);

export async function deliverOrder(ctx: Ctx, delivery: Delivery): Promise<DeliveryOutcome> {
  const client = trytonClient(ctx);
  const order = delivery.event.order;
  try {
    const sale = await findSale(client, saleReference(order), ctx.log);
    if (wantsCancellation(delivery.event)) return await cancelSale(client, sale, delivery);
    const planned = await plan(client, ctx.settings, order);
    if (sale === null) return await createFor(client, ctx, order, planned);
    return await updateSale(client, ctx.settings, sale, order, planned);
  } catch (error) {
    return outcomeOf(error);
  }
}

interface Plan { currency: number; lines: PlannedLine[] }

async function plan(client: TrytonClient, settings: TrytonSettings, order: Order): Promise<Plan> {
  const currency = await findCurrency(client, order.currency);
  const skus = order.lines.map((line) => line.sku?.trim()).filter((sku): sku is string => Boolean(sku));
  const { lines, problems } = planLines(order, await findProducts(client, skus), settings);
  if (problems.length > 0) {
    const hint = settings.unknownSku === 'reject' ? ' (or set unknownSku: freeText to add such lines without a product)' : '';
    throw new TrytonError('user', `needs manual action: ${problems.join('; ')}; create or fix the products in Tryton (code = SKU, salable)${hint}`);
  }
  return { currency, lines };
}

async function createFor(client: TrytonClient, ctx: Ctx, order: Order, planned: Plan): Promise<DeliveryOutcome> {
  const parties = await resolveParties(client, order);
  const context = await client.context();
  const company = typeof context.company === 'number' ? context.company : null;
  const id = await createSale(client, saleValues(order, parties, planned.currency, company, planned.lines));
  ctx.log.info('created Tryton sale', { sale: id, reference: saleReference(order) });
  await advance(client, await readSale(client, id), ctx.settings.saleState);
  return { status: 'ok', externalRef: String(id) };
}

async function updateSale(client: TrytonClient, settings: TrytonSettings, sale: TrytonSale, order: Order, planned: Plan): Promise<DeliveryOutcome> {
  if (sale.state === 'cancelled') {
    return rejected(`sale ${describeSale(sale)} is cancelled in Tryton but the order is active; reset it to draft in Tryton if it should go ahead`);
  }
  const commands = lineCommands(await readLines(client, sale.id), planned.lines);
  const currencyChanged = sale.currency !== planned.currency;
  if (commands.length > 0 || currencyChanged) {
    if (!EDITABLE.has(sale.state)) {
      const change = currencyChanged ? `currency ${order.currency}` : `lines (${describeChange(commands)})`;
      return rejected(`sale ${describeSale(sale)} is ${sale.state} in Tryton, so ordersync cannot change it; apply the order's new ${change} by hand`);
    }
    if (currencyChanged) return rejected(`the order's currency changed to ${order.currency}; change sale ${describeSale(sale)} by hand`);
    let current = sale;
    if (current.state === 'quotation') current = await clickButton(client, current, 'draft');
    await writeLines(client, current.id, commands);
    current = await readSale(client, current.id);
    // Back to where it was, or further if the settings ask for more.
    await advance(client, current, RANK[sale.state] > RANK[settings.saleState] ? 'quotation' : settings.saleState);
    return { status: 'ok', externalRef: String(sale.id) };
  }
  await advance(client, sale, settings.saleState);
  return { status: 'ok', externalRef: String(sale.id) };
}

async function cancelSale(client: TrytonClient, sale: TrytonSale | null, delivery: Delivery): Promise<DeliveryOutcome> {
  if (sale === null) return { status: 'ok', externalRef: delivery.previousExternalRef }; // never reached Tryton: nothing to cancel
  if (sale.state === 'cancelled') return { status: 'ok', externalRef: String(sale.id) };
  if (!EDITABLE.has(sale.state)) {
    return rejected(`sale ${describeSale(sale)} is ${sale.state} in Tryton and can no longer be cancelled through the API; `
      + 'cancel its shipments and invoices and then the sale in Tryton');
  }
  await clickButton(client, sale, 'cancel');
  return { status: 'ok', externalRef: String(sale.id) };
}

/** Moves the sale forward (draft → quotation → confirmed) until it reaches `target`. */
async function advance(client: TrytonClient, sale: TrytonSale, target: TrytonSettings['saleState']): Promise<TrytonSale> {
  let current = sale;
  if (current.state === 'draft' && RANK[target] >= RANK.quotation) current = await clickButton(client, current, 'quote');
  if (current.state === 'quotation' && RANK[target] >= RANK.confirmed) current = await clickButton(client, current, 'confirm');
  return current;
}

function describeChange(commands: unknown[]): string {
  const counts = { write: 0, create: 0, delete: 0 };
  for (const command of commands as [keyof typeof counts, unknown[]][]) {
    counts[command[0]] += command[0] === 'write' ? 1 : command[1].length;
  }
  return `${counts.write} line(s) changed, ${counts.create} added, ${counts.delete} removed`;
}

function rejected(reason: string): DeliveryOutcome {
  return { status: 'rejected', reason: reason.startsWith('needs manual action') ? reason : `needs manual action: ${reason}` };
}
