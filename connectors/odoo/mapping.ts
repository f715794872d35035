// Pure functions: a normalized order → the values Odoo's sale.order and res.partner take.
import { formatMoney, type Money, type Order } from '../../src/connector-kit/index.js';
import type { OdooOrderLine } from './types.js';

/** Our reference, stored in `client_order_ref` (Char, no size limit): the idempotency anchor. */
export function orderReference(order: Pick<Order, 'channel' | 'externalId'>): string {
  return `${order.channel}:${order.externalId}`;
}

/**
 * Odoo's JSON takes `price_unit` (a Float field) as a JSON number. We go from minor units to the
 * exact decimal text first (formatMoney) and only then to a number, so 19.99 arrives as the
 * shortest double that prints as "19.99" — the same value Odoo would parse from its own forms.
 */
export function toOdooAmount(money: Money): number {
  return Number(formatMoney(money));
}

/** `=ilike` is SQL ILIKE without wildcards added: escape `%` and `_` so an email matches only itself. */
export function likeExactly(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Odoo datetimes are naive UTC strings "YYYY-MM-DD HH:MM:SS". */
export function toOdooDatetime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

/** What we may do with an order in a given `sale.order.state` (Odoo 17–19: draft, sent, sale, cancel). */
export type OrderStance = 'quotation' | 'confirmed' | 'cancelled';

export function stanceOfState(state: string): OrderStance {
  switch (state) {
    case 'draft': // "Quotation"
    case 'sent': // "Quotation Sent"
      return 'quotation';
    case 'cancel': // "Cancelled"
      return 'cancelled';
    case 'sale': // "Sales Order"
    case 'done': // "Locked", Odoo ≤ 16
    default: // an unknown (custom) state is treated as the safest: not ours to edit
      return 'confirmed';
  }
}

export interface DesiredLine {
  productId: number;
  name: string;
  quantity: number;
  priceUnit: number;
  /** Odoo's line discount is a percentage (Discount precision, 2 digits by default). */
  discount: number;
}

export type LinesResult = { ok: true; lines: DesiredLine[] } | { ok: false; reason: string };

/** The lines an order should have in Odoo, or why it cannot be sent. Zero-quantity lines are left out. */
export function desiredLines(order: Order, productIds: ReadonlyMap<string, number>, shippingProductId?: number, chargeProductId?: number): LinesResult {
  const lines: DesiredLine[] = [];
  const missing: string[] = [];
  for (const line of order.lines) {
    if (line.quantity === 0) continue;
    if (!line.sku && chargeProductId === undefined) {
      return { ok: false, reason: `needs manual action: line "${line.title}" has no SKU, so no Odoo product can be matched (set chargeProductCode for such charges)` };
    }
    // A line without a SKU is a charge (gift wrap, a fee, a tip): it goes on the charge product.
    const productId = line.sku ? productIds.get(line.sku) : chargeProductId;
    if (productId === undefined) {
      missing.push(line.sku ?? line.title);
      continue;
    }
    lines.push({ productId, name: line.title, quantity: line.quantity, priceUnit: toOdooAmount(line.unitPrice), discount: discountPercent(line.unitPrice.amount * line.quantity, line.discount.amount) });
  }
  if (missing.length > 0) {
    return { ok: false, reason: `needs manual action: no Odoo product has Internal Reference (default_code) ${missing.map((s) => `"${s}"`).join(', ')}` };
  }
  if (shippingProductId !== undefined && order.shippingTotal.amount > 0) {
    lines.push({ productId: shippingProductId, name: 'Shipping', quantity: 1, priceUnit: toOdooAmount(order.shippingTotal), discount: 0 });
  }
  if (lines.length === 0) return { ok: false, reason: 'needs manual action: the order has no lines with a quantity' };
  return { ok: true, lines };
}

export function discountPercent(gross: number, discount: number): number {
  if (gross <= 0 || discount <= 0) return 0;
  return Math.round((discount / gross) * 10_000) / 100;
}

/** one2many commands: (5,0,0) CLEAR then (0,0,vals) CREATE per line (odoo.fields.Command). */
export function lineCommands(lines: DesiredLine[], clearFirst: boolean): unknown[] {
  const creates = lines.map((line) => [0, 0, {
    product_id: line.productId, name: line.name, product_uom_qty: line.quantity, price_unit: line.priceUnit, discount: line.discount,
  }]);
  return clearFirst ? [[5, 0, 0], ...creates] : creates;
}

export function saleOrderVals(order: Order, partnerId: number, lines: DesiredLine[], pricelistId: number | undefined): Record<string, unknown> {
  return {
    partner_id: partnerId,
    client_order_ref: orderReference(order),
    origin: `${order.channelKind} ${order.number}`.slice(0, 200),
    date_order: toOdooDatetime(order.placedAt),
    ...(pricelistId === undefined ? {} : { pricelist_id: pricelistId }),
    order_line: lineCommands(lines, false),
  };
}

/** A new customer from the order's customer and shipping (else billing) address. */
export function partnerVals(order: Order, countryId: number | undefined): Record<string, unknown> {
  const address = order.shippingAddress ?? order.billingAddress;
  const name = order.customer.name ?? address?.name ?? order.customer.email ?? `${order.channelKind} customer ${order.number}`;
  return {
    name,
    email: order.customer.email ?? false,
    phone: order.customer.phone ?? address?.phone ?? false,
    street: address?.line1 ?? false,
    street2: address?.line2 ?? false,
    city: address?.city ?? false,
    zip: address?.postalCode ?? false,
    ...(countryId === undefined ? {} : { country_id: countryId }),
    // Guests without an email are found again by this reference (res.partner `ref`).
    ...(order.customer.email ? {} : { ref: orderReference(order) }),
  };
}

/** Whether the order's lines in Odoo already are the desired ones (product, quantity, price, discount). */
export function sameLines(desired: DesiredLine[], existing: OdooOrderLine[]): boolean {
  const key = (productId: number, qty: number, price: number, discount: number): string =>
    `${productId}|${qty}|${price.toFixed(6)}|${discount.toFixed(2)}`;
  const have = existing
    .filter((line) => !line.display_type)
    .map((line) => key(line.product_id === false ? 0 : line.product_id[0], line.product_uom_qty, line.price_unit, line.discount))
    .sort();
  const want = desired.map((line) => key(line.productId, line.quantity, line.priceUnit, line.discount)).sort();
  return have.length === want.length && have.every((value, i) => value === want[i]);
}
