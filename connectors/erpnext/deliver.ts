// One delivery to ERPNext: find the Sales Order by po_no, then create, update or cancel it.
// Every step is safe to repeat, so a delivery replayed after a crash never makes a second order.
import type { ConnectorContext, Delivery, DeliveryOutcome, HttpClient, Order } from '../../src/connector-kit/index.js';
import {
  cancelSalesOrder, createCustomer, createSalesOrder, deleteSalesOrder, erpnextClient, findCustomer, findSalesOrder, getSalesOrder, updateSalesOrder,
} from './client.js';
import { erpnextOutcome, failureOf } from './errors.js';
import { customerDoc, customerNameOf, desiredItems, poNumber, salesOrderDoc, sameItems, stanceOf, toFrappeDate } from './mapping.js';
import type { ErpnextSettings } from './settings.js';
import type { FrappeSalesOrderRef } from './types.js';

type Ctx = ConnectorContext<ErpnextSettings>;

export async function deliverToErpnext(ctx: Ctx, delivery: Delivery): Promise<DeliveryOutcome> {
  const { order } = delivery.event;
  const http = erpnextClient(ctx);
  try {
    const existing = await findSalesOrder(http, poNumber(order));
    if (delivery.event.type === 'order.cancelled' || order.fulfillmentStatus === 'cancelled') return await cancel(http, existing);
    return existing ? await update(ctx, http, order, existing) : await create(ctx, http, order);
  } catch (error) {
    return erpnextOutcome(error);
  }
}

async function create(ctx: Ctx, http: HttpClient, order: Order): Promise<DeliveryOutcome> {
  const items = desiredItems(order, toFrappeDate(order.placedAt, ctx.settings.deliveryLeadDays));
  if (!items.ok) return { status: 'rejected', reason: items.reason };
  const customer = await customerFor(ctx, http, order);
  if (!customer) return { status: 'rejected', reason: 'needs manual action: the order has no customer email or name; set defaultCustomer' };
  try {
    const created = await createSalesOrder(http, salesOrderDoc(order, customer, items.items, ctx.settings));
    return { status: 'ok', externalRef: created.name };
  } catch (error) {
    // A unique po_no (a common customization) refuses a second insert: the first one won, use it.
    const excType = failureOf(error)?.excType;
    if (excType !== 'UniqueValidationError' && excType !== 'DuplicateEntryError') throw error;
    const winner = await findSalesOrder(http, poNumber(order));
    if (!winner) throw error;
    return { status: 'ok', externalRef: winner.name };
  }
}

async function update(ctx: Ctx, http: HttpClient, order: Order, existing: FrappeSalesOrderRef): Promise<DeliveryOutcome> {
  const stance = stanceOf(existing);
  if (stance === 'cancelled') {
    return { status: 'rejected', reason: `needs manual action: ${existing.name} is cancelled in ERPNext but the channel order is active; amend it in ERPNext, then retry` };
  }
  const items = desiredItems(order, toFrappeDate(order.placedAt, ctx.settings.deliveryLeadDays));
  if (!items.ok) return { status: 'rejected', reason: items.reason };
  const unchanged = sameItems(items.items, (await getSalesOrder(http, existing.name)).items);
  if (!unchanged && stance !== 'draft') {
    return { status: 'rejected', reason: `needs manual action: ${existing.name} is submitted (status "${existing.status ?? 'unknown'}") and its items changed on the channel; cancel and amend it in ERPNext` };
  }
  // A replay after a crash between insert and submit, or a draft to edit: one PUT does both.
  const submit = ctx.settings.submit && stance === 'draft';
  if (!unchanged || submit) {
    await updateSalesOrder(http, existing.name, { ...(unchanged ? {} : { items: items.items }), ...(submit ? { docstatus: 1 } : {}) });
  }
  return { status: 'ok', externalRef: existing.name };
}

async function cancel(http: HttpClient, existing: FrappeSalesOrderRef | undefined): Promise<DeliveryOutcome> {
  if (!existing) return { status: 'ok', externalRef: null };
  switch (stanceOf(existing)) {
    case 'cancelled':
      return { status: 'ok', externalRef: existing.name };
    case 'draft':
      // Frappe cannot cancel a draft (docstatus 0 → 2); a draft nobody submitted is deleted instead.
      await deleteSalesOrder(http, existing.name);
      return { status: 'ok', externalRef: existing.name };
    case 'closed':
      return { status: 'rejected', reason: `needs manual action: ${existing.name} is ${existing.status} in ERPNext; re-open or return it there before cancelling` };
    case 'submitted':
      await cancelSalesOrder(http, existing.name);
      return { status: 'ok', externalRef: existing.name };
  }
}

/** The customer by email, else by name, else the configured default; created when missing. */
async function customerFor(ctx: Ctx, http: HttpClient, order: Order): Promise<string | undefined> {
  const email = order.customer.email;
  const name = customerNameOf(order) ?? email;
  if (email) {
    const found = await findCustomer(http, [['email_id', '=', email]]);
    if (found) return found;
  } else if (name) {
    const found = await findCustomer(http, [['customer_name', '=', name]]);
    if (found) return found;
  }
  if (!name) return ctx.settings.defaultCustomer;
  return createCustomer(http, customerDoc(order, name, ctx.settings));
}
