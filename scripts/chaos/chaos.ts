// Kill at any instant: run `ordersync sync` against the mocks and SIGKILL it at seeded random
// moments (aimed in turn at the pull, the stock step when the config has `stock:`, the push and
// anywhere), churning the channels and the stock source between kills; then let it finish and
// check that nothing was lost or duplicated (./verify.ts) and that every channel shows the stock
// the ledger computes (./verify-stock.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, type Random } from '../../src/mock/index.js';
import { startCli, type Phase } from './child.js';
import { configOf, deriveConfig, eventsOf, runUntilSettled, sleep, whatWentWrong, type FinishedRun } from './common.js';
import { mockState, postMock, startFleet, type Fleet } from './fleet.js';
import { stockSource } from './stock-source.js';
import { verifyLedger, type Verification } from './verify.js';
import { stockChannels, stockWrites, verifyStock, type StockVerification } from './verify-stock.js';

export interface ChaosOptions {
  /** Orders on the WooCommerce mock at the start. */
  orders: number;
  /** Orders on every other channel's mock. */
  otherOrders: number;
  kills: number;
  seed: number;
  /** The config the runs start from, relative to the repository (default config.example.yml). */
  config?: string;
  /** How long the runs after the kills may take, waiting for retries scheduled later. */
  settleBudgetMs?: number;
  /** Keep the temporary folder (ledgers, config) for a post-mortem. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface ChaosReport {
  kills: number;
  killsByPhase: Record<Phase, number>;
  /** Runs that ended on their own before the kill came, by exit code. */
  unkilledRuns: Record<string, number>;
  /** Runs after the kills, until the ledger settled. */
  settlingRuns: FinishedRun[];
  /** The last run, which must change nothing (no record at a target, no stock write at a channel). */
  idleRun: { code: number | null; events: Record<string, number>; changedTargets: string[]; stockPushed: string[] };
  /** `stock` counts on-hand changes made at the stock source between kills. */
  churn: { changed: number; added: number; stock: number };
  verification: Verification;
  stock: StockVerification;
  /** What failed, in words; empty when every promise held. */
  violations: string[];
  seconds: number;
  dir: string;
}

