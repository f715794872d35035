// Vendure order → normalized order (pure).
//
// Money: Vendure reports every amount both without and with tax, whatever the channel's
// `pricesIncludeTax`; `unitPrice` is always net (OrderLine docs: "excluding tax"). Our model
// adds tax on top (total = subtotal + shipping + tax − discounts), so we take the net figures:
//   subtotal      = Σ line unitPrice × quantity + Σ surcharge price
//   shippingTotal = Σ shippingLine price (before shipping discounts)
//   discountTotal = (subtotal − Order.subTotal) + (shippingTotal − Order.shipping)
//                   (Order.subTotal is the lines after item and prorated order discounts;
//                    Order.shipping is the shipping lines after their discounts)
//   taxTotal      = Order.totalWithTax − Order.total
//   total         = Order.totalWithTax (what the buyer pays)
// which reconciles exactly whenever Vendure's own `total = subTotal + shipping` holds. In a
// tax-inclusive channel the net unit price is rounded from the gross one, so a line's
// `unitPrice × quantity` can differ from Vendure's `linePrice` by a cent; that cent lands in the
// line's discount rather than making every such order look unreconciled.
import type { RejectedPayload } from '../../src/connector-kit/index.js';
import type { Address, ChannelOrder, Money, OrderLine } from '../../src/model/index.js';
import { currencyExponent, parseMoney } from '../../src/model/index.js';
import { mapStatus } from './status.js';
import { VendureOrder, type VendureAddress } from './types.js';

export interface MappingOptions {
  /** MoneyStrategy.precision of the server: the decimals its integers carry (default 2). */
  moneyPrecision: number;
}

export type MapResult = { order: ChannelOrder } | { rejected: RejectedPayload };

export function toChannelOrder(raw: unknown, options: MappingOptions = { moneyPrecision: 2 }): MapResult {
  const parsed = VendureOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { rejected: { externalId: idOf(raw), reason: `vendure order: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`, raw } };
  }
  try {
    return { order: mapOrder(parsed.data, raw, options) };
  } catch (error) {
    return { rejected: { externalId: parsed.data.id, reason: `vendure order ${parsed.data.code}: ${(error as Error).message}`, raw } };
  }
}

function mapOrder(order: VendureOrder, raw: unknown, options: MappingOptions): ChannelOrder {
  const currency = order.currencyCode;
  const toMinor = minorUnits(currency, options.moneyPrecision);
  const money = (value: number): Money => ({ amount: toMinor(value), currency });
  const lines: OrderLine[] = order.lines.map((line) => {
    const unit = toMinor(line.unitPrice);
    const prorated = toMinor(line.proratedLinePrice);
    return {
      externalId: line.id,
      sku: line.productVariant.sku || null,
      title: line.productVariant.name,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      tax: { amount: toMinor(line.proratedLinePriceWithTax) - prorated, currency },
      discount: { amount: unit * line.quantity - prorated, currency },
    };
  });
  // Surcharges (payment fees, manual adjustments) are charged like lines, so they travel as lines.
  const surcharges: OrderLine[] = order.surcharges.map((surcharge) => ({
    externalId: `surcharge-${surcharge.id}`,
    sku: surcharge.sku || null,
    title: surcharge.description,
    quantity: 1,
    unitPrice: money(surcharge.price),
    tax: { amount: toMinor(surcharge.priceWithTax) - toMinor(surcharge.price), currency },
    discount: { amount: 0, currency },
  }));
  const allLines = [...lines, ...surcharges];
  const subtotal = allLines.reduce((sum, line) => sum + line.unitPrice.amount * line.quantity, 0);
  const shippingTotal = order.shippingLines.length > 0
    ? order.shippingLines.reduce((sum, line) => sum + toMinor(line.price), 0)
    : toMinor(order.shipping);
  const discountTotal = subtotal - toMinor(order.subTotal) + shippingTotal - toMinor(order.shipping);
  const status = mapStatus(order);
  const customer = order.customer;
  return {
    channelKind: 'vendure',
    externalId: order.id,
    number: order.code,
    placedAt: iso(order.orderPlacedAt ?? order.createdAt),
    updatedAt: iso(order.updatedAt),
    financialStatus: status.financial,
    fulfillmentStatus: status.fulfillment,
    fulfilledBy: 'merchant',
    currency,
    subtotal: { amount: subtotal, currency },
    shippingTotal: { amount: shippingTotal, currency },
    taxTotal: { amount: toMinor(order.totalWithTax) - toMinor(order.total), currency },
    discountTotal: { amount: discountTotal, currency },
    total: money(order.totalWithTax),
    customer: {
      email: customer?.emailAddress || null,
      name: [customer?.firstName, customer?.lastName].filter(Boolean).join(' ') || null,
      phone: customer?.phoneNumber || null,
    },
    shippingAddress: toAddress(order.shippingAddress),
    billingAddress: toAddress(order.billingAddress),
    lines: allLines,
    tags: [],
    raw,
  };
}

/**
 * Vendure's integers carry `precision` decimals for every currency (MoneyStrategy.precision is
 * server-wide), while our minor units follow ISO 4217: with precision 2, ¥1 arrives as 100.
 * Converted exactly; an amount that does not fit the currency's decimals is an error.
 */
export function minorUnits(currency: string, precision: number): (value: number) => number {
  const exponent = currencyExponent(currency);
  if (exponent === precision) return (value) => value;
  return (value) => {
    const negative = value < 0;
    const digits = String(Math.abs(value)).padStart(precision + 1, '0');
    const text = precision === 0 ? digits : `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
    return parseMoney(`${negative ? '-' : ''}${text}`, currency).amount;
  };
}

function toAddress(address: VendureAddress | null | undefined): Address | null {
  if (!address) return null;
  const text = (value: string | null | undefined): string | null => value?.trim() || null;
  const code = text(address.countryCode)?.toUpperCase() ?? null;
  const mapped: Address = {
    name: text(address.fullName),
    company: text(address.company),
    line1: text(address.streetLine1),
    line2: text(address.streetLine2),
    city: text(address.city),
    region: text(address.province),
    postalCode: text(address.postalCode),
    countryCode: code && /^[A-Z]{2}$/.test(code) ? code : null,
    phone: text(address.phoneNumber),
  };
  return Object.values(mapped).some((value) => value !== null) ? mapped : null;
}

const iso = (value: string): string => new Date(value).toISOString();

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}
