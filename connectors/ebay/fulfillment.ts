// pushFulfillment for eBay: a shipment becomes a shipping fulfillment on the order, once.
//
// eBay takes no idempotency key, so the order's fulfillments are read first and a tracking
// number already there answers `ok` with its fulfillment id (a crash between eBay's 201 and the
// ledger update resends the same request). The create call itself is sent once per attempt: an
// answer lost on the way is a `retry`, and the next attempt finds what was created.
import { HttpError, outcomeFromError, type ConnectorContext, type DeliveryOutcome, type FulfillmentRequest } from '../../src/connector-kit/index.js';
import { sameTracking, toEbayCarrierCode, toEbayTrackingNumber } from './carriers.js';
import { fulfillmentApiOf, type EbayFulfillmentApi, type EbayShippingFulfillment } from './fulfillment-api.js';
import type { EbaySettings } from './settings.js';

/** Lines mapping.ts adds that are not eBay line items (special fees). */
const SYNTHETIC_LINES = new Set(['fee']);

// createShippingFulfillment's 400 x-response-codes (spec), in words for the reason.
const ERROR_WORDS: Record<number, string> = {
  32100: 'unknown order',
  32200: 'unknown line item',
  32210: 'a line item twice in one fulfillment',
  32300: 'invalid tracking number or carrier',
  32400: 'the seller is suspended',
  32500: 'invalid shipped date',
  32600: 'invalid input',
  34100: 'too many tracking numbers on the order',
  34500: 'a fulfillment with this tracking number exists',
};
const ALREADY_THERE = 34500; // "Please use PUT operation for updating shipping fulfillment"

type Lines = { lineItemId: string; quantity: number }[];

export async function pushEbayFulfillment(ctx: ConnectorContext<EbaySettings>, request: FulfillmentRequest): Promise<DeliveryOutcome> {
  const { order, shipment } = request;
  const orderId = order.externalId;
  if (order.fulfilledBy === 'channel') return rejected(`eBay order ${orderId} is fulfilled by eBay: there is no shipment of ours to confirm`);
  const trackingNumber = toEbayTrackingNumber(shipment.trackingNumber);
  if (trackingNumber === '') return rejected(`shipment ${shipment.id}: tracking number "${shipment.trackingNumber}" has no letters or digits, which is all eBay accepts`);
  const api = fulfillmentApiOf(ctx);
  try {
    const fulfillments = await api.getShippingFulfillments(orderId);
    const existing = fulfillments.find((f) => sameTracking(f.shipmentTrackingNumber, trackingNumber));
    if (existing) return alreadyThere(ctx, orderId, existing.fulfillmentId);
    const lines = shipment.lines.length > 0 ? linesOf(shipment.lines) : await openLines(api, orderId, fulfillments);
    if (typeof lines === 'string') return rejected(lines);
    const details = {
      lineItems: lines,
      shippedDate: new Date(ctx.clock.now()).toISOString(), // [YYYY]-[MM]-[DD]T[hh]:[mm]:[ss].[sss]Z
      shippingCarrierCode: toEbayCarrierCode(shipment.carrier),
      trackingNumber,
    };
    try {
      const fulfillmentId = await api.createShippingFulfillment(orderId, details);
      ctx.log.info(`channel ${ctx.name}: eBay order ${orderId} fulfilled with ${details.shippingCarrierCode} ${trackingNumber} (fulfillment ${fulfillmentId})`);
      return { status: 'ok', externalRef: fulfillmentId };
    } catch (error) {
      // Another attempt created it between our read and our create: read again, and take it.
      if (errorIdOf(error) !== ALREADY_THERE) throw error;
      const again = (await api.getShippingFulfillments(orderId)).find((f) => sameTracking(f.shipmentTrackingNumber, trackingNumber));
      if (again) return alreadyThere(ctx, orderId, again.fulfillmentId);
      throw error;
    }
  } catch (error) {
    return outcomeOf(error, orderId);
  }
}

