import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { exitCodeFor } from '../exit.js';
import { buildRuntime } from '../runtime.js';
import { openSession, withLedgerRun } from '../session.js';
import { outcomeOf, pullStep } from '../steps.js';
import { printSummary } from '../summary.js';
import { combineExitCodes, shipmentsExitCode, shipmentsQuarantined, shipmentsStep } from '../shipments-step.js';
import type { CommandHost } from './host.js';

export function registerPull(program: Command, host: CommandHost): void {
  program
    .command('pull')
    .description('pull new and changed orders from the channels into the ledger, then the parcels WMS targets shipped')
    .option('--channel <name...>', 'only these channels (and no shipments from WMS targets)')
    .option('--since <date>', 'backfill: re-read orders modified since this date (ISO 8601)')
    .option('--dry-run', 'fetch and check, write nothing')
    .addHelpText('after', '\nExamples:\n  $ ordersync pull\n  $ ordersync pull --channel shop --since 2026-01-01')
    .action(async (options: { channel?: string[]; since?: string; dryRun?: boolean }) => {
      const since = options.since === undefined ? undefined : parseDate(options.since);
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      const started = Date.now();
      const report = await withLedgerRun(session, 'pull', async (ledger) => {
        const pull = await pullStep(session, ledger, runtime, { channels: options.channel, since, dryRun: options.dryRun });
        // `--channel` asks for those channels only; shipments are read by a plain pull (and by sync).
        const shipments = options.channel ? undefined : await shipmentsStep(session, ledger, runtime, { dryRun: options.dryRun });
        const quarantined = pull.results.reduce((n, r) => n + r.quarantined, 0) + shipmentsQuarantined(shipments);
        const failures = pull.failures.length + (shipments?.failures.length ?? 0);
        return { outcome: outcomeOf(failures, quarantined), counts: { channels: pull.results, ...(shipments ? { shipments: shipments.results } : {}) }, pull, shipments };
      });
      printSummary(session.out, { pull: report.pull, shipments: report.shipments, seconds: (Date.now() - started) / 1000 });
      host.exit(combineExitCodes(exitCodeFor(session.log, report.pull, undefined), shipmentsExitCode(session.log, report.shipments)));
    });
}

export function parseDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since: "${text}" is not a date (use ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z)`);
  return date;
}
