// One delivery to ShipBob: create the order once (reference_id is the natural key), compare on
// update, cancel while it has not shipped. Expected failures come back as outcome values.
import { isHttpError, outcomeFromError, type ConnectorContext, type Delivery, type DeliveryOutcome, type Order } from '../../src/connector-kit/index.js';
import { shipbobClient, type ShipBobClient } from './client.js';
import { fulfillmentState, orderReference, relevantChanges, toShipBobOrder, wmsRefusal } from './mapping.js';
import type { ShipBobSettings } from './settings.js';
import type { ShipBobOrder } from './types.js';

const ok = (id: number | string | null): DeliveryOutcome => ({ status: 'ok', externalRef: id === null ? null : String(id) });
const rejected = (reason: string): DeliveryOutcome => ({ status: 'rejected', reason });

export async function deliverToShipBob(ctx: ConnectorContext<ShipBobSettings>, delivery: Delivery): Promise<DeliveryOutcome> {
  const { event, previousExternalRef } = delivery;
  const order = event.order;
  try {
    const client = shipbobClient(ctx); // inside: a refused transport (plain http) is an outcome too
    if (event.type === 'order.cancelled' || order.fulfillmentStatus === 'cancelled') {
      return await cancelOrder(client, order, previousExternalRef);
    }
    if (event.type !== 'order.created' && event.type !== 'order.updated') return ok(previousExternalRef);
    const refusal = wmsRefusal(order);
    if (refusal) {
      return rejected(previousExternalRef
        ? `needs manual action: ${refusal}, but it is already ShipBob order ${previousExternalRef}; cancel it there if it must not ship`
        : refusal);
    }
    return await upsertOrder(client, ctx.settings.shippingMethod, order, event.type, previousExternalRef);
  } catch (error) {
    if (isHttpError(error)) return outcomeFromError(error);
    return rejected(`ShipBob answered with a body ordersync cannot read: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
}

async function upsertOrder(client: ShipBobClient, shippingMethod: string, order: Order, type: 'order.created' | 'order.updated', previousRef: string | null): Promise<DeliveryOutcome> {
  const mapped = toShipBobOrder(order, shippingMethod);
  if (!mapped.ok) return rejected(mapped.reason);
  let existing = previousRef ? await getOrUndefined(client, previousRef) : undefined;
  if (!existing) {
    try {
      return ok((await client.createOrder(mapped.value)).id);
    } catch (error) {
      // 422 = the reference_id is already in the account: a replay after a crash, or a concurrent run.
      if (!isHttpError(error) || error.status !== 422) throw error;
      existing = await client.findByReference(mapped.value.reference_id);
      if (!existing) throw error;
    }
    if (type === 'order.created') return ok(existing.id);
  }
  const changes = relevantChanges(existing, mapped.value);
  if (changes.length === 0) return ok(existing.id);
  return rejected(`needs manual action: ShipBob order ${existing.id} no longer matches order ${order.number} (${changes.join('; ')}); `
    + 'ordersync does not edit ShipBob orders — change it in the ShipBob merchant portal');
}

async function cancelOrder(client: ShipBobClient, order: Order, previousRef: string | null): Promise<DeliveryOutcome> {
  const existing = previousRef ? await getOrUndefined(client, previousRef) : await client.findByReference(orderReference(order));
  if (!existing) return ok(previousRef); // it never reached ShipBob: nothing to stop
  const state = fulfillmentState(existing);
  if (state === 'cancelled') return ok(existing.id);
  if (state === 'shipped') return alreadyShipped(existing);
  if (state === 'unknown') return rejected(`needs manual action: ShipBob order ${existing.id} has status "${existing.status ?? 'none'}"; check it in ShipBob before cancelling`);
  try {
    const result = await client.cancelOrder(existing.id);
    const failed = (result.canceled_shipment_results ?? []).filter((r) => r.is_success === false);
    if (failed.length > 0) {
      return rejected(`needs manual action: ShipBob could not cancel shipment(s) of order ${existing.id}: ${failed.map((f) => `${f.shipment_id ?? '?'} (${f.reason ?? 'no reason given'})`).join(', ')}`);
    }
    return ok(existing.id);
  } catch (error) {
    if (!isHttpError(error) || error.transient || error.status === 401 || error.status === 403) throw error;
    // Refused: it may have moved on while we looked. Say which way.
    const now = await getOrUndefined(client, existing.id);
    if (now && fulfillmentState(now) === 'shipped') return alreadyShipped(now);
    if (now && fulfillmentState(now) === 'cancelled') return ok(now.id);
    return rejected(`needs manual action: ShipBob refused to cancel order ${existing.id}: ${error.message}`);
  }
}

function alreadyShipped(remote: ShipBobOrder): DeliveryOutcome {
  return rejected(`needs manual action: already shipped — ShipBob order ${remote.id} is ${remote.status ?? 'shipped'}; arrange a return or intercept with the carrier`);
}

async function getOrUndefined(client: ShipBobClient, id: number | string): Promise<ShipBobOrder | undefined> {
  try {
    return await client.getOrder(id);
  } catch (error) {
    if (isHttpError(error) && error.status === 404) return undefined;
    throw error;
  }
}
