// Runs one GraphQL request against the mock shop with the real `graphql` engine: validation,
// cost check (MAX_COST_EXCEEDED), the cost bucket (THROTTLED), execution, refund, and
// `extensions.cost` on the answer, the way the GraphQL Admin API answers.
import { execute, getOperationAST, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { actualQueryCost, type CostBucket } from './mock-cost.js';
import type { StoredOrder } from './mock-data.js';
import { mockSchema } from './mock-schema.js';
import { connection, legacy, matchesSearch, parseSearch, sortValue, type ConnectionArgs } from './mock-search.js';
import type { OrderStore } from './mock-store.js';
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from './query-cost.js';

export const MOCK_SHOP = {
  id: 'gid://shopify/Shop/7310000001', name: 'ordersync demo shop',
  myshopifyDomain: 'ordersync-demo.myshopify.com', currencyCode: 'USD', ianaTimezone: 'Etc/UTC',
};

export interface GraphqlRequest { query: string; variables?: Record<string, unknown>; operationName?: string }
export interface Tally {
  queries: number; throttled: number; maxCostExceeded: number; lastRequestedCost: number;
  /** Parsed and validated documents by query text (a client sends the same few again and again). */
  documents: Map<string, { document: DocumentNode } | { errors: unknown[] }>;
}

const DOCUMENT_CACHE_SIZE = 50;

type Body = Record<string, unknown>;

/** More fields of an order for the engine (its fulfillment orders and fulfillments). */
export type OrderFields = (order: StoredOrder) => Record<string, unknown>;

/** `extraRoot`: more root resolvers (the inventory's and fulfillments' queries and mutations). */
export function answerGraphql(request: GraphqlRequest, store: OrderStore, bucket: CostBucket, tally: Tally, extraRoot: Record<string, unknown> = {}, orderFields: OrderFields = () => ({})): Body {
  tally.queries++;
  const variables = request.variables ?? {};
  const checked = checkDocument(request.query, tally);
  if ('errors' in checked) return { errors: checked.errors };
  const { document } = checked;
  // No single operation to run (several without operationName): the engine words that error.
  if (!getOperationAST(document, request.operationName)) return toBody(executeWith(document, request, store, extraRoot, orderFields));

  const requested = requestedQueryCost(document, variables, request.operationName);
  tally.lastRequestedCost = requested;
  if (requested > MAX_SINGLE_QUERY_COST) {
    tally.maxCostExceeded++;
    return { errors: [maxCostExceeded(requested)], extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } } };
  }
  if (!bucket.charge(requested)) {
    tally.throttled++;
    return throttledBody(requested, bucket.status());
  }
  const result = executeWith(document, request, store, extraRoot, orderFields);
  const actual = Math.min(requested, actualQueryCost(document, result.data, variables, request.operationName));
  bucket.refund(requested - actual);
  return { ...toBody(result), extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } } };
}

function checkDocument(query: string, tally: Tally): { document: DocumentNode } | { errors: unknown[] } {
  let checked = tally.documents.get(query);
  if (!checked) {
    try {
      const document = parse(query);
      const invalid = validate(mockSchema(), document);
      checked = invalid.length > 0 ? { errors: invalid.map((e) => e.toJSON()) } : { document };
    } catch (error) {
      checked = { errors: [(error as GraphQLError).toJSON()] };
    }
    if (tally.documents.size >= DOCUMENT_CACHE_SIZE) tally.documents.clear();
    tally.documents.set(query, checked);
  }
  return checked;
}

/** The THROTTLED answer: HTTP 200, the error in the body, the bucket's state beside it. */
export function throttledBody(requested: number, throttleStatus: ReturnType<CostBucket['status']>): Body {
  return {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus } },
  };
}

// Message as Shopify returns it (quoted in Shopify/shopify-app-js#577); code per apis.md §1.3.
function maxCostExceeded(cost: number): Body {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\n`
      + 'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\n'
      + 'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n'
      + 'See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_SINGLE_QUERY_COST },
  };
}

function executeWith(document: DocumentNode, request: GraphqlRequest, store: OrderStore, extraRoot: Record<string, unknown>, orderFields: OrderFields): ExecutionResult {
  const result = execute({
    schema: mockSchema(), document, rootValue: { ...rootValue(store, orderFields), ...extraRoot },
    variableValues: request.variables ?? {}, operationName: request.operationName,
  });
  if (result instanceof Promise) throw new Error('the mock resolvers are synchronous');
  return result;
}

function toBody(result: ExecutionResult): Body {
  return { ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}), data: result.data ?? null };
}

function rootValue(store: OrderStore, orderFields: OrderFields): Record<string, unknown> {
  const orderView = (order: StoredOrder) => ({ ...viewOf(order), ...orderFields(order) });
  return {
    orders: (args: ConnectionArgs & { query?: string | null; sortKey?: string }) => {
      const terms = parseSearch(args.query);
      const sortKey = args.sortKey ?? 'ID';
      const page = connection(store.list().filter((order) => matchesSearch(order, terms)),
        (order) => ({ value: sortValue(order, sortKey), id: Number(legacy(order.id)) }), args);
      return { ...page, nodes: page.nodes.map(orderView), edges: page.edges.map((edge) => ({ ...edge, node: orderView(edge.node) })) };
    },
    order: ({ id }: { id: string }) => {
      const order = store.get(id);
      return order && order.id === id ? orderView(order) : null;
    },
    shop: MOCK_SHOP,
  };
}

/** A stored order as the engine resolves it: connections and list arguments become functions. */
function viewOf(order: StoredOrder): Record<string, unknown> {
  return {
    ...order,
    lineItems: (args: ConnectionArgs) => {
      const page = connection(order.lineItems.nodes, (line) => ({ value: 0, id: Number(legacy(String(line.id))) }), args);
      const view = (line: Record<string, unknown>) => ({ ...line, taxLines: ({ first }: { first?: number | null }) => {
        const taxLines = Array.isArray(line.taxLines) ? line.taxLines : [];
        return first == null ? taxLines : taxLines.slice(0, first);
      } });
      return { ...page, nodes: page.nodes.map(view), edges: page.edges.map((edge) => ({ ...edge, node: view(edge.node) })) };
    },
  };
}
