import type { Command } from 'commander';
import type { Session } from '../session.js';
import { withLedgerRun } from '../session.js';
import { exitCodeFor } from '../exit.js';
import { buildRuntime, type Runtime } from '../runtime.js';
import { outcomeOf, pullStep, pushStep } from '../steps.js';
import { printSummary, type RunSummary } from '../summary.js';
import { openSession } from '../session.js';
import type { CommandHost } from './host.js';

export function registerSync(program: Command, host: CommandHost): void {
  program
    .command('sync')
    .description('pull every channel, then push every due delivery (what cron runs)')
    .addHelpText('after', '\nExample (crontab, every 5 minutes):\n  */5 * * * * cd /srv/ordersync && npx ordersync sync --quiet')
    .action(async () => {
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      const summary = await runSync(session, runtime, 'sync');
      printSummary(session.out, summary);
      host.exit(exitCodeFor(session.log, summary.pull, summary.push));
    });
}

/** Pull, then push, under one run lock; the push goes ahead even if a channel failed. */
export async function runSync(session: Session, runtime: Runtime, command: string): Promise<RunSummary> {
  const started = Date.now();
  return withLedgerRun(session, command, async (ledger) => {
    const mark = ledger.queries.eventMark();
    const pull = await pullStep(session, ledger, runtime, {});
    const push = await pushStep(session, ledger, runtime, {});
    const events = ledger.queries.eventsSince(mark) as Record<string, number>;
    const failures = pull.failures.length + push.filter((r) => r.error).length;
    const needsHuman = pull.results.reduce((n, r) => n + r.quarantined, 0) + push.reduce((n, r) => n + r.dead, 0);
    return {
      outcome: outcomeOf(failures, needsHuman),
      counts: { channels: pull.results, targets: push, events },
      pull, push, events, seconds: (Date.now() - started) / 1000,
    };
  });
}
