// Pure functions: a normalized order → ERPNext's Sales Order and Customer documents.
import { formatMoney, type Money, type Order } from '../../src/connector-kit/index.js';
import type { ErpnextSettings } from './settings.js';
import type { FrappeSalesOrderItem, FrappeSalesOrderRef } from './types.js';

/** Our reference in `po_no` (Customer's Purchase Order, a Data field of 140 characters). */
export function poNumber(order: Pick<Order, 'channel' | 'externalId'>): string {
  return `${order.channel}:${order.externalId}`.slice(0, 140);
}

/** Currency fields take JSON numbers: from minor units through the exact decimal text, never arithmetic. */
export function toFrappeAmount(money: Money): number {
  return Number(formatMoney(money));
}

/** A date "YYYY-MM-DD" (UTC date of the instant; Frappe dates carry no zone), plus some days. */
export function toFrappeDate(iso: string, plusDays = 0): string {
  return new Date(Date.parse(iso) + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export type OrderStance = 'draft' | 'submitted' | 'closed' | 'cancelled';

/**
 * What a delivery may do with a Sales Order. docstatus 0 Draft, 1 Submitted, 2 Cancelled; among
 * submitted ones, `status` "Completed"/"Closed" are finished (status options from the Sales Order DocType).
 */
export function stanceOf(order: Pick<FrappeSalesOrderRef, 'docstatus' | 'status'>): OrderStance {
  if (order.docstatus === 0) return 'draft';
  if (order.docstatus === 2) return 'cancelled';
  switch (order.status) {
    case 'Completed':
    case 'Closed':
      return 'closed';
    case 'On Hold':
    case 'To Deliver and Bill':
    case 'To Bill':
    case 'To Deliver':
    case 'To Pay':
    default:
      return 'submitted';
  }
}

export interface DesiredItem {
  item_code: string;
  qty: number;
  rate: number;
  delivery_date: string;
}

export type ItemsResult = { ok: true; items: DesiredItem[] } | { ok: false; reason: string };

/** One item per line with a quantity; `item_code` is the SKU (ERPNext names Items by code). */
export function desiredItems(order: Order, deliveryDate: string): ItemsResult {
  const items: DesiredItem[] = [];
  for (const line of order.lines) {
    if (line.quantity === 0) continue;
    if (!line.sku) return { ok: false, reason: `needs manual action: line "${line.title}" has no SKU, so no ERPNext Item can be matched` };
    items.push({ item_code: line.sku, qty: line.quantity, rate: toFrappeAmount(line.unitPrice), delivery_date: deliveryDate });
  }
  if (items.length === 0) return { ok: false, reason: 'needs manual action: the order has no lines with a quantity' };
  return { ok: true, items };
}

export function salesOrderDoc(order: Order, customer: string, items: DesiredItem[], settings: ErpnextSettings): Record<string, unknown> {
  const deliveryDate = toFrappeDate(order.placedAt, settings.deliveryLeadDays);
  const discount = order.discountTotal.amount;
  return {
    customer,
    ...(settings.company ? { company: settings.company } : {}),
    transaction_date: toFrappeDate(order.placedAt),
    delivery_date: deliveryDate,
    po_no: poNumber(order),
    po_date: toFrappeDate(order.placedAt),
    currency: order.currency,
    items,
    // The channel's discounts as one additional discount on the net total (before taxes).
    ...(discount > 0 ? { apply_discount_on: 'Net Total', discount_amount: toFrappeAmount(order.discountTotal) } : {}),
    ...(settings.shippingAccount && order.shippingTotal.amount > 0
      ? { taxes: [{ charge_type: 'Actual', account_head: settings.shippingAccount, description: 'Shipping', tax_amount: toFrappeAmount(order.shippingTotal) }] }
      : {}),
    docstatus: settings.submit ? 1 : 0,
  };
}

export function customerDoc(order: Order, name: string, settings: ErpnextSettings): Record<string, unknown> {
  return {
    customer_name: name,
    customer_type: 'Individual',
    ...(order.customer.email ? { email_id: order.customer.email } : {}),
    ...(order.customer.phone ? { mobile_no: order.customer.phone } : {}),
    ...(settings.customerGroup ? { customer_group: settings.customerGroup } : {}),
    ...(settings.territory ? { territory: settings.territory } : {}),
  };
}

export function customerNameOf(order: Order): string | null {
  return order.customer.name ?? (order.shippingAddress ?? order.billingAddress)?.name ?? null;
}

/** Whether the Sales Order's items already are the desired ones (item, quantity, rate). */
export function sameItems(desired: DesiredItem[], existing: FrappeSalesOrderItem[]): boolean {
  const key = (code: string, qty: number, rate: number): string => `${code}|${qty}|${rate.toFixed(6)}`;
  const have = existing.map((item) => key(item.item_code, item.qty, item.rate)).sort();
  const want = desired.map((item) => key(item.item_code, item.qty, item.rate)).sort();
  return have.length === want.length && have.every((value, i) => value === want[i]);
}
