import type { Command } from 'commander';
import type { Session } from '../session.js';
import { withLedgerRun } from '../session.js';
import { exitCodeFor } from '../exit.js';
import { buildRuntime, type Runtime } from '../runtime.js';
import { outcomeOf, pullStep, pushStep } from '../steps.js';
import { printSummary, type RunSummary } from '../summary.js';
import { openSession } from '../session.js';
import type { CommandHost } from './host.js';
import { stockExitCode, stockPullStep, stockPushStep, stockTotals } from './stock.js';
import type { StockPushReport } from '../../stock/push-stock.js';
import type { Ledger } from '../../ledger/index.js';
import { EXIT } from '../../errors.js';
import { combineExitCodes, shipmentsExitCode, shipmentsQuarantined, shipmentsStep } from '../shipments-step.js';

export function registerSync(program: Command, host: CommandHost): void {
  program
    .command('sync')
    .description('pull every channel, then shipments from WMS targets, then stock (when configured), then push every due delivery (what cron runs)')
    .addHelpText('after', '\nExample (crontab, every 5 minutes):\n  */5 * * * * cd /srv/ordersync && npx ordersync sync --quiet')
    .action(async () => {
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      const summary = await runSync(session, runtime, 'sync');
      printSummary(session.out, summary);
      host.exit(syncExitCode(session, summary));
    });
}

export interface StockSyncResult { push: StockPushReport; error: string | null }

/** The exit code of a sync (and of the demo): every step's failures and what needs a human, logged. */
export function syncExitCode(session: Session, summary: RunSummary & { stock?: StockSyncResult }): number {
  const code = combineExitCodes(exitCodeFor(session.log, summary.pull, summary.push), shipmentsExitCode(session.log, summary.shipments));
  const stock = summary.stock ? stockExitCode(session, summary.stock.push) : EXIT.ok;
  return summary.stock?.error ? EXIT.failed : combineExitCodes(code, stock);
}

/**
 * Pull, then the parcels WMS targets shipped (so the push confirms them on their channels in this
 * run), then stock (pull levels, push available-to-sell), then push, under one run lock. Stock goes
 * before the push so that orders just pulled already lower every channel's quantity; the push goes
 * ahead even if a channel or the stock source failed.
 */
export async function runSync(session: Session, runtime: Runtime, command: string): Promise<RunSummary & { stock?: StockSyncResult }> {
  const started = Date.now();
  return withLedgerRun(session, command, async (ledger) => {
    const mark = ledger.queries.eventMark();
    const pull = await pullStep(session, ledger, runtime, {});
    const shipments = await shipmentsStep(session, ledger, runtime, {});
    const stock = await syncStock(session, ledger, runtime);
    const push = await pushStep(session, ledger, runtime, {});
    const events = ledger.queries.eventsSince(mark) as Record<string, number>;
    const stockTotal = stock ? stockTotals(stock.push) : { failures: 0, rejected: 0 };
    const failures = pull.failures.length + shipments.failures.length + push.filter((r) => r.error).length + stockTotal.failures + (stock?.error ? 1 : 0);
    const needsHuman = pull.results.reduce((n, r) => n + r.quarantined, 0) + shipmentsQuarantined(shipments) + push.reduce((n, r) => n + r.dead, 0) + stockTotal.rejected;
    return {
      outcome: outcomeOf(failures, needsHuman),
      counts: { channels: pull.results, shipments: shipments.results, targets: push, events, ...(stock ? { stock: stock.push.channels } : {}) },
      pull, shipments, push, events, seconds: (Date.now() - started) / 1000, ...(stock ? { stock } : {}),
    };
  });
}

/** A failed stock pull leaves the last levels in place: pushing them with the new orders' reservations is still safe. */
async function syncStock(session: Session, ledger: Ledger, runtime: Runtime): Promise<StockSyncResult | undefined> {
  const config = session.config.stock;
  if (!config) return undefined;
  let error: string | null = null;
  // Logged as the phase begins (scripts/chaos/child.ts reads it to tell the stock phase apart).
  session.log.info(`stock: reading on-hand levels from ${config.source.kind === 'csv' ? config.source.file : config.source.target}`);
  try {
    await stockPullStep(session, ledger, runtime, config);
  } catch (failure) {
    error = `stock pull failed: ${failure instanceof Error ? failure.message : String(failure)}`;
    session.log.error(error);
  }
  return { push: await stockPushStep(session, ledger, runtime, config, {}), error };
}
