import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { openLedgerForReading } from '../../ledger/index.js';
import { buildReport } from '../../report/build-report.js';
import { channelFacts, targetFacts } from '../../report/connector-facts.js';
import { assumptionLines, reportSections } from '../../report/rows.js';
import { printJson, printTable } from '../output.js';
import { buildRuntime } from '../runtime.js';
import { openSession } from '../session.js';
import type { CommandHost } from './host.js';

interface ReportFlags {
  days: string;
  top: string;
  pullsPerHour: string;
}

export function registerReport(program: Command, host: CommandHost): void {
  program
    .command('report')
    .description('orders and revenue per channel per day, top SKUs, a 7-day forecast per channel and the API headroom it implies')
    .option('--days <n>', 'days of sales to show, today included', '14')
    .option('--top <n>', 'how many SKUs to show', '10')
    .option('--pulls-per-hour <n>', 'how often each channel is pulled (cron every 5 minutes: 12), for the headroom', '12')
    .addHelpText('after', [
      '',
      'The forecast fits each channel\'s orders per day over up to 56 days of history: a linear trend',
      'times one factor per day of the week. The headroom compares the forecast peak hour\'s requests',
      'with each channel\'s and target\'s rate limit; "binds at 3×" means orders at 3 times the forecast',
      'reach the limit. Days are UTC days.',
      '',
      'Examples:',
      '  $ ordersync report',
      '  $ ordersync report --days 30 --top 20',
      '  $ ordersync report --json | jq \'.headroom.limits[] | select(.verdict != "ok")\'',
    ].join('\n'))
    .action(async (flags: ReportFlags) => {
      const days = parsePositive('--days', flags.days, { integer: true, max: 3660 });
      const top = parsePositive('--top', flags.top, { integer: true, max: 10_000 });
      const pullsPerHour = parsePositive('--pulls-per-hour', flags.pullsPerHour, { integer: false, max: 3600 });
      const session = await openSession(host.globals());
      const runtime = await buildRuntime(session.config, session.log);
      const reader = openLedgerForReading(session.config.database);
      try {
        const report = buildReport(
          reader.report,
          runtime.channels.map(channelFacts),
          runtime.targets.flatMap((target) => targetFacts(target) ?? []),
          { now: Date.now(), days, top, pullsPerHour },
        );
        if (session.out.json) return printJson(session.out, report);
        for (const section of reportSections(report)) {
          session.out.write(`\n${section.title}`);
          if (section.rows.length === 0) session.out.write('  none');
          else printTable(session.out, section.rows);
        }
        session.out.write(`\n${assumptionLines(report).join('\n')}`);
      } finally {
        reader.close();
      }
    });
}

function parsePositive(flag: string, text: string, rule: { integer: boolean; max: number }): number {
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value > 0 && value <= rule.max && (!rule.integer || Number.isInteger(value));
  if (!valid) throw new UsageError(`${flag}: "${text}" is not a positive ${rule.integer ? 'whole number' : 'number'} up to ${rule.max}`);
  return value;
}
