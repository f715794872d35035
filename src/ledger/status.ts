// One snapshot of everything the status view shows, read in a handful of indexed queries so
// a refresh stays cheap on a ledger of millions of orders.
import type Database from 'better-sqlite3';
import type { DeliveryStatus } from './delivery-status.js';
import { shipmentQuarantineName } from './shipments.js';
import { isoNow } from './time.js';

export interface ChannelStatus {
  channel: string;
  lastPullAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  cursor: unknown;
  ordersToday: number;
  quarantined: number;
  /** Orders placed per hour over the last 24 hours, oldest first. */
  perHour: number[];
}

export interface TargetStatus {
  target: string;
  deliveries: Record<DeliveryStatus, number>;
  lastSuccessAt: string | null;
  deliveredLastHour: number;
  pausedUntil: string | null;
  lastError: string | null;
  /** Shipment reports of this target (a WMS) that fit no order, in quarantine. */
  quarantined: number;
  /** Where the next read of this target's shipments starts (a WMS that reports them), else null. */
  shipmentCursor: unknown;
}

export interface RunLine {
  id: number;
  command: string;
  startedAt: string;
  endedAt: string | null;
  outcome: string | null;
  error: string | null;
}

export interface DeadLine {
  id: number;
  target: string;
  order: string;
  eventType: string;
  attempts: number;
  lastError: string | null;
  payload: string;
}

export interface StatusSnapshot {
  at: string;
  channels: ChannelStatus[];
  targets: TargetStatus[];
  dead: DeadLine[];
  runs: RunLine[];
}

const HOUR = 3_600_000;

export function createStatusQueries(db: Database.Database) {
  // A target's shipment reports are quarantined as `target:<name>` (a name no channel can have):
  // they belong to the target's row, not to a channel that was never pulled (and so looks stale).
  const channelNames = db.prepare<[], { channel: string }>(
    `SELECT channel FROM cursors UNION SELECT channel FROM channel_status
     UNION SELECT DISTINCT channel FROM quarantine WHERE channel NOT LIKE '${shipmentQuarantineName('')}%'`);
  const health = db.prepare<[string], { last_pull_at: string | null; last_success_at: string | null; last_error: string | null; last_error_at: string | null }>(
    'SELECT last_pull_at, last_success_at, last_error, last_error_at FROM channel_status WHERE channel = ?');
  const cursor = db.prepare<[string], { checkpoint: string }>('SELECT checkpoint FROM cursors WHERE channel = ?');
  const seenSince = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM orders WHERE channel = ? AND first_seen_at >= ?');
  const quarantined = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM quarantine WHERE channel = ?');
  const placedSince = db.prepare<[string, string], { hour: string; n: number }>(
    'SELECT substr(placed_at, 1, 13) AS hour, count(*) AS n FROM orders WHERE channel = ? AND placed_at >= ? GROUP BY hour');
  // delivery_counts is kept as deliveries change (migration 005): reading it costs the same at any size.
  const targetNames = db.prepare<[], { target: string }>(
    'SELECT target FROM target_status UNION SELECT target FROM delivery_counts UNION SELECT source FROM shipment_cursors');
  const byStatus = db.prepare<[string, string], { n: number }>('SELECT n FROM delivery_counts WHERE target = ? AND status = ?');
  const targetHealth = db.prepare<[string], { last_success_at: string | null; paused_until: string | null; last_error: string | null }>(
    'SELECT last_success_at, paused_until, last_error FROM target_status WHERE target = ?');
  const shipmentCursor = db.prepare<[string], { checkpoint: string }>('SELECT checkpoint FROM shipment_cursors WHERE source = ?');
  const doneSince = db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM deliveries WHERE target = ? AND status = 'done' AND updated_at >= ?");
  const dead = db.prepare<[number], DeadLine>(`
    SELECT d.id, d.target, o.channel || ' ' || o.number AS "order", e.type AS eventType, d.attempts, d.last_error AS lastError, o.normalized AS payload
    FROM deliveries d JOIN events e ON e.id = d.event_id JOIN orders o ON o.id = d.order_id
    WHERE d.status = 'dead' ORDER BY d.id DESC LIMIT ?`); // reads only the index deliveries_dead
  const runs = db.prepare<[number], RunLine>('SELECT id, command, started_at AS startedAt, ended_at AS endedAt, outcome, error FROM runs ORDER BY id DESC LIMIT ?');

  return {
    snapshot(now: number = Date.now(), recentRuns = 8): StatusSnapshot {
      const today = isoNow(now).slice(0, 10) + 'T00:00:00.000Z';
      const dayAgo = isoNow(now - 23 * HOUR).slice(0, 13);
      const channels = channelNames.all().map(({ channel }): ChannelStatus => {
        const h = health.get(channel);
        const hours = new Map(placedSince.all(channel, dayAgo).map((r) => [r.hour, r.n]));
        const row = cursor.get(channel);
        return {
          channel,
          lastPullAt: h?.last_pull_at ?? null,
          lastSuccessAt: h?.last_success_at ?? null,
          lastError: h?.last_error ?? null,
          lastErrorAt: h?.last_error_at ?? null,
          cursor: parseCheckpoint(row?.checkpoint),
          ordersToday: seenSince.get(channel, today)?.n ?? 0,
          quarantined: quarantined.get(channel)?.n ?? 0,
          perHour: Array.from({ length: 24 }, (_, i) => hours.get(isoNow(now - (23 - i) * HOUR).slice(0, 13)) ?? 0),
        };
      });
      const targets = targetNames.all().map(({ target }): TargetStatus => {
        const h = targetHealth.get(target);
        const count = (status: DeliveryStatus) => byStatus.get(target, status)?.n ?? 0;
        const pausedUntil = h?.paused_until && Date.parse(h.paused_until) > now ? h.paused_until : null;
        return {
          target,
          deliveries: { pending: count('pending'), in_flight: count('in_flight'), retry: count('retry'), dead: count('dead'), done: count('done') },
          lastSuccessAt: h?.last_success_at ?? null,
          deliveredLastHour: doneSince.get(target, isoNow(now - HOUR))?.n ?? 0,
          pausedUntil,
          lastError: h?.last_error ?? null,
          quarantined: quarantined.get(shipmentQuarantineName(target))?.n ?? 0,
          shipmentCursor: parseCheckpoint(shipmentCursor.get(target)?.checkpoint),
        };
      });
      return { at: isoNow(now), channels, targets, dead: dead.all(50), runs: runs.all(recentRuns) };
    },
  };
}

const parseCheckpoint = (checkpoint: string | undefined): unknown => (checkpoint === undefined ? null : JSON.parse(checkpoint) as unknown);
