import type { Command } from 'commander';
import { buildRuntime } from '../runtime.js';
import { openSession } from '../session.js';
import { printJson } from '../output.js';
import type { CommandHost } from './host.js';
import { describeStock } from './stock.js';

export function registerConfigCheck(program: Command, host: CommandHost): void {
  const config = program.command('config').description('work with the configuration');
  config
    .command('check')
    .description('validate the configuration and every connector block; touch nothing')
    .addHelpText('after', '\nExample:\n  $ ordersync config check --config ordersync.config.yml')
    .action(async () => {
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      const facts = {
        file: session.config.file,
        database: session.config.database,
        channels: runtime.channels.map((c) => `${c.name} (${c.definition.id})`),
        targets: runtime.targets.map((t) => `${t.name} (${t.definition.id}, ${t.rateLimit.intervalCap}/${t.rateLimit.interval} ms, concurrency ${t.rateLimit.concurrency})`),
        routingRules: session.config.routing?.length ?? 0,
        stock: session.config.stock ? describeStock(runtime, session.config.stock) : null,
        warnings: session.config.warnings,
      };
      if (session.out.json) printJson(session.out, { ok: true, ...facts });
      else {
        session.out.write(`${facts.file}: ok`);
        session.out.write(`  database: ${facts.database}`);
        session.out.write(`  channels: ${facts.channels.join(', ') || 'none'}`);
        session.out.write(`  targets:  ${facts.targets.join(', ') || 'none'}`);
        session.out.write(`  routing:  ${facts.routingRules ? `${facts.routingRules} rules` : 'none (every order goes to every target)'}`);
        session.out.write(`  stock:    ${facts.stock ?? 'not configured'}`);
      }
      host.exit(0);
    });
}
