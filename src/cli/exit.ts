import { EXIT } from '../errors.js';
import type { PullReport } from '../pull/pull-channels.js';
import type { TargetPushResult } from '../push/push-target.js';
import type { CliLogger } from './logger.js';

/** Reports each failure on its own line and answers the exit code of DESIGN.md. */
export function exitCodeFor(log: CliLogger, pull: PullReport | undefined, push: TargetPushResult[] | undefined): number {
  const failures = [...(pull?.failures ?? []), ...(push ?? []).flatMap((r) => (r.error ? [r.error] : []))];
  for (const failure of failures) log.error(failure.message);
  if (failures.length > 0) return EXIT.failed;
  const quarantined = pull?.results.reduce((n, r) => n + r.quarantined, 0) ?? 0;
  const dead = push?.reduce((n, r) => n + r.dead, 0) ?? 0;
  if (quarantined > 0) log.warn(`${quarantined} payloads were quarantined: they need a look (the ledger's quarantine table)`);
  if (dead > 0) log.warn(`${dead} deliveries are dead: \`ordersync dead\` lists them, \`ordersync retry\` requeues them`);
  return quarantined + dead > 0 ? EXIT.needsHuman : EXIT.ok;
}
