import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_PORT_BASE, startAllMocks, stopAllMocks } from '../mocks.js';
import { printJson, printTable, stdout } from '../output.js';
import type { CommandHost } from './host.js';

export function registerMock(program: Command, host: CommandHost): void {
  program
    .command('mock')
    .description('serve every mock channel and target on 127.0.0.1 until stopped (Ctrl-C)')
    .option('--port-base <port>', 'first port; each mock sits at a fixed offset from it', String(DEFAULT_PORT_BASE))
    .option('--seed <n>', 'seed of the generated data', '1')
    .option('--orders <n>', 'orders each mock channel starts with', '40')
    .addHelpText('after', '\nExample:\n  $ ordersync mock --port-base 7310 &\n  $ ordersync sync --config config.example.yml')
    .action(async (options: { portBase: string; seed: string; orders: string }) => {
      const portBase = integer(options.portBase, '--port-base');
      const mocks = await startAllMocks({ portBase, seed: integer(options.seed, '--seed'), orders: integer(options.orders, '--orders') });
      const rows = mocks.map((m) => ({ mock: m.name, url: m.url }));
      if (host.globals().json) printJson({ json: true, write: stdout }, { mocks: rows });
      else printTable({ json: false, write: stdout }, rows);
      process.stderr.write('mocks are running; control API at <url>/__mock/state, /__mock/orders, /__mock/faults, /__mock/reset. Ctrl-C stops them.\n');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await stopAllMocks(mocks);
      host.exit(0);
    });
}

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag}: "${text}" is not a whole number`);
  return n;
}
