// Orders API v2026-01-01 order → normalized order (pure).
import type { Address, ChannelOrder, FinancialStatus, FulfillmentStatus, Money, OrderLine } from '../../src/model/index.js';
import { parseMoney } from '../../src/model/index.js';
import type { RejectedPayload } from '../../src/connector-kit/index.js';
import { findMarketplace } from './marketplaces.js';
import { AmazonOrder, type AmazonAddress, type AmazonFulfillmentStatus, type AmazonMoney, type AmazonProceedsBreakdown } from './types.js';

// Each documented FulfillmentStatus. Payment wording from the v0 OrderStatus descriptions
// (Pending: "payment has not been authorized"; Unshipped: "Payment has been authorized").
export const STATUS_MAP: Record<AmazonFulfillmentStatus, { financial: FinancialStatus; fulfillment: FulfillmentStatus }> = {
  PENDING_AVAILABILITY: { financial: 'pending', fulfillment: 'unfulfilled' }, // pre-order, release date ahead
  PENDING: { financial: 'pending', fulfillment: 'unfulfilled' },             // placed; no prices until authorized
  UNSHIPPED: { financial: 'authorized', fulfillment: 'unfulfilled' },
  PARTIALLY_SHIPPED: { financial: 'authorized', fulfillment: 'partial' },    // Amazon charges as items ship
  SHIPPED: { financial: 'paid', fulfillment: 'fulfilled' },
  CANCELLED: { financial: 'voided', fulfillment: 'cancelled' },
  UNFULFILLABLE: { financial: 'voided', fulfillment: 'cancelled' },          // multi-channel order Amazon cannot fulfil
};

// Proceeds categories the buyer pays besides items, shipping and tax: carried as lines so the
// order's parts still add up to proceeds.grandTotal.
const EXTRA_CHARGES: Record<string, string> = {
  GIFT_WRAP: 'Gift wrap', COD_FEE: 'Cash-on-delivery fee', DELIVERY_TIP: 'Delivery tip', OTHER: 'Other charges',
};

export type MapResult = { order: ChannelOrder } | { rejected: RejectedPayload };

export function toChannelOrder(raw: unknown): MapResult {
  const parsed = AmazonOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { rejected: { externalId: idOf(raw), reason: `amazon order: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`, raw } };
  }
  try {
    return { order: mapOrder(parsed.data, raw) };
  } catch (error) {
    return { rejected: { externalId: parsed.data.orderId, reason: `amazon order ${parsed.data.orderId}: ${(error as Error).message}`, raw } };
  }
}

function mapOrder(amazon: AmazonOrder, raw: unknown): ChannelOrder {
  const currency = orderCurrency(amazon);
  const of = (amount: number): Money => ({ amount, currency });
  const money = (value: AmazonMoney | undefined): Money => {
    if (!value) return of(0); // PENDING orders carry no prices yet: zero until the update that prices them
    if (value.currencyCode !== currency) throw new Error(`mixes ${value.currencyCode} into a ${currency} order`);
    return parseMoney(value.amount, currency);
  };
  const sum = (breakdowns: AmazonProceedsBreakdown[], type: string): number =>
    breakdowns.filter((b) => b.type === type).reduce((total, b) => total + money(b.subtotal).amount, 0);

  const items: OrderLine[] = amazon.orderItems.map((item) => {
    const breakdowns = item.proceeds?.breakdowns ?? [];
    return {
      externalId: item.orderItemId,
      sku: item.product.sellerSku || null,
      title: item.product.title || item.product.asin || item.orderItemId,
      quantity: item.quantityOrdered,
      unitPrice: money(item.product.price?.unitPrice), // ItemPrice.unitPrice: one unit, before quantity
      tax: of(sum(breakdowns, 'TAX')),
      discount: of(Math.abs(sum(breakdowns, 'DISCOUNT'))), // a DISCOUNT proceed reduces proceeds: its sign is not ours
    };
  });
  // Order-level breakdowns aggregate the items' (plus order-level ones such as DELIVERY_TIP).
  const breakdowns = amazon.proceeds?.breakdowns ?? amazon.orderItems.flatMap((item) => item.proceeds?.breakdowns ?? []);
  const charges: OrderLine[] = Object.entries(EXTRA_CHARGES).flatMap(([type, title]) => {
    const amount = sum(breakdowns, type);
    return amount === 0 ? [] : [{
      externalId: `charge-${type.toLowerCase()}`, sku: null, title, quantity: 1, unitPrice: of(amount), tax: of(0), discount: of(0),
    }];
  });
  const lines = [...items, ...charges];
  const status = STATUS_MAP[amazon.fulfillment.fulfillmentStatus];
  const delivery = amazon.recipient?.deliveryAddress;
  const marketplaceId = amazon.salesChannel.marketplaceId;
  return {
    channelKind: 'amazon',
    externalId: amazon.orderId,
    number: amazon.orderId, // what Seller Central shows
    placedAt: new Date(amazon.createdTime).toISOString(),
    updatedAt: new Date(amazon.lastUpdatedTime).toISOString(),
    financialStatus: status.financial,
    fulfillmentStatus: status.fulfillment,
    fulfilledBy: amazon.fulfillment.fulfilledBy === 'AMAZON' ? 'channel' : 'merchant',
    currency,
    subtotal: of(lines.reduce((total, line) => total + line.unitPrice.amount * line.quantity, 0)),
    shippingTotal: of(sum(breakdowns, 'SHIPPING')),
    taxTotal: of(sum(breakdowns, 'TAX')),
    discountTotal: of(Math.abs(sum(breakdowns, 'DISCOUNT'))),
    total: money(amazon.proceeds?.grandTotal),
    customer: {
      email: amazon.buyer?.buyerEmail || null, // anonymized, and only for merchant-fulfilled orders
      name: amazon.buyer?.buyerName || delivery?.name || null,
      phone: delivery?.phone || null,
    },
    shippingAddress: toAddress(delivery),
    billingAddress: null, // the Orders API has no billing address
    lines,
    tags: [...(amazon.programs ?? []), ...(marketplaceId ? [`marketplace:${marketplaceId}`] : [])],
    raw,
  };
}

/** The order's currency: from its money, else from its marketplace (a PENDING order has no money). */
function orderCurrency(amazon: AmazonOrder): string {
  const currency = amazon.proceeds?.grandTotal?.currencyCode
    ?? amazon.orderItems.find((item) => item.product.price?.unitPrice)?.product.price?.unitPrice?.currencyCode
    ?? findMarketplace(amazon.salesChannel.marketplaceId)?.currency;
  if (!currency) throw new Error(`no amount and an unknown marketplace (${amazon.salesChannel.marketplaceId ?? 'none'}): cannot tell the currency`);
  return currency;
}

function toAddress(address: AmazonAddress | undefined): Address | null {
  if (!address || !(address.addressLine1 || address.city || address.postalCode || address.countryCode)) return null;
  const country = address.countryCode?.trim().toUpperCase() ?? '';
  return {
    name: address.name || null,
    company: address.companyName || null,
    line1: address.addressLine1 || null,
    line2: [address.addressLine2, address.addressLine3].filter(Boolean).join(', ') || null,
    city: address.city || address.municipality || null,
    region: address.stateOrRegion || address.districtOrCounty || null,
    postalCode: address.postalCode || null,
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    phone: address.phone || null,
  };
}

function idOf(raw: unknown): string | null {
  const id = (raw as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'string' && id !== '' ? id : null;
}
