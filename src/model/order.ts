// The normalized order every channel maps to and every target receives (shared/DESIGN.md).
import { z } from 'zod';
import { isCurrencyCode } from './money.js';

export const FINANCIAL_STATUSES = ['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided'] as const;
export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'cancelled'] as const;
export const FULFILLED_BY = ['merchant', 'channel'] as const;

export type FinancialStatus = (typeof FINANCIAL_STATUSES)[number];
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];
export type FulfilledBy = (typeof FULFILLED_BY)[number];

// Bounds that keep a hostile payload from reaching the ledger: no real order field is longer.
const MAX_TEXT = 2_000;
const text = z.string().max(MAX_TEXT);
const optionalText = text.nullable();

const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'expected an ISO 8601 UTC timestamp')
  // The shape is not enough: February 30th or 25:61 must not reach the ledger.
  .refine((text) => { const at = new Date(text); return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === text.slice(0, 19); }, 'not a real instant');

export const MoneySchema = z.object({
  amount: z.number().int('amount must be whole minor units').refine(Number.isSafeInteger, 'amount out of range'),
  currency: z.string().refine(isCurrencyCode, 'expected an ISO 4217 currency code'),
});

export const AddressSchema = z.object({
  name: optionalText,
  company: optionalText,
  line1: optionalText,
  line2: optionalText,
  city: optionalText,
  region: optionalText,
  postalCode: optionalText,
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 country code').nullable(),
  phone: optionalText,
});

export const CustomerSchema = z.object({
  email: optionalText,
  name: optionalText,
  phone: optionalText,
});

export const OrderLineSchema = z.object({
  externalId: text.min(1),
  sku: optionalText,
  title: text,
  quantity: z.number().int().nonnegative(),
  unitPrice: MoneySchema,
  tax: MoneySchema,
  discount: MoneySchema,
});

export const OrderSchema = z
  .object({
    channel: text.min(1),
    channelKind: text.min(1),
    externalId: text.min(1),
    number: text.min(1),
    placedAt: isoInstant,
    updatedAt: isoInstant,
    financialStatus: z.enum(FINANCIAL_STATUSES),
    fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
    fulfilledBy: z.enum(FULFILLED_BY),
    currency: z.string().refine(isCurrencyCode, 'expected an ISO 4217 currency code'),
    subtotal: MoneySchema,
    shippingTotal: MoneySchema,
    taxTotal: MoneySchema,
    discountTotal: MoneySchema,
    total: MoneySchema,
    customer: CustomerSchema,
    shippingAddress: AddressSchema.nullable(),
    billingAddress: AddressSchema.nullable(),
    lines: z.array(OrderLineSchema).max(10_000),
    tags: z.array(text).max(1_000),
    raw: z.unknown(),
  })
  .superRefine((order, ctx) => {
    const monies: [string, { currency: string }][] = [
      ['subtotal', order.subtotal], ['shippingTotal', order.shippingTotal], ['taxTotal', order.taxTotal],
      ['discountTotal', order.discountTotal], ['total', order.total],
      ...order.lines.flatMap((line, i) => [
        [`lines.${i}.unitPrice`, line.unitPrice], [`lines.${i}.tax`, line.tax], [`lines.${i}.discount`, line.discount],
      ] as [string, { currency: string }][]),
    ];
    for (const [path, money] of monies) {
      if (money.currency !== order.currency) {
        ctx.addIssue({ code: 'custom', path: path.split('.'), message: `currency ${money.currency} differs from the order's ${order.currency}` });
      }
    }
    const ids = new Set<string>();
    for (const line of order.lines) {
      if (ids.has(line.externalId)) ctx.addIssue({ code: 'custom', path: ['lines'], message: `duplicate line id ${line.externalId}` });
      ids.add(line.externalId);
    }
  });

export type Money = z.infer<typeof MoneySchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type Order = z.infer<typeof OrderSchema>;
/** What a channel connector yields: the runtime adds the configured channel name. */
export type ChannelOrder = Omit<Order, 'channel'>;

/**
 * The difference, in minor units, between the channel's total and what the order's parts add up
 * to (lines + shipping + tax − discounts). Zero when the money reconciles.
 */
export function reconciliationDifference(order: ChannelOrder): number {
  const parts = order.subtotal.amount + order.shippingTotal.amount + order.taxTotal.amount - order.discountTotal.amount;
  return order.total.amount - parts;
}

/** The sum of the lines before discounts: what `subtotal` should be. */
export function linesSubtotal(lines: OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPrice.amount * line.quantity, 0);
}

/**
 * The order without the channel's payload, copied member by member so that `raw` is never read:
 * the ledger hands out claimed orders whose `raw` is parsed only when something reads it.
 */
export function withoutRaw(order: Order): Omit<Order, 'raw'> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(order) as (keyof Order)[]) if (key !== 'raw') copy[key] = order[key];
  return copy as Omit<Order, 'raw'>;
}
