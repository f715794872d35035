// One delivery to EasyPost: find the order's shipment by reference, create it if there is none,
// buy the configured carrier+service rate once, refund on cancellation while unused.
import { isHttpError, outcomeFromError, type ConnectorContext, type Delivery, type Order } from '../../src/connector-kit/index.js';
import { describeEasyPostError, easypostClient, easypostErrorCode, type EasyPostClient } from './client.js';
import { findShipment, LookupExhausted } from './lookup.js';
import { addressChanges, isBought, labelRefusalOf, pickRate, refundState, toCreateShipment, toLabelShipment, trackingAllowsRefund } from './mapping.js';
import type { EasyPostSettings } from './settings.js';
import type { CarrierOutcome, EasyPostCreateShipment, EasyPostShipment } from './types.js';

const rejected = (reason: string): CarrierOutcome => ({ status: 'rejected', reason });
const okLabel = (shipment: EasyPostShipment): CarrierOutcome => ({ status: 'ok', externalRef: shipment.id, shipment: toLabelShipment(shipment) });

export async function deliverToEasyPost(ctx: ConnectorContext<EasyPostSettings>, delivery: Delivery): Promise<CarrierOutcome> {
  const { event, previousExternalRef } = delivery;
  const order = event.order;
  const settings = ctx.settings;
  try {
    const client = easypostClient(ctx); // inside: a refused transport (plain http) is an outcome too
    if (event.type === 'order.cancelled' || order.fulfillmentStatus === 'cancelled') {
      return await refundOrderLabel(client, order, previousExternalRef, settings.lookupMaxPages);
    }
    if (event.type !== 'order.created' && event.type !== 'order.updated') return { status: 'ok', externalRef: previousExternalRef };
    const refusal = labelRefusalOf(order);
    if (refusal) {
      return rejected(previousExternalRef ? `needs manual action: ${refusal}, but shipment ${previousExternalRef} may hold a bought label; refund it in EasyPost if unused` : refusal);
    }
    const request = toCreateShipment(order, settings);
    if (!request.ok) return rejected(request.reason);
    const found = await findShipment(client, order, previousExternalRef, settings.lookupMaxPages);
    if (found && isBought(found)) {
      const changes = event.type === 'order.updated' ? addressChanges(found.to_address, request.value.shipment.to_address) : [];
      if (changes.length === 0) return okLabel(found);
      return rejected(`needs manual action: label already bought (${found.id}, tracking ${found.tracking_code ?? '?'}) but the shipping address changed (${changes.join(', ')}); refund it in EasyPost and buy a new one`);
    }
    // An unbought shipment of ours (a crash between create and buy) is bought as it is, unless the
    // address moved since: shipments cannot be edited, so then a new one is created.
    const reusable = found && addressChanges(found.to_address, request.value.shipment.to_address).length === 0 ? found : undefined;
    return await buy(client, reusable ?? await client.createShipment(request.value), request.value, settings);
  } catch (error) {
    if (error instanceof LookupExhausted) return rejected(error.message);
    if (isHttpError(error)) {
      const outcome = outcomeFromError(error);
      return outcome.status === 'rejected' ? rejected(describeEasyPostError(error)) : outcome;
    }
    return rejected(`EasyPost answered with a body ordersync cannot read: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
}

async function buy(client: EasyPostClient, shipment: EasyPostShipment, request: EasyPostCreateShipment, settings: EasyPostSettings): Promise<CarrierOutcome> {
  const rate = pickRate(shipment, settings.carrier, settings.service);
  if (!rate) {
    const offered = (shipment.rates ?? []).map((r) => `${r.carrier} ${r.service}`).join(', ') || 'none';
    return rejected(`EasyPost offers no ${settings.carrier} ${settings.service} rate for ${request.shipment.reference} (offered: ${offered}); fix carrier/service in the target's settings`);
  }
  try {
    return okLabel(await client.buy(shipment.id, rate.id));
  } catch (error) {
    // Bought already (another run, or a lost answer): use that label, never a second one.
    if (isHttpError(error) && easypostErrorCode(error) === 'SHIPMENT.POSTAGE.EXISTS') return okLabel(await client.getShipment(shipment.id));
    throw error;
  }
}

async function refundOrderLabel(client: EasyPostClient, order: Order, previousRef: string | null, maxPages: number): Promise<CarrierOutcome> {
  const found = await findShipment(client, order, previousRef, maxPages);
  if (!found) return { status: 'ok', externalRef: previousRef }; // nothing was created: nothing to refund
  if (!isBought(found)) return { status: 'ok', externalRef: found.id }; // an unbought shipment costs nothing
  const state = refundState(found.refund_status);
  if (state === 'requested') return { status: 'ok', externalRef: found.id };
  if (state === 'refused') return rejected(`needs manual action: EasyPost refund of ${found.id} is ${found.refund_status}; settle it with the carrier`);
  if (!trackingAllowsRefund(found.status)) {
    return rejected(`needs manual action: label ${found.id} is already used (tracking ${found.tracking_code ?? '?'} is ${found.status}); it cannot be refunded`);
  }
  try {
    const refunded = await client.refund(found.id);
    if (refundState(refunded.refund_status) === 'requested') return { status: 'ok', externalRef: found.id };
    return rejected(`needs manual action: EasyPost answered refund_status "${refunded.refund_status ?? 'none'}" for ${found.id}; settle it with the carrier`);
  } catch (error) {
    if (!isHttpError(error) || error.transient || error.status === 401 || error.status === 403) throw error;
    return rejected(`needs manual action: EasyPost refused to refund ${found.id}: ${describeEasyPostError(error)}`);
  }
}
