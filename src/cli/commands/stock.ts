// `ordersync stock pull | push | show`: on-hand from the stock source into the ledger, and
// available-to-sell out to the channels (README "Stock"). The maths live in src/stock.
import type { Command } from 'commander';
import { ConfigError, EXIT } from '../../errors.js';
import { openLedger, type Ledger } from '../../ledger/index.js';
import { overviewRows, planRows, stockOverview } from '../../stock/overview.js';
import { pullStockLevels, sourceName, type StockPullReport, type StockSourceRuntime } from '../../stock/pull-stock.js';
import { pushStockLevels, type StockPushReport, type StockReceiver } from '../../stock/push-stock.js';
import type { StockConfig } from '../../config/load.js';
import { printJson, printTable } from '../output.js';
import { buildRuntime, type Runtime } from '../runtime.js';
import { openSession, withLedgerRun, type Session } from '../session.js';
import { outcomeOf, selectByName } from '../steps.js';
import type { CommandHost } from './host.js';

export function registerStock(program: Command, host: CommandHost): void {
  const stock = program.command('stock').description('stock levels: read on-hand from the source, push available-to-sell to the channels (and on hand to stock.targets)');
  stock.command('pull').description('read on-hand levels from the stock source into the ledger').action(async () => {
    const { session, runtime, config } = await prepare(host);
    const report = await withLedgerRun(session, 'stock pull', async (ledger) => {
      const pulled = await stockPullStep(session, ledger, runtime, config);
      return { outcome: 'ok' as const, counts: { ...pulled }, pulled };
    });
    if (session.out.json) printJson(session.out, report.pulled);
    else session.out.write(`${report.pulled.source}: ${report.pulled.levels} levels, ${report.pulled.changed} changed, ${report.pulled.zeroed} no longer reported (now 0)`);
  });
  stock.command('push').description('push available-to-sell to the channels, and on hand to stock.targets: only what changed since the last push')
    .option('--channel <name...>', 'only these channels (and no target unless --target names it)')
    .option('--target <name...>', 'only these stock targets (and no channel unless --channel names it)')
    .option('--dry-run', 'print the plan (sku, channel, old → new, why); send nothing')
    .addHelpText('after', '\nExamples:\n  $ ordersync stock push --dry-run\n  $ ordersync stock push --channel shop\n  $ ordersync stock push --target erp')
    .action(async (options: { channel?: string[]; target?: string[]; dryRun?: boolean }) => {
      const { session, runtime, config } = await prepare(host);
      const only = { channels: options.channel, targets: options.target };
      if (options.dryRun) {
        const ledger = openLedger(session.config.database);
        try {
          printPush(session, await stockPushStep(session, ledger, runtime, config, { ...only, dryRun: true }), true);
        } finally {
          ledger.close();
        }
        return;
      }
      const report = await withLedgerRun(session, 'stock push', async (ledger) => {
        const pushed = await stockPushStep(session, ledger, runtime, config, only);
        const { failures, rejected } = stockTotals(pushed);
        return { outcome: outcomeOf(failures, rejected), counts: { channels: pushed.channels, oversold: pushed.oversold.length }, pushed };
      });
      printPush(session, report.pushed, false);
      host.exit(stockExitCode(session, report.pushed));
    });
  stock.command('show').description('on hand, reserved, buffer and available per channel; oversold SKUs and refused pushes')
    .argument('[sku]', 'only this master SKU')
    .action(async (sku: string | undefined) => {
      const { session, runtime, config } = await prepare(host);
      const channels = stockChannels(runtime).map((c) => c.name);
      const ledger = openLedger(session.config.database);
      try {
        const overview = stockOverview(ledger, config, sourceName(stockSource(runtime, config)), channels, sku);
        if (session.out.json) return printJson(session.out, overview);
        if (overview.skus.length === 0) session.out.write(sku ? `no stock figures for ${sku}` : 'no stock levels yet: run `ordersync stock pull`');
        printTable(session.out, overviewRows(overview, channels));
        if (overview.problems.length > 0) {
          session.out.write('\npushes refused or waiting');
          printTable(session.out, overview.problems.map((p) => ({ channel: p.channel, sku: p.sku, quantity: p.quantity, status: p.status, error: p.error })));
        }
        if (overview.oversold.length > 0) session.out.write(`\noversold: ${overview.oversold.map((o) => `${o.sku} (short ${o.short})`).join(', ')}`);
      } finally {
        ledger.close();
      }
    });
}

async function prepare(host: CommandHost): Promise<{ session: Session; runtime: Runtime; config: StockConfig }> {
  const session = await openSession(host.globals());
  const config = session.config.stock;
  if (!config) throw new ConfigError('no `stock:` section in the config', { hint: 'name a stock source: `stock: { source: <target name> }` or `stock: { source: { csv: stock.csv } }`' });
  return { session, runtime: await buildRuntime(session.config, session.log), config };
}

const stockChannels = (runtime: Runtime) => runtime.channels.filter((c) => typeof c.definition.pushStock === 'function');

/** A target the `stock:` section names (`where`), enabled in the config. */
function enabledTarget(runtime: Runtime, name: string, where: string, hint?: string) {
  const target = runtime.targets.find((t) => t.name === name);
  if (!target) throw new ConfigError(`${where}: target "${name}" is not enabled`, { hint });
  return target;
}

