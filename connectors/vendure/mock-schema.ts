// The part of Vendure 3's Admin API schema the mock serves, with Vendure's own type and field
// names (@vendure/core 3.7 dist/api/schema: common/order.type.graphql, common/common-types.graphql,
// common/auth.type.graphql, common/common-error-results.graphql, admin-api/auth.api.graphql).
import { buildSchema, GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';

const SDL = /* GraphQL */ `
scalar DateTime
scalar Money
scalar JSON

enum SortOrder { ASC DESC }
enum LogicalOperator { AND OR }
enum AdjustmentType { PROMOTION DISTRIBUTED_ORDER_PROMOTION OTHER }
enum ErrorCode { UNKNOWN_ERROR INVALID_CREDENTIALS_ERROR NATIVE_AUTH_STRATEGY_ERROR }
enum CurrencyCode { AUD CAD CHF CZK DKK EUR GBP JPY KWD NOK PLN SEK USD }

interface Node { id: ID! }
interface ErrorResult { errorCode: ErrorCode! message: String! }
interface PaginatedList { items: [Node!]! totalItems: Int! }

type CurrentUserChannel { id: ID! token: String! code: String! permissions: [String!]! }
type CurrentUser { id: ID! identifier: String! channels: [CurrentUserChannel!]! }
type InvalidCredentialsError implements ErrorResult { errorCode: ErrorCode! message: String! authenticationError: String! }
type NativeAuthStrategyError implements ErrorResult { errorCode: ErrorCode! message: String! }
union NativeAuthenticationResult = CurrentUser | InvalidCredentialsError | NativeAuthStrategyError
type Success { success: Boolean! }

input DateRange { start: DateTime! end: DateTime! }
input DateOperators { eq: DateTime before: DateTime after: DateTime between: DateRange isNull: Boolean }
input StringOperators { eq: String notEq: String contains: String notContains: String in: [String!] notIn: [String!] regex: String isNull: Boolean }
input IDOperators { eq: String notEq: String in: [String!] notIn: [String!] isNull: Boolean }
input BooleanOperators { eq: Boolean isNull: Boolean }
input NumberRange { start: Float! end: Float! }
input NumberOperators { eq: Float lt: Float lte: Float gt: Float gte: Float between: NumberRange isNull: Boolean }

input OrderFilterParameter {
  id: IDOperators createdAt: DateOperators updatedAt: DateOperators orderPlacedAt: DateOperators
  code: StringOperators state: StringOperators active: BooleanOperators currencyCode: StringOperators
  totalWithTax: NumberOperators customerLastName: StringOperators transactionId: StringOperators
  _and: [OrderFilterParameter!] _or: [OrderFilterParameter!]
}
input OrderSortParameter {
  customerLastName: SortOrder transactionId: SortOrder id: SortOrder createdAt: SortOrder updatedAt: SortOrder
  orderPlacedAt: SortOrder code: SortOrder state: SortOrder totalWithTax: SortOrder
}
input OrderListOptions { skip: Int take: Int sort: OrderSortParameter filter: OrderFilterParameter filterOperator: LogicalOperator }

type Customer implements Node { id: ID! firstName: String! lastName: String! emailAddress: String! phoneNumber: String }
type OrderAddress {
  fullName: String company: String streetLine1: String streetLine2: String city: String province: String
  postalCode: String country: String countryCode: String phoneNumber: String
}
type ProductVariant implements Node { id: ID! sku: String! name: String! }
type ShippingMethod implements Node { id: ID! code: String! name: String! }
type Discount { adjustmentSource: String! type: AdjustmentType! description: String! amount: Money! amountWithTax: Money! }
type OrderLine implements Node {
  id: ID! createdAt: DateTime! updatedAt: DateTime! productVariant: ProductVariant!
  unitPrice: Money! unitPriceWithTax: Money! discountedUnitPrice: Money! discountedUnitPriceWithTax: Money!
  proratedUnitPrice: Money! proratedUnitPriceWithTax: Money! quantity: Int! orderPlacedQuantity: Int! taxRate: Float!
  linePrice: Money! linePriceWithTax: Money! discountedLinePrice: Money! discountedLinePriceWithTax: Money!
  proratedLinePrice: Money! proratedLinePriceWithTax: Money! lineTax: Money! discounts: [Discount!]!
}
type Surcharge implements Node { id: ID! description: String! sku: String price: Money! priceWithTax: Money! taxRate: Float! }
type ShippingLine {
  id: ID! shippingMethod: ShippingMethod! price: Money! priceWithTax: Money!
  discountedPrice: Money! discountedPriceWithTax: Money! discounts: [Discount!]!
}
type Refund implements Node { id: ID! total: Money! state: String! reason: String method: String transactionId: String }
type Payment implements Node {
  id: ID! method: String! amount: Money! state: String! transactionId: String errorMessage: String refunds: [Refund!]! metadata: JSON
}
type FulfillmentLine { orderLineId: ID! quantity: Int! fulfillmentId: ID! }
type Fulfillment implements Node { id: ID! state: String! method: String! trackingCode: String lines: [FulfillmentLine!]! }
type Order implements Node {
  id: ID! createdAt: DateTime! updatedAt: DateTime! orderPlacedAt: DateTime code: String! state: String! active: Boolean!
  customer: Customer shippingAddress: OrderAddress billingAddress: OrderAddress lines: [OrderLine!]!
  surcharges: [Surcharge!]! discounts: [Discount!]! couponCodes: [String!]! payments: [Payment!] fulfillments: [Fulfillment!]
  totalQuantity: Int! subTotal: Money! subTotalWithTax: Money! currencyCode: CurrencyCode! shippingLines: [ShippingLine!]!
  shipping: Money! shippingWithTax: Money! total: Money! totalWithTax: Money! nextStates: [String!]!
}
type OrderList implements PaginatedList { items: [Order!]! totalItems: Int! }

type Query { me: CurrentUser orders(options: OrderListOptions): OrderList! order(id: ID!): Order }
type Mutation {
  login(username: String!, password: String!, rememberMe: Boolean): NativeAuthenticationResult!
  logout: Success!
}
`;

/** Vendure's Money scalar: an integer, refused otherwise (like graphql-scalars' Int checks). */
const Money = new GraphQLScalarType({
  name: 'Money',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new GraphQLError(`Money cannot represent non-integer value: ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => value,
});

/** graphql-scalars' DateTime, as Vendure uses it: ISO strings out, Dates in. */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : value),
  parseValue(value) {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent an invalid date-time-string ${String(value)}.`);
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) {
      throw new GraphQLError(`DateTime cannot represent an invalid date-time-string ${'value' in ast ? String(ast.value) : ''}.`);
    }
    return new Date(ast.value);
  },
});

export function buildVendureSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  // buildSchema makes plain scalars; swap in the ones with Vendure's checks.
  Object.assign(schema.getType('Money')!, { serialize: Money.serialize, parseValue: Money.parseValue });
  Object.assign(schema.getType('DateTime')!, { serialize: DateTime.serialize, parseValue: DateTime.parseValue, parseLiteral: DateTime.parseLiteral });
  return schema;
}
