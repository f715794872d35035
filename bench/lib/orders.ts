// Normalized orders for the ledger, push and status benchmarks: three lines each, two addresses,
// and a raw payload about the size of a WooCommerce order (~1.6 kB of JSON), deterministic in
// the order's number so that runs repeat.
import type { Order } from '../../src/model/index.js';

const PRODUCTS = [
  { sku: 'TEE-BLK-M', title: 'Logo Tee - Black M', price: 1995 },
  { sku: 'MUG-12OZ', title: 'Mug 12oz', price: 1800 },
  { sku: 'CAP-NAVY', title: 'Cap Navy', price: 2450 },
  { sku: 'BAG-TOTE', title: 'Tote Bag', price: 1250 },
  { sku: 'SOCK-3PK', title: 'Socks 3-pack', price: 1401 },
] as const;
const CITIES = ['Berlin', 'Paris', 'Utrecht', 'Austin', 'Brno', 'Lyon', 'Leipzig'] as const;
const COUNTRIES = ['DE', 'FR', 'NL', 'US', 'CZ', 'FR', 'DE'] as const;
const FINANCIAL = ['paid', 'paid', 'paid', 'pending', 'authorized', 'partially_refunded'] as const;

const iso = (ms: number): string => new Date(ms).toISOString();

export function makeOrder(n: number, options: { channel: string; placedAt: number; updatedAt: number }): Order {
  const currency = n % 5 === 0 ? 'USD' : 'EUR';
  const money = (amount: number) => ({ amount, currency });
  const lines = [0, 1, 2].map((k) => {
    const product = PRODUCTS[(n + k) % PRODUCTS.length]!;
    const quantity = 1 + ((n + k) % 3);
    return {
      externalId: String(n * 100 + k), sku: product.sku, title: product.title, quantity,
      unitPrice: money(product.price), tax: money(Math.round((product.price * quantity * 21) / 100)), discount: money(0),
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice.amount * line.quantity, 0);
  const tax = lines.reduce((sum, line) => sum + line.tax.amount, 0);
  const shipping = [0, 490, 590][n % 3]!;
  const city = CITIES[n % CITIES.length]!;
  const name = `Customer ${n}`;
  const address = {
    name, company: null, line1: `${(n % 200) + 1} Main Street`, line2: null, city, region: null,
    postalCode: String(10_000 + (n % 89_999)), countryCode: COUNTRIES[n % COUNTRIES.length]!, phone: null,
  };
  const order: Omit<Order, 'raw'> = {
    channel: options.channel, channelKind: 'woocommerce', externalId: String(n), number: `#${n}`,
    placedAt: iso(options.placedAt), updatedAt: iso(options.updatedAt),
    financialStatus: FINANCIAL[n % FINANCIAL.length]!, fulfillmentStatus: n % 4 === 0 ? 'fulfilled' : 'unfulfilled', fulfilledBy: 'merchant',
    currency, subtotal: money(subtotal), shippingTotal: money(shipping), taxTotal: money(tax), discountTotal: money(0),
    total: money(subtotal + shipping + tax),
    customer: { email: `customer${n}@example.com`, name, phone: `+49 30 ${String(n).padStart(7, '0')}` },
    shippingAddress: address, billingAddress: address, lines, tags: [],
  };
  return { ...order, raw: rawPayload(n, order) };
}

/** A channel payload of realistic size and shape (the ledger stores it for audit). */
function rawPayload(n: number, order: Omit<Order, 'raw'>): unknown {
  const amount = (minor: number) => (minor / 100).toFixed(2);
  const address = { first_name: 'Customer', last_name: String(n), company: '', address_1: order.shippingAddress?.line1, address_2: '', city: order.shippingAddress?.city, state: '', postcode: order.shippingAddress?.postalCode, country: order.shippingAddress?.countryCode };
  return {
    id: n, parent_id: 0, number: String(n), order_key: `wc_order_${(n * 2654435761 % 2 ** 32).toString(36).padStart(13, 'x')}`, created_via: 'checkout',
    version: '9.4.0', status: 'processing', currency: order.currency, prices_include_tax: false,
    date_created_gmt: order.placedAt.slice(0, 19), date_modified_gmt: order.updatedAt.slice(0, 19),
    discount_total: '0.00', shipping_total: amount(order.shippingTotal.amount), total: amount(order.total.amount), total_tax: amount(order.taxTotal.amount),
    billing: { ...address, email: order.customer.email, phone: order.customer.phone }, shipping: { ...address, phone: '' },
    payment_method: 'stripe', payment_method_title: 'Card', transaction_id: `pi_${n.toString(36).padStart(14, '0')}`,
    line_items: order.lines.map((line) => ({
      id: Number(line.externalId), name: line.title, product_id: 90 + (n % 5), variation_id: 0, quantity: line.quantity, tax_class: '',
      subtotal: amount(line.unitPrice.amount * line.quantity), subtotal_tax: amount(line.tax.amount), total: amount(line.unitPrice.amount * line.quantity),
      total_tax: amount(line.tax.amount), taxes: [], meta_data: [], sku: line.sku, price: line.unitPrice.amount / 100,
    })),
    tax_lines: [], shipping_lines: [], fee_lines: [], coupon_lines: [], refunds: [], meta_data: [],
  };
}
