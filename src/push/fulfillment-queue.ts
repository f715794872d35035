// A channel that takes tracking back gets its own push queue, `channel:<name>`, fed by the
// shipments carrier and WMS targets record: each shipment.created event goes there once.
import type { ChannelDefinition, Delivery, DeliveryOutcome, TargetDefinition } from '../connector-kit/index.js';
import type { ChannelRuntime } from '../pull/pull-channel.js';
import type { TargetRuntime } from './push-target.js';

export const fulfillmentQueueName = (channel: string): string => `channel:${channel}`;

// Channel APIs with a documented per-call limit pace themselves inside pushFulfillment; this
// queue only keeps confirmations of one channel from running all at once.
const FULFILLMENT_RATE = { concurrency: 2, intervalCap: 10, interval: 1_000 };

export function fulfillmentRuntimes(channels: readonly ChannelRuntime[]): TargetRuntime[] {
  return channels.filter((c) => c.definition.pushFulfillment).map((c) => ({
    name: fulfillmentQueueName(c.name),
    definition: asTarget(c.definition),
    ctx: c.ctx,
    rateLimit: FULFILLMENT_RATE,
  }));
}

// Any channel's settings: the adapter only forwards what the channel connector was configured with.
function asTarget(channel: ChannelDefinition<any, any>): TargetDefinition<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    role: 'target',
    id: channel.id,
    displayName: `${channel.displayName} (tracking back)`,
    docsUrl: channel.docsUrl,
    settings: channel.settings,
    rateLimit: FULFILLMENT_RATE,
    async deliver(ctx, delivery: Delivery): Promise<DeliveryOutcome> {
      if (!delivery.shipment || !channel.pushFulfillment) return { status: 'rejected', reason: `bug: ${delivery.event.type} is not a shipment to confirm` };
      return channel.pushFulfillment(ctx, { order: delivery.event.order, shipment: delivery.shipment, idempotencyKey: delivery.idempotencyKey, attempt: delivery.attempt });
    },
  };
}
