// One delivery to Odoo: find the sale.order by our reference, then create, update or cancel it.
// Every step is safe to repeat, so a delivery replayed after a crash never makes a second order.
import type { ConnectorContext, Delivery, DeliveryOutcome, Order } from '../../src/connector-kit/index.js';
import { odooClient, type OdooClient } from './client.js';
import { odooOutcome } from './errors.js';
import { desiredLines, likeExactly, lineCommands, type LinesResult, orderReference, partnerVals, saleOrderVals, sameLines, stanceOfState } from './mapping.js';
import { cancelOrder, confirmOrder, createOne, findOne, findProducts, findSaleOrder, readOrderLines, writeOrder } from './records.js';
import type { OdooSettings } from './settings.js';
import type { OdooSaleOrder } from './types.js';

type Ctx = ConnectorContext<OdooSettings>;

export async function deliverToOdoo(ctx: Ctx, delivery: Delivery): Promise<DeliveryOutcome> {
  const { order } = delivery.event;
  const odoo = odooClient(ctx);
  try {
    const existing = await findSaleOrder(odoo, orderReference(order));
    if (delivery.event.type === 'order.cancelled' || order.fulfillmentStatus === 'cancelled') return await cancel(odoo, existing);
    return existing ? await update(ctx, odoo, order, existing) : await create(ctx, odoo, order);
  } catch (error) {
    return odooOutcome(error);
  }
}

async function create(ctx: Ctx, odoo: OdooClient, order: Order): Promise<DeliveryOutcome> {
  const lines = await linesFor(ctx, odoo, order);
  if (!lines.ok) return { status: 'rejected', reason: lines.reason };
  const partnerId = await partnerFor(odoo, order);
  const id = await createOne(odoo, 'sale.order', saleOrderVals(order, partnerId, lines.lines, ctx.settings.pricelistIds[order.currency]));
  if (ctx.settings.confirm) await confirmOrder(odoo, id);
  return { status: 'ok', externalRef: String(id) };
}

async function update(ctx: Ctx, odoo: OdooClient, order: Order, existing: OdooSaleOrder): Promise<DeliveryOutcome> {
  const stance = stanceOfState(existing.state);
  if (stance === 'cancelled') {
    return { status: 'rejected', reason: `needs manual action: ${existing.name} is cancelled in Odoo but the channel order is active; reset it to quotation in Odoo, then retry` };
  }
  const lines = await linesFor(ctx, odoo, order);
  if (!lines.ok) return { status: 'rejected', reason: lines.reason };
  const unchanged = sameLines(lines.lines, await readOrderLines(odoo, existing.id));
  if (!unchanged && stance === 'confirmed') {
    return { status: 'rejected', reason: `needs manual action: ${existing.name} is a confirmed sales order (state "${existing.state}") and its lines changed on the channel; edit it in Odoo` };
  }
  if (!unchanged) await writeOrder(odoo, existing.id, { order_line: lineCommands(lines.lines, true) });
  // A replay after a crash between create and confirm finishes the job.
  if (ctx.settings.confirm && existing.state === 'draft') await confirmOrder(odoo, existing.id);
  return { status: 'ok', externalRef: String(existing.id) };
}

async function cancel(odoo: OdooClient, existing: OdooSaleOrder | undefined): Promise<DeliveryOutcome> {
  // Never sent (or removed in Odoo): there is nothing to cancel, and nothing to create.
  if (!existing) return { status: 'ok', externalRef: null };
  if (stanceOfState(existing.state) !== 'cancelled') await cancelOrder(odoo, existing.id);
  return { status: 'ok', externalRef: String(existing.id) };
}

async function linesFor(ctx: Ctx, odoo: OdooClient, order: Order): Promise<LinesResult> {
  const shippingCode = ctx.settings.shippingProductCode;
  const chargeCode = ctx.settings.chargeProductCode;
  const skus = order.lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const products = await findProducts(odoo, [...skus, ...(shippingCode ? [shippingCode] : []), ...(chargeCode ? [chargeCode] : [])]);
  const shippingId = shippingCode ? products.get(shippingCode) : undefined;
  if (shippingCode && shippingId === undefined && order.shippingTotal.amount > 0) {
    return { ok: false, reason: `needs manual action: the shipping product "${shippingCode}" (shippingProductCode) is not in Odoo` };
  }
  const chargeId = chargeCode ? products.get(chargeCode) : undefined;
  if (chargeCode && chargeId === undefined && order.lines.some((line) => !line.sku)) {
    return { ok: false, reason: `needs manual action: the charge product "${chargeCode}" (chargeProductCode) is not in Odoo` };
  }
  return desiredLines(order, products, shippingId, chargeId);
}

/** The customer by email; a guest without email by the order reference kept in `ref`. */
async function partnerFor(odoo: OdooClient, order: Order): Promise<number> {
  const email = order.customer.email;
  const domain = email ? [['email', '=ilike', likeExactly(email)]] : [['ref', '=', orderReference(order)]];
  const found = await findOne(odoo, 'res.partner', domain);
  if (found !== undefined) return found;
  const countryCode = (order.shippingAddress ?? order.billingAddress)?.countryCode;
  const countryId = countryCode ? await findOne(odoo, 'res.country', [['code', '=', countryCode]]) : undefined;
  return createOne(odoo, 'res.partner', partnerVals(order, countryId));
}
