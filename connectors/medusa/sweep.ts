// Walks a Medusa list route by updated_at without offset paging.
//
// Offset paging shifts when a row changes mid-walk: the changed row jumps to the end and every
// later row slides up one place, so `offset += limit` skips one. Instead every request asks for
// `updated_at >= newest instant seen so far`, offset 0. Rows changed meanwhile reappear further
// on; rows already seen at the newest instant come back once more (the caller deduplicates).
// Only when a whole page shares one instant does the walk page *within* that instant: by id with
// a keyset (`id > last id`), which no concurrent change can shift either, or — where the route
// has no id operators (payments) — by reading the whole instant in one request sized by `count`.
import type { ListPage, Window } from './client.js';

export interface Stamp {
  id: string;
  updatedAt: string;
}

export type FetchWindow = (window: Window, limit: number) => Promise<ListPage>;

export interface SweepPage {
  rows: unknown[];
  /** id + updated_at of each row whose stamp could be read, in the row order. */
  stamps: Stamp[];
  serverNow: number | undefined;
}

const MS = 1;

export async function* sweep(fetch: FetchWindow, from: Date, limit: number, keyset = true): AsyncGenerator<SweepPage> {
  let gte = from.toISOString();
  for (;;) {
    const page = await fetch({ gte, orderBy: 'updated_at' }, limit);
    const stamps = stampsOf(page.rows);
    yield { rows: page.rows, stamps, serverNow: page.serverNow };
    if (page.rows.length < limit) return;
    const newest = stamps.reduce<string | undefined>((max, s) => (!max || s.updatedAt > max ? s.updatedAt : max), undefined);
    if (!newest) throw new Error('medusa: a full page carried no readable updated_at; cannot page on');
    if (newest > gte) {
      gte = newest;
      continue;
    }
    // The whole page shares the instant `gte` (millisecond precision in the API): walk it by id.
    const next = new Date(Date.parse(gte) + MS).toISOString();
    if (!keyset) {
      const probe = await fetch({ gte, lt: next, orderBy: 'id' }, limit);
      const whole = probe.count !== undefined && probe.count > probe.rows.length ? await fetch({ gte, lt: next, orderBy: 'id' }, probe.count) : probe;
      yield { rows: whole.rows, stamps: stampsOf(whole.rows), serverNow: whole.serverNow };
      gte = next;
      continue;
    }
    let afterId: string | undefined;
    for (;;) {
      const within = await fetch({ gte, lt: next, afterId, orderBy: 'id' }, limit);
      const withinStamps = stampsOf(within.rows);
      yield { rows: within.rows, stamps: withinStamps, serverNow: within.serverNow };
      const last = withinStamps.at(-1);
      if (within.rows.length < limit || !last) break;
      afterId = last.id;
    }
    gte = next;
  }
}

/** Reads id and updated_at from raw rows, so that rows the mapper rejects still move the walk. */
export function stampsOf(rows: readonly unknown[]): Stamp[] {
  const stamps: Stamp[] = [];
  for (const row of rows) {
    const { id, updated_at: updatedAt } = (row ?? {}) as { id?: unknown; updated_at?: unknown };
    if (typeof id !== 'string' || typeof updatedAt !== 'string') continue;
    const ms = Date.parse(updatedAt);
    if (Number.isNaN(ms)) continue;
    stamps.push({ id, updatedAt: new Date(ms).toISOString() });
  }
  return stamps;
}
