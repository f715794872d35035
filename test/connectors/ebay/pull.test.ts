import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ebayChannel } from '../../../connectors/ebay/index.js';
import { ebayOrder } from './fixtures.js';
import { idsOf, lastCheckpoint, startHarness, type Harness, type MockState } from './harness.js';

const HOUR = 3_600_000;

/** A copy of the fixture order, created now but last modified a day ago: as if eBay indexed it late. */
function lateOrder(now: number) {
  return { ...ebayOrder(), orderId: '77-00077-00077', creationDate: iso(now), lastModifiedDate: iso(now - 24 * HOUR) };
}
const iso = (ms: number) => new Date(ms).toISOString();

describe('eBay pull: paging, cursor, changes while paging', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness({ orders: 40 }); });
  afterEach(async () => { await h.close(); });

  const state = () => h.control<MockState>('state');

  it('pulls every order once across pages, walking offset by the body\'s next, and ends the cursor at the window end', async () => {
    // Given one 30-day slice and 7 orders a page
    const pages = await h.pull({}, { pageSize: 7, sliceHours: 720 });
    // Then every order arrives exactly once
    const ids = idsOf(pages);
    expect(ids).toHaveLength(40);
    expect(new Set(ids)).toEqual(new Set((await state()).orderIds));
    // And the offsets followed next: 0, 7, 14, … within the slice that holds the orders
    const queries = (await state()).received.recentQueries;
    const busy = queries.filter((q) => q.includes(`..${iso(h.clock.now())}]`));
    expect(busy.map((q) => new URLSearchParams(q).get('offset'))).toEqual(['0', '7', '14', '21', '28', '35']);
    expect(busy.every((q) => new URLSearchParams(q).get('limit') === '7')).toBe(true);
    // And the cursor sits at the window's end (now − lag)
    expect(lastCheckpoint(pages)).toEqual({ updatedAt: iso(h.clock.now()), idsAtUpdatedAt: [] });
    // And the mid-window pages carry the end of the last complete slice: a crash there re-reads this one
    expect(pages.slice(0, -1).map((page) => page.checkpoint.updatedAt)).toEqual(Array(5).fill(iso(h.clock.now() - 30 * 86_400_000 - 1)));
  });

  it('sends lastmodifieddate windows in ISO with millis, ending the safety lag behind now, with TAX_BREAKDOWN', async () => {
    await h.pull({}, { safetyLagSeconds: 120, sliceHours: 24 * 30 });
    const queries = (await state()).received.recentQueries;
    const filters = queries.map((q) => new URLSearchParams(q).get('filter'));
    expect(filters.at(-1)).toBe(`lastmodifieddate:[${iso(h.clock.now() - 30 * 86_400_000)}..${iso(h.clock.now() - 120_000)}]`);
    expect(queries.every((q) => new URLSearchParams(q).get('fieldGroups') === 'TAX_BREAKDOWN')).toBe(true); // total then includes eBay-collected tax
    expect(filters.every((f) => /^lastmodifieddate:\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\.\.\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\]$/.test(f ?? ''))).toBe(true);
  });

  it('commits the cursor slice by slice on a long backfill, with pages only where there are orders', async () => {
    const pages = await h.pull({}, { sliceHours: 24 });
    expect(idsOf(pages)).toHaveLength(40);
    const cursors = pages.map((page) => page.checkpoint.updatedAt);
    expect([...cursors].sort()).toEqual(cursors); // never backwards
    expect(new Set(cursors).size).toBeGreaterThan(10);
    expect((await state()).received.getOrders).toBe(90); // 90 one-day slices, one call each
  });

  it('an incremental pull sees exactly the changed and added orders', async () => {
    const first = await h.pull();
    h.clock.advance(60_000);
    const change = await h.control<{ changed: string[]; added: string[] }>('orders', { change: 3, add: 2 });
    h.clock.advance(1_000);
    const pages = await h.pull({ checkpoint: lastCheckpoint(first) });
    expect(idsOf(pages).sort()).toEqual([...change.changed, ...change.added].sort());
    expect(pages.flatMap((p) => p.orders).every((o) => o.updatedAt > lastCheckpoint(first)!.updatedAt)).toBe(true);
  });

  it('advances the cursor through an empty window with one empty page', async () => {
    const first = await h.pull();
    h.clock.advance(HOUR);
    const pages = await h.pull({ checkpoint: lastCheckpoint(first) });
    expect(pages).toEqual([{ orders: [], rejected: [], checkpoint: { updatedAt: iso(h.clock.now()), idsAtUpdatedAt: [] } }]);
  });

  it('does nothing while the cursor is within the safety lag', async () => {
    const first = await h.pull({}, { safetyLagSeconds: 120, overlapSeconds: 0 });
    const before = (await state()).received.getOrders;
    expect(await h.pull({ checkpoint: lastCheckpoint(first) }, { safetyLagSeconds: 180, overlapSeconds: 0 })).toEqual([]);
    expect((await state()).received.getOrders).toBe(before);
  });

  it('leaves orders changed within the safety lag to the next pull', async () => {
    const first = await h.pull({}, { safetyLagSeconds: 120 });
    const change = await h.control<{ changed: string[] }>('orders', { change: 1 });
    h.clock.advance(60_000);
    const early = await h.pull({ checkpoint: lastCheckpoint(first) }, { safetyLagSeconds: 120 });
    expect(idsOf(early)).toEqual([]);
    h.clock.advance(120_000);
    const later = await h.pull({ checkpoint: lastCheckpoint(early) }, { safetyLagSeconds: 120 });
    expect(idsOf(later)).toEqual(change.changed);
  });

  it('orders changed while the window is paged are neither skipped nor doubled', async () => {
    // Given one window of 40 orders read 5 at a time
    const settings = { pageSize: 5, sliceHours: 720 };
    const seen: string[] = [];
    let changed: string[] = [];
    let added: string[] = [];
    let pages = 0;
    let checkpoint;
    for await (const page of ebayChannel.pullOrders(h.context(settings), { checkpoint: undefined, since: undefined })) {
      seen.push(...page.orders.map((o) => o.externalId));
      checkpoint = page.checkpoint;
      // When, after the second page, 8 orders change — among them some already read — and 2 are added
      if (++pages === 2) {
        h.clock.advance(1_000);
        const answer = await h.control<{ changed: string[]; added: string[] }>('orders', { change: 8, add: 2 });
        ({ changed, added } = answer);
      }
    }
    // Then no order is yielded twice, and every order not changed meanwhile arrived
    expect(new Set(seen).size).toBe(seen.length);
    const all = new Set((await state()).orderIds);
    const missing = [...all].filter((id) => !seen.includes(id) && !added.includes(id));
    expect(missing.every((id) => changed.includes(id))).toBe(true);
    expect(missing.length).toBeGreaterThan(0); // the changed ones left the window (their new stamp is past its end)
    // And the next pull brings every order this one did not see, in its new state
    h.clock.advance(1_000);
    const next = idsOf(await h.pull({ checkpoint }, settings));
    expect([...seen, ...next].filter((id, i, list) => list.indexOf(id) === i).sort()).toEqual([...all].sort());
    expect(next.sort()).toEqual([...changed, ...added].sort());
  });

  it('an order that enters the window while it is paged (indexed late) is read too, the rest not twice', async () => {
    const settings = { pageSize: 5, sliceHours: 720 };
    const seen: string[] = [];
    let pages = 0;
    for await (const page of ebayChannel.pullOrders(h.context(settings), { checkpoint: undefined, since: undefined })) {
      seen.push(...page.orders.map((o) => o.externalId));
      if (++pages === 2) {
        // Newest-created, so it lands on the first page already read, modified well inside the window
        await h.control('orders', { orders: [{ ...lateOrder(h.clock.now()) }] });
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(41);
    expect(seen).toContain('77-00077-00077');
  });

  it('--since backfills from the given instant, ignoring the cursor', async () => {
    const first = await h.pull();
    const since = new Date(h.clock.now() - 5 * 86_400_000);
    const pages = await h.pull({ checkpoint: lastCheckpoint(first), since });
    const ids = idsOf(pages);
    const expected = first.flatMap((p) => p.orders).filter((o) => o.updatedAt >= since.toISOString()).map((o) => o.externalId);
    expect(ids.sort()).toEqual(expected.sort());
    expect(ids.length).toBeGreaterThan(3);
  });

  it('does not yield again the orders the cursor names at its own instant (the tie-breaker)', async () => {
    const first = await h.pull();
    const newest = first.flatMap((p) => p.orders).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]!;
    const pages = await h.pull({ checkpoint: { updatedAt: newest.updatedAt, idsAtUpdatedAt: [newest.externalId] } }, { overlapSeconds: 0 });
    expect(idsOf(pages)).not.toContain(newest.externalId);
    const without = await h.pull({ checkpoint: { updatedAt: newest.updatedAt, idsAtUpdatedAt: [] } }, { overlapSeconds: 0 });
    expect(idsOf(without)).toEqual([newest.externalId]);
  });

  it('never reaches further back than eBay keeps orders (two years)', async () => {
    const pages = await h.pull({ since: new Date(h.clock.now() - 3 * 365 * 86_400_000) }, { sliceHours: 24 * 30 });
    expect(idsOf(pages)).toHaveLength(40);
    const queries = (await state()).received.recentQueries;
    expect(queries[0]).toContain(`lastmodifieddate:[${iso(h.clock.now() - 730 * 86_400_000)}..`);
  });

  it('quarantines a malformed order while the rest of its page lands', async () => {
    const first = await h.pull();
    const answer = await h.control<{ added: string[] }>('orders', { malformed: 1, add: 2 });
    h.clock.advance(1_000);
    const pages = await h.pull({ checkpoint: lastCheckpoint(first) });
    expect(idsOf(pages).sort()).toEqual(answer.added.slice(0, 2).sort());
    const rejected = pages.flatMap((p) => p.rejected);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ externalId: answer.added[2], reason: expect.stringMatching(/total\.value/) });
  });

  it('logs the calls it made in the run', async () => {
    await h.pull({}, { sliceHours: 24 * 30 });
    const line = h.logs.find((entry) => /getOrders calls/.test(entry.message));
    expect(line?.fields).toEqual({ calls: 3, throttled: 0, tokensMinted: 1 });
  });
});
