import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { openLedgerForReading } from '../../ledger/index.js';
import { formatMoney } from '../../model/index.js';
import { printJson, printTable } from '../output.js';
import { openSession } from '../session.js';
import type { CommandHost } from './host.js';
import { parseDate } from './pull.js';

export function registerOrders(program: Command, host: CommandHost): void {
  const orders = program.command('orders').description('look at the orders in the ledger');
  orders
    .command('list')
    .description('orders, newest first')
    .option('--channel <name>', 'only this channel')
    .option('--status <status>', 'financial or fulfillment status (paid, cancelled, …)')
    .option('--since <date>', 'placed on or after this date')
    .option('--limit <n>', 'at most this many', '50')
    .addHelpText('after', '\nExamples:\n  $ ordersync orders list --channel woo --status paid --since 2026-11-01\n  $ ordersync orders list --json | jq length')
    .action(async (options: { channel?: string; status?: string; since?: string; limit: string }) => {
      const since = options.since ? parseDate(options.since).toISOString() : undefined;
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit: "${options.limit}" is not a positive whole number`);
      const session = await openSession(host.globals());
      const reader = openLedgerForReading(session.config.database);
      try {
        const rows = reader.orders.list({ channel: options.channel, status: options.status, since, limit });
        if (session.out.json) return printJson(session.out, rows);
        if (rows.length === 0) return session.out.write('no orders match');
        printTable(session.out, rows.map((r) => ({
          id: r.id, channel: r.channel, number: r.number, placed: r.placedAt.slice(0, 16).replace('T', ' '),
          financial: r.financialStatus, fulfillment: r.fulfillmentStatus, total: `${formatMoney({ amount: r.total, currency: r.currency })} ${r.currency}`,
        })));
      } finally {
        reader.close();
      }
    });

  orders
    .command('show')
    .description('one order: its normalized form, events and deliveries (and with --raw the channel\'s payload)')
    .argument('<id>', 'the ledger id from `orders list`; else a channel order id or order number')
    .option('--raw', 'include the channel\'s payload as received')
    .addHelpText('after', '\nExamples:\n  $ ordersync orders show 1042\n  $ ordersync orders show 113-2938475-6102634 --raw --json')
    .action(async (reference: string, options: { raw?: boolean }) => {
      const session = await openSession(host.globals());
      const reader = openLedgerForReading(session.config.database);
      try {
        const ids = reader.orders.find(reference);
        if (ids.length === 0) throw new UsageError(`no order "${reference}" in the ledger`);
        const shown = ids.map((id) => reader.orders.show(id)!).map(({ raw, ...rest }) => (options.raw ? { ...rest, raw } : rest));
        if (session.out.json) return printJson(session.out, shown.length === 1 ? shown[0] : shown);
        for (const order of shown) {
          session.out.write(JSON.stringify(order.order, null, 2));
          session.out.write(`\nmoney difference: ${order.moneyDifference} · first seen ${order.firstSeenAt} · last changed ${order.lastChangedAt}\n\nevents`);
          printTable(session.out, order.events);
          session.out.write('\ndeliveries');
          if (order.deliveries.length === 0) session.out.write('  none');
          printTable(session.out, order.deliveries);
          if (order.shipments.length > 0) {
            session.out.write('\nshipments');
            printTable(session.out, order.shipments.map((sh) => ({ carrier: sh.carrier, tracking: sh.trackingNumber, from: sh.source, confirmed: sh.confirmedOn ? `${sh.confirmedOn} ${sh.confirmation}` : 'not confirmed on the channel' })));
          }
          if ('raw' in order) session.out.write(`\nraw\n${JSON.stringify(order.raw, null, 2)}`);
        }
      } finally {
        reader.close();
      }
    });
}