function alreadyThere(ctx: ConnectorContext<EbaySettings>, orderId: string, fulfillmentId: string): DeliveryOutcome {
  ctx.log.info(`channel ${ctx.name}: eBay order ${orderId} already holds fulfillment ${fulfillmentId} with this tracking number; not sent again`);
  return { status: 'ok', externalRef: fulfillmentId };
}

/** The shipment's lines as eBay line items: synthetic lines dropped, a line listed twice summed (eBay refuses duplicates, 32210). */
function linesOf(lines: { externalId: string; quantity: number }[]): Lines | string {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (SYNTHETIC_LINES.has(line.externalId)) continue;
    merged.set(line.externalId, (merged.get(line.externalId) ?? 0) + line.quantity);
  }
  if (merged.size === 0) return 'the shipment holds no eBay line item';
  return [...merged].map(([lineItemId, quantity]) => ({ lineItemId, quantity }));
}

/** Every line still open: not FULFILLED on eBay, less what its fulfillments already carry. */
async function openLines(api: EbayFulfillmentApi, orderId: string, fulfillments: EbayShippingFulfillment[]): Promise<Lines | string> {
  const order = await api.getOrder(orderId);
  if (order.cancelStatus?.cancelState === 'CANCELED') return `eBay order ${orderId} is cancelled: nothing to ship`;
  const shipped = new Map<string, number>();
  for (const f of fulfillments) for (const item of f.lineItems) shipped.set(item.lineItemId, (shipped.get(item.lineItemId) ?? 0) + item.quantity);
  const open = order.lineItems
    .filter((line) => line.lineItemFulfillmentStatus !== 'FULFILLED')
    .map((line) => ({ lineItemId: line.lineItemId, quantity: line.quantity - (shipped.get(line.lineItemId) ?? 0) }))
    .filter((line) => line.quantity > 0);
  return open.length > 0 ? open : `eBay order ${orderId} is already fulfilled: no line is left to ship`;
}

function outcomeOf(error: unknown, orderId: string): DeliveryOutcome {
  if (error instanceof HttpError && error.status === 403) {
    return { status: 'unauthorized', reason: `eBay refused to fulfil order ${orderId}: the token lacks the sell.fulfillment scope (the seller must consent to it) — ${error.message}` };
  }
  if (error instanceof HttpError && error.status === 400 && isScopeRefused(error)) {
    return { status: 'unauthorized', reason: `eBay will not mint a token with the sell.fulfillment scope: the seller must consent to it — ${error.message}` };
  }
  const detail = ebayErrorOf(error);
  if (detail && error instanceof HttpError && !error.transient) {
    const words = ERROR_WORDS[detail.errorId] ?? 'refused';
    const text = [detail.message, detail.longMessage && detail.longMessage !== detail.message ? detail.longMessage : undefined].filter(Boolean).join(': ');
    return rejected(`eBay rejected the shipment for order ${orderId}: ${words} (${detail.errorId} ${text})`);
  }
  return outcomeFromError(error);
}

interface EbayErrorDetail { errorId: number; message?: string; longMessage?: string }

function ebayErrorOf(error: unknown): EbayErrorDetail | undefined {
  if (!(error instanceof HttpError)) return undefined;
  try {
    const first = (JSON.parse(error.body) as { errors?: EbayErrorDetail[] }).errors?.[0];
    return typeof first?.errorId === 'number' ? first : undefined;
  } catch {
    return undefined;
  }
}

const errorIdOf = (error: unknown): number | undefined => ebayErrorOf(error)?.errorId;

function isScopeRefused(error: HttpError): boolean {
  try {
    return (JSON.parse(error.body) as { error?: string }).error === 'invalid_scope';
  } catch {
    return false;
  }
}

const rejected = (reason: string): DeliveryOutcome => ({ status: 'rejected', reason });
