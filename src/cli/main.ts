// The command-line program: global options, the ordered list of commands, and the one place
// where errors are rendered and exit codes decided.
import { Command, CommanderError } from 'commander';
import { EXIT, isOrdersyncError } from '../errors.js';
import { registerConfigCheck } from './commands/config-check.js';
import { registerDeadLetters } from './commands/dead-letters.js';
import { registerDemo } from './commands/demo.js';
import type { CommandHost } from './commands/host.js';
import { registerMock } from './commands/mock.js';
import { registerPull } from './commands/pull.js';
import { registerPush } from './commands/push.js';
import { registerMaintenance } from './commands/maintenance.js';
import { registerOrders } from './commands/orders.js';
import { registerReport } from './commands/report.js';
import { registerStatus } from './commands/status.js';
import { registerStock } from './commands/stock.js';
import { registerSync } from './commands/sync.js';
import type { GlobalOptions } from './session.js';

const COMMANDS = [registerPull, registerPush, registerSync, registerStock, registerStatus, registerOrders, registerReport, registerDeadLetters, registerMock, registerDemo, registerConfigCheck, registerMaintenance];

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ordersync')
    .description('Pull orders from every marketplace into one ledger; push them, effectively once, to your ERP, WMS and carriers.')
    .option('--config <file>', 'configuration file (default: ordersync.config.yml, .ordersyncrc*, package.json#ordersync)')
    .option('--db <file>', 'ledger file (default: the config\'s `database`, else ./ordersync.db)')
    .option('--json', 'print results as JSON')
    .option('--verbose', 'more detail on stderr, and stack traces on errors')
    .option('--quiet', 'only warnings and errors on stderr')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .showHelpAfterError()
    .exitOverride();
  const host: CommandHost = {
    globals: () => program.opts<GlobalOptions>(),
    exit: (code) => { exitCode = code; },
  };
  for (const register of COMMANDS) register(program, host);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return renderError(error, program.opts<GlobalOptions>());
  }
}

function renderError(error: unknown, options: GlobalOptions): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander already printed the problem and the usage
  }
  if (isOrdersyncError(error)) {
    if (options.json) {
      process.stdout.write(JSON.stringify({ error: { code: error.code, message: error.message, hint: error.hint ?? null } }) + '\n');
    } else {
      process.stderr.write(`error: ${error.message}\n`);
      if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    }
    if (options.verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // Anything else is ordersync's own bug: say so, with the stack.
  const err = error instanceof Error ? error : new Error(String(error));
  if (options.json) process.stdout.write(JSON.stringify({ error: { code: 'bug', message: err.message } }) + '\n');
  process.stderr.write(`bug: ${err.message}\n${options.verbose ? '' : 'please report it with the output of --verbose\n'}`);
  if (options.verbose && err.stack) process.stderr.write(`${err.stack}\n`);
  return EXIT.failed;
}
