// The updated_at walk on its own, over an in-memory table whose rows change between requests.
import { describe, expect, it } from 'vitest';
import type { ListPage, Window } from '../../../connectors/medusa/client.js';
import { sweep } from '../../../connectors/medusa/sweep.js';

interface Row { id: string; updated_at: string }

function table(rows: Row[]) {
  const requests: Window[] = [];
  const fetch = async (window: Window, limit: number): Promise<ListPage> => {
    requests.push(window);
    const matching = rows
      .filter((r) => r.updated_at >= window.gte && (!window.lt || r.updated_at < window.lt) && (!window.afterId || r.id > window.afterId))
      // ties come back in reverse id order, as no database promises any order for them
      .sort((a, b) => (window.orderBy === 'id' ? a.id.localeCompare(b.id) : a.updated_at.localeCompare(b.updated_at) || b.id.localeCompare(a.id)));
    return { rows: matching.slice(0, limit).map((r) => ({ ...r })), count: matching.length, serverNow: undefined };
  };
  return { fetch, requests };
}

const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 0, 1, 0, minute, 0, ms)).toISOString();

async function collect(fetch: (w: Window, l: number) => Promise<ListPage>, limit: number, keyset = true, between?: (n: number) => void) {
  const seen: Row[] = [];
  let n = 0;
  for await (const page of sweep(fetch, new Date(0), limit, keyset)) {
    seen.push(...(page.rows as Row[]));
    between?.(++n);
  }
  return seen;
}

describe('medusa updated_at sweep', () => {
  it('walks distinct instants, restarting at the newest one seen (offset never moves)', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, updated_at: at(i) }));
    const { fetch, requests } = table(rows);
    const seen = await collect(fetch, 5);
    expect(new Set(seen.map((r) => r.id)).size).toBe(23);
    expect(requests.every((w) => w.orderBy === 'updated_at')).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(7);
  });

  it.each([true, false])('reads every row of an instant larger than a page (keyset %s)', async (keyset) => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, updated_at: at(5) })),
      { id: 'a', updated_at: at(1) }, { id: 'z', updated_at: at(9) },
    ];
    const { fetch, requests } = table(rows);
    const seen = await collect(fetch, 5, keyset);
    expect(new Set(seen.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect(requests.some((w) => w.lt === at(5, 1))).toBe(true);
    expect(requests.some((w) => w.afterId !== undefined)).toBe(keyset);
  });

  it('misses nothing when rows change while the walk is under way', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, updated_at: at(i % 10, 0) }));
    const { fetch } = table(rows);
    let minute = 30;
    const moved: string[] = [];
    const seen = await collect(fetch, 4, true, (n) => {
      if (n % 2 === 0 && n < 12) {
        const row = rows[(n * 7) % rows.length]!;
        row.updated_at = at(minute++);
        moved.push(row.id);
      }
    });
    const last = new Map(seen.map((r) => [r.id, r.updated_at]));
    expect(last.size).toBe(40);
    for (const row of rows) expect(last.get(row.id)).toBe(row.updated_at); // each row's final state was read
  });
});
