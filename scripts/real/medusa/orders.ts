// Places real orders through Medusa's own store API (cart → shipping method → payment session
// with the system provider → complete), and changes them through the admin API.
import { createCaller, type MedusaCaller } from './api.js';
import type { Catalog } from './catalog.js';

export interface OrderSpec {
  region: 'eur' | 'usd';
  email: string;
  lines: { sku: string; quantity: number }[];
  address: { first_name: string; last_name: string; company?: string; address_1: string; address_2?: string; city: string; province?: string; postal_code: string; country_code: string; phone?: string };
  promo?: boolean;
}

export const ORDER_SPECS: OrderSpec[] = [
  {
    region: 'eur', email: 'anna@example.com', promo: true,
    lines: [{ sku: 'TEE-BLK-M', quantity: 2 }, { sku: 'MUG-12OZ', quantity: 1 }, { sku: 'CAP-NAVY', quantity: 1 }],
    address: { first_name: 'Anna', last_name: 'Schmidt', company: 'Schmidt GmbH', address_1: 'Hauptstr. 5', address_2: '2. OG', city: 'Berlin', postal_code: '10115', country_code: 'de', phone: '+49 30 1234567' },
  },
  {
    region: 'eur', email: 'luc@example.com',
    lines: [{ sku: 'TEE-BLK-L', quantity: 1 }, { sku: 'MUG-12OZ', quantity: 3 }],
    address: { first_name: 'Luc', last_name: 'Martin', address_1: '12 rue de la Paix', city: 'Paris', postal_code: '75002', country_code: 'fr' },
  },
  {
    region: 'usd', email: 'joe@example.com',
    lines: [{ sku: 'TEE-BLK-M', quantity: 1 }, { sku: 'CAP-NAVY', quantity: 2 }],
    address: { first_name: 'Joe', last_name: 'Miller', address_1: '350 5th Ave', city: 'New York', province: 'us-ny', postal_code: '10118', country_code: 'us', phone: '+1 212 555 0100' },
  },
  {
    region: 'usd', email: 'kim@example.com', promo: true,
    lines: [{ sku: 'MUG-12OZ', quantity: 2 }],
    address: { first_name: 'Kim', last_name: 'Lee', address_1: '1 Market St', city: 'San Francisco', province: 'us-ca', postal_code: '94105', country_code: 'us' },
  },
];

/** Runs the storefront checkout for one order and returns the order id. */
export async function placeOrder(baseUrl: string, catalog: Catalog, spec: OrderSpec): Promise<string> {
  const store = createCaller(baseUrl, { 'x-publishable-api-key': catalog.publishableKey });
  const { cart } = await store.call('POST', '/store/carts', {
    region_id: catalog.regions[spec.region], email: spec.email, sales_channel_id: catalog.salesChannelId,
    shipping_address: spec.address, billing_address: spec.address,
    items: spec.lines.map((line) => ({ variant_id: variantId(catalog, line.sku), quantity: line.quantity })),
  });
  if (spec.promo) await store.call('POST', `/store/carts/${cart.id}/promotions`, { promo_codes: [catalog.promoCode] });
  await store.call('POST', `/store/carts/${cart.id}/shipping-methods`, { option_id: catalog.shippingOptionId });
  const { payment_collection: collection } = await store.call('POST', '/store/payment-collections', { cart_id: cart.id });
  await store.call('POST', `/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: 'pp_system_default' });
  const completed = await store.call('POST', `/store/carts/${cart.id}/complete`);
  if (completed.type !== 'order') throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(completed).slice(0, 500)}`);
  return completed.order.id as string;
}

export async function cancelOrder(admin: MedusaCaller, orderId: string): Promise<void> {
  await admin.call('POST', `/admin/orders/${orderId}/cancel`);
}

/** Captures every authorized payment of the order (the system provider captures at once). */
export async function capturePayments(admin: MedusaCaller, orderId: string): Promise<void> {
  const { order } = await admin.call('GET', `/admin/orders/${orderId}?fields=id,*payment_collections,*payment_collections.payments`);
  for (const collection of order.payment_collections) {
    for (const payment of collection.payments) await admin.call('POST', `/admin/payments/${payment.id}/capture`, {});
  }
}

/** Fulfils every line of the order from the catalog's stock location. */
export async function fulfilAll(admin: MedusaCaller, catalog: Catalog, orderId: string): Promise<void> {
  const { order } = await admin.call('GET', `/admin/orders/${orderId}?fields=id,*items`);
  await admin.call('POST', `/admin/orders/${orderId}/fulfillments`, {
    location_id: catalog.locationId,
    items: order.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity })),
  });
}

function variantId(catalog: Catalog, sku: string): string {
  const variant = catalog.variants[sku];
  if (!variant) throw new Error(`no variant with SKU ${sku}`);
  return variant.id;
}
