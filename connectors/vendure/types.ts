// The raw shapes of Vendure 3 Admin API orders, as far as ordersync selects them (client.ts).
// Source: @vendure/core 3.7 dist/api/schema/common/order.type.graphql (Order, OrderLine,
// ShippingLine, Surcharge, Payment, Refund, Fulfillment, OrderAddress). `Money` is an Int scalar in
// the minor units of MoneyStrategy.precision (2 unless the server configures otherwise).
import { z } from 'zod';

// The default OrderProcess's states (config/order/default-order-process.ts `transitions`) plus
// `Created`, the state every Order starts in before AddingItems or Draft.
export const VENDURE_ORDER_STATES = [
  'Created', 'Draft', 'AddingItems', 'ArrangingPayment', 'PaymentAuthorized', 'PaymentSettled',
  'PartiallyShipped', 'Shipped', 'PartiallyDelivered', 'Delivered', 'Modifying',
  'ArrangingAdditionalPayment', 'Cancelled',
] as const;
export type VendureOrderState = (typeof VENDURE_ORDER_STATES)[number];

const money = z.number().int('expected an integer amount (Money)').refine(Number.isSafeInteger, 'amount out of range');
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date-time');
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const VendureAddress = z.object({
  fullName: z.string().nullish(),
  company: z.string().nullish(),
  streetLine1: z.string().nullish(),
  streetLine2: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
  phoneNumber: z.string().nullish(),
});

export const VendureOrderLine = z.object({
  id,
  quantity: z.number().int().nonnegative('a line quantity cannot be negative'),
  unitPrice: money,
  unitPriceWithTax: money,
  linePrice: money,
  linePriceWithTax: money,
  proratedLinePrice: money,
  proratedLinePriceWithTax: money,
  productVariant: z.object({ id, sku: z.string().nullish(), name: z.string() }),
});

export const VendureSurcharge = z.object({
  id,
  description: z.string(),
  sku: z.string().nullish(),
  price: money,
  priceWithTax: money,
});

export const VendureShippingLine = z.object({
  id: id.optional(),
  price: money,
  priceWithTax: money,
  discountedPrice: money,
  discountedPriceWithTax: money,
  shippingMethod: z.object({ id, code: z.string(), name: z.string() }).nullish(),
});

export const VendureRefund = z.object({ id, total: money, state: z.string() });

export const VendurePayment = z.object({
  id,
  method: z.string(),
  amount: money,
  state: z.string(),
  transactionId: z.string().nullish(),
  refunds: z.array(VendureRefund).default([]),
});

export const VendureFulfillment = z.object({
  id,
  state: z.string(),
  method: z.string().nullish(),
  trackingCode: z.string().nullish(),
  lines: z.array(z.object({ orderLineId: id, quantity: z.number().int() })).default([]),
});

export const VendureOrder = z.object({
  id,
  code: z.string().min(1, 'an order code is required'),
  // Custom OrderProcess states are strings too: they are mapped from payments and fulfillments.
  state: z.string().min(1),
  active: z.boolean().optional(),
  createdAt: instant,
  updatedAt: instant,
  orderPlacedAt: instant.nullish(),
  currencyCode: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
  subTotal: money,
  subTotalWithTax: money,
  shipping: money,
  shippingWithTax: money,
  total: money,
  totalWithTax: money,
  couponCodes: z.array(z.string()).default([]),
  customer: z.object({
    id: id.optional(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    emailAddress: z.string().nullish(),
    phoneNumber: z.string().nullish(),
  }).nullish(),
  shippingAddress: VendureAddress.nullish(),
  billingAddress: VendureAddress.nullish(),
  lines: z.array(VendureOrderLine),
  surcharges: z.array(VendureSurcharge).default([]),
  shippingLines: z.array(VendureShippingLine).default([]),
  payments: z.array(VendurePayment).nullish(),
  fulfillments: z.array(VendureFulfillment).nullish(),
});

export type VendureOrder = z.infer<typeof VendureOrder>;
export type VendureAddress = z.infer<typeof VendureAddress>;
export type VendurePayment = z.infer<typeof VendurePayment>;
export type VendureFulfillment = z.infer<typeof VendureFulfillment>;