const AMAZON_PATCHES = { ratePerSecond: 50, burst: 20 };

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-chaos-'));
  const db = join(dir, 'ledger.db');
  // Amazon's searchOrders usage plan (one call per 180 s after a burst of 20) is real, but the
  // harness runs a sync a hundred times in a few minutes: the mock grants this seller more, and
  // more listings patches than 5 a second (the connector paces itself to what the config says).
  // Every other mock keeps its API's documented limits, so throttling is part of the chaos.
  const file = deriveConfig(options.config ?? 'config.example.yml', dir, (config) => {
    for (const block of Object.values(config.channels ?? {})) if (block.kind === 'amazon') block.stockRateLimit = { ...AMAZON_PATCHES };
  });
  const fleet = await startFleet({
    seed: options.seed, orders: options.orders, otherOrders: options.otherOrders,
    mockOptions: { amazon: { usagePlans: { searchOrders: { rate: 2, burst: 20 } }, listingsPlans: { patchListingsItem: { rate: AMAZON_PATCHES.ratePerSecond, burst: AMAZON_PATCHES.burst } } } },
  });
  try {
    const config = await configOf(file, fleet);
    const child = { config: file, db, env: fleet.env, stockChannels: stockChannels(config).length };
    const kills = { kills: 0, killsByPhase: { startup: 0, pull: 0, stock: 0, push: 0 } as Record<Phase, number>, unkilledRuns: {} as Record<string, number> };
    const churned = { changed: 0, added: 0, stock: 0 };
    // Enough on hand that the orders never oversell it (every channel would show 0 and prove little).
    const source = stockSource(config, fleet);
    source?.setEverySku(Math.max(500, options.orders * 2));

    // 1. Kills, aimed in turn: into the pull (after its first call to a channel), into the stock
    //    step (once it logged that it reads on-hand), into the push (after the pull step, or the
    //    stock step, logged its results), and at any instant from the spawn (startup, migrations,
    //    first requests). The spans follow what the runs show, so kills keep landing while work
    //    is going on.
    const span = { pull: 1_500, stock: 1_500, push: 3_000, any: 5_000 };
    const aims = child.stockChannels > 0 ? (['pull', 'stock', 'push', 'any'] as const) : (['pull', 'push', 'any'] as const);
    let current: ReturnType<typeof startCli> | undefined;
    const stopListening = fleet.onRequest((role) => { if (role === 'channel') current?.notePull(); });
    for (let attempt = 0; kills.kills < options.kills && attempt < options.kills * 4; attempt++) {
      const aim = aims[attempt % aims.length]!;
      const run = startCli({ ...child, args: ['--json', 'sync'] });
      current = run;
      const inPhase = aim === 'any' ? true : await run.reached(aim);
      const delay = Math.round(random() * span[aim]);
      const finished = !inPhase || await Promise.race([run.done.then(() => true), sleep(delay).then(() => false)]);
      const phase = run.phase();
      const killed = finished ? false : await run.kill();
      const result = await run.done;
      current = undefined;
      const firstCall = run.firstPageAt();
      const pullEnd = run.pullEndedAt();
      const stockEnd = run.stockEndedAt();
      const pushStart = child.stockChannels > 0 ? stockEnd : pullEnd;
      // How long the phases lasted this time: the next kill aims within that.
      if (firstCall !== undefined && pullEnd !== undefined) span.pull = ema(span.pull, pullEnd - firstCall);
      if (pullEnd !== undefined && stockEnd !== undefined) span.stock = ema(span.stock, stockEnd - pullEnd);
      if (killed) {
        kills.kills++;
        kills.killsByPhase[phase]++;
      } else {
        const code = String(result.code ?? result.signal);
        kills.unkilledRuns[code] = (kills.unkilledRuns[code] ?? 0) + 1;
        if (result.code !== 0 && result.code !== 3) log(`  a run ended by itself with exit ${code}: ${whatWentWrong(result.stderr)}`);
        if (pushStart !== undefined) span.push = ema(span.push, result.ms - pushStart);
        span.any = ema(span.any, result.ms);
      }
      log(`kill ${String(kills.kills).padStart(3)}/${options.kills}: aimed at ${aim.padEnd(4)} +${delay} ms → ${killed ? `killed in ${phase}` : `exited ${result.code} by itself`}`);
      await churn(fleet, random, options, kills.kills, churned);
      if (source && attempt % 3 === 0) churned.stock += source.recount(random);
    }
    stopListening();

    // 2. Let it finish, then one more run that must change nothing.
    const settlingRuns = await runUntilSettled({ child, config, budgetMs: options.settleBudgetMs ?? 15 * 60_000, maxRuns: 30, log });
    const before = await targetRecords(fleet);
    const writesBefore = await stockWrites(config, fleet);
    const idle = await startCli({ ...child, args: ['--json', 'sync'] }).done;
    const after = await targetRecords(fleet);
    const writesAfter = await stockWrites(config, fleet);
    const idleRun = {
      code: idle.code, events: eventsOf(idle), changedTargets: Object.keys(after).filter((name) => after[name] !== before[name]),
      stockPushed: Object.keys(writesAfter).filter((name) => writesAfter[name] !== writesBefore[name]),
    };
    const stock = await verifyStock({ ledger: db, config, fleet });

    // 3. The truth: a fresh ledger pulled from the same mocks.
    const fresh = join(dir, 'fresh.db');
    const pulled = await startCli({ config: file, db: fresh, env: fleet.env, args: ['--quiet', 'pull'] }).done;
    if (pulled.code !== 0 && pulled.code !== 3) throw new Error(`the reference pull failed (exit ${pulled.code}): ${whatWentWrong(pulled.stderr)}`);
    const verification = await verifyLedger({ ledger: db, fresh, fleet, targets: config.targets.map((t) => ({ name: t.name, kind: t.kind })) });

    const failedRuns = settlingRuns.filter((r) => r.code !== 0 && r.code !== 3);
    const violations = [
      ...verificationViolations(verification),
      ...(failedRuns.length > 0 ? [`${failedRuns.length} settling run(s) failed (exit ${failedRuns.map((r) => r.code).join(', ')})`] : []),
      ...Object.entries(kills.unkilledRuns).filter(([code]) => code !== '0' && code !== '3').map(([code, n]) => `${n} run(s) ended by themselves with exit ${code}`),
      ...(idleRun.code !== 0 && idleRun.code !== 3 ? [`the idle run exited ${idleRun.code}`] : []),
      ...(Object.keys(idleRun.events).length > 0 ? [`the idle run wrote events ${JSON.stringify(idleRun.events)}`] : []),
      ...(idleRun.changedTargets.length > 0 ? [`the idle run changed ${idleRun.changedTargets.join(', ')}`] : []),
      ...(idleRun.stockPushed.length > 0 ? [`the idle run pushed stock to ${idleRun.stockPushed.join(', ')}`] : []),
      ...(stock.stale > 0 ? [`${stock.stale} channel quantities differ from what the ledger computes`] : []),
      ...(stock.unsettled > 0 ? [`${stock.unsettled} stock pushes left refused or waiting`] : []),
      ...(kills.kills < options.kills ? [`only ${kills.kills} of ${options.kills} kills landed`] : []),
    ];
    return { ...kills, settlingRuns, idleRun, churn: churned, verification, stock, violations, seconds: (Date.now() - started) / 1000, dir };
  } finally {
    await fleet.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

export function verificationViolations(v: Verification): string[] {
  return [
    ...(v.lost > 0 ? [`${v.lost} lost`] : []),
    ...(v.duplicates > 0 ? [`${v.duplicates} duplicates`] : []),
    ...(v.stale > 0 ? [`${v.stale} held at an older version`] : []),
    ...(v.extra > 0 ? [`${v.extra} orders in the ledger that no channel has`] : []),
    ...(v.inFlight > 0 ? [`${v.inFlight} deliveries stuck in_flight`] : []),
    ...(v.undelivered > 0 ? [`${v.undelivered} deliveries never delivered`] : []),
    ...(v.integrity !== 'ok' ? [`integrity_check: ${v.integrity}`] : []),
  ];
}

/** New and changed orders between kills: mostly on the big channel, now and then on every channel. */
async function churn(fleet: Fleet, random: Random, options: ChaosOptions, kills: number, totals: ChaosReport['churn']): Promise<void> {
  const change = 1 + Math.floor(random() * Math.max(1, options.orders / 50));
  const add = Math.floor(random() * Math.max(2, options.orders / 100));
  const answer = (await postMock(fleet.url('woocommerce'), '/__mock/orders', { change, add })) as { changed: unknown[]; added: unknown[] };
  totals.changed += answer.changed.length;
  totals.added += answer.added.length;
  if (kills % 10 !== 0) return;
  for (const name of ['shopify', 'ebay', 'vendure', 'medusa', 'amazon']) {
    if (!fleet.has(name)) continue;
    const other = (await postMock(fleet.url(name), '/__mock/orders', { change: 2, add: 1 })) as { changed?: unknown[]; added?: unknown[] };
    totals.changed += other.changed?.length ?? 0;
    totals.added += other.added?.length ?? 0;
  }
}

/** What each target holds, in a few numbers: any change shows. */
async function targetRecords(fleet: Fleet): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const mock of fleet.mocks) {
    const state = await mockState<Record<string, unknown>>(mock.url);
    if (state.records !== undefined) out[mock.name] = JSON.stringify([state.records, state.duplicates, state.cancelled, state.voided, state.refunds]);
  }
  return out;
}

const ema = (previous: number, observed: number): number => Math.max(50, Math.round(previous * 0.5 + observed * 0.5));
