// npm run chaos — SIGKILL `ordersync sync` at random moments, then prove nothing was lost or
// duplicated. Usage: node --import tsx scripts/chaos/run.ts [--orders N] [--kills N] [--seed N]
//   [--other-orders N] [--keep]          (exit 1 when any promise is broken)
import { parseArgs } from 'node:util';
import { runChaos, type ChaosReport } from './chaos.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '2000' },
    'other-orders': { type: 'string', default: '20' },
    kills: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

const number = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} takes a whole number, not "${text}"\n`);
    process.exit(2);
  }
  return value;
};

const options = {
  orders: number('orders', values.orders),
  otherOrders: number('other-orders', values['other-orders']),
  kills: number('kills', values.kills),
  seed: number('seed', values.seed),
  keep: values.keep,
  log: (line: string) => process.stderr.write(`${line}\n`),
};
process.stderr.write(`chaos: ${options.orders} orders, ${options.kills} kills, seed ${options.seed}\n`);
const report = await runChaos(options);
printReport(report);
process.exitCode = report.violations.length > 0 ? 1 : 0;

function printReport(r: ChaosReport): void {
  const v = r.verification;
  const s = r.stock;
  const lines = [
    '',
    `kills:       ${r.kills} (${Object.entries(r.killsByPhase).map(([phase, n]) => `${phase} ${n}`).join(', ')})`,
    `orders:      ${v.orders} (churn: ${r.churn.changed} changes, ${r.churn.added} new; ${r.churn.stock} on-hand recounts)`,
    `duplicates:  ${v.duplicates}`,
    `lost:        ${v.lost}`,
    `stale:       ${v.stale}   extra: ${v.extra}   in_flight: ${v.inFlight}   undelivered: ${v.undelivered}   integrity: ${v.integrity}`,
    `deliveries:  ${Object.entries(v.deliveries).map(([t, s]) => `${t} ${Object.entries(s).map(([k, n]) => `${k}=${n}`).join(' ')}`).join('; ')}`,
    `dead:        ${v.dead}, held behind a dead one: ${v.heldBehindDead}${Object.keys(v.deadReasons).length ? '' : ' (none)'}`,
    ...Object.entries(v.deadReasons).sort(([, a], [, b]) => b - a).map(([reason, n]) => `  ${String(n).padStart(5)}  ${reason}`),
    `stock:       ${s.checked} channel quantities checked, stale ${s.stale}, pushes left refused or waiting ${s.unsettled}, idle run pushed to ${r.idleRun.stockPushed.join(', ') || 'none'}`,
    `runs:        ${r.kills} killed, ended by themselves ${JSON.stringify(r.unkilledRuns)}, settling ${r.settlingRuns.map((f) => f.code).join(',')}, idle run exit ${r.idleRun.code}`,
    `time:        ${r.seconds.toFixed(0)} s${r.dir && process.argv.includes('--keep') ? ` (ledgers kept in ${r.dir})` : ''}`,
    ...(v.problems.length + s.problems.length ? ['problems:', ...[...v.problems, ...s.problems].map((p) => `  ${p}`)] : []),
    r.violations.length ? `FAILED: ${r.violations.join('; ')}` : 'OK: nothing lost, nothing duplicated, every channel shows the stock the ledger computes',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
