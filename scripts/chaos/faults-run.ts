// Faults: every mock answers 5% of requests with 429 (Retry-After), 5% with 500, times out 2%,
// drops 1% of connections and cuts 1% of bodies in half; the channels also hold malformed orders.
// `ordersync sync` must still deliver every order exactly once, quarantine the malformed ones
// with their reason, and end (issue 7, item 2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCli } from './child.js';
import { configOf, deriveConfig, eventsOf, runUntilSettled, whatWentWrong, type FinishedRun } from './common.js';
import { verificationViolations } from './chaos.js';
import { mockState, postMock, startFleet } from './fleet.js';
import { verifyLedger, type Verification } from './verify.js';

export const FAULTS = {
  rate429: 0.05, rate500: 0.05, rateTimeout: 0.02, rateDrop: 0.01, rateMalformed: 0.01,
  retryAfterSeconds: 1,
  // Held longer than the client waits (timeoutSeconds: 1 below), so the client gives up first.
  timeoutHoldMs: 2_500,
};

/** The push policy of the runs: config.example.yml's attempts and wait, with backoff capped so retries fall due within a run. */
const PUSH = { maxAttempts: 8, maxWaitSeconds: 30, backoffBaseSeconds: 0.5, backoffMaxSeconds: 8 };

export interface FaultsOptions {
  /** Orders on the WooCommerce mock. */
  orders: number;
  /** Orders on every other channel's mock. */
  otherOrders: number;
  /** Malformed orders added to each channel. */
  malformed: number;
  seed: number;
  budgetMs?: number;
  keep?: boolean;
  log?: (line: string) => void;
}

export interface MockTraffic {
  role: 'channel' | 'target';
  requests: number;
  faultsInjected: number;
  throttled: number;
  /** Delivery attempts the ledger made to it (targets). */
  attempts?: number;
  /** The most requests this traffic may take (see `bounds`). */
  bound: number;
}

export interface FaultsReport {
  runs: FinishedRun[];
  idleRun: { code: number | null; events: Record<string, number> };
  verification: Verification;
  /** Per channel: malformed orders added, and distinct ones in quarantine with their reasons. */
  quarantine: Record<string, { added: number; quarantined: number; reasons: string[] }>;
  webhook: { records: number; delivered: number };
  traffic: Record<string, MockTraffic>;
  maxAttempts: number;
  violations: string[];
  seconds: number;
}

