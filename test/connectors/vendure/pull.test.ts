import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPage, UpdatedCursor } from '../../../src/connector-kit/index.js';
import { collect, control, settingsFor, startVendureMock } from './helpers.js';

type Mock = Awaited<ReturnType<typeof startVendureMock>>;
let mock: Mock | undefined;
afterEach(async () => { await mock?.close(); mock = undefined; });

const orderIds = (pages: OrderPage<UpdatedCursor>[]) => pages.flatMap((p) => p.orders.map((o) => o.externalId));
const state = async (m: Mock) => (await control(m.url, 'state')) as { orders: number; orderIds: string[]; carts: number; received: { logins: number; queries: number } };

describe('vendure pull: full and incremental', () => {
  it('pulls every placed order across many pages, each once, oldest change first', async () => {
    mock = await startVendureMock(250);
    const pages = await collect(settingsFor(mock.url, { pageSize: 7 }));
    const ids = orderIds(pages);
    expect(pages.length).toBeGreaterThan(30);
    expect(ids).toHaveLength(250);
    expect(new Set(ids)).toEqual(new Set((await state(mock)).orderIds));
    const stamps = pages.flatMap((p) => p.orders.map((o) => o.updatedAt));
    expect(stamps).toEqual([...stamps].sort());
    expect(pages.at(-1)!.checkpoint.updatedAt).toBe(stamps.at(-1));
  });

  it('never pulls active carts or drafts (orderPlacedAt is null)', async () => {
    mock = await startVendureMock(12);
    const s = await state(mock);
    expect(s.carts).toBe(3);
    const pulled = orderIds(await collect(settingsFor(mock.url)));
    expect(pulled.sort()).toEqual([...s.orderIds].sort());
    expect(pulled).not.toContain('13');
  });

  it('orders sharing one updatedAt are neither missed nor doubled when a page ends inside the tie', async () => {
    mock = await startVendureMock(30); // the mock stamps three orders to each second
    for (const pageSize of [1, 2, 4]) {
      const ids = orderIds(await collect(settingsFor(mock.url, { pageSize })));
      expect(ids, `pageSize ${pageSize}`).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    }
  });

  it('falls back to offset paging when more orders share an instant than listQueryLimit leaves room for', async () => {
    mock = await startVendureMock(30);
    const ids = orderIds(await collect(settingsFor(mock.url, { pageSize: 2, listQueryLimit: 3 })));
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
  });

  it('resumes from the checkpoint: the next pull brings the changed and added orders', async () => {
    mock = await startVendureMock(40);
    const first = await collect(settingsFor(mock.url, { pageSize: 10, overlapSeconds: 0 }));
    const checkpoint = first.at(-1)!.checkpoint;
    const change = (await control(mock.url, 'orders', { change: 3, add: 2 })) as { changed: string[]; added: string[] };
    const next = await collect(settingsFor(mock.url, { pageSize: 10, overlapSeconds: 0 }), { checkpoint });
    const ids = new Set(orderIds(next));
    for (const id of [...change.changed, ...change.added]) expect(ids).toContain(id);
    // Beyond those, only the orders stamped exactly at the checkpoint come back (the ledger dedupes them).
    const extra = [...ids].filter((id) => !change.changed.includes(id) && !change.added.includes(id));
    expect(extra.every((id) => checkpoint.idsAtUpdatedAt.includes(id))).toBe(true);
    expect(Date.parse(next.at(-1)!.checkpoint.updatedAt)).toBeGreaterThan(Date.parse(checkpoint.updatedAt));
  });

  it('a pull with nothing new yields no page and keeps the cursor where it was', async () => {
    mock = await startVendureMock(10);
    const settings = settingsFor(mock.url, { overlapSeconds: 0 });
    const first = await collect(settings);
    const again = await collect(settings, { checkpoint: first.at(-1)!.checkpoint });
    const reread = orderIds(again);
    expect(reread.every((id) => first.at(-1)!.checkpoint.idsAtUpdatedAt.includes(id))).toBe(true);
    if (again.length > 0) expect(again.at(-1)!.checkpoint.updatedAt).toBe(first.at(-1)!.checkpoint.updatedAt);
  });

  it('since backfills from a date, ignoring the checkpoint', async () => {
    mock = await startVendureMock(20);
    const all = await collect(settingsFor(mock.url));
    const newest = all.at(-1)!.checkpoint;
    const stamps = all.flatMap((p) => p.orders.map((o) => o.updatedAt)).sort();
    const since = new Date(stamps[10]!);
    const pages = await collect(settingsFor(mock.url), { checkpoint: newest, since });
    const expected = stamps.filter((s) => s >= since.toISOString()).length;
    expect(orderIds(pages)).toHaveLength(expected);
  });
});

describe('vendure pull: orders changing while the pull pages', () => {
  it('an order changed between two pages is not missed, and nothing unchanged is doubled', async () => {
    mock = await startVendureMock(60);
    let change: { changed: string[]; added: string[] } = { changed: [], added: [] };
    const pages = await collect(settingsFor(mock.url, { pageSize: 5 }), {}, async (pageNo) => {
      if (pageNo === 2) change = (await control(mock!.url, 'orders', { change: 8, add: 2 })) as typeof change;
    });
    const seen = new Map<string, string[]>();
    for (const order of pages.flatMap((p) => p.orders)) seen.set(order.externalId, [...(seen.get(order.externalId) ?? []), order.updatedAt]);
    expect(new Set(seen.keys())).toEqual(new Set((await state(mock)).orderIds));
    for (const [id, versions] of seen) {
      // Each order once, or twice when it changed mid-pull (old version, then the new one).
      expect(new Set(versions).size, `order ${id}`).toBe(versions.length);
      if (versions.length > 1) expect(change.changed).toContain(id);
    }
    // The last version of every changed order is the one the server holds now.
    const fresh = await collect(settingsFor(mock.url, { pageSize: 50 }));
    const now = new Map(fresh.flatMap((p) => p.orders).map((o) => [o.externalId, o.updatedAt]));
    for (const id of change.changed) expect(seen.get(id)!.at(-1)).toBe(now.get(id));
  });

  it('a malformed order is rejected with its reason while the rest of its page lands', async () => {
    mock = await startVendureMock(5);
    const first = await collect(settingsFor(mock.url));
    const added = (await control(mock.url, 'orders', { malformed: 1, add: 2 })) as { added: string[] };
    const pages = await collect(settingsFor(mock.url, { overlapSeconds: 0 }), { checkpoint: first.at(-1)!.checkpoint });
    const rejected = pages.flatMap((p) => p.rejected);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.externalId).toBe(added.added.at(-1)); // the mock adds the good ones first
    expect(rejected[0]!.reason).toMatch(/code|quantity/);
    expect(orderIds(pages)).toEqual(expect.arrayContaining(added.added.slice(0, 2)));
    expect(pages.at(-1)!.checkpoint.updatedAt >= first.at(-1)!.checkpoint.updatedAt).toBe(true);
  });
});
