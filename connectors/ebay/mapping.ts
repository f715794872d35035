// eBay getOrders order → normalized order (pure).
import type { Address, ChannelOrder, FinancialStatus, FulfillmentStatus, OrderLine } from '../../src/model/index.js';
import { parseMoney } from '../../src/model/index.js';
import type { RejectedPayload } from '../../src/connector-kit/index.js';
import { EbayOrder, type EbayAmount, type EbayContact, type EbayFulfillmentStatus, type EbayPaymentStatus } from './types.js';

// sel:OrderFulfillmentStatus — IN_PROGRESS: some line items of a multi-line order have shipped.
export const FULFILLMENT_MAP: Record<EbayFulfillmentStatus, FulfillmentStatus> = {
  NOT_STARTED: 'unfulfilled',
  IN_PROGRESS: 'partial',
  FULFILLED: 'fulfilled',
};

// sel:OrderPaymentStatusEnum. PENDING and FAILED also describe a refund in flight or failed;
// the order's own payment state cannot be told apart from the enum, so they read as written.
export const PAYMENT_MAP: Record<EbayPaymentStatus, FinancialStatus> = {
  PENDING: 'pending',
  PAID: 'paid',
  FAILED: 'voided',
  PARTIALLY_REFUNDED: 'partially_refunded',
  FULLY_REFUNDED: 'refunded',
};

/** A buyer asked to cancel (sel:CancelStateEnum IN_PROGRESS): not cancelled yet, but do not ship blindly. */
export const CANCEL_REQUESTED_TAG = 'cancel-requested';

export type MapResult = { order: ChannelOrder } | { rejected: RejectedPayload };

export function toChannelOrder(raw: unknown): MapResult {
  const parsed = EbayOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { rejected: { externalId: idOf(raw), reason: `ebay order: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`, raw } };
  }
  try {
    return { order: mapOrder(parsed.data, raw) };
  } catch (error) {
    return { rejected: { externalId: parsed.data.orderId, reason: `ebay order ${parsed.data.orderId}: ${(error as Error).message}`, raw } };
  }
}

function mapOrder(order: EbayOrder, raw: unknown): ChannelOrder {
  const summary = order.pricingSummary;
  const currency = summary.total.currency;
  const minor = minorUnits(currency);
  const money = (amount: number) => ({ amount, currency });
  const lines: OrderLine[] = order.lineItems.map((item) => {
    const cost = minor(item.lineItemCost);
    // lineItemCost is unit price × quantity (spec LineItem.lineItemCost): anything else is not an eBay line.
    if (cost % item.quantity !== 0) throw new Error(`line ${item.lineItemId}: lineItemCost ${item.lineItemCost.value} is not ${item.quantity} × a unit price`);
    return {
      externalId: item.lineItemId,
      sku: item.sku || null,
      title: item.title,
      quantity: item.quantity,
      unitPrice: money(cost / item.quantity),
      tax: money(item.taxes.reduce((sum, tax) => sum + minor(tax.amount), 0)),
      discount: money(item.discountedLineItemCost ? cost - minor(item.discountedLineItemCost) : 0),
    };
  });
  // Special fees (e-waste, tyre recycling; returned with fieldGroups=TAX_BREAKDOWN) are charged like a line.
  const fee = minor(summary.fee);
  if (fee !== 0) lines.push({ externalId: 'fee', sku: null, title: 'Special fees', quantity: 1, unitPrice: money(fee), tax: money(0), discount: money(0) });
  // Discounts "should be a negative real number" (spec PricingSummary); the sign is read defensively.
  // `total` subtracts price adjustments too, so they count as discount (their sign is undocumented).
  const discount = Math.abs(minor(summary.priceDiscount)) + Math.abs(minor(summary.deliveryDiscount)) + Math.abs(minor(summary.adjustment));
  const shipTo = order.fulfillmentStartInstructions.find((step) => step.shippingStep?.shipTo)?.shippingStep?.shipTo;
  const registered = order.buyer?.buyerRegistrationAddress;
  const cancel = order.cancelStatus.cancelState;
  return {
    channelKind: 'ebay',
    externalId: order.orderId,
    number: order.orderId,
    placedAt: order.creationDate,
    updatedAt: order.lastModifiedDate,
    financialStatus: PAYMENT_MAP[order.orderPaymentStatus],
    fulfillmentStatus: cancel === 'CANCELED' ? 'cancelled' : FULFILLMENT_MAP[order.orderFulfillmentStatus],
    fulfilledBy: fulfilledByEbay(order) ? 'channel' : 'merchant',
    currency,
    subtotal: money(minor(summary.priceSubtotal) + fee),
    shippingTotal: money(minor(summary.deliveryCost)),
    taxTotal: money(minor(summary.tax)),
    discountTotal: money(discount),
    total: money(minor(summary.total)),
    customer: {
      email: text(registered?.email) ?? text(shipTo?.email),
      name: text(registered?.fullName) ?? text(shipTo?.fullName) ?? text(order.buyer?.username),
      phone: text(registered?.primaryPhone?.phoneNumber) ?? text(shipTo?.primaryPhone?.phoneNumber),
    },
    shippingAddress: toAddress(shipTo),
    // eBay exposes no billing address; the buyer's registration address is the nearest thing.
    billingAddress: toAddress(registered),
    lines,
    tags: cancel === 'IN_PROGRESS' ? [CANCEL_REQUESTED_TAG] : [],
    raw,
  };
}

/** Minor units of an optional Amount, which must be in the order's currency. */
function minorUnits(currency: string): (amount: EbayAmount | undefined) => number {
  return (amount) => {
    if (!amount) return 0;
    if (amount.currency !== currency) throw new Error(`an amount in ${amount.currency} in an order totalled in ${currency}`);
    return parseMoney(amount.value, currency).amount;
  };
}

// FULFILLED_BY_EBAY (sel:FulfillmentInstructionsType) or an eBay fulfillment programme line (EbayFulfillmentProgram).
function fulfilledByEbay(order: EbayOrder): boolean {
  return order.program?.fulfillmentProgram?.fulfilledBy === 'EBAY'
    || order.fulfillmentStartInstructions.some((step) => step.fulfillmentInstructionsType === 'FULFILLED_BY_EBAY');
}

function toAddress(contact: EbayContact | undefined): Address | null {
  const address = contact?.contactAddress;
  if (!contact || (!address && !contact.fullName)) return null;
  const country = address?.countryCode?.toUpperCase();
  return {
    name: text(contact.fullName),
    company: text(contact.companyName),
    line1: text(address?.addressLine1),
    line2: text(address?.addressLine2),
    city: text(address?.city),
    region: text(address?.stateOrProvince),
    postalCode: text(address?.postalCode),
    countryCode: country && /^[A-Z]{2}$/.test(country) ? country : null,
    phone: text(contact.primaryPhone?.phoneNumber),
  };
}

const text = (value: string | undefined): string | null => (value && value.trim() !== '' ? value : null);

function idOf(raw: unknown): string | null {
  const id = (raw as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'string' && id !== '' ? id : null;
}
