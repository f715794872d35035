// The faults harness at full size (`npm run chaos:faults`): 5,000 orders through mocks that fail 14% of
// requests. Usage: npm run chaos:faults -- [--orders 5000] [--malformed 10] [--seed 1] [--keep]
// (exit 1 when any promise is broken). test/reliability/faults.test.ts runs the same at a small size.
import { parseArgs } from 'node:util';
import { FAULTS, runFaults, type FaultsReport } from './faults-run.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '5000' },
    'other-orders': { type: 'string', default: '20' },
    malformed: { type: 'string', default: '10' },
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
  malformed: number('malformed', values.malformed),
  seed: number('seed', values.seed),
  keep: values.keep,
  log: (line: string) => process.stderr.write(`${line}\n`),
};
process.stderr.write(`faults: ${options.orders} orders, ${options.malformed} malformed per channel, faults ${JSON.stringify(FAULTS)}\n`);
const report = await runFaults(options);
printReport(report);
process.exitCode = report.violations.length > 0 ? 1 : 0;

function printReport(r: FaultsReport): void {
  const v = r.verification;
  const lines = [
    '',
    `orders:      ${v.orders}`,
    `runs:        ${r.runs.length} (exit ${r.runs.map((x) => x.code).join(', ')}; ${r.runs.map((x) => `${(x.ms / 1000).toFixed(0)} s`).join(', ')}), then one without faults: exit ${r.idleRun.code}`,
    `duplicates:  ${v.duplicates}`,
    `lost:        ${v.lost}`,
    `stale:       ${v.stale}   extra: ${v.extra}   in_flight: ${v.inFlight}   undelivered: ${v.undelivered}   dead: ${v.dead}   integrity: ${v.integrity}`,
    `webhook:     ${r.webhook.records} events held, ${r.webhook.delivered} delivered`,
    `attempts:    at most ${r.maxAttempts} for one delivery`,
    'quarantine:',
    ...Object.entries(r.quarantine).map(([c, q]) => `  ${c.padEnd(14)} ${q.quarantined}/${q.added}  ${q.reasons[0] ?? ''}`),
    'traffic:     requests (faults injected, throttled) ≤ bound',
    ...Object.entries(r.traffic).map(([name, t]) => `  ${name.padEnd(12)} ${String(t.requests).padStart(7)} (${t.faultsInjected}, ${t.throttled}) ≤ ${t.bound}${t.attempts !== undefined ? `   ${t.attempts} delivery attempts` : ''}`),
    `time:        ${r.seconds.toFixed(0)} s`,
    ...(v.problems.length ? ['problems:', ...v.problems.map((p) => `  ${p}`)] : []),
    r.violations.length ? `FAILED: ${r.violations.join('; ')}` : 'OK: every order delivered exactly once, malformed ones quarantined, every run ended',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
