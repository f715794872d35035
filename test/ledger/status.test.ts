// The status snapshot: what belongs to a channel row and what to a target row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openLedger, openLedgerForReading } from '../../src/ledger/index.js';
import { targetRows } from '../../src/ui/status-rows.js';
import { makeOrder } from '../support/orders.js';

it('a WMS\'s quarantined shipment reports and its shipment cursor are on its target row, not a channel that was never pulled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-status-'));
  const file = join(dir, 'ledger.db');
  const ledger = openLedger(file);
  const reader = openLedgerForReading(file);
  try {
    ledger.orders.commitPage({
      channel: 'shop', checkpoint: null, orders: [{ order: makeOrder(), targets: ['wms'], moneyDifference: 0 }],
      rejected: [{ externalId: '77', reason: 'total: "NaN" is not a decimal amount', raw: { id: 77 } }],
    });
    ledger.shipments.commitPage({
      source: 'wms', rejected: [], cursor: { readUntil: '2026-12-06T10:00:00.000Z' },
      shipments: [{
        reference: 'shop:999', order: { channel: 'shop', externalId: '999' }, externalId: 's-1', carrier: 'USPS', service: null,
        trackingNumber: 'T1', trackingUrl: null, shippedAt: null, lines: [], raw: { id: 1 }, confirmOn: 'channel:shop',
      }],
    });
    const snapshot = reader.status.snapshot();
    expect(snapshot.channels.map((c) => [c.channel, c.quarantined])).toEqual([['shop', 1]]);
    expect(snapshot.targets.map((t) => [t.target, t.quarantined, t.shipmentCursor])).toEqual([['wms', 1, { readUntil: '2026-12-06T10:00:00.000Z' }]]);
    expect(targetRows(snapshot, { now: Date.now(), staleAfterMinutes: 60, kinds: {} })[0]).toMatchObject({ target: 'wms', quarantined: 1, 'shipments from': '2026-12-06T10:00:00' });
  } finally {
    reader.close();
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
