// After the chaos: does the ledger hold exactly what the channels hold, and does every target
// hold each order exactly once, at its latest state? Compares the ledger with a fresh one pulled
// from the same mocks, and each target's deliveries with what the target's mock says it holds.
import Database from 'better-sqlite3';
import { openLedgerForReading } from '../../src/ledger/index.js';
import type { Order } from '../../src/model/index.js';
import { mockState, type Fleet } from './fleet.js';
import { TARGET_READERS, type RemoteRecord } from './targets.js';

export interface TargetBlock {
  name: string;
  kind: string;
}

export interface Verification {
  /** Orders the channels hold (the fresh ledger). */
  orders: number;
  /** Orders the ledger lacks, and deliveries the ledger settled as done that the target does not hold. */
  lost: number;
  /** Records a target holds more than once (the mocks' own counters plus what we find). */
  duplicates: number;
  /** Orders the ledger (or a target) holds at an older version. */
  stale: number;
  /** Orders the ledger holds that no channel has. */
  extra: number;
  inFlight: number;
  /** Deliveries still pending or waiting for a retry. */
  undelivered: number;
  dead: number;
  /** Deliveries that wait behind a dead delivery of the same order and target (in order, for a human). */
  heldBehindDead: number;
  /** Dead deliveries by target and the first words of their reason. */
  deadReasons: Record<string, number>;
  deliveries: Record<string, Record<string, number>>;
  integrity: string;
  /** The first problems found, in words. */
  problems: string[];
}

interface DeliveryRow {
  order_id: number; event_id: number; target: string; status: string; external_ref: string | null; type: string;
}

interface OrderRow {
  id: number; channel: string; external_id: string; content_hash: string; normalized: string; fulfillment_status: string;
}

const MAX_PROBLEMS = 40;

