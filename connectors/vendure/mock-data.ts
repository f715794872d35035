// Seeded Vendure orders for the mock: same seed, same orders. Prices follow Vendure 3's own
// arithmetic for a tax-exclusive channel (OrderLine getters, DefaultOrderTaxCalculationStrategy):
// gross = round(net × (1 + rate)), an order-level percentage coupon is prorated over the lines,
// subTotal = Σ proratedLinePrice, total = subTotal + shipping, totalWithTax likewise with tax.
// A cancelled order keeps its lines at quantity 0 and its shipping line at a discounted 0, as the
// real server shows after `cancelOrder(cancelShipping: true)`.
import { Faker, en } from '@faker-js/faker';

export const MOCK_VARIANTS = [
  { id: '11', sku: 'TEE-BLK-M', name: 'Logo Tee Black M', price: 1650 },
  { id: '12', sku: 'TEE-WHT-L', name: 'Logo Tee White L', price: 1650 },
  { id: '21', sku: 'MUG-12OZ', name: 'Mug 12oz', price: 1199 },
  { id: '31', sku: 'CAP-NAVY', name: 'Cap Navy', price: 2333 },
  { id: '41', sku: 'BAG-TOTE', name: 'Tote Bag', price: 990 },
] as const;

export const TAX_RATE = 19;
const SHIPPING_NET = 500;
const CODE_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // DefaultOrderCodeStrategy (nanoid, 16)
const PLACED_STATES = [
  'PaymentSettled', 'PaymentSettled', 'PaymentSettled', 'PaymentAuthorized', 'PartiallyShipped', 'Shipped', 'Shipped',
  'PartiallyDelivered', 'Delivered', 'Delivered', 'Cancelled', 'Modifying', 'ArrangingAdditionalPayment',
] as const;

export type MockOrder = Record<string, unknown> & { id: string; state: string; updatedAt: string };

export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

const gross = (net: number): number => Math.round(net * (1 + TAX_RATE / 100));

export function generateOrder(faker: Faker, id: number, updatedMs: number, state?: string): MockOrder {
  const chosen = state ?? faker.helpers.arrayElement(PLACED_STATES);
  const placed = !['AddingItems', 'ArrangingPayment', 'Draft'].includes(chosen);
  const currencyCode = faker.helpers.weightedArrayElement([{ weight: 7, value: 'USD' }, { weight: 3, value: 'EUR' }]);
  const createdMs = updatedMs - faker.number.int({ min: 60_000, max: 6 * 3_600_000 });
  const variants = faker.helpers.arrayElements(MOCK_VARIANTS, { min: 1, max: 3 });
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const address = {
    fullName: `${first} ${last}`, company: faker.helpers.arrayElement(['', faker.company.name()]), streetLine1: faker.location.streetAddress(),
    streetLine2: '', city: faker.location.city(), province: '', postalCode: faker.location.zipCode('#####'),
    country: 'Germany', countryCode: faker.helpers.arrayElement(['DE', 'US', 'FR', 'NL', 'AT']), phoneNumber: '',
  };
  const order: MockOrder = {
    id: String(id), code: faker.string.fromCharacters(CODE_ALPHABET, 16), state: chosen, active: !placed,
    createdAt: iso(createdMs), updatedAt: iso(updatedMs), orderPlacedAt: placed ? iso(updatedMs - faker.number.int({ min: 0, max: 60_000 })) : null,
    currencyCode, couponCodes: faker.number.int({ min: 0, max: 3 }) === 0 ? ['SAVE10'] : [],
    customer: { id: String(1000 + id), firstName: first, lastName: last, emailAddress: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(), phoneNumber: faker.phone.number({ style: 'international' }) },
    shippingAddress: address, billingAddress: { ...address, phoneNumber: null },
    lines: variants.map((variant, index) => {
      const quantity = faker.number.int({ min: 1, max: 3 });
      return { id: String(id * 10 + index), createdAt: iso(createdMs), updatedAt: iso(createdMs), productVariant: { id: variant.id, sku: variant.sku, name: variant.name }, unitPrice: variant.price, quantity, orderPlacedQuantity: quantity, taxRate: TAX_RATE };
    }),
    surcharges: [],
    shippingLines: [{ id: String(id), shippingMethod: { id: '1', code: 'standard-shipping', name: 'Standard Shipping' }, discounts: [] }],
    payments: [], fulfillments: [], nextStates: [],
  };
  setState(order, chosen);
  return order;
}

/** Moves an order to a state, with the payments, fulfillments and prices that state implies. */
export function setState(order: MockOrder, state: string): void {
  order.state = state;
  const lines = order.lines as MockLine[];
  if (state === 'Cancelled') for (const line of lines) line.quantity = 0;
  reprice(order);
  const total = order.totalWithTax as number;
  const settled = !['PaymentAuthorized', 'AddingItems', 'ArrangingPayment', 'Draft', 'Cancelled'].includes(state);
  if (!['AddingItems', 'ArrangingPayment', 'Draft'].includes(state) && (order.payments as unknown[]).length === 0) {
    const amount = state === 'Cancelled' ? orderValueBeforeCancel(order) : total;
    order.payments = [{ id: `p${order.id}`, method: 'standard-payment', amount, state: settled ? 'Settled' : 'Authorized', transactionId: `tx-${order.code as string}`, refunds: [], metadata: {} }];
  } else if (settled) {
    for (const payment of order.payments as { state: string }[]) if (payment.state === 'Authorized') payment.state = 'Settled';
  }
  const shippedShare = { PartiallyShipped: 'some', Shipped: 'all', PartiallyDelivered: 'all', Delivered: 'all' }[state];
  if (shippedShare && (order.fulfillments as unknown[]).length === 0) {
    const shipped = shippedShare === 'all' ? lines : lines.slice(0, 1);
    order.fulfillments = [{ id: `f${order.id}`, state: state.includes('Delivered') ? 'Delivered' : 'Shipped', method: 'DHL', trackingCode: `DHL${order.id}`,
      lines: shipped.map((line) => ({ orderLineId: line.id, quantity: shippedShare === 'all' ? line.quantity : Math.max(1, line.quantity - 1), fulfillmentId: `f${order.id}` })) }];
    if (shippedShare === 'some' && lines.length === 1 && lines[0]!.quantity === 1) order.state = 'Shipped';
  }
}

