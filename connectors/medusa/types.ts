// The raw shapes of Medusa 2 admin API orders, as far as ordersync reads them.
// Enums: @medusajs/utils OrderStatus (dist/order/status.js) and core-flows
// order/utils/aggregate-status.js (getLastPaymentStatus / getLastFulfillmentStatus), v2.21.2;
// also https://docs.medusajs.com/resources/commerce-modules/order/order-statuses (UNCONFIRMED wording).
import { z } from 'zod';

export const MEDUSA_ORDER_STATUSES = ['pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action'] as const;
export const MEDUSA_PAYMENT_STATUSES = [
  'not_paid', 'awaiting', 'authorized', 'partially_authorized', 'captured', 'partially_captured',
  'partially_refunded', 'refunded', 'canceled', 'requires_action',
] as const;
export const MEDUSA_FULFILLMENT_STATUSES = [
  'not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped',
  'partially_delivered', 'delivered', 'canceled',
] as const;

// Money arrives as a JSON number in major units (a BigNumber serialised with toNumber()), and,
// on nested records, also as `raw_<field>: { value: "19.99", precision: 20 }`.
const amount = z.union([z.number().refine(Number.isFinite, 'not a finite number'), z.string()]);
const rawAmount = z.object({ value: z.string() }).nullish();
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 timestamp');
const text = z.string().nullish();

export const MedusaAddress = z.object({
  first_name: text, last_name: text, company: text, address_1: text, address_2: text,
  city: text, province: text, postal_code: text, country_code: text, phone: text,
});

export const MedusaCustomer = z.object({ email: text, first_name: text, last_name: text, phone: text });

export const MedusaLineItem = z.object({
  id: z.string().min(1),
  title: z.string(),
  subtitle: text,
  variant_sku: text,
  is_tax_inclusive: z.boolean().nullish(),
  quantity: z.number().int('quantity must be whole units').nonnegative(),
  unit_price: amount,
  raw_unit_price: rawAmount,
  subtotal: amount,
  raw_subtotal: rawAmount,
  tax_total: amount,
  raw_tax_total: rawAmount,
  discount_subtotal: amount.nullish(),
  raw_discount_subtotal: rawAmount,
});

export const MedusaOrder = z.object({
  id: z.string().min(1),
  display_id: z.number().int(),
  /** A merchant-set order number (2.x servers that have it; others ignore the field). */
  custom_display_id: text,
  status: z.enum(MEDUSA_ORDER_STATUSES),
  payment_status: z.enum(MEDUSA_PAYMENT_STATUSES),
  fulfillment_status: z.enum(MEDUSA_FULFILLMENT_STATUSES),
  email: text,
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, 'expected an ISO 4217 code'),
  created_at: instant,
  updated_at: instant,
  total: amount,
  item_subtotal: amount.nullish(),
  shipping_subtotal: amount,
  tax_total: amount,
  discount_subtotal: amount,
  credit_line_total: amount.nullish(),
  items: z.array(MedusaLineItem),
  shipping_address: MedusaAddress.nullish(),
  billing_address: MedusaAddress.nullish(),
  customer: MedusaCustomer.nullish(),
});

/** One row of GET /admin/payments with the fields the payment sweep asks for. */
export const MedusaPaymentStamp = z.object({
  id: z.string(),
  updated_at: instant,
  payment_collection: z.object({ order: z.object({ id: z.string() }).nullish() }).nullish(),
});

export type MedusaOrder = z.infer<typeof MedusaOrder>;
export type MedusaLineItem = z.infer<typeof MedusaLineItem>;
export type MedusaAddress = z.infer<typeof MedusaAddress>;
export type MedusaOrderStatus = (typeof MEDUSA_ORDER_STATUSES)[number];
export type MedusaPaymentStatus = (typeof MEDUSA_PAYMENT_STATUSES)[number];
export type MedusaFulfillmentStatus = (typeof MEDUSA_FULFILLMENT_STATUSES)[number];