/** The targets named in `stock.targets`, each able to take stock levels. */
function stockTargets(runtime: Runtime, config: StockConfig) {
  return config.targets.map((name) => {
    const target = enabledTarget(runtime, name, 'stock.targets', 'enable it, or remove it from stock.targets');
    if (typeof target.definition.pushStock !== 'function') {
      throw new ConfigError(`stock.targets: target "${name}" (kind ${target.definition.id}) cannot take stock levels`, { hint: 'see the README\'s "Stock" section for the targets that can (odoo, erpnext, tryton, webhook)' });
    }
    return target;
  });
}

/** `config check`: the source can report stock and every stock target can take it (a ConfigError if not). */
export function describeStock(runtime: Runtime, config: StockConfig): string {
  const source = sourceName(stockSource(runtime, config));
  const targets = stockTargets(runtime, config).map((t) => t.name);
  return `from ${source} to ${[...stockChannels(runtime).map((c) => c.name), ...targets.map((t) => `target ${t}`)].join(', ') || 'nothing'}`;
}

/** The receivers a push goes to: every channel and stock target, or only those named. */
function stockReceivers(runtime: Runtime, config: StockConfig, only: { channels?: string[]; targets?: string[] }): StockReceiver[] {
  const filtered = Boolean(only.channels?.length || only.targets?.length);
  const channels = filtered && !only.channels?.length ? [] : selectByName(stockChannels(runtime), only.channels, 'channel that takes stock');
  const targets = filtered && !only.targets?.length ? [] : selectByName(stockTargets(runtime, config), only.targets, 'stock target');
  return [
    ...channels.map((c) => ({ kind: 'channel' as const, name: c.name, definition: c.definition, ctx: c.ctx })),
    ...targets.map((t) => ({ kind: 'target' as const, name: t.name, definition: t.definition, ctx: t.ctx })),
  ];
}

export function stockSource(runtime: Runtime, config: StockConfig): StockSourceRuntime {
  if (config.source.kind === 'csv') return { kind: 'csv', file: config.source.file };
  const name = config.source.target;
  const target = enabledTarget(runtime, name, 'stock.source');
  if (typeof target.definition.pullStock !== 'function') {
    throw new ConfigError(`stock.source: target "${name}" (kind ${target.definition.id}) cannot report stock levels`, { hint: 'name a target whose connector reads stock (e.g. odoo), or use { csv: FILE }' });
  }
  return { kind: 'target', target };
}

export async function stockPullStep(session: Session, ledger: Ledger, runtime: Runtime, config: StockConfig): Promise<StockPullReport> {
  const report = await pullStockLevels(ledger, stockSource(runtime, config));
  session.log.info(`stock ${report.source}: ${report.levels} levels, ${report.changed} changed, ${report.acknowledged} orders now counted by the source`);
  return report;
}

export async function stockPushStep(
  session: Session, ledger: Ledger, runtime: Runtime, config: StockConfig, options: { channels?: string[]; targets?: string[]; dryRun?: boolean },
): Promise<StockPushReport> {
  const receivers = stockReceivers(runtime, config, options);
  const report = await pushStockLevels(ledger, receivers, config, sourceName(stockSource(runtime, config)), { dryRun: options.dryRun });
  for (const c of report.channels) {
    if (options.dryRun) continue;
    session.log.info(`stock → ${c.channel}: ${c.ok} set, ${c.rejected} refused, ${c.retry} to retry, ${c.unchanged} unchanged`);
    if (c.error) session.log.error(c.error);
  }
  for (const o of report.oversold) session.log.warn(`stock: ${o.sku} is oversold by ${o.short} (orders hold more than is on hand)`);
  return report;
}

export function stockTotals(report: StockPushReport): { failures: number; rejected: number } {
  return { failures: report.channels.filter((c) => c.error).length, rejected: report.channels.reduce((n, c) => n + c.rejected, 0) };
}

/** 1 when a channel failed as a whole, 3 when SKUs were refused or oversold (a human should look). */
export function stockExitCode(session: Session, report: StockPushReport): number {
  const { failures, rejected } = stockTotals(report);
  if (failures > 0) return EXIT.failed;
  if (rejected > 0) session.log.warn(`${rejected} stock updates were refused: \`ordersync stock show\` lists them`);
  return rejected + report.oversold.length > 0 ? EXIT.needsHuman : EXIT.ok;
}

function printPush(session: Session, report: StockPushReport, dryRun: boolean): void {
  if (session.out.json) {
    printJson(session.out, { dryRun, plan: report.plan, channels: report.channels, oversold: report.oversold, results: Object.fromEntries(report.outcomes) });
    return;
  }
  if (report.plan.length === 0) session.out.write('nothing to push: every channel has the quantities already');
  const results = dryRun ? undefined : new Map([...report.outcomes].map(([key, r]) => [key, r.status === 'ok' ? 'ok' : `${r.status}: ${r.reason ?? ''}`]));
  printTable(session.out, planRows(report.plan, results));
  if (report.oversold.length > 0) session.out.write(`\noversold: ${report.oversold.map((o) => `${o.sku} (short ${o.short})`).join(', ')}`);
}
