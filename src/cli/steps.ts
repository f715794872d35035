// The pull and push steps as commands run them (pull, push, sync, demo): select the
// connectors, run the engine, and summarise.
import { UsageError } from '../errors.js';
import { systemClock } from '../http/token-bucket.js';
import type { Ledger, RunOutcome } from '../ledger/index.js';
import { pullChannels, type PullReport } from '../pull/pull-channels.js';
import { pushAll } from '../push/push-all.js';
import type { TargetPushResult } from '../push/push-target.js';
import type { Runtime } from './runtime.js';
import type { Session } from './session.js';

export function selectByName<T extends { name: string }>(items: readonly T[], names: string[] | undefined, what: string): T[] {
  if (!names || names.length === 0) return [...items];
  const unknown = names.filter((name) => !items.some((item) => item.name === name));
  if (unknown.length > 0) {
    throw new UsageError(`no ${what} named ${unknown.join(', ')} in the config (${what}s: ${items.map((i) => i.name).join(', ') || 'none'})`);
  }
  return items.filter((item) => names.includes(item.name));
}

export async function pullStep(session: Session, ledger: Ledger, runtime: Runtime, options: { channels?: string[]; since?: Date; dryRun?: boolean }): Promise<PullReport> {
  const channels = selectByName(runtime.channels, options.channels, 'channel');
  const report = await pullChannels(ledger, channels, {
    since: options.since,
    dryRun: options.dryRun,
    route: runtime.route,
    onPage: (channel, totals) => session.progress.channel(channel, totals.pages, totals.received),
  });
  session.progress.close();
  for (const result of report.results) {
    session.log.info(`channel ${result.channel}: ${result.received} received, ${result.created} new, ${result.updated + result.cancelled} changed, ${result.quarantined} quarantined`);
    if (result.unreconciled > 0) session.log.warn(`channel ${result.channel}: ${result.unreconciled} orders whose parts do not add up to their total (kept; see the ledger's money_difference)`);
  }
  return report;
}

export async function pushStep(session: Session, ledger: Ledger, runtime: Runtime, options: { targets?: string[] }): Promise<TargetPushResult[]> {
  const targets = selectByName(runtime.targets, options.targets, 'target');
  const push = session.config.push;
  const counts = ledger.deliveries.counts();
  const due = (target: string) => { const c = counts[target]; return c ? c.pending + c.retry + c.in_flight : 0; };
  const results = await pushAll(ledger, targets, {
    maxAttempts: push.maxAttempts,
    backoffBaseMs: push.backoffBaseSeconds * 1000,
    backoffMaxMs: push.backoffMaxSeconds * 1000,
    maxWaitMs: push.maxWaitSeconds * 1000,
    clock: systemClock,
    confirmOn: runtime.confirmOn,
    onSettled: (target, totals) => session.progress.target(target, totals.done, due(target)),
  });
  session.progress.close();
  for (const result of results) {
    session.log.info(`target ${result.target}: ${result.done} delivered, ${result.retried} to retry, ${result.dead} dead${result.throttled ? `, throttled ${result.throttled}×` : ''}`);
  }
  return results;
}

export function outcomeOf(failures: number, needsHuman: number): RunOutcome {
  return failures > 0 ? 'failed' : needsHuman > 0 ? 'needs_attention' : 'ok';
}
