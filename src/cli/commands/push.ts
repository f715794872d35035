import type { Command } from 'commander';
import { openLedgerForReading } from '../../ledger/index.js';
import { exitCodeFor } from '../exit.js';
import { buildRuntime } from '../runtime.js';
import { openSession, withLedgerRun } from '../session.js';
import { outcomeOf, pushStep } from '../steps.js';
import { printSummary } from '../summary.js';
import { printRoutePlan } from './route-plan.js';
import type { CommandHost } from './host.js';

export function registerPush(program: Command, host: CommandHost): void {
  program
    .command('push')
    .description('deliver due events to the targets (ERP, WMS, carriers, webhooks)')
    .option('--target <name...>', 'only these targets')
    .option('--dry-run', 'show, per order, where it would go and why; send nothing')
    .addHelpText('after', '\nExamples:\n  $ ordersync push\n  $ ordersync push --target erp --dry-run')
    .action(async (options: { target?: string[]; dryRun?: boolean }) => {
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      if (options.dryRun) {
        const reader = openLedgerForReading(session.config.database);
        try {
          printRoutePlan(session, reader, runtime.targets.map((t) => t.name));
        } finally {
          reader.close();
        }
        return;
      }
      const started = Date.now();
      const report = await withLedgerRun(session, 'push', async (ledger) => {
        const push = await pushStep(session, ledger, runtime, { targets: options.target });
        const dead = push.reduce((n, r) => n + r.dead, 0);
        return { outcome: outcomeOf(push.filter((r) => r.error).length, dead), counts: { targets: push }, push };
      });
      printSummary(session.out, { push: report.push, seconds: (Date.now() - started) / 1000 });
      host.exit(exitCodeFor(session.log, undefined, report.push));
    });
}