interface MockLine { id: string; unitPrice: number; quantity: number; orderPlacedQuantity: number; [key: string]: unknown }

/** Recomputes every derived amount from the lines' unit prices, quantities and the coupon. */
export function reprice(order: MockOrder): void {
  const percent = (order.couponCodes as string[]).includes('SAVE10') ? 10 : 0;
  const cancelled = order.state === 'Cancelled';
  let subTotal = 0;
  let subTotalWithTax = 0;
  let discount = 0;
  let discountWithTax = 0;
  for (const line of order.lines as MockLine[]) {
    const linePrice = line.unitPrice * line.quantity;
    const proratedExact = linePrice * (1 - percent / 100);
    const prorated = Math.round(proratedExact);
    const proratedWithTax = Math.round(proratedExact * (1 + TAX_RATE / 100));
    Object.assign(line, {
      unitPriceWithTax: gross(line.unitPrice), discountedUnitPrice: line.unitPrice, discountedUnitPriceWithTax: gross(line.unitPrice),
      proratedUnitPrice: Math.round(line.unitPrice * (1 - percent / 100)), proratedUnitPriceWithTax: gross(line.unitPrice * (1 - percent / 100)),
      linePrice, linePriceWithTax: gross(linePrice), discountedLinePrice: linePrice, discountedLinePriceWithTax: gross(linePrice),
      proratedLinePrice: prorated, proratedLinePriceWithTax: proratedWithTax, lineTax: gross(linePrice) - linePrice, discounts: [],
    });
    subTotal += prorated;
    subTotalWithTax += proratedWithTax;
    discount += linePrice - prorated;
    discountWithTax += gross(linePrice) - proratedWithTax;
  }
  const shippingLines = order.shippingLines as Record<string, unknown>[];
  for (const line of shippingLines) {
    Object.assign(line, { price: SHIPPING_NET, priceWithTax: gross(SHIPPING_NET), discountedPrice: cancelled ? 0 : SHIPPING_NET, discountedPriceWithTax: cancelled ? 0 : gross(SHIPPING_NET) });
  }
  const shipping = shippingLines.reduce((sum, line) => sum + (line.discountedPrice as number), 0);
  const shippingWithTax = shippingLines.reduce((sum, line) => sum + (line.discountedPriceWithTax as number), 0);
  order.discounts = [
    ...(discount > 0 ? [{ adjustmentSource: 'PROMOTION:1', type: 'DISTRIBUTED_ORDER_PROMOTION', description: '10% off', amount: -discount, amountWithTax: -discountWithTax }] : []),
    ...(cancelled ? [{ adjustmentSource: 'CANCEL_ORDER', type: 'OTHER', description: 'shipping cancellation', amount: -SHIPPING_NET, amountWithTax: -gross(SHIPPING_NET) }] : []),
  ];
  Object.assign(order, {
    subTotal, subTotalWithTax, shipping, shippingWithTax, total: subTotal + shipping, totalWithTax: subTotalWithTax + shippingWithTax,
    totalQuantity: (order.lines as MockLine[]).reduce((sum, line) => sum + line.quantity, 0),
  });
}

function orderValueBeforeCancel(order: MockOrder): number {
  return (order.lines as MockLine[]).reduce((sum, line) => sum + gross(line.unitPrice * line.orderPlacedQuantity), 0) + gross(SHIPPING_NET);
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A real change a merchant would make, visible in the normalized order: the order moves on in
 * its life (payment captured, shipped, delivered, refunded); where it cannot, the customer's
 * phone number changes. Stamped with `updatedMs`.
 */
export function changeOrder(order: MockOrder, updatedMs: number): void {
  const next: Record<string, string> = {
    PaymentAuthorized: 'PaymentSettled', PaymentSettled: 'Shipped', PartiallyShipped: 'Shipped', Shipped: 'Delivered',
    PartiallyDelivered: 'Delivered', Modifying: 'PaymentSettled', ArrangingAdditionalPayment: 'PaymentSettled',
  };
  const payments = order.payments as { state: string; amount: number; refunds: unknown[] }[];
  const target = next[order.state];
  if (target) {
    if (target === 'Shipped' || target === 'Delivered') order.fulfillments = [];
    setState(order, target);
  } else if (order.state === 'Delivered' && payments[0]?.state === 'Settled' && payments[0].refunds.length === 0) {
    payments[0].refunds = [{ id: `r${order.id}`, total: Math.min(500, payments[0].amount), state: 'Settled', reason: 'damaged', method: 'standard-payment', transactionId: `rf-${order.id}` }];
  } else {
    const customer = order.customer as { phoneNumber: string | null };
    customer.phoneNumber = `+49 30 ${String(updatedMs).slice(-7)}`;
  }
  order.updatedAt = new Date(updatedMs).toISOString();
}
