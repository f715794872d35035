// The status snapshot as rows: the plain-text tables and the ink view show the same facts.
import type { StatusSnapshot } from '../ledger/index.js';
import { age, clip, isStale, sparkline } from './format.js';

export interface StatusOptions {
  now: number;
  staleAfterMinutes: number;
  kinds: Record<string, string>;
}

export function channelRows(snapshot: StatusSnapshot, options: StatusOptions) {
  return snapshot.channels.map((c) => ({
    channel: c.channel,
    kind: options.kinds[c.channel] ?? '',
    'last pull': age(c.lastSuccessAt, options.now),
    stale: isStale(c.lastSuccessAt, options.now, options.staleAfterMinutes) ? 'STALE' : '',
    cursor: cursorText(c.cursor),
    today: c.ordersToday,
    quarantined: c.quarantined,
    '24h': sparkline(c.perHour),
    'last error': clip(c.lastErrorAt && (!c.lastSuccessAt || c.lastErrorAt > c.lastSuccessAt) ? c.lastError : '', 60),
  }));
}

export function targetRows(snapshot: StatusSnapshot, options: StatusOptions) {
  return snapshot.targets.map((t) => ({
    target: t.target,
    pending: t.deliveries.pending,
    'in flight': t.deliveries.in_flight,
    retrying: t.deliveries.retry,
    dead: t.deliveries.dead,
    'last success': age(t.lastSuccessAt, options.now),
    'last hour': t.deliveredLastHour,
    paused: t.pausedUntil ? `until ${t.pausedUntil.slice(11, 19)}` : '',
    quarantined: t.quarantined,
    'shipments from': t.shipmentCursor === null ? '' : cursorText(t.shipmentCursor),
  }));
}

export function runRows(snapshot: StatusSnapshot, options: StatusOptions) {
  return snapshot.runs.map((r) => ({
    run: r.id, command: r.command, started: age(r.startedAt, options.now),
    outcome: r.outcome ?? (r.endedAt ? '' : 'running'), error: clip(r.error, 60),
  }));
}

/** What needs a human: dead deliveries, stale channels. */
export function attention(snapshot: StatusSnapshot, options: StatusOptions): string[] {
  const problems: string[] = [];
  for (const t of snapshot.targets) if (t.deliveries.dead > 0) problems.push(`target ${t.target}: ${t.deliveries.dead} dead deliveries`);
  for (const c of snapshot.channels) {
    if (isStale(c.lastSuccessAt, options.now, options.staleAfterMinutes)) problems.push(`channel ${c.channel}: no successful pull for over ${options.staleAfterMinutes} min`);
  }
  return problems;
}

/** A cursor's time (a channel's `updatedAt`, a WMS's `readUntil`), else its JSON, clipped. */
function cursorText(cursor: unknown): string {
  const { updatedAt, readUntil } = (cursor ?? {}) as { updatedAt?: unknown; readUntil?: unknown };
  const at = updatedAt ?? readUntil;
  return typeof at === 'string' ? at.slice(0, 19) : cursor ? clip(JSON.stringify(cursor), 24) : '';
}
