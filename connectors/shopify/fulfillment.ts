// pushFulfillment for Shopify (GraphQL Admin API): a shipment becomes a fulfillment of the order's
// open fulfillment orders, with tracking company, number and URL, once.
//
// Shopify takes no idempotency key for fulfillmentCreate (apis.md §8), so the order's
// fulfillments are read first, with its open fulfillment orders: a tracking number already there
// answers `ok` with that fulfillment's id (a crash between Shopify's answer and the ledger update
// resends the request). The mutation is sent once per attempt (no HTTP-level retry); an answer
// lost on the way is a `retry`, and the next attempt finds what was created. THROTTLED answers
// are waited out by runQuery's cost bucket.
// https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/fulfillmentCreate
import { outcomeFromError, type ConnectorContext, type DeliveryOutcome, type FulfillmentRequest } from '../../src/connector-kit/index.js';
import { runQuery, shopifyClient, ShopifyGraphqlError } from './client.js';
import type { ShopifySettings } from './settings.js';

// Sizes keep the look-up's requested cost near 550 points, under the 1,000 cap (query-cost.ts):
// an order rarely has more than a few fulfillment orders (one per location) or 50 lines in one.
const FULFILLMENT_ORDERS = 5;
const LINES_PER_FULFILLMENT_ORDER = 50;
const FULFILLMENTS = 20;

// Order.fulfillmentOrders / Order.fulfillments — https://shopify.dev/docs/api/admin-graphql/2026-01/objects/Order
export const FULFILLMENT_STATE_QUERY = `query FulfillmentState($id: ID!) {
  order(id: $id) {
    id cancelledAt displayFulfillmentStatus
    fulfillments(first: ${FULFILLMENTS}) { id trackingInfo(first: 5) { number } }
    fulfillmentOrders(first: ${FULFILLMENT_ORDERS}) {
      pageInfo { hasNextPage }
      nodes { id status lineItems(first: ${LINES_PER_FULFILLMENT_ORDER}) { pageInfo { hasNextPage } nodes { id remainingQuantity lineItem { id } } } }
    }
  }
}`;

export const FULFILLMENT_CREATE_MUTATION = `mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

interface FoLine { id: string; remainingQuantity: number; lineItem: { id: string } }
interface FulfillmentOrder { id: string; status: string; lineItems: { pageInfo: { hasNextPage: boolean }; nodes: FoLine[] } }
interface OrderState {
  id: string; cancelledAt: string | null; displayFulfillmentStatus: string;
  fulfillments: { id: string; trackingInfo: { number: string | null }[] }[];
  fulfillmentOrders: { pageInfo: { hasNextPage: boolean }; nodes: FulfillmentOrder[] };
}
interface CreatePayload { fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: { field: string[] | null; message: string }[] } | null }
type Groups = { fulfillmentOrderId: string; fulfillmentOrderLineItems: { id: string; quantity: number }[] }[];

/** Fulfillment orders that can still be fulfilled (FulfillmentOrderStatus). */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

// Names Shopify recognises as tracking companies (its "supported tracking companies" list) for our lower-case codes.
const COMPANIES: Record<string, string> = { ups: 'UPS', usps: 'USPS', fedex: 'FedEx', dhl: 'DHL Express', dhl_express: 'DHL Express', canada_post: 'Canada Post', royal_mail: 'Royal Mail' };

export async function pushShopifyFulfillment(ctx: ConnectorContext<ShopifySettings>, request: FulfillmentRequest): Promise<DeliveryOutcome> {
  const { order, shipment } = request;
  const orderId = order.externalId;
  const number = shipment.trackingNumber.trim();
  if (number === '') return rejected(`shipment ${shipment.id}: no tracking number to give Shopify order ${orderId}`);
  const client = shopifyClient(ctx);
  try {
    const state = (await runQuery<{ order: OrderState | null }>(client, FULFILLMENT_STATE_QUERY, { id: `gid://shopify/Order/${orderId}` })).order;
    if (!state) return rejected(`Shopify has no order ${orderId} (or the token cannot read it)`);
    const existing = state.fulfillments.find((f) => f.trackingInfo.some((t) => t.number?.trim() === number));
    if (existing) {
      ctx.log.info(`channel ${ctx.name}: Shopify order ${orderId} already holds fulfillment ${existing.id} with ${number}; not sent again`);
      return { status: 'ok', externalRef: existing.id };
    }
    if (state.cancelledAt) return rejected(`Shopify order ${orderId} is cancelled: nothing to ship`);
    const groups = groupsOf(state, shipment.lines);
    if (typeof groups === 'string') return rejected(`Shopify order ${orderId}: ${groups}`);
    const fulfillment = {
      lineItemsByFulfillmentOrder: groups,
      notifyCustomer: ctx.settings.notifyCustomer,
      trackingInfo: { company: companyOf(shipment.carrier), number, ...(shipment.trackingUrl ? { url: shipment.trackingUrl } : {}) },
    };
    const payload = (await runQuery<CreatePayload>(client, FULFILLMENT_CREATE_MUTATION, { fulfillment }, { retries: 0 })).fulfillmentCreate;
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0 || !payload?.fulfillment) {
      const words = errors.map((e) => `${e.message}${e.field?.length ? ` (${e.field.join('.')})` : ''}`).join('; ') || 'no fulfillment and no reason';
      return rejected(`Shopify refused the fulfillment for order ${orderId}: ${words}`);
    }
    ctx.log.info(`channel ${ctx.name}: Shopify order ${orderId} fulfilled with ${fulfillment.trackingInfo.company} ${number} (${payload.fulfillment.id})`);
    return { status: 'ok', externalRef: payload.fulfillment.id };
  } catch (error) {
    return outcomeOf(error);
  }
}

