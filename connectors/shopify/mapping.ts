// Shopify GraphQL Admin order → normalized order (pure).
import type { RejectedPayload } from '../../src/connector-kit/index.js';
import type { Address, ChannelOrder, FinancialStatus, FulfillmentStatus, Money } from '../../src/model/index.js';
import { parseMoney } from '../../src/model/index.js';
import {
  legacyId, ShopifyOrder,
  type ShopifyFinancialStatus, type ShopifyFulfillmentStatus, type ShopifyMailingAddress, type ShopifyMoneyBag,
} from './types.js';

// What each documented display status means for the money (enum descriptions on shopify.dev).
export const FINANCIAL_STATUS_MAP: Record<ShopifyFinancialStatus, FinancialStatus> = {
  PENDING: 'pending',
  AUTHORIZED: 'authorized',
  PARTIALLY_PAID: 'pending', // part captured, the rest still owed: not paid yet
  PAID: 'paid',
  PARTIALLY_REFUNDED: 'partially_refunded',
  REFUNDED: 'refunded',
  VOIDED: 'voided',
  EXPIRED: 'voided', // the authorization lapsed uncaptured: no money will come
};

// What each documented display status means for shipping. Only a shipment that happened counts
// as fulfilled; requests sent, holds and schedules still await one.
export const FULFILLMENT_STATUS_MAP: Record<ShopifyFulfillmentStatus, FulfillmentStatus> = {
  UNFULFILLED: 'unfulfilled',
  OPEN: 'unfulfilled', // older name of UNFULFILLED
  PENDING_FULFILLMENT: 'unfulfilled', // request awaiting the fulfillment service (replaced by IN_PROGRESS)
  IN_PROGRESS: 'unfulfilled', // sent to the fulfillment service or marked in progress, not shipped
  ON_HOLD: 'unfulfilled',
  SCHEDULED: 'unfulfilled',
  REQUEST_DECLINED: 'unfulfilled', // the service declined: the items still need shipping
  PARTIALLY_FULFILLED: 'partial',
  FULFILLED: 'fulfilled',
  FULFILLMENT_NOT_REQUIRED: 'fulfilled', // 2026-10: nothing in the order needs shipping
  RESTOCKED: 'cancelled', // every item went back to stock: nothing will ship
};

export type MapResult = { order: ChannelOrder } | { rejected: RejectedPayload };

export function toChannelOrder(raw: unknown): MapResult {
  const parsed = ShopifyOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'payload';
    return { rejected: { externalId: externalIdOf(raw), reason: `shopify order: ${where}: ${issue?.message ?? 'invalid'}`, raw } };
  }
  try {
    return { order: mapOrder(parsed.data, raw) };
  } catch (error) {
    return { rejected: { externalId: legacyId(parsed.data.id), reason: `shopify order ${parsed.data.name}: ${(error as Error).message}`, raw } };
  }
}

function mapOrder(order: ShopifyOrder, raw: unknown): ChannelOrder {
  const currency = order.currencyCode;
  // Every amount is read from shopMoney (the shop's currency, which currencyCode names).
  const money = (bag: ShopifyMoneyBag | null, field: string): Money => {
    if (!bag) return { amount: 0, currency };
    if (bag.shopMoney.currencyCode !== currency) throw new Error(`${field} is in ${bag.shopMoney.currencyCode}, the order in ${currency}`);
    return parseMoney(bag.shopMoney.amount, currency);
  };
  const lines = order.lineItems.nodes.map((item) => ({
    externalId: legacyId(item.id),
    sku: item.sku || null,
    title: item.name,
    quantity: item.quantity,
    unitPrice: money(item.originalUnitPriceSet, 'originalUnitPriceSet'),
    tax: { amount: item.taxLines.reduce((sum, line) => sum + money(line.priceSet, 'taxLines.priceSet').amount, 0), currency },
    discount: money(item.totalDiscountSet, 'totalDiscountSet'),
  }));
  return {
    channelKind: 'shopify',
    externalId: legacyId(order.id),
    number: order.name,
    placedAt: iso(order.processedAt ?? order.createdAt),
    updatedAt: iso(order.updatedAt),
    financialStatus: order.displayFinancialStatus ? FINANCIAL_STATUS_MAP[order.displayFinancialStatus] : 'pending',
    fulfillmentStatus: order.cancelledAt ? 'cancelled' : FULFILLMENT_STATUS_MAP[order.displayFulfillmentStatus],
    fulfilledBy: 'merchant',
    currency,
    // Ours is the lines before discounts (Shopify's subtotalPriceSet is after them, so not read).
    subtotal: { amount: lines.reduce((sum, line) => sum + line.unitPrice.amount * line.quantity, 0), currency },
    shippingTotal: money(order.totalShippingPriceSet, 'totalShippingPriceSet'),
    taxTotal: money(order.totalTaxSet, 'totalTaxSet'),
    discountTotal: money(order.totalDiscountsSet, 'totalDiscountsSet'),
    total: money(order.totalPriceSet, 'totalPriceSet'),
    customer: {
      email: order.email || null,
      name: order.billingAddress?.name || order.shippingAddress?.name || null,
      phone: order.phone || order.billingAddress?.phone || null,
    },
    shippingAddress: toAddress(order.shippingAddress),
    billingAddress: toAddress(order.billingAddress),
    lines,
    tags: order.tags,
    raw,
  };
}

function toAddress(address: ShopifyMailingAddress | null): Address | null {
  if (!address) return null;
  return {
    name: address.name || null,
    company: address.company || null,
    line1: address.address1 || null,
    line2: address.address2 || null,
    city: address.city || null,
    region: address.provinceCode || address.province || null,
    postalCode: address.zip || null,
    countryCode: address.countryCodeV2 ? address.countryCodeV2.toUpperCase() : null,
    phone: address.phone || null,
  };
}

const iso = (value: string): string => new Date(value).toISOString();

/** The order's id and last-modified instant from a raw payload, even one the mapper rejects. */
export function modifiedOf(raw: unknown): { externalId: string; updatedAt: string } | undefined {
  const externalId = externalIdOf(raw);
  const updatedAt = (raw as { updatedAt?: unknown } | null)?.updatedAt;
  if (!externalId || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) return undefined;
  return { externalId, updatedAt: iso(updatedAt) };
}

function externalIdOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? legacyId(id) : null;
}
