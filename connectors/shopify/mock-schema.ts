// The subset of the GraphQL Admin schema (2026-01) the mock serves: the same type, field and
// enum names as https://shopify.dev/docs/api/admin-graphql, fewer fields. Money is `Decimal`
// (a string on the wire), `CurrencyCode`/`CountryCode` are plain strings here.
import { buildSchema, type GraphQLSchema } from 'graphql';
import { FULFILLMENT_SCHEMA_SDL } from './mock-fulfillment.js';
import { STOCK_SCHEMA_SDL } from './mock-stock.js';

export const MOCK_SCHEMA_SDL = /* GraphQL */ `
scalar DateTime
scalar Decimal
scalar UnsignedInt64

enum OrderSortKeys {
  CREATED_AT CURRENT_TOTAL_PRICE CUSTOMER_NAME DESTINATION FINANCIAL_STATUS FULFILLMENT_STATUS ID
  ORDER_NUMBER PO_NUMBER PROCESSED_AT RELEVANCE TOTAL_ITEMS_QUANTITY TOTAL_PRICE UPDATED_AT
}
enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
enum OrderDisplayFulfillmentStatus {
  FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED
}
enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }

type Query {
  orders(first: Int, after: String, last: Int, before: String, query: String, reverse: Boolean = false, sortKey: OrderSortKeys = ID): OrderConnection!
  order(id: ID!): Order
  shop: Shop!
}

type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: String! ianaTimezone: String! }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }
type OrderEdge { cursor: String! node: Order! }

type Order {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
  email: String
  phone: String
  createdAt: DateTime!
  processedAt: DateTime!
  updatedAt: DateTime!
  cancelledAt: DateTime
  cancelReason: OrderCancelReason
  closedAt: DateTime
  displayFinancialStatus: OrderDisplayFinancialStatus
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  currencyCode: String!
  presentmentCurrencyCode: String!
  taxesIncluded: Boolean!
  test: Boolean!
  note: String
  tags: [String!]!
  subtotalPriceSet: MoneyBag
  totalPriceSet: MoneyBag!
  totalShippingPriceSet: MoneyBag!
  totalTaxSet: MoneyBag
  totalDiscountsSet: MoneyBag
  shippingAddress: MailingAddress
  billingAddress: MailingAddress
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
}

type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type MoneyV2 { amount: Decimal! currencyCode: String! }

type MailingAddress {
  name: String firstName: String lastName: String company: String address1: String address2: String
  city: String province: String provinceCode: String zip: String country: String countryCodeV2: String phone: String
}

type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }
type LineItemEdge { cursor: String! node: LineItem! }

type LineItem {
  id: ID!
  sku: String
  name: String!
  title: String!
  variantTitle: String
  quantity: Int!
  currentQuantity: Int!
  requiresShipping: Boolean!
  originalUnitPriceSet: MoneyBag!
  originalTotalSet: MoneyBag!
  discountedTotalSet: MoneyBag!
  totalDiscountSet: MoneyBag!
  discountAllocations: [DiscountAllocation!]!
  taxLines(first: Int): [TaxLine!]!
}

type DiscountAllocation { allocatedAmountSet: MoneyBag! }
type TaxLine { title: String! rate: Float ratePercentage: Float priceSet: MoneyBag! }
`;

let cached: GraphQLSchema | undefined;

export function mockSchema(): GraphQLSchema {
  cached ??= buildSchema(MOCK_SCHEMA_SDL + STOCK_SCHEMA_SDL + FULFILLMENT_SCHEMA_SDL);
  return cached;
}
