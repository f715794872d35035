// `push --dry-run`: per pending delivery, the order, the target and the rule that sent it there.
import type { LedgerReader } from '../../ledger/index.js';
import { routeOrder } from '../../routing/rules.js';
import { printJson, printTable } from '../output.js';
import type { Session } from '../session.js';

const PLAN_LIMIT = 10_000;

export function printRoutePlan(session: Session, reader: LedgerReader, targets: string[]): void {
  const rows = reader.queries.pendingDeliveries(PLAN_LIMIT).map((delivery) => {
    const decision = routeOrder(delivery.order, session.config.routing, targets).find((d) => d.target === delivery.target);
    return {
      order: `${delivery.channel} ${delivery.orderNumber}`,
      event: delivery.eventType,
      target: delivery.target,
      status: delivery.status,
      why: decision?.reason ?? 'the target already holds this order, so it hears of every change',
    };
  });
  if (session.out.json) return printJson(session.out, { deliveries: rows });
  if (rows.length === 0) return session.out.write('nothing to deliver');
  printTable(session.out, rows);
}