/**
 * The parcel as fulfillment order line items. Our lines are order line items (legacy ids); each is
 * taken from the open fulfillment orders that hold it, in order. Empty = everything still open.
 * More than is left goes to Shopify as asked, so Shopify's own userError says why.
 */
function groupsOf(state: OrderState, lines: { externalId: string; quantity: number }[]): Groups | string {
  const open = state.fulfillmentOrders.nodes.filter((fo) => FULFILLABLE.has(fo.status));
  const truncated = state.fulfillmentOrders.pageInfo.hasNextPage || open.some((fo) => fo.lineItems.pageInfo.hasNextPage);
  const picks = new Map<string, Map<string, number>>();
  const pick = (foId: string, lineId: string, quantity: number) => {
    const group = picks.get(foId) ?? new Map<string, number>();
    group.set(lineId, (group.get(lineId) ?? 0) + quantity);
    picks.set(foId, group);
  };
  if (lines.length === 0) {
    for (const fo of open) for (const line of fo.lineItems.nodes) if (line.remainingQuantity > 0) pick(fo.id, line.id, line.remainingQuantity);
    if (picks.size === 0) return truncated ? 'the order has more fulfillment orders or lines than ordersync reads' : `nothing is left to ship (${state.displayFulfillmentStatus})`;
  }
  const known = new Set(state.fulfillmentOrders.nodes.flatMap((fo) => fo.lineItems.nodes.map((l) => legacyOf(l.lineItem.id))));
  for (const line of lines) {
    const holders = open.flatMap((fo) => fo.lineItems.nodes.filter((l) => legacyOf(l.lineItem.id) === line.externalId).map((l) => ({ fo, l })));
    if (holders.length === 0) {
      if (known.has(line.externalId)) return `line item ${line.externalId} has no open fulfillment order left (already shipped)`;
      return truncated ? `line item ${line.externalId} is not among the fulfillment order lines ordersync reads` : `unknown line item ${line.externalId} (not on the order, or needs no shipping)`;
    }
    let units = line.quantity;
    for (const { fo, l } of holders) {
      const taken = Math.min(units, Math.max(0, l.remainingQuantity - (picks.get(fo.id)?.get(l.id) ?? 0)));
      if (taken > 0) pick(fo.id, l.id, taken);
      units -= taken;
    }
    if (units > 0) pick(holders[0]!.fo.id, holders[0]!.l.id, units);
  }
  return [...picks].map(([fulfillmentOrderId, group]) => ({
    fulfillmentOrderId, fulfillmentOrderLineItems: [...group].map(([id, quantity]) => ({ id, quantity })),
  }));
}

const legacyOf = (gid: string): string => gid.slice(gid.lastIndexOf('/') + 1);
const companyOf = (carrier: string): string => COMPANIES[carrier.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? carrier.trim();

function outcomeOf(error: unknown): DeliveryOutcome {
  if (error instanceof ShopifyGraphqlError) {
    if (error.code === 'THROTTLED') return { status: 'retry', reason: error.message };
    if (error.code === 'ACCESS_DENIED') return { status: 'unauthorized', reason: `${error.message} (the token needs write_merchant_managed_fulfillment_orders / write_fulfillments)` };
    return rejected(error.message);
  }
  return outcomeFromError(error);
}

const rejected = (reason: string): DeliveryOutcome => ({ status: 'rejected', reason });
