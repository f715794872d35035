// pushFulfillment for WooCommerce. Core has no tracking field, so a shipment becomes a customer
// note with carrier, number and link (and, when configured, a Shipment Tracking extension item);
// the order moves to `completed` once every line has shipped, and stays as it is for a partial one.
//
// WooCommerce takes no idempotency key: every write is preceded by a read. The note (or tracking
// item) with this number is looked up first, and what each tracking number shipped is kept in the
// order's meta (`_ordersync_shipped`), so a resend after a crash writes nothing twice and a later
// parcel knows what is left. The order update (meta, then status) comes last.
import { z } from 'zod';
import { HttpError, outcomeFromError, type ConnectorContext, type DeliveryOutcome, type FulfillmentRequest, type HttpClient } from '../../src/connector-kit/index.js';
import { wooClient } from './client.js';
import type { WooSettings } from './settings.js';

const API = '/wp-json/wc/v3';
const TRACKING_API = '/wp-json/wc-shipment-tracking/v3';
/** Order meta: {trackingNumber: {lineItemId: quantity}} as JSON. The leading underscore hides it in the admin's custom fields. */
export const SHIPPED_META = '_ordersync_shipped';
/** Statuses with nothing left to ship (docs: order properties). */
const CLOSED = new Set(['cancelled', 'refunded', 'failed', 'trash']);

// GET /orders/{id}, as far as shipping reads it (docs: order properties, line item properties).
const WooShippingOrder = z.object({
  id: z.number(),
  status: z.string(),
  line_items: z.array(z.object({ id: z.number(), name: z.string(), quantity: z.number().int() })),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
});
// Order notes: https://woocommerce.github.io/woocommerce-rest-api-docs/#order-note-properties
const WooNote = z.object({ id: z.number(), note: z.string(), customer_note: z.boolean().default(false) });
// Shipment Tracking item: https://woocommerce.com/document/shipment-tracking/shipment-tracking-rest-api-create-tracking-item/
const WooTracking = z.object({ tracking_id: z.string(), tracking_number: z.string() });

type ShippingOrder = z.infer<typeof WooShippingOrder>;
type Shipped = Record<string, Record<string, number>>;

export async function pushWooFulfillment(ctx: ConnectorContext<WooSettings>, request: FulfillmentRequest): Promise<DeliveryOutcome> {
  const { order, shipment } = request;
  const orderId = order.externalId;
  const number = shipment.trackingNumber.trim();
  if (number === '') return rejected(`shipment ${shipment.id}: no tracking number to give WooCommerce order ${orderId}`);
  const http = wooClient(ctx);
  const path = `${API}/orders/${encodeURIComponent(orderId)}`;
  try {
    const woo = parsed(WooShippingOrder, (await http.request<unknown>({ method: 'GET', path })).data, 'GET order');
    const shipped = shippedOf(woo);
    let lines = shipped[number];
    if (!lines) {
      if (CLOSED.has(woo.status)) return rejected(`WooCommerce order ${orderId} is ${woo.status}: nothing to ship`);
      const planned = planLines(woo, shipment.lines, shipped);
      if (typeof planned === 'string') return rejected(`WooCommerce order ${orderId}: ${planned}`);
      lines = planned;
    }
    const refs: string[] = [];
    if (ctx.settings.shipmentTracking) refs.push(await ensureTracking(ctx, http, orderId, number, shipment.carrier, shipment.trackingUrl));
    if (ctx.settings.customerNote) refs.unshift(await ensureNote(http, path, number, noteText(woo, shipment, number, lines)));
    const after = { ...shipped, [number]: lines };
    const complete = everythingShipped(woo, after) && woo.status !== 'completed';
    if (!shipped[number] || complete) {
      // PUT /orders/{id} — https://woocommerce.github.io/woocommerce-rest-api-docs/#update-an-order
      const body = { meta_data: [{ key: SHIPPED_META, value: JSON.stringify(after) }], ...(complete ? { status: 'completed' } : {}) };
      await http.request({ method: 'PUT', path, body });
    }
    ctx.log.info(`channel ${ctx.name}: WooCommerce order ${orderId} shipped with ${shipment.carrier} ${number}${complete ? ', order completed' : ''}`);
    return { status: 'ok', externalRef: refs[0] ?? `${orderId}:${number}` };
  } catch (error) {
    return outcomeOf(error, orderId);
  }
}

/** The note with this number, or a new one (notes are never retried blind: a lost answer is a retry that finds it). */
async function ensureNote(http: HttpClient, path: string, number: string, note: string): Promise<string> {
  // GET /orders/{id}/notes — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-order-notes
  const notes = parsed(z.array(WooNote), (await http.request<unknown>({ method: 'GET', path: `${path}/notes`, query: { type: 'customer' } })).data, 'GET notes');
  const existing = notes.find((n) => n.customer_note && mentions(n.note, number));
  if (existing) return String(existing.id);
  // POST /orders/{id}/notes — https://woocommerce.github.io/woocommerce-rest-api-docs/#create-an-order-note
  const created = await http.request<unknown>({ method: 'POST', path: `${path}/notes`, body: { note, customer_note: true }, retries: 0 });
  return String(parsed(WooNote, created.data, 'POST note').id);
}

