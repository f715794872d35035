import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { openLedgerForReading } from '../../ledger/index.js';
import { mockEnvironment, startAllMocks, stopAllMocks } from '../mocks.js';
import { packageRoot } from '../package-root.js';
import { buildRuntime } from '../runtime.js';
import { openSession } from '../session.js';
import { printSummary } from '../summary.js';
import { runSync, syncExitCode } from './sync.js';
import type { CommandHost } from './host.js';

export function registerDemo(program: Command, host: CommandHost): void {
  program
    .command('demo')
    .description('start the mock servers in-process, run a full sync against them, print a summary')
    .option('--orders <n>', 'orders each mock channel starts with', '40')
    .addHelpText('after', '\nExamples:\n  $ ordersync demo\n  $ ordersync demo --config my-config.yml --db /tmp/demo.db')
    .action(async (options: { orders: string }) => {
      const globals = host.globals();
      const mocks = await startAllMocks({ seed: 1, orders: Number(options.orders) });
      try {
        const env = { ...process.env, ...mockEnvironment(mocks) };
        const session = await openSession({
          ...globals,
          config: globals.config ?? join(packageRoot(), 'config.example.yml'),
          db: globals.db ?? resolve('ordersync.db'),
        }, env);
        session.log.info(`demo: ${mocks.length} mock servers on 127.0.0.1 (${mocks.map((m) => m.name).join(', ')}); ledger ${session.config.database}`);
        const runtime = await buildRuntime(session.config, session.log);
        const summary = await runSync(session, runtime, 'demo');
        printSummary(session.out, summary);
        const reader = openLedgerForReading(session.config.database);
        const held = reader.queries.ordersByChannel();
        reader.close();
        if (!session.out.json) session.out.write(`ledger: ${Object.entries(held).map(([c, n]) => `${n} orders from ${c}`).join(', ')}`);
        host.exit(syncExitCode(session, summary));
      } finally {
        await stopAllMocks(mocks);
      }
    });
}