export async function verifyLedger(options: { ledger: string; fresh: string; fleet: Fleet; targets: readonly TargetBlock[] }): Promise<Verification> {
  const problems: string[] = [];
  const note = (problem: string) => { if (problems.length < MAX_PROBLEMS) problems.push(problem); };
  const result: Verification = {
    orders: 0, lost: 0, duplicates: 0, stale: 0, extra: 0, inFlight: 0, undelivered: 0, dead: 0, heldBehindDead: 0,
    deadReasons: {}, deliveries: {}, integrity: '', problems,
  };

  // 1. The ledger against a fresh pull of the same channels.
  const truth = fingerprints(options.fresh);
  const held = fingerprints(options.ledger);
  result.orders = truth.size;
  for (const [key, hash] of truth) {
    const mine = held.get(key);
    if (mine === undefined) { result.lost++; note(`ledger lacks order ${key}`); }
    else if (mine !== hash) { result.stale++; note(`ledger holds an older version of ${key}`); }
  }
  for (const key of held.keys()) if (!truth.has(key)) { result.extra++; note(`ledger holds ${key}, which no channel has`); }

  const db = new Database(options.ledger, { readonly: true, fileMustExist: true });
  try {
    result.integrity = String(db.pragma('integrity_check', { simple: true }));
    if (result.integrity !== 'ok') note(`integrity_check: ${result.integrity}`);

    // 2. Delivery states: nothing left in flight or waiting; dead ones are counted with their reason.
    // A later event of an order waits while an earlier one to the same target is dead (events stay in order).
    const statuses = db.prepare<[], { target: string; status: string; held: number; n: number }>(`
      SELECT d.target, d.status, EXISTS (SELECT 1 FROM deliveries e WHERE e.target = d.target AND e.order_id = d.order_id
        AND e.id < d.id AND e.status = 'dead') AS held, count(*) AS n
      FROM deliveries d GROUP BY 1, 2, 3`).all();
    for (const row of statuses) {
      const status = row.held && (row.status === 'pending' || row.status === 'retry') ? 'held' : row.status;
      const counts = (result.deliveries[row.target] ??= {});
      counts[status] = (counts[status] ?? 0) + row.n;
      if (status === 'in_flight') { result.inFlight += row.n; note(`${row.n} deliveries to ${row.target} stuck in_flight`); }
      else if (status === 'held') result.heldBehindDead += row.n;
      else if (status === 'pending' || status === 'retry') { result.undelivered += row.n; note(`${row.n} deliveries to ${row.target} still ${status}`); }
      else if (status === 'dead') result.dead += row.n;
    }
    for (const row of db.prepare<[], { target: string; last_error: string | null }>("SELECT target, last_error FROM deliveries WHERE status = 'dead'").all()) {
      const reason = `${row.target}: ${(row.last_error ?? '').replace(/\d+/g, 'N').split(/[:;(]/)[0]!.slice(0, 70)}`;
      result.deadReasons[reason] = (result.deadReasons[reason] ?? 0) + 1;
    }

    // 3. Each target against its mock.
    const orders = new Map(db.prepare<[], OrderRow>('SELECT id, channel, external_id, content_hash, normalized, fulfillment_status FROM orders').all().map((o) => [o.id, o]));
    const deliveries = db.prepare<[], DeliveryRow>(`SELECT d.order_id, d.event_id, d.target, d.status, d.external_ref, e.type
      FROM deliveries d JOIN events e ON e.id = d.event_id ORDER BY d.id`).all();
    const versions = new Map<number, { id: number; hash: string }[]>();
    for (const event of db.prepare<[], { id: number; order_id: number; content_hash: string }>(
      'SELECT id, order_id, content_hash FROM events WHERE content_hash IS NOT NULL ORDER BY id').all()) {
      versions.set(event.order_id, [...(versions.get(event.order_id) ?? []), { id: event.id, hash: event.content_hash }]);
    }
    const byTarget = new Map<string, Map<number, DeliveryRow[]>>();
    for (const row of deliveries) {
      const perOrder = byTarget.get(row.target) ?? new Map<number, DeliveryRow[]>();
      byTarget.set(row.target, perOrder);
      perOrder.set(row.order_id, [...(perOrder.get(row.order_id) ?? []), row]);
    }
    const kinds = new Map<string, number>();
    for (const target of options.targets) kinds.set(target.kind, (kinds.get(target.kind) ?? 0) + 1);
    for (const target of options.targets) {
      if (!options.fleet.has(target.kind)) continue;
      if ((kinds.get(target.kind) ?? 0) > 1) { note(`targets ${target.kind}: more than one target of this kind shares a mock; only duplicates are checked`); }
      const state = await mockState<Record<string, unknown>>(options.fleet.url(target.kind));
      const counted = Number(state.duplicates ?? 0);
      if (counted > 0) note(`target ${target.name} (${target.kind}) counts ${counted} duplicates`);
      result.duplicates += counted;
      if ((kinds.get(target.kind) ?? 0) > 1) continue;
      const perOrder = byTarget.get(target.name) ?? new Map<number, DeliveryRow[]>();
      const check = target.kind === 'webhook'
        ? checkWebhook(target.name, state, perOrder, orders, versions, options.fleet.webhookLastSeen)
        : checkRecords(target, state, perOrder, orders);
      result.lost += check.lost;
      result.duplicates += check.duplicates;
      result.stale += check.stale;
      check.problems.forEach(note);
    }
  } finally {
    db.close();
  }
  return result;
}

function fingerprints(file: string): Map<string, string> {
  const reader = openLedgerForReading(file);
  try {
    // channel:externalId:contentHash (the external id may itself hold colons).
    return new Map(reader.queries.orderFingerprints().map((fp) => {
      const cut = fp.lastIndexOf(':');
      return [fp.slice(0, cut), fp.slice(cut + 1)];
    }));
  } finally {
    reader.close();
  }
}

interface Check { lost: number; duplicates: number; stale: number; problems: string[] }

/**
 * The webhook mock lists the event types it stored per order: they must be the done deliveries,
 * in order, once each. The last version it stored must be the version of the last event routed
 * to it, or a later one (a delivery carries the order's state when it leaves; a change the
 * ledger routes nowhere, such as the channel's echo of our own fulfillment, never reaches it).
 */
