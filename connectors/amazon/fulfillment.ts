// pushFulfillment for Amazon: confirmShipment (Orders API v0) with carrier, tracking number and
// the items in the parcel, once.
//
// confirmShipment takes no idempotency key and answers 204 with no id, so the order is read first
// (getOrder v2026-01-01 with includedData=PACKAGES): a package that already carries this tracking
// number, or our package reference, answers `ok` without a second confirmation. The package
// reference is the ledger's shipment id: stable across retries and "only positive numeric
// values" (ordersV0.json PackageReferenceId), which is also the `externalRef` returned.
import { HttpError, outcomeFromError, type ConnectorContext, type DeliveryOutcome, type FulfillmentRequest, type Order } from '../../src/connector-kit/index.js';
import { sameTracking, toAmazonCarrier } from './carriers.js';
import { amazonErrorDetail, isOAuthRefusal } from './errors.js';
import { confirmShipment, getShippingView, type AmazonShippingView, type ConfirmShipmentRequest } from './fulfillment-api.js';
import type { AmazonSettings } from './settings.js';

/** Lines mapping.ts adds for charges (gift wrap, COD fee …): not order items, nothing to ship. */
const isChargeLine = (externalId: string) => externalId.startsWith('charge-');

type Items = ConfirmShipmentRequest['packageDetail']['orderItems'];

export async function pushAmazonFulfillment(ctx: ConnectorContext<AmazonSettings>, request: FulfillmentRequest): Promise<DeliveryOutcome> {
  const { order, shipment } = request;
  const orderId = order.externalId;
  if (order.fulfilledBy === 'channel') return rejected(`Amazon order ${orderId} is fulfilled by Amazon (FBA): Amazon ships it and confirms it itself`);
  if (!Number.isSafeInteger(shipment.id) || shipment.id <= 0) return rejected(`shipment ${shipment.id}: Amazon takes only a positive number as package reference`);
  if (shipment.trackingNumber.trim() === '') return rejected(`shipment ${shipment.id} has no tracking number`);
  const packageReferenceId = String(shipment.id);
  try {
    const view = await getShippingView(ctx, orderId);
    const existing = view.packages.find((p) => sameTracking(p.trackingNumber, shipment.trackingNumber) || p.packageReferenceId === packageReferenceId);
    if (existing) {
      ctx.log.info(`channel ${ctx.name}: Amazon order ${orderId} already holds package ${existing.packageReferenceId} with this shipment; not confirmed again`);
      return { status: 'ok', externalRef: existing.packageReferenceId };
    }
    if (view.fulfillment.fulfilledBy === 'AMAZON') return rejected(`Amazon order ${orderId} is fulfilled by Amazon (FBA): Amazon ships it and confirms it itself`);
    const items = shipment.lines.length > 0 ? itemsOf(shipment.lines) : openItems(view);
    if (typeof items === 'string') return rejected(items);
    const marketplaceId = view.salesChannel?.marketplaceId ?? marketplaceOf(order);
    if (!marketplaceId) return rejected(`Amazon order ${orderId}: no marketplace id to confirm the shipment in`);
    const { carrierCode, carrierName } = toAmazonCarrier(shipment.carrier);
    await confirmShipment(ctx, orderId, {
      marketplaceId,
      packageDetail: {
        packageReferenceId,
        carrierCode,
        ...(carrierName ? { carrierName } : {}),
        ...(shipment.service ? { shippingMethod: shipment.service } : {}),
        trackingNumber: shipment.trackingNumber.trim(),
        shipDate: new Date(ctx.clock.now()).toISOString(),
        orderItems: items,
      },
    });
    ctx.log.info(`channel ${ctx.name}: Amazon order ${orderId} shipment confirmed with ${carrierName ?? carrierCode} ${shipment.trackingNumber} (package ${packageReferenceId})`);
    return { status: 'ok', externalRef: packageReferenceId };
  } catch (error) {
    return outcomeOf(error, orderId);
  }
}

/** The shipment's lines as order items: charge lines dropped, an item listed twice summed. */
function itemsOf(lines: { externalId: string; quantity: number }[]): Items | string {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (isChargeLine(line.externalId)) continue;
    merged.set(line.externalId, (merged.get(line.externalId) ?? 0) + line.quantity);
  }
  if (merged.size === 0) return 'the shipment holds no Amazon order item';
  return [...merged].map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
}

/** Every item with units still unshipped (ItemFulfillment.quantityUnfulfilled). */
function openItems(view: AmazonShippingView): Items | string {
  const open = view.orderItems
    .map((item) => ({
      orderItemId: item.orderItemId,
      quantity: item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered - (item.fulfillment?.quantityFulfilled ?? 0),
    }))
    .filter((item) => item.quantity > 0);
  if (open.length > 0) return open;
  return `Amazon order ${view.orderId} is already fulfilled (${view.fulfillment.fulfillmentStatus}): no item is left to ship`;
}

/** The marketplace mapping.ts recorded as a tag, should getOrder not name it. */
function marketplaceOf(order: Order): string | undefined {
  return order.tags.find((tag) => tag.startsWith('marketplace:'))?.slice('marketplace:'.length);
}

function outcomeOf(error: unknown, orderId: string): DeliveryOutcome {
  if (error instanceof HttpError && isOAuthRefusal(error)) {
    return { status: 'unauthorized', reason: `Login with Amazon refused the credentials: ${error.message}` };
  }
  if (error instanceof HttpError && !error.transient && (error.status === 400 || error.status === 404)) {
    const what = error.status === 404 ? `Amazon does not know order ${orderId}` : `Amazon rejected the shipment confirmation for order ${orderId}`;
    return rejected(`${what}: ${amazonErrorDetail(error) ?? error.message}`);
  }
  return outcomeFromError(error);
}

const rejected = (reason: string): DeliveryOutcome => ({ status: 'rejected', reason });