export async function runFaults(options: FaultsOptions): Promise<FaultsReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-faults-'));
  const db = join(dir, 'ledger.db');
  // The faults are the subject here, not the APIs' own limits: those are raised so 5,000 orders
  // do not spend half an hour waiting on ShipBob's 150 requests a minute.
  const fleet = await startFleet({
    seed: options.seed, orders: options.orders, otherOrders: options.otherOrders,
    mockOptions: {
      amazon: { usagePlans: { searchOrders: { rate: 10, burst: 50 }, getOrder: { rate: 50, burst: 100 } } },
      shipbob: { limit: 1_000_000 }, shipengine: { limit: 1_000_000 }, easypost: { indexPerSecond: 1_000 },
    },
  });
  const file = deriveConfig('config.example.yml', dir, (config) => {
    for (const block of [...Object.values(config.channels ?? {}), ...Object.values(config.targets ?? {})]) block.timeoutSeconds = 1;
    // Amazon's connector paces itself at the plan's rate after a 429 (one call per 180 s): the plan above.
    for (const block of Object.values(config.channels ?? {})) if (block.kind === 'amazon') block.rateLimit = { ratePerSecond: 10, burst: 50 };
    for (const block of Object.values(config.targets ?? {})) block.rateLimit = { concurrency: 8, intervalCap: 400, interval: 1_000 };
    config.push = { ...config.push, ...PUSH };
  });
  try {
    const child = { config: file, db, env: fleet.env };
    const config = await configOf(file, fleet);

    // Malformed orders on every channel, then faults on every mock.
    const quarantine: FaultsReport['quarantine'] = {};
    for (const block of config.channels) {
      const answer = (await postMock(fleet.url(block.kind), '/__mock/orders', { malformed: options.malformed })) as { added?: unknown[] };
      quarantine[block.name] = { added: answer.added?.length ?? options.malformed, quarantined: 0, reasons: [] };
    }
    for (const mock of fleet.mocks) await postMock(mock.url, '/__mock/faults', FAULTS);

    const runs = await runUntilSettled({ child, config, budgetMs: options.budgetMs ?? 20 * 60_000, maxRuns: 12, log });

    // The counts, before anything else talks to the mocks.
    const traffic: Record<string, MockTraffic> = {};
    const attempts = attemptsByTarget(db);
    const pages = Math.ceil((options.orders + options.malformed) / 10) + 20; // every channel pages by 10 or more
    for (const mock of fleet.mocks) {
      const state = await mockState<{ requests: number; faultsInjected: number; throttled: number }>(mock.url);
      const role = config.channels.some((c) => c.kind === mock.name) ? 'channel' : 'target';
      const made = config.targets.filter((t) => t.kind === mock.name).reduce((sum, t) => sum + (attempts[t.name] ?? 0), 0)
        + (role === 'channel' ? config.channels.filter((c) => c.kind === mock.name).reduce((sum, c) => sum + (attempts[`channel:${c.name}`] ?? 0), 0) : 0);
      traffic[mock.name] = {
        role, requests: state.requests, faultsInjected: state.faultsInjected, throttled: state.throttled,
        ...(role === 'target' ? { attempts: made } : {}),
        bound: bound(role, runs.length, pages, made),
      };
    }

    // Faults off: one more run must change nothing; then the truth, pulled fresh.
    for (const mock of fleet.mocks) await postMock(mock.url, '/__mock/faults', {});
    const idle = await startCli({ ...child, args: ['--json', 'sync'] }).done;
    const idleRun = { code: idle.code, events: eventsOf(idle) };
    const fresh = join(dir, 'fresh.db');
    const pulled = await startCli({ config: file, db: fresh, env: fleet.env, args: ['--quiet', 'pull'] }).done;
    if (pulled.code !== 0 && pulled.code !== 3) throw new Error(`the reference pull failed (exit ${pulled.code}): ${whatWentWrong(pulled.stderr)}`);
    const verification = await verifyLedger({ ledger: db, fresh, fleet, targets: config.targets.map((t) => ({ name: t.name, kind: t.kind })) });

    for (const row of quarantined(db)) {
      const entry = quarantine[row.channel];
      if (!entry) continue;
      entry.quarantined = row.n;
      entry.reasons = row.reasons;
    }
    const hooks = config.targets.find((t) => t.kind === 'webhook');
    const webhook = {
      records: Number((await mockState<{ records: number }>(fleet.url('webhook'))).records),
      delivered: hooks ? verification.deliveries[hooks.name]?.done ?? 0 : 0,
    };
    const maxAttempts = maxAttemptsMade(db);

    const last = runs[runs.length - 1];
    const violations = [
      ...verificationViolations(verification),
      ...(verification.dead > 0 ? [`${verification.dead} dead deliveries: ${Object.entries(verification.deadReasons).map(([r, n]) => `${n}× ${r}`).join('; ')}`] : []),
      ...(last && last.code !== 0 && last.code !== 3 ? [`the last run exited ${last.code}`] : []),
      ...(idleRun.code !== 0 && idleRun.code !== 3 ? [`the run without faults exited ${idleRun.code}`] : []),
      ...(Object.keys(idleRun.events).length > 0 ? [`the run without faults wrote events ${JSON.stringify(idleRun.events)}`] : []),
      ...(webhook.records !== webhook.delivered ? [`the webhook holds ${webhook.records} events, the ledger delivered ${webhook.delivered}`] : []),
      ...Object.entries(quarantine).filter(([, q]) => q.quarantined !== q.added).map(([c, q]) => `${c}: ${q.added} malformed orders, ${q.quarantined} in quarantine`),
      ...Object.entries(quarantine).flatMap(([c, q]) => q.reasons.filter((r) => r.trim().length < 10).map((r) => `${c}: an unclear quarantine reason "${r}"`)),
      ...Object.entries(traffic).filter(([, t]) => t.requests > t.bound).map(([name, t]) => `${name}: ${t.requests} requests, more than the bound ${t.bound}`),
      ...(maxAttempts > PUSH.maxAttempts ? [`a delivery was attempted ${maxAttempts} times (maxAttempts ${PUSH.maxAttempts})`] : []),
    ];
    return { runs, idleRun, verification, quarantine, webhook, traffic, maxAttempts, violations, seconds: (Date.now() - started) / 1000 };
  } finally {
    await fleet.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The most requests a mock may have seen. A target: each delivery attempt makes at most a dozen
 * calls (look up, create, confirm, …) and the HTTP client tries each at most 5 times (1 + 4
 * retries). A channel: each run pages through at most every order (10 a page or more, plus the
 * overlap and lookups), each page tried at most 5 times. Anything above is a loop.
 */
function bound(role: 'channel' | 'target', runs: number, pages: number, attempts: number): number {
  return role === 'target' ? 12 * 5 * attempts + 50 : 5 * (runs + 1) * pages + 12 * 5 * attempts + 200;
}

function attemptsByTarget(db: string): Record<string, number> {
  const ledger = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(ledger.prepare<[], { target: string; n: number }>('SELECT target, sum(attempts) AS n FROM deliveries GROUP BY target').all().map((r) => [r.target, r.n]));
  } finally {
    ledger.close();
  }
}

function maxAttemptsMade(db: string): number {
  const ledger = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return ledger.prepare<[], { n: number | null }>('SELECT max(attempts) AS n FROM deliveries').get()?.n ?? 0;
  } finally {
    ledger.close();
  }
}

/** Distinct quarantined orders per channel, with a few of their reasons. */
function quarantined(db: string): { channel: string; n: number; reasons: string[] }[] {
  const ledger = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const rows = ledger.prepare<[], { channel: string; external_id: string | null; reason: string }>(
      'SELECT channel, external_id, reason FROM quarantine ORDER BY id').all();
    const byChannel = new Map<string, Map<string, string>>();
    for (const row of rows) {
      const ids = byChannel.get(row.channel) ?? new Map<string, string>();
      byChannel.set(row.channel, ids);
      ids.set(row.external_id ?? `(no id) ${row.reason}`, row.reason);
    }
    return [...byChannel].map(([channel, ids]) => ({ channel, n: ids.size, reasons: [...new Set(ids.values())].slice(0, 5) }));
  } finally {
    ledger.close();
  }
}
