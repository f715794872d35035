// The mock shop's fulfillments: each order gets one fulfillment order at the mock location (its
// lines that require shipping), read through Order.fulfillmentOrders / Order.fulfillments, and
// `fulfillmentCreate` carries units out of it. Each fulfillment moves the fulfillment order on
// (OPEN → IN_PROGRESS → CLOSED), the order's displayFulfillmentStatus (PARTIALLY_FULFILLED,
// FULFILLED) and its updatedAt, so the next pull sees it. Refusals come back as userErrors.
// https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/fulfillmentCreate
import { connection, legacy, type ConnectionArgs } from './mock-search.js';
import { dateTime, type StoredOrder } from './mock-data.js';
import type { OrderStore } from './mock-store.js';

export const FULFILLMENT_SCHEMA_SDL = /* GraphQL */ `
scalar URL
enum FulfillmentOrderStatus { CANCELLED CLOSED INCOMPLETE IN_PROGRESS ON_HOLD OPEN SCHEDULED }
enum FulfillmentStatus { CANCELLED ERROR FAILURE SUCCESS OPEN PENDING }
extend type Order {
  fulfillmentOrders(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, displayable: Boolean = false, query: String): FulfillmentOrderConnection!
  fulfillments(first: Int): [Fulfillment!]!
}
type FulfillmentOrderConnection { edges: [FulfillmentOrderEdge!]! nodes: [FulfillmentOrder!]! pageInfo: PageInfo! }
type FulfillmentOrderEdge { cursor: String! node: FulfillmentOrder! }
type FulfillmentOrder {
  id: ID! status: FulfillmentOrderStatus! updatedAt: DateTime!
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): FulfillmentOrderLineItemConnection!
}
type FulfillmentOrderLineItemConnection { edges: [FulfillmentOrderLineItemEdge!]! nodes: [FulfillmentOrderLineItem!]! pageInfo: PageInfo! }
type FulfillmentOrderLineItemEdge { cursor: String! node: FulfillmentOrderLineItem! }
type FulfillmentOrderLineItem { id: ID! totalQuantity: Int! remainingQuantity: Int! lineItem: LineItem! }
type Fulfillment {
  id: ID! name: String! status: FulfillmentStatus! createdAt: DateTime! updatedAt: DateTime!
  trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
}
type FulfillmentTrackingInfo { company: String number: String url: URL }
input FulfillmentInput {
  lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
  notifyCustomer: Boolean = false
  originAddress: FulfillmentOriginAddressInput
  trackingInfo: FulfillmentTrackingInput
}
input FulfillmentOrderLineItemsInput { fulfillmentOrderId: ID! fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!] }
input FulfillmentOrderLineItemInput { id: ID! quantity: Int! }
input FulfillmentTrackingInput { company: String number: String numbers: [String!] url: URL urls: [URL!] }
input FulfillmentOriginAddressInput { address1: String address2: String city: String countryCode: String! provinceCode: String zip: String }
type UserError { field: [String!] message: String! }
type FulfillmentCreatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }
extend type Mutation {
  fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
}
`;

interface MockFoLine { id: string; line: Record<string, unknown>; totalQuantity: number; remainingQuantity: number }
interface MockFo { id: string; status: string; updatedAt: string; lines: MockFoLine[] }
interface MockFulfillment { id: string; name: string; status: 'SUCCESS'; createdAt: string; updatedAt: string; trackingInfo: { company: string | null; number: string | null; url: string | null }[]; notifyCustomer: boolean }
interface FoInput { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }
interface CreateArgs { fulfillment: { lineItemsByFulfillmentOrder: FoInput[]; notifyCustomer?: boolean; trackingInfo?: { company?: string | null; number?: string | null; url?: string | null } | null } }
type UserError = { field: string[]; message: string };

const FULFILLMENT_ID_BASE = 5_100_000_000;
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

export class FulfillmentStore {
  private fos = new Map<string, MockFo>();
  private fulfillments = new Map<string, MockFulfillment[]>();
  counts = { created: 0, duplicates: 0, rejected: 0, notified: 0 };
  private sequence = 0;

  constructor(private readonly store: OrderStore) {}

  reset(): void {
    this.fos = new Map();
    this.fulfillments = new Map();
    this.counts = { created: 0, duplicates: 0, rejected: 0, notified: 0 };
    this.sequence = 0;
  }

  /** The fulfillment order of an order, made on first sight from its lines (a seeded FULFILLED order's is CLOSED). */
  private foOf(order: StoredOrder): MockFo {
    const key = legacy(order.id);
    let fo = this.fos.get(key);
    if (!fo) {
      const done = order.displayFulfillmentStatus === 'FULFILLED';
      const status = order.cancelledAt ? 'CANCELLED' : done ? 'CLOSED' : 'OPEN';
      const lines = order.lineItems.nodes.filter((line) => line.requiresShipping !== false).map((line) => ({
        id: `gid://shopify/FulfillmentOrderLineItem/${legacy(String(line.id))}`, line,
        totalQuantity: Number(line.quantity), remainingQuantity: status === 'OPEN' ? Number(line.quantity) : 0,
      }));
      fo = { id: `gid://shopify/FulfillmentOrder/${key}`, status, updatedAt: order.updatedAt, lines };
      this.fos.set(key, fo);
    }
    return fo;
  }

