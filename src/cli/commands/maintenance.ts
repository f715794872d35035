import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { openLedger } from '../../ledger/index.js';
import { printJson } from '../output.js';
import { openSession, withLedgerRun } from '../session.js';
import type { CommandHost } from './host.js';

const DURATION = /^(\d+)([dhw])$/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function registerMaintenance(program: Command, host: CommandHost): void {
  program
    .command('purge')
    .description('remove customer names, emails, phones and addresses from old orders (amounts, SKUs, statuses stay)')
    .requiredOption('--pii-older-than <age>', 'orders placed longer ago than this: 90d, 12w, 48h')
    .addHelpText('after', '\nExample (monthly from cron):\n  $ ordersync purge --pii-older-than 90d')
    .action(async (options: { piiOlderThan: string }) => {
      const match = DURATION.exec(options.piiOlderThan);
      if (!match) throw new UsageError(`--pii-older-than: "${options.piiOlderThan}" is not an age like 90d, 12w or 48h`);
      const cutoff = Date.now() - Number(match[1]) * UNIT_MS[match[2]!]!;
      const session = await openSession(host.globals());
      const report = await withLedgerRun(session, 'purge', async (ledger) => {
        const purged = ledger.maintenance.purgePersonalData(cutoff);
        return { outcome: 'ok' as const, counts: purged, purged };
      });
      if (session.out.json) printJson(session.out, { before: new Date(cutoff).toISOString(), ...report.purged });
      else session.out.write(`personal data removed from ${report.purged.orders} orders and ${report.purged.quarantined} quarantined payloads placed before ${new Date(cutoff).toISOString()}`);
    });

  program
    .command('backup')
    .description('a consistent copy of the ledger, safe to take while a sync runs')
    .argument('<file>', 'where to write the copy (must not exist)')
    .addHelpText('after', '\nExample:\n  $ ordersync backup /backups/ordersync-$(date +%F).db')
    .action(async (file: string) => {
      const target = resolve(file);
      if (existsSync(target)) throw new UsageError(`${target} already exists; backup never overwrites a file`);
      const session = await openSession(host.globals());
      const ledger = openLedger(session.config.database);
      try {
        await ledger.maintenance.backupTo(target);
      } finally {
        ledger.close();
      }
      session.out.write(session.out.json ? JSON.stringify({ backup: target }) : `ledger copied to ${target}`);
    });
}
