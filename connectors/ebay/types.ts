// The raw shapes of the eBay Sell Fulfillment API v1 (getOrders), as far as ordersync reads them.
// Source: eBay's OpenAPI contract sell_fulfillment_v1_oas3.json v1.20.7 (components.schemas);
// enum values from the type pages the spec links to under
// https://developer.ebay.com/api-docs/sell/fulfillment/types/ (the spec itself only names them).
import { z } from 'zod';

// sel:OrderFulfillmentStatus
export const EBAY_FULFILLMENT_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] as const;
// sel:OrderPaymentStatusEnum
export const EBAY_PAYMENT_STATUSES = ['FAILED', 'FULLY_REFUNDED', 'PAID', 'PARTIALLY_REFUNDED', 'PENDING'] as const;
// sel:CancelStateEnum
export const EBAY_CANCEL_STATES = ['CANCELED', 'IN_PROGRESS', 'NONE_REQUESTED'] as const;

export type EbayFulfillmentStatus = (typeof EBAY_FULFILLMENT_STATUSES)[number];
export type EbayPaymentStatus = (typeof EBAY_PAYMENT_STATUSES)[number];
export type EbayCancelState = (typeof EBAY_CANCEL_STATES)[number];

// Order timestamps: "[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss].[sss]Z" (spec Order.creationDate / lastModifiedDate).
export const EBAY_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const instant = z.string().regex(EBAY_INSTANT, 'expected YYYY-MM-DDThh:mm:ss.sssZ');

// Amount.value is a string (spec Amount); eBay writes "12.5" or "0.0" as well as "12.50".
export const EbayAmount = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
  convertedFromValue: z.string().optional(),
  convertedFromCurrency: z.string().optional(),
});

const EbayPhone = z.object({ phoneNumber: z.string().optional() });

export const EbayAddress = z.object({
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  county: z.string().optional(),
});

// ExtendedContact: the buyer's registration contact and each shipping step's shipTo.
export const EbayContact = z.object({
  fullName: z.string().optional(),
  companyName: z.string().optional(),
  email: z.string().optional(),
  primaryPhone: EbayPhone.optional(),
  contactAddress: EbayAddress.optional(),
});

export const EbayLineItem = z.object({
  lineItemId: z.string().min(1),
  sku: z.string().optional(),
  title: z.string(),
  quantity: z.number().int().positive(),
  /** unit price × quantity, before discounts (spec LineItem.lineItemCost). */
  lineItemCost: EbayAmount,
  /** Only when a promotion discounted the line. */
  discountedLineItemCost: EbayAmount.optional(),
  taxes: z.array(z.object({ amount: EbayAmount.optional(), taxType: z.string().optional() })).default([]),
});

export const EbayPricingSummary = z.object({
  priceSubtotal: EbayAmount,
  priceDiscount: EbayAmount.optional(),
  deliveryCost: EbayAmount.optional(),
  deliveryDiscount: EbayAmount.optional(),
  tax: EbayAmount.optional(),
  fee: EbayAmount.optional(),
  adjustment: EbayAmount.optional(),
  total: EbayAmount,
});

export const EbayOrder = z.object({
  orderId: z.string().min(1),
  creationDate: instant,
  lastModifiedDate: instant,
  orderFulfillmentStatus: z.enum(EBAY_FULFILLMENT_STATUSES),
  orderPaymentStatus: z.enum(EBAY_PAYMENT_STATUSES),
  // "always returned" (spec Order.cancelStatus); absent is read as NONE_REQUESTED.
  cancelStatus: z.object({ cancelState: z.enum(EBAY_CANCEL_STATES) }).default({ cancelState: 'NONE_REQUESTED' }),
  buyer: z.object({ username: z.string().optional(), buyerRegistrationAddress: EbayContact.optional() }).optional(),
  pricingSummary: EbayPricingSummary,
  fulfillmentStartInstructions: z.array(z.object({
    fulfillmentInstructionsType: z.string().optional(),
    shippingStep: z.object({ shipTo: EbayContact.optional() }).optional(),
  })).default([]),
  program: z.object({ fulfillmentProgram: z.object({ fulfilledBy: z.string().optional() }).optional() }).optional(),
  lineItems: z.array(EbayLineItem),
});

export type EbayAmount = z.infer<typeof EbayAmount>;
export type EbayContact = z.infer<typeof EbayContact>;
export type EbayOrder = z.infer<typeof EbayOrder>;
export type EbayLineItem = z.infer<typeof EbayLineItem>;
