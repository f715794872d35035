import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { openLedgerForReading } from '../../ledger/index.js';
import { attention, channelRows, runRows, targetRows, type StatusOptions } from '../../ui/status-rows.js';
import { printJson, printTable } from '../output.js';
import { openSession, type Session } from '../session.js';
import type { CommandHost } from './host.js';

export function registerStatus(program: Command, host: CommandHost): void {
  program
    .command('status')
    .description('what is flowing: channels, targets, dead deliveries, recent runs (live in a terminal)')
    .option('--exit-code', 'exit 1 when something needs attention (dead deliveries, a stale channel)')
    .option('--refresh <seconds>', 'refresh interval of the live view', '2')
    .addHelpText('after', '\nExamples:\n  $ ordersync status\n  $ ordersync status --json | jq .attention\n  $ ordersync status --exit-code || notify-ops "ordersync needs a look"')
    .action(async (options: { exitCode?: boolean; refresh: string }) => {
      const session = await openSession(host.globals());
      const reader = openLedgerForReading(session.config.database);
      try {
        const statusOptions = optionsOf(session);
        const interactive = process.stdout.isTTY && process.stdin.isTTY && !session.out.json;
        if (interactive) {
          // Loaded only here, and after this: ink draws nothing but the last frame when it believes
          // it runs in CI (is-in-ci reads CI when ink is imported), and a terminal that asked for
          // the live view must get it, whatever the environment says.
          delete process.env.CI;
          delete process.env.CONTINUOUS_INTEGRATION;
          const { runLiveView } = await import('./status-live.js');
          await runLiveView(session, reader, statusOptions, Number(options.refresh) * 1000);
          return;
        }
        const snapshot = reader.status.snapshot();
        const rowOptions = { ...statusOptions, now: Date.now() };
        const problems = attention(snapshot, rowOptions);
        if (session.out.json) {
          printJson(session.out, { ...snapshot, dead: snapshot.dead.map(({ payload: _payload, ...d }) => d), attention: problems });
        } else {
          for (const [title, rows] of [['channels', channelRows(snapshot, rowOptions)], ['targets', targetRows(snapshot, rowOptions)], ['recent runs', runRows(snapshot, rowOptions)]] as const) {
            session.out.write(`\n${title}`);
            if (rows.length === 0) session.out.write('  none');
            else printTable(session.out, rows as Record<string, unknown>[]);
          }
          session.out.write(problems.length ? `\nneeds attention:\n${problems.map((p) => `  ${p}`).join('\n')}` : '\nall good');
        }
        if (options.exitCode && problems.length > 0) host.exit(EXIT.failed);
      } finally {
        reader.close();
      }
    });
}

function optionsOf(session: Session): Omit<StatusOptions, 'now'> {
  return {
    staleAfterMinutes: session.config.status.staleAfterMinutes,
    kinds: Object.fromEntries(session.config.channels.map((c) => [c.name, c.kind])),
  };
}
