// The raw shapes of the Orders API v2026-01-01, as far as ordersync reads them.
// Source: amzn/selling-partner-api-models orders-api-model/orders_2026-01-01.json (definitions
// Order, OrderItem, ItemProduct, ItemPrice, OrderProceeds, ItemProceeds, Money, CustomerAddress).
import { z } from 'zod';

// FulfillmentStatus enum (definitions.FulfillmentStatus and the fulfillmentStatuses parameter).
export const AMAZON_FULFILLMENT_STATUSES = [
  'PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE',
] as const;
// OrderFulfillment.fulfilledBy and the fulfilledBy parameter.
export const AMAZON_FULFILLED_BY = ['AMAZON', 'MERCHANT'] as const;
// The includedData parameter's enum.
export const AMAZON_INCLUDED_DATA = [
  'BUYER', 'RECIPIENT', 'PROCEEDS', 'EXPENSE', 'PROMOTION', 'CANCELLATION', 'FULFILLMENT', 'PACKAGES', 'TAX', 'PAYMENT', 'FULFILLMENT_ORDERS',
] as const;

export type AmazonFulfillmentStatus = (typeof AMAZON_FULFILLMENT_STATUSES)[number];
export type AmazonIncludedData = (typeof AMAZON_INCLUDED_DATA)[number];

// Money.amount is a Decimal: "a decimal number with no loss of precision", sent as a string.
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');
const instant = z.iso.datetime({ offset: true });
const text = z.string().optional();

export const AmazonMoney = z.object({ amount: decimal, currencyCode: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code') });

// Proceeds categories: ITEM, SHIPPING, GIFT_WRAP, COD_FEE, TAX, DISCOUNT, DELIVERY_TIP, OTHER.
export const AmazonProceedsBreakdown = z.object({ type: z.string(), subtotal: AmazonMoney });

export const AmazonOrderItem = z.object({
  orderItemId: z.string().min(1),
  quantityOrdered: z.number().int().nonnegative(),
  product: z.object({
    asin: text,
    title: text,
    sellerSku: text,
    price: z.object({ unitPrice: AmazonMoney.optional() }).optional(),
  }),
  proceeds: z.object({
    proceedsTotal: AmazonMoney.optional(),
    breakdowns: z.array(AmazonProceedsBreakdown).optional(),
  }).optional(),
});

export const AmazonAddress = z.object({
  name: text, companyName: text, addressLine1: text, addressLine2: text, addressLine3: text,
  city: text, districtOrCounty: text, stateOrRegion: text, municipality: text,
  postalCode: text, countryCode: text, phone: text,
});

export const AmazonOrder = z.object({
  orderId: z.string().min(1),
  createdTime: instant,
  lastUpdatedTime: instant,
  programs: z.array(z.string()).optional(),
  salesChannel: z.object({ channelName: z.string(), marketplaceId: text, marketplaceName: text }),
  buyer: z.object({ buyerName: text, buyerEmail: text, buyerCompanyName: text }).optional(),
  recipient: z.object({ deliveryAddress: AmazonAddress.optional() }).optional(),
  proceeds: z.object({
    grandTotal: AmazonMoney.optional(),
    breakdowns: z.array(AmazonProceedsBreakdown).optional(),
  }).optional(),
  // Optional in the spec, but always present with includedData=FULFILLMENT, which ordersync asks for.
  fulfillment: z.object({
    fulfillmentStatus: z.enum(AMAZON_FULFILLMENT_STATUSES),
    fulfilledBy: z.enum(AMAZON_FULFILLED_BY).optional(),
  }),
  orderItems: z.array(AmazonOrderItem),
});

export const AmazonSearchOrdersResponse = z.object({
  orders: z.array(z.unknown()),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});

// Login with Amazon access-token response (https://developer.amazon.com/docs/login-with-amazon/access-token.html).
export const AmazonTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().optional(),
});

export type AmazonMoney = z.infer<typeof AmazonMoney>;
export type AmazonProceedsBreakdown = z.infer<typeof AmazonProceedsBreakdown>;
export type AmazonOrderItem = z.infer<typeof AmazonOrderItem>;
export type AmazonAddress = z.infer<typeof AmazonAddress>;
export type AmazonOrder = z.infer<typeof AmazonOrder>;
export type AmazonSearchOrdersResponse = z.infer<typeof AmazonSearchOrdersResponse>;
