// Stock push to eBay: bulkUpdatePriceQuantity, 25 inventory items a call (BulkPriceQuantity
// `requests`: "up to 25"), setting each item's total ship-to-home quantity. eBay answers each SKU
// with its own statusCode (200, or 207 Multi-Status for the call when some failed): 200 is `ok`,
// a SKU with errors is `rejected` with eBay's message (e.g. 25702 unknown SKU), a 5xx for one SKU
// is `retry`. A whole call that fails (429, 5xx after retries, network) is `retry` for each SKU
// of that call and the next calls still go; two 429s in a row mean the daily quota is spent, so
// the rest wait for the next run. A refused token is thrown: it concerns every SKU.
import { HttpError, type ConnectorContext, type StockPushResult, type StockUpdate } from '../../src/connector-kit/index.js';
import { inventoryApiOf, type EbayErrorDetail, type EbayPriceQuantityResponse } from './inventory-api.js';
import type { EbaySettings } from './settings.js';

export const BULK_LIMIT = 25;

export async function pushEbayStock(ctx: ConnectorContext<EbaySettings>, updates: StockUpdate[]): Promise<StockPushResult[]> {
  const api = inventoryApiOf(ctx);
  const results: StockPushResult[] = [];
  const valid: StockUpdate[] = [];
  for (const update of updates) {
    // ShipToLocationAvailability.quantity is an integer; a negative total is not a quantity.
    if (Number.isSafeInteger(update.quantity) && update.quantity >= 0) valid.push(update);
    else results.push({ sku: update.sku, status: 'rejected', reason: `quantity ${update.quantity} is not a whole number ≥ 0` });
  }
  let throttledInARow = 0;
  for (let i = 0; i < valid.length; i += BULK_LIMIT) {
    const batch = valid.slice(i, i + BULK_LIMIT);
    if (throttledInARow >= 2) {
      results.push(...batch.map((u) => retry(u.sku, 'not sent: eBay answered 429 twice in a row (the daily call limit is likely spent)')));
      continue;
    }
    try {
      const answers = await api.bulkUpdateQuantities(batch.map((u) => ({ sku: u.sku, quantity: u.quantity })));
      throttledInARow = 0;
      results.push(...batch.map((u) => resultOf(u.sku, answers.find((a) => a.sku === u.sku))));
    } catch (error) {
      if (!(error instanceof HttpError) || error.failure === 'insecure' || error.status === 401 || error.status === 403) throw error;
      throttledInARow = error.status === 429 ? throttledInARow + 1 : 0;
      const status: StockPushResult['status'] = error.transient ? 'retry' : 'rejected';
      results.push(...batch.map((u) => ({ sku: u.sku, status, reason: `eBay: ${error.message}` })));
    }
  }
  return results;
}

/** One SKU's answer (PriceQuantityResponse) as the runner's outcome. */
export function resultOf(sku: string, answer: EbayPriceQuantityResponse | undefined): StockPushResult {
  if (!answer) return retry(sku, 'eBay answered the call without this SKU');
  if (answer.statusCode === 200 && answer.errors.length === 0) return { sku, status: 'ok' };
  const reason = `eBay refused the quantity for SKU "${sku}" (${answer.statusCode}${answer.errors.length > 0 ? `: ${answer.errors.map(describe).join('; ')}` : ''})`;
  return answer.statusCode >= 500 || answer.statusCode === 429 ? retry(sku, reason) : { sku, status: 'rejected', reason };
}

const describe = (error: EbayErrorDetail): string => [error.errorId, error.longMessage ?? error.message].filter((part) => part !== undefined).join(' ');
const retry = (sku: string, reason: string): StockPushResult => ({ sku, status: 'retry', reason });
