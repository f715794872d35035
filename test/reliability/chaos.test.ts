// Kill at any instant (issue 7, item 1), at a size CI can afford: the harness of `npm run chaos`
// (scripts/chaos/run.ts) with a few hundred orders and a handful of SIGKILLs. The full run is
// `npm run chaos` (2,000 orders, 50 kills).
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/chaos.js';

const ORDERS = Number(process.env.ORDERSYNC_CHAOS_ORDERS ?? 150);
const KILLS = Number(process.env.ORDERSYNC_CHAOS_KILLS ?? 8);

describe('ordersync sync, SIGKILLed at random moments', () => {
  it(`loses nothing and duplicates nothing (${ORDERS} orders, ${KILLS} kills)`, async () => {
    const lines: string[] = [];
    const report = await runChaos({ orders: ORDERS, otherOrders: 10, kills: KILLS, seed: 7, log: (line) => lines.push(line) });
    const problems = [...report.verification.problems, ...report.stock.problems];
    const summary = `${lines.join('\n')}\nviolations: ${report.violations.join('; ') || 'none'}\nproblems:\n${problems.join('\n')}`;

    expect(report.kills, summary).toBe(KILLS);
    expect(report.verification.orders, summary).toBeGreaterThanOrEqual(ORDERS);
    expect(report.verification, summary).toMatchObject({ lost: 0, duplicates: 0, stale: 0, extra: 0, inFlight: 0, undelivered: 0, integrity: 'ok' });
    expect(report.idleRun.events, summary).toEqual({});
    expect(report.idleRun.changedTargets, summary).toEqual([]);
    // Stock (config.example.yml's `stock:`): every channel shows what the ledger computes, the
    // webhook (a stock target) the source's on hand; the idle run pushed none.
    expect(report.stock.checked, summary).toBeGreaterThan(0);
    expect(report.stock, summary).toMatchObject({ stale: 0, unsettled: 0 });
    expect(report.stock.problems.filter((p) => p.includes('not checked')), summary).toEqual([]);
    expect(report.idleRun.stockPushed, summary).toEqual([]);
    expect(report.violations, summary).toEqual([]);
  }, 240_000);
});
