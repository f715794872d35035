// The shipments step as pull and sync run it: every target that reports shipments (a WMS), after
// the channels' orders, so that a parcel of an order pulled in this run finds it in the ledger.
import { EXIT } from '../errors.js';
import type { Ledger } from '../ledger/index.js';
import { pullAllShipments, shipmentSources, type ShipmentPullReport } from '../pull/pull-shipments.js';
import type { CliLogger } from './logger.js';
import type { Runtime } from './runtime.js';
import type { Session } from './session.js';

export async function shipmentsStep(session: Session, ledger: Ledger, runtime: Runtime, options: { dryRun?: boolean }): Promise<ShipmentPullReport> {
  const sources = shipmentSources(runtime.targets);
  if (sources.length === 0) return { results: [], failures: [] };
  const report = await pullAllShipments(ledger, sources, { dryRun: options.dryRun, confirmOn: runtime.confirmOn });
  for (const r of report.results) {
    session.log.info(`target ${r.target}: ${r.received} shipments reported, ${r.recorded} new, ${r.known} already recorded, ${r.quarantined} quarantined`);
  }
  return report;
}

export const shipmentsQuarantined = (report: ShipmentPullReport | undefined): number => report?.results.reduce((n, r) => n + r.quarantined, 0) ?? 0;

/** Reports the step's failures and answers its exit code (DESIGN.md: 1 failed, 3 needs a human). */
export function shipmentsExitCode(log: CliLogger, report: ShipmentPullReport | undefined): number {
  if (!report) return EXIT.ok;
  for (const failure of report.failures) log.error(failure.message);
  if (report.failures.length > 0) return EXIT.failed;
  const quarantined = shipmentsQuarantined(report);
  if (quarantined > 0) log.warn(`${quarantined} shipment reports were quarantined: they need a look (the ledger's quarantine table, under target:<name>)`);
  return quarantined > 0 ? EXIT.needsHuman : EXIT.ok;
}

/** Two exit codes as one: a failure wins, then the higher code. */
export const combineExitCodes = (a: number, b: number): number => (a === EXIT.failed || b === EXIT.failed ? EXIT.failed : Math.max(a, b));
