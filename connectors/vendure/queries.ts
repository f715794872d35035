// The Admin API documents ordersync sends. Field names: @vendure/core 3.7
// dist/api/schema/common/order.type.graphql and admin-api/auth.api.graphql.

// https://docs.vendure.io/reference/graphql-api/admin/mutations#login
// AuthenticationResult = CurrentUser | InvalidCredentialsError | NativeAuthStrategyError.
export const LOGIN = `mutation OrdersyncLogin($username: String!, $password: String!) {
  login(username: $username, password: $password, rememberMe: true) {
    __typename
    ... on CurrentUser { id identifier }
    ... on ErrorResult { errorCode message }
  }
}`;

const ADDRESS = 'fullName company streetLine1 streetLine2 city province postalCode country countryCode phoneNumber';

// Everything mapping.ts reads, and a little more for `raw` (discounts, coupon codes, tracking).
export const ORDER_FIELDS = `fragment OrdersyncOrder on Order {
  id code state active createdAt updatedAt orderPlacedAt currencyCode
  subTotal subTotalWithTax shipping shippingWithTax total totalWithTax couponCodes
  customer { id firstName lastName emailAddress phoneNumber }
  shippingAddress { ${ADDRESS} }
  billingAddress { ${ADDRESS} }
  lines {
    id quantity unitPrice unitPriceWithTax linePrice linePriceWithTax
    proratedLinePrice proratedLinePriceWithTax taxRate
    productVariant { id sku name }
  }
  surcharges { id description sku price priceWithTax }
  shippingLines { id price priceWithTax discountedPrice discountedPriceWithTax shippingMethod { id code name } }
  discounts { adjustmentSource type description amount amountWithTax }
  payments { id method amount state transactionId refunds { id total state } }
  fulfillments { id state method trackingCode lines { orderLineId quantity } }
}`;

// https://docs.vendure.io/reference/graphql-api/admin/queries#orders (OrderListOptions:
// skip, take, sort, filter, filterOperator; DateOperators.after is a strict `>`).
export const ORDERS = `query OrdersyncOrders($options: OrderListOptions) {
  orders(options: $options) { totalItems items { ...OrdersyncOrder } }
}
${ORDER_FIELDS}`;

// The cheapest call that proves both the credentials and the ReadOrder permission.
export const VERIFY = 'query OrdersyncVerify { orders(options: { take: 1 }) { totalItems } }';
