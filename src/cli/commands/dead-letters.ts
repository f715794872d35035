import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { openLedger } from '../../ledger/index.js';
import { printJson, printTable } from '../output.js';
import { openSession } from '../session.js';
import type { CommandHost } from './host.js';

export function registerDeadLetters(program: Command, host: CommandHost): void {
  program
    .command('dead')
    .description('list dead deliveries (given up, or refused by the target) with their reason')
    .addHelpText('after', '\nExample:\n  $ ordersync dead --json')
    .action(async () => {
      const session = await openSession(host.globals());
      const ledger = openLedger(session.config.database);
      try {
        const dead = ledger.deliveries.listDead();
        if (session.out.json) printJson(session.out, { dead });
        else if (dead.length === 0) session.out.write('no dead deliveries');
        else printTable(session.out, dead.map((d) => ({ id: d.id, target: d.target, order: `${d.channel} ${d.orderNumber}`, event: d.eventType, attempts: d.attempts, reason: d.lastError })));
      } finally {
        ledger.close();
      }
    });

  program
    .command('retry')
    .description('requeue dead deliveries; they re-read the order\'s latest state when sent')
    .argument('[ids...]', 'delivery ids from `ordersync dead`')
    .option('--all', 'requeue every dead delivery')
    .addHelpText('after', '\nExamples:\n  $ ordersync retry 12 13\n  $ ordersync retry --all && ordersync push')
    .action(async (ids: string[], options: { all?: boolean }) => {
      if (!options.all && ids.length === 0) throw new UsageError('name the delivery ids to retry, or pass --all');
      const numbers = ids.map((id) => {
        const n = Number(id);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`"${id}" is not a delivery id`);
        return n;
      });
      const session = await openSession(host.globals());
      const ledger = openLedger(session.config.database);
      try {
        ledger.lock.acquire('retry');
        const requeued = ledger.deliveries.requeue(options.all ? 'all' : numbers);
        ledger.lock.release();
        if (session.out.json) printJson(session.out, { requeued });
        else session.out.write(`${requeued} deliveries requeued; the next \`ordersync push\` sends them`);
        if (!options.all && requeued < numbers.length) session.log.warn(`${numbers.length - requeued} of the ids were not dead deliveries`);
      } finally {
        ledger.close();
      }
    });
}
