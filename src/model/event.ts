// What the ledger records when an order changes, and what a target receives.
import type { Order } from './order.js';

export const EVENT_TYPES = ['order.created', 'order.updated', 'order.cancelled', 'stock.changed', 'shipment.created'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One event as delivered to a target: the order is its latest state in the ledger. */
export interface OrderEvent {
  id: string;
  type: EventType;
  occurredAt: string;
  order: Order;
}