  /** Order fields for the engine: fulfillmentOrders and fulfillments. */
  orderFields(order: StoredOrder): Record<string, unknown> {
    return {
      fulfillmentOrders: (args: ConnectionArgs) => {
        const fo = this.foOf(order);
        const page = connection([fo], () => ({ value: 0, id: Number(legacy(fo.id)) }), args);
        return { ...page, nodes: page.nodes.map((f) => this.foView(f)), edges: page.edges.map((e) => ({ ...e, node: this.foView(e.node) })) };
      },
      fulfillments: ({ first }: { first?: number | null }) => {
        const list = (this.fulfillments.get(legacy(order.id)) ?? []).map((f) => ({ ...f, trackingInfo: ({ first: n }: { first?: number | null }) => (n == null ? f.trackingInfo : f.trackingInfo.slice(0, n)) }));
        return first == null ? list : list.slice(0, first);
      },
    };
  }

  private foView(fo: MockFo): Record<string, unknown> {
    return {
      ...fo,
      lineItems: (args: ConnectionArgs) => {
        const page = connection(fo.lines, (l) => ({ value: 0, id: Number(legacy(l.id)) }), args);
        const view = (l: MockFoLine) => ({ id: l.id, totalQuantity: l.totalQuantity, remainingQuantity: l.remainingQuantity, lineItem: { ...l.line, taxLines: () => [] } });
        return { ...page, nodes: page.nodes.map(view), edges: page.edges.map((e) => ({ ...e, node: view(e.node) })) };
      },
    };
  }

  /** Root resolvers: the mutation. */
  root(): Record<string, unknown> {
    return { fulfillmentCreate: (args: CreateArgs) => this.create(args) };
  }

  private create({ fulfillment: input }: CreateArgs): { fulfillment: MockFulfillment | null; userErrors: UserError[] } {
    const refused = (message: string, field = ['fulfillment', 'lineItemsByFulfillmentOrder']) => {
      this.counts.rejected++;
      return { fulfillment: null, userErrors: [{ field, message }] };
    };
    if (input.lineItemsByFulfillmentOrder.length === 0) return refused('Line items by fulfillment order must not be empty.'); // wording UNCONFIRMED
    // Resolve every fulfillment order and its lines before touching anything: all or nothing.
    const plan: { fo: MockFo; line: MockFoLine; quantity: number }[] = [];
    let order: StoredOrder | undefined;
    for (const group of input.lineItemsByFulfillmentOrder) {
      const owner = this.store.orders.get(legacy(group.fulfillmentOrderId));
      if (!owner || !group.fulfillmentOrderId.startsWith('gid://shopify/FulfillmentOrder/')) return refused('Fulfillment order does not exist.'); // wording UNCONFIRMED
      if (order && order !== owner) return refused('All fulfillment orders must belong to the same order.'); // wording UNCONFIRMED
      order = owner;
      const fo = this.foOf(owner);
      // Shopify's message for a closed or cancelled fulfillment order (quoted in community threads; UNCONFIRMED in the docs).
      if (!FULFILLABLE.has(fo.status)) return refused(`Fulfillment order ${legacy(fo.id)} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
      const wanted = group.fulfillmentOrderLineItems ?? fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
      for (const item of wanted) {
        const line = fo.lines.find((l) => l.id === item.id);
        if (!line) return refused('Invalid fulfillment order line item id.'); // wording UNCONFIRMED
        const already = plan.filter((p) => p.line === line).reduce((sum, p) => sum + p.quantity, 0);
        if (item.quantity < 1 || already + item.quantity > line.remainingQuantity) return refused('Invalid fulfillment order line item quantity requested.');
        plan.push({ fo, line, quantity: item.quantity });
      }
    }
    if (!order || plan.length === 0) return refused('Invalid fulfillment order line item quantity requested.');
    const tracking = input.trackingInfo ?? {};
    const existing = this.fulfillments.get(legacy(order.id)) ?? [];
    if (tracking.number && existing.some((f) => f.trackingInfo.some((t) => t.number === tracking.number))) this.counts.duplicates++; // Shopify would take it: a second shipping e-mail
    for (const { line, quantity } of plan) line.remainingQuantity -= quantity;
    const stamp = dateTime(this.store.stamp());
    for (const fo of new Set(plan.map((p) => p.fo))) {
      fo.status = fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
      fo.updatedAt = stamp;
    }
    const created: MockFulfillment = {
      id: `gid://shopify/Fulfillment/${FULFILLMENT_ID_BASE + ++this.sequence}`, name: `${String(order.name ?? '')}-F${existing.length + 1}`,
      status: 'SUCCESS', createdAt: stamp, updatedAt: stamp, notifyCustomer: input.notifyCustomer === true,
      trackingInfo: tracking.number || tracking.company || tracking.url ? [{ company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null }] : [],
    };
    this.fulfillments.set(legacy(order.id), [...existing, created]);
    this.counts.created++;
    if (created.notifyCustomer) this.counts.notified++;
    const fo = this.foOf(order);
    order.displayFulfillmentStatus = fo.status === 'CLOSED' ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
    order.updatedAt = stamp;
    return { fulfillment: created, userErrors: [] };
  }

  state(): Record<string, unknown> {
    return {
      ...this.counts,
      byOrder: Object.fromEntries([...this.fulfillments].map(([id, list]) => [id, list.map((f) => f.trackingInfo[0]?.number ?? f.id)])),
    };
  }
}
