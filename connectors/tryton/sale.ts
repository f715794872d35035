// sale.sale operations: find by our reference, read lines, create, write lines, and the workflow
// buttons (quote, confirm, draft, cancel). Tryton's Workflow.transition silently skips a record
// whose state does not allow the move (trytond/model/workflow.py), so each button reads back.
import { z } from 'zod';
import type { Logger } from '../../src/connector-kit/index.js';
import type { TrytonClient } from './client.js';
import { TrytonError, parseAnswer } from './errors.js';
import { TRYTON_SALE_FIELDS, TRYTON_SALE_LINE_FIELDS, TrytonIds, TrytonSale, TrytonSaleLine, type TrytonSaleState } from './types.js';

const BY_ID = [['id', 'ASC']];

/** The sale carrying our reference (the oldest one, if a human duplicated it). */
export async function findSale(client: TrytonClient, reference: string, log: Logger): Promise<TrytonSale | null> {
  const rows = parseAnswer(z.array(TrytonSale), await client.model('sale.sale', 'search_read',
    [[['reference', '=', reference]], 0, 2, BY_ID, TRYTON_SALE_FIELDS]), 'sale search');
  if (rows.length > 1) log.warn('several Tryton sales carry this reference; using the oldest', { reference, sale: rows[0]!.id });
  return rows[0] ?? null;
}

export async function readSale(client: TrytonClient, id: number): Promise<TrytonSale> {
  const rows = parseAnswer(z.array(TrytonSale).length(1), await client.model('sale.sale', 'read', [[id], TRYTON_SALE_FIELDS]), 'sale read');
  return rows[0]!;
}

export async function readLines(client: TrytonClient, sale: number): Promise<TrytonSaleLine[]> {
  return parseAnswer(z.array(TrytonSaleLine), await client.model('sale.line', 'search_read',
    [[['sale', '=', sale]], 0, null, [['sequence', 'ASC'], ['id', 'ASC']], TRYTON_SALE_LINE_FIELDS]), 'sale line search');
}

export async function createSale(client: TrytonClient, values: Record<string, unknown>): Promise<number> {
  const ids = parseAnswer(TrytonIds.length(1), await client.model('sale.sale', 'create', [[values]]), 'sale create');
  return ids[0]!;
}

/** Applies One2Many commands to the sale's lines (only meaningful while the sale is a draft). */
export async function writeLines(client: TrytonClient, sale: number, commands: unknown[]): Promise<void> {
  await client.model('sale.sale', 'write', [[sale], { lines: commands }]);
}

export type SaleButton = 'quote' | 'confirm' | 'draft' | 'cancel';

const BUTTON_STATE: Record<SaleButton, TrytonSaleState> = {
  quote: 'quotation', confirm: 'confirmed', draft: 'draft', cancel: 'cancelled',
};

/** Clicks a workflow button and checks that the sale really moved. */
export async function clickButton(client: TrytonClient, sale: TrytonSale, button: SaleButton): Promise<TrytonSale> {
  await client.model('sale.sale', button, [[sale.id]]);
  const after = await readSale(client, sale.id);
  // confirm may move on to processing at once when Tryton processes the sale without a queue.
  const moved = after.state === BUTTON_STATE[button] || (button === 'confirm' && ['processing', 'done'].includes(after.state));
  if (!moved) {
    throw new TrytonError('user', `Tryton left sale ${describeSale(after)} in state "${after.state}" after "${button}"`);
  }
  return after;
}

export function describeSale(sale: TrytonSale): string {
  return sale.number ? `${sale.number} (id ${sale.id})` : `id ${sale.id}`;
}
