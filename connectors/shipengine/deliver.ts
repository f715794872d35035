// One delivery to ShipEngine: buy a label once per order (our reference is the shipment's
// external_shipment_id, looked up before buying), void it on cancellation while unused.
import { isHttpError, labelRefusal, outcomeFromError, type ConnectorContext, type Delivery, type Order } from '../../src/connector-kit/index.js';
import { shipengineClient, type ShipEngineClient } from './client.js';
import { addressChanges, labelState, labelUsed, shipmentReference, toLabelRequest, toLabelShipment } from './mapping.js';
import type { ShipEngineSettings } from './settings.js';
import type { CarrierOutcome, ShipEngineLabel, ShipEngineLabelRequest } from './types.js';

const rejected = (reason: string): CarrierOutcome => ({ status: 'rejected', reason });
const okLabel = (label: ShipEngineLabel): CarrierOutcome => ({ status: 'ok', externalRef: label.label_id, shipment: toLabelShipment(label) });

export async function deliverToShipEngine(ctx: ConnectorContext<ShipEngineSettings>, delivery: Delivery): Promise<CarrierOutcome> {
  const { event, previousExternalRef } = delivery;
  const order = event.order;
  try {
    const client = shipengineClient(ctx); // inside: a refused transport (plain http) is an outcome too
    if (event.type === 'order.cancelled' || order.fulfillmentStatus === 'cancelled') return await voidOrderLabel(client, order, previousExternalRef);
    if (event.type !== 'order.created' && event.type !== 'order.updated') return { status: 'ok', externalRef: previousExternalRef };
    const refusal = labelRefusal(order);
    if (refusal) {
      return rejected(previousExternalRef ? `needs manual action: ${refusal}, but label ${previousExternalRef} is already bought; void it in ShipEngine if unused` : refusal);
    }
    const request = toLabelRequest(order, ctx.settings);
    if (!request.ok) return rejected(request.reason);
    const existing = await findLabel(client, order, previousExternalRef);
    if (existing) return await reuseLabel(client, existing, request.value, event.type);
    return await buyLabel(client, request.value);
  } catch (error) {
    if (isHttpError(error)) return outcomeFromError(error);
    return rejected(`ShipEngine answered with a body ordersync cannot read: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
}

async function buyLabel(client: ShipEngineClient, request: ShipEngineLabelRequest): Promise<CarrierOutcome> {
  try {
    return okLabel(await client.createLabel(request));
  } catch (error) {
    // external_shipment_id must be unique: another run bought it between our lookup and now.
    if (!isHttpError(error) || error.status !== 409) throw error;
    const label = await lookup(client, request.shipment.external_shipment_id);
    if (!label) throw error;
    return reuseLabel(client, label, request, 'order.created');
  }
}

async function reuseLabel(client: ShipEngineClient, label: ShipEngineLabel, request: ShipEngineLabelRequest, type: 'order.created' | 'order.updated'): Promise<CarrierOutcome> {
  const state = labelState(label);
  if (state === 'pending') return { status: 'retry', reason: `ShipEngine label ${label.label_id} is still processing`, retryAfterMs: 30_000 };
  if (state === 'failed') return rejected(`needs manual action: ShipEngine label ${label.label_id} for ${request.shipment.external_shipment_id} ended in error; buy the label by hand`);
  if (state === 'voided') {
    return rejected(`needs manual action: label ${label.label_id} for ${request.shipment.external_shipment_id} was voided and external_shipment_id is unique in ShipEngine; buy a new label by hand`);
  }
  if (type === 'order.updated') {
    const changes = addressChanges((await client.getShipment(label.shipment_id)).ship_to, request.shipment.ship_to);
    if (changes.length > 0) {
      return rejected(`needs manual action: label already bought (${label.label_id}, tracking ${label.tracking_number ?? '?'}) but the shipping address changed (${changes.join(', ')}); void it in ShipEngine and buy a new one`);
    }
  }
  return okLabel(label);
}

async function voidOrderLabel(client: ShipEngineClient, order: Order, previousRef: string | null): Promise<CarrierOutcome> {
  const label = await findLabel(client, order, previousRef);
  if (!label) return { status: 'ok', externalRef: previousRef }; // no label was bought: nothing to void
  const state = labelState(label);
  if (state === 'voided' || state === 'failed') return { status: 'ok', externalRef: label.label_id };
  if (state === 'pending') return { status: 'retry', reason: `ShipEngine label ${label.label_id} is still processing`, retryAfterMs: 30_000 };
  if (labelUsed(label.tracking_status)) {
    return rejected(`needs manual action: label ${label.label_id} is already used (tracking ${label.tracking_number ?? '?'} is ${label.tracking_status}); it cannot be voided`);
  }
  const result = await client.voidLabel(label.label_id);
  if (result.approved || result.reason_code === 'label_already_voided') return { status: 'ok', externalRef: label.label_id };
  return rejected(`needs manual action: ShipEngine refused to void label ${label.label_id} (${result.reason_code ?? 'no reason code'}): ${result.message ?? ''}`.trim());
}

/** The label bought for this order: by the id we recorded, else by our reference. */
async function findLabel(client: ShipEngineClient, order: Order, previousRef: string | null): Promise<ShipEngineLabel | undefined> {
  if (previousRef) {
    try {
      return await client.getLabel(previousRef);
    } catch (error) {
      if (!isHttpError(error) || error.status !== 404) throw error;
    }
  }
  return lookup(client, shipmentReference(order));
}

async function lookup(client: ShipEngineClient, reference: string): Promise<ShipEngineLabel | undefined> {
  try {
    return await client.getLabelByExternalShipmentId(reference);
  } catch (error) {
    if (isHttpError(error) && error.status === 404) return undefined;
    throw error;
  }
}