/** The Shipment Tracking item with this number, or a new one: a predefined provider by name, or a custom one with our link. */
async function ensureTracking(ctx: ConnectorContext<WooSettings>, http: HttpClient, orderId: string, number: string, carrier: string, url: string | null): Promise<string> {
  const path = `${TRACKING_API}/orders/${encodeURIComponent(orderId)}/shipment-trackings`;
  const items = parsed(z.array(WooTracking), (await http.request<unknown>({ method: 'GET', path })).data, 'GET shipment-trackings');
  const existing = items.find((t) => t.tracking_number === number);
  if (existing) return existing.tracking_id;
  const provider = url ? { custom_tracking_provider: carrier, custom_tracking_link: url } : { tracking_provider: carrier };
  const body = { ...provider, tracking_number: number, date_shipped: new Date(ctx.clock.now()).toISOString().slice(0, 10) }; // YYYY-MM-DD
  const created = await http.request<unknown>({ method: 'POST', path, body, retries: 0 });
  return parsed(WooTracking, created.data, 'POST shipment-trackings').tracking_id;
}

function shippedOf(woo: ShippingOrder): Shipped {
  const value = woo.meta_data.find((m) => m.key === SHIPPED_META)?.value;
  try {
    const data: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return data && typeof data === 'object' ? (data as Shipped) : {};
  } catch {
    return {};
  }
}

/** This parcel's lines by WooCommerce line item id; empty = every unit still open. A reason when it cannot ship. */
function planLines(woo: ShippingOrder, lines: { externalId: string; quantity: number }[], shipped: Shipped): Record<string, number> | string {
  const left = new Map(woo.line_items.map((line) => [String(line.id), line.quantity - unitsShipped(shipped, String(line.id))]));
  const plan: Record<string, number> = {};
  if (lines.length === 0) {
    for (const [id, units] of left) if (units > 0) plan[id] = units;
    return Object.keys(plan).length > 0 ? plan : 'every line has already shipped';
  }
  for (const line of lines) {
    if (line.externalId.startsWith('fee-')) continue; // fee lines (mapping.ts) are not shipped
    if (!left.has(line.externalId)) return `unknown line item ${line.externalId}`;
    plan[line.externalId] = (plan[line.externalId] ?? 0) + line.quantity;
  }
  for (const [id, units] of Object.entries(plan)) {
    if (units < 1) return `line item ${id}: quantity ${units} is not a positive whole number`;
    if (units > left.get(id)!) return `line item ${id}: quantity ${units} is more than the ${left.get(id)} left to ship`;
  }
  return Object.keys(plan).length > 0 ? plan : 'the shipment holds no WooCommerce line item';
}

const unitsShipped = (shipped: Shipped, lineId: string): number => Object.values(shipped).reduce((sum, lines) => sum + (Number(lines[lineId]) || 0), 0);
const everythingShipped = (woo: ShippingOrder, shipped: Shipped): boolean => woo.line_items.every((line) => unitsShipped(shipped, String(line.id)) >= line.quantity);

function noteText(woo: ShippingOrder, shipment: FulfillmentRequest['shipment'], number: string, lines: Record<string, number>): string {
  const names = new Map(woo.line_items.map((line) => [String(line.id), line.name]));
  const items = Object.entries(lines).map(([id, units]) => `${units} × ${names.get(id) ?? `item ${id}`}`).join(', ');
  const carrier = shipment.service ? `${shipment.carrier} (${shipment.service})` : shipment.carrier;
  return [`Your order has shipped with ${carrier}.`, `Tracking number: ${number}`, ...(shipment.trackingUrl ? [`Track it: ${shipment.trackingUrl}`] : []), `Items: ${items}`].join('\n');
}

/** The number as a whole token of the note: 1Z123 is not found in 1Z1234. */
function mentions(note: string, number: string): boolean {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`).test(note);
}

function outcomeOf(error: unknown, orderId: string): DeliveryOutcome {
  if (error instanceof HttpError && !error.transient && error.status !== 401 && error.status !== 403) {
    const code = codeOf(error);
    if (code === 'rest_no_route') {
      return rejected(`WooCommerce order ${orderId}: the store has no route for the call (${error.message}); with shipmentTracking: true the Shipment Tracking extension must be active`);
    }
    const words = code === 'woocommerce_rest_shop_order_invalid_id' ? 'WooCommerce has no such order' : 'WooCommerce refused the shipment';
    return rejected(`order ${orderId}: ${words} (${code ?? error.status}: ${error.message})`);
  }
  return outcomeFromError(error);
}

function codeOf(error: HttpError): string | undefined {
  try {
    const code = (JSON.parse(error.body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** A body that is not what the docs promise is treated like a garbled answer: transient. */
function parsed<T>(schema: z.ZodType<T>, data: unknown, operation: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError('malformed_body', `${operation} answered an unexpected body (${issue?.path.join('.') || 'body'}: ${issue?.message})`, 200, undefined, '');
}

const rejected = (reason: string): DeliveryOutcome => ({ status: 'rejected', reason });
