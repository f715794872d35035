// A channel connector is data plus a few functions (shared/STYLE.md): it yields pages of
// normalized orders and never touches SQLite, the queue or the terminal.
import type { z } from 'zod';
import type { ChannelOrder } from '../model/order.js';
import type { MockApi } from '../mock/server.js';
import type { ConnectorContext } from './context.js';
import type { Clock } from '../http/token-bucket.js';
import type { PushFulfillment } from './fulfillment.js';
import type { StockPushResult, StockUpdate } from './stock.js';

export interface RejectedPayload {
  externalId: string | null;
  reason: string;
  raw: unknown;
}

export interface OrderPage<Checkpoint> {
  orders: ChannelOrder[];
  /** Payloads the mapper could not map, each with its reason: they go to quarantine. */
  rejected: RejectedPayload[];
  /** Where the next pull resumes; committed in the same transaction as the page. */
  checkpoint: Checkpoint;
}

export interface PullRequest<Checkpoint> {
  /** The last committed checkpoint, or undefined on the first pull. */
  checkpoint: Checkpoint | undefined;
  /** `pull --since DATE`: backfill from this instant, ignoring the checkpoint. */
  since: Date | undefined;
  /**
   * What the ledger already holds of these orders: externalId → its `updatedAt` there (ISO 8601),
   * absent for orders it does not hold. A connector may skip re-reading an order it holds at the
   * stamp the channel reports (e.g. its remaining line items), within the limits it documents.
   * Absent when nothing answers it (a dry run still answers; tests may not).
   */
  known?(externalIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export interface MockOptions {
  seed: number;
  /** How many orders the mock starts with. */
  orders?: number;
  /**
   * The clock a mock's rate limits run on. Tests hand the mock and the connector the same fast
   * clock, so a bucket restores in the time the connector waited for it; real time otherwise.
   */
  clock?: Clock;
}

export interface ChannelDefinition<Settings = unknown, Checkpoint = unknown> {
  role: 'channel';
  id: string;
  displayName: string;
  docsUrl: string;
  settings: z.ZodType<Settings>;
  checkpoint: z.ZodType<Checkpoint>;
  /** A cheap request that proves the credentials work. */
  verify?(ctx: ConnectorContext<Settings>): Promise<void>;
  pullOrders(ctx: ConnectorContext<Settings>, request: PullRequest<Checkpoint>): AsyncIterable<OrderPage<Checkpoint>>;
  /** Sets the quantities this channel offers (see ./stock.ts); absent: the channel takes no stock. */
  pushStock?(ctx: ConnectorContext<Settings>, updates: StockUpdate[]): Promise<StockPushResult[]>;
  /** Confirms a shipment with its tracking on the channel (see ./fulfillment.ts). */
  pushFulfillment?: PushFulfillment<Settings>;
  /** The mock of this system's wire protocol. */
  mock?(options: MockOptions): MockApi;
}

export function defineChannel<Settings, Checkpoint>(
  definition: Omit<ChannelDefinition<Settings, Checkpoint>, 'role'>,
): ChannelDefinition<Settings, Checkpoint> {
  return { role: 'channel', ...definition };
}
