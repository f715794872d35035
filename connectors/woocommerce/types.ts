// The raw shapes of WooCommerce REST API v3 orders, as far as ordersync reads them.
// Source: woocommerce-rest-api-docs source/includes/wp-api-v3/_orders.md and the v2 orders
// controller (money fields are strings with `dp` decimals; line `price` is a JSON number).
import { z } from 'zod';

// https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties (status enum);
// `checkout-draft` is added by the Blocks checkout (wc_get_order_statuses()).
export const WOO_ORDER_STATUSES = [
  'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash', 'checkout-draft',
] as const;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');
const gmtInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM:SS');

export const WooAddress = z.object({
  first_name: z.string().default(''),
  last_name: z.string().default(''),
  company: z.string().default(''),
  address_1: z.string().default(''),
  address_2: z.string().default(''),
  city: z.string().default(''),
  state: z.string().default(''),
  postcode: z.string().default(''),
  country: z.string().default(''),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const WooLineItem = z.object({
  id: z.number().int(),
  name: z.string(),
  sku: z.string().nullable().default(null),
  quantity: z.number().int(),
  subtotal: decimalString,
  total: decimalString,
  total_tax: decimalString,
});

export const WooFeeLine = z.object({
  id: z.number().int(),
  name: z.string(),
  total: decimalString,
  total_tax: decimalString,
});

export const WooOrder = z.object({
  id: z.number().int().positive(),
  number: z.string(),
  status: z.enum(WOO_ORDER_STATUSES),
  currency: z.string(),
  date_created_gmt: gmtInstant,
  date_modified_gmt: gmtInstant,
  discount_total: decimalString,
  shipping_total: decimalString,
  total_tax: decimalString,
  total: decimalString,
  billing: WooAddress,
  shipping: WooAddress,
  line_items: z.array(WooLineItem),
  fee_lines: z.array(WooFeeLine).default([]),
  refunds: z.array(z.object({ id: z.number(), total: z.string() })).default([]),
  meta_data: z.array(z.unknown()).default([]),
});

export type WooOrder = z.infer<typeof WooOrder>;
export type WooAddress = z.infer<typeof WooAddress>;
export type WooOrderStatus = (typeof WOO_ORDER_STATUSES)[number];
