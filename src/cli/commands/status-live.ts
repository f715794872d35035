// The live status view (ink), loaded by `ordersync status` only when it draws in a terminal.
import { createElement } from 'react';
import { render } from 'ink';
import { openLedger, type LedgerReader } from '../../ledger/index.js';
import { StatusView } from '../../ui/StatusView.js';
import type { StatusOptions } from '../../ui/status-rows.js';
import type { Session } from '../session.js';

export async function runLiveView(session: Session, reader: LedgerReader, options: Omit<StatusOptions, 'now'>, refreshMs: number): Promise<void> {
  const color = session.options.color !== false && !process.env.NO_COLOR;
  const requeue = (id: number) => {
    // A single atomic update: safe beside a running push, so no run lock is needed.
    const ledger = openLedger(session.config.database);
    try {
      ledger.deliveries.requeue([id]);
    } finally {
      ledger.close();
    }
  };
  const app = render(createElement(StatusView, { load: () => reader.status.snapshot(), requeue, options, refreshMs, color }));
  await app.waitUntilExit();
}
