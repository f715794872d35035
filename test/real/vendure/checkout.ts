// Places one real order through Vendure's Shop API, the way a storefront does: a guest session,
// items, customer, addresses, shipping method, ArrangingPayment, then the dummy payment.
import { GraphQLSession } from './graphql.js';
import { COUPON, PAYMENT_METHOD, type Seeded } from './seed.js';

export interface CheckoutSpec {
  currency: 'USD' | 'EUR';
  lines: { sku: string; quantity: number }[];
  coupon?: boolean;
  /** The dummy handler leaves the payment Authorized (settled later by an admin). */
  authorizeOnly?: boolean;
  customer: { firstName: string; lastName: string; emailAddress: string; phoneNumber: string };
  address: { fullName: string; company?: string; streetLine1: string; streetLine2?: string; city: string; province?: string; postalCode: string; countryCode: string; phoneNumber?: string };
}

const RESULT = '... on Order { id code state } ... on ErrorResult { errorCode message }';

export async function placeOrder(shopApi: string, seeded: Seeded, spec: CheckoutSpec): Promise<{ id: string; code: string; state: string }> {
  const shop = new GraphQLSession(shopApi);
  // The order's currency comes from the request's currencyCode query parameter.
  const q = `?currencyCode=${spec.currency}`;
  for (const line of spec.lines) {
    const variantId = seeded.variantIds[line.sku];
    if (!variantId) throw new Error(`no variant ${line.sku}`);
    await shop.mutate('addItemToOrder', `mutation($id: ID!, $qty: Int!) { addItemToOrder(productVariantId: $id, quantity: $qty) { ${RESULT} } }`,
      { id: variantId, qty: line.quantity }, q);
  }
  await shop.mutate('setCustomerForOrder', `mutation($input: CreateCustomerInput!) { setCustomerForOrder(input: $input) { ${RESULT} } }`,
    { input: spec.customer }, q);
  await shop.mutate('setOrderShippingAddress', `mutation($input: CreateAddressInput!) { setOrderShippingAddress(input: $input) { ${RESULT} } }`,
    { input: spec.address }, q);
  await shop.mutate('setOrderBillingAddress', `mutation($input: CreateAddressInput!) { setOrderBillingAddress(input: $input) { ${RESULT} } }`,
    { input: { ...spec.address, fullName: `${spec.address.fullName} (billing)` } }, q);
  await shop.mutate('setOrderShippingMethod', `mutation($ids: [ID!]!) { setOrderShippingMethod(shippingMethodId: $ids) { ${RESULT} } }`,
    { ids: [seeded.shippingMethodId] }, q);
  if (spec.coupon) {
    await shop.mutate('applyCouponCode', `mutation($code: String!) { applyCouponCode(couponCode: $code) { ${RESULT} } }`, { code: COUPON }, q);
  }
  await shop.mutate('transitionOrderToState', `mutation { transitionOrderToState(state: "ArrangingPayment") { ${RESULT} } }`, {}, q);
  return shop.mutate('addPaymentToOrder', `mutation($input: PaymentInput!) { addPaymentToOrder(input: $input) { ${RESULT} } }`,
    { input: { method: PAYMENT_METHOD, metadata: { authorizeOnly: spec.authorizeOnly ?? false } } }, q);
}

/** A cart left in AddingItems: must never be pulled (it is not an order yet). */
export async function abandonCart(shopApi: string, seeded: Seeded, sku: string): Promise<void> {
  const shop = new GraphQLSession(shopApi);
  await shop.mutate('addItemToOrder', `mutation($id: ID!) { addItemToOrder(productVariantId: $id, quantity: 1) { ${RESULT} } }`,
    { id: seeded.variantIds[sku] });
}
