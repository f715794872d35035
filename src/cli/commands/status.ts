import type { Command } from 'commander';
import { createElement } from 'react';
import { render } from 'ink';
import { EXIT } from '../../errors.js';
import { openLedger, openLedgerForReading, type LedgerReader } from '../../ledger/index.js';
import { StatusView } from '../../ui/StatusView.js';
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

async function runLiveView(session: Session, reader: LedgerReader, options: Omit<StatusOptions, 'now'>, refreshMs: number): Promise<void> {
  const color = session.options.color !== false && !process.env.NO_COLOR;
  const requeue = (id: number) => {
    // A single atomic update: safe beside a running push, so no run lock is needed.
    const ledger = openLedger(session.config.database);
    try {
      ledger.deliveries.requeue([id]);
    } finally {
      ledger.close();
    }
  };
  const app = render(createElement(StatusView, { load: () => reader.status.snapshot(), requeue, options, refreshMs, color }));
  await app.waitUntilExit();
}