function checkWebhook(target: string, state: Record<string, unknown>, perOrder: Map<number, DeliveryRow[]>, orders: Map<number, OrderRow>,
  versions: Map<number, { id: number; hash: string }[]>, lastSeen: Map<string, string>): Check {
  const check: Check = { lost: 0, duplicates: 0, stale: 0, problems: [] };
  const byOrder = (state.byOrder ?? {}) as Record<string, string[]>;
  const known = new Set<string>();
  let done = 0;
  for (const [orderId, rows] of perOrder) {
    const order = orders.get(orderId)!;
    const key = `${order.channel}:${order.external_id}`;
    known.add(key);
    const expected = rows.filter((r) => r.status === 'done').map((r) => r.type);
    done += expected.length;
    const received = byOrder[key] ?? [];
    if (received.join() !== expected.join()) {
      if (received.length > expected.length) check.duplicates += received.length - expected.length;
      else check.lost += expected.length - received.length;
      check.problems.push(`${target}: order ${key} received [${received.join(', ')}], the ledger delivered [${expected.join(', ')}]`);
    }
    const last = rows[rows.length - 1]!;
    const history = versions.get(orderId) ?? [];
    const routed = history.findIndex((v) => v.id === last.event_id);
    const seen = history.map((v) => v.hash).lastIndexOf(lastSeen.get(key) ?? '');
    if (last.status === 'done' && (routed < 0 || seen < routed)) {
      check.stale++;
      check.problems.push(`${target}: the last version of ${key} it stored is ${seen < 0 ? 'none the ledger knows' : `version ${seen + 1}`}; the ledger routed version ${routed + 1} of ${history.length} to it`);
    }
  }
  for (const [key, received] of Object.entries(byOrder)) {
    if (!known.has(key)) { check.duplicates += received.length; check.problems.push(`${target}: received ${key}, for which the ledger has no delivery`); }
  }
  if (Number(state.records) !== done) check.problems.push(`${target}: holds ${String(state.records)} events, the ledger delivered ${done}`);
  return check;
}

/**
 * A record target: each done delivery's external reference must exist with our reference; an
 * order holds at most one live record; a cancelled order none (once its last delivery is done).
 */
function checkRecords(target: TargetBlock, state: Record<string, unknown>, perOrder: Map<number, DeliveryRow[]>, orders: Map<number, OrderRow>): Check {
  const check: Check = { lost: 0, duplicates: 0, stale: 0, problems: [] };
  const reader = TARGET_READERS[target.kind];
  if (!reader) return check;
  const records = reader.records(state);
  const byReference = new Map<string, RemoteRecord[]>();
  for (const record of records) byReference.set(record.reference, [...(byReference.get(record.reference) ?? []), record]);
  const ours = new Set<string>();
  for (const [orderId, rows] of perOrder) {
    const row = orders.get(orderId)!;
    const order = { ...(JSON.parse(row.normalized) as Omit<Order, 'raw'>), raw: null } as Order;
    const reference = reader.reference(order);
    ours.add(reference);
    const held = byReference.get(reference) ?? [];
    const label = `${target.name}: order ${row.channel}:${row.external_id}`;
    for (const ref of new Set(rows.filter((r) => r.status === 'done' && r.external_ref).map((r) => r.external_ref!))) {
      if (!held.some((record) => record.id === ref)) { check.lost++; check.problems.push(`${label}: done as ${ref}, which the target does not hold`); }
    }
    const live = held.filter((record) => !record.cancelled);
    if (live.length > 1) { check.duplicates += live.length - 1; check.problems.push(`${label}: ${live.length} live records (${live.map((r) => r.id).join(', ')})`); }
    const last = rows[rows.length - 1]!;
    if (last.status !== 'done') continue; // dead (needs a human) or still waiting: counted elsewhere
    const cancelled = row.fulfillment_status === 'cancelled';
    if (cancelled && live.length > 0) { check.stale++; check.problems.push(`${label}: cancelled in the ledger, live at the target`); }
    const created = rows.some((r) => r.status === 'done' && r.external_ref);
    if (!cancelled && created && live.length === 0) { check.stale++; check.problems.push(`${label}: active in the ledger, cancelled at the target`); }
  }
  for (const [reference, held] of byReference) {
    if (!ours.has(reference)) { check.duplicates += held.length; check.problems.push(`${target.name}: holds ${reference}, which the ledger never delivered there`); }
  }
  return check;
}
