// Delivery state moves only along this table; any other move is a bug.
export const DELIVERY_STATUSES = ['pending', 'in_flight', 'done', 'retry', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const TRANSITIONS: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  pending: ['in_flight'],
  in_flight: ['done', 'retry', 'dead'],
  retry: ['in_flight'],
  dead: ['pending'],
  done: [],
};

export function assertTransition(from: DeliveryStatus, to: DeliveryStatus): void {
  if (!TRANSITIONS[from].includes(to)) throw new Error(`bug: delivery cannot move from ${from} to ${to}`);
}
