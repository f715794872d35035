// What the chaos and faults harnesses share: a derived config, runs until the ledger has settled,
// and small readings of the ledger between runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadConfig, type Config } from '../../src/config/load.js';
import { REPO_ROOT, startCli, type ChildOptions, type ChildResult } from './child.js';
import type { Fleet } from './fleet.js';

export interface ConfigFile {
  channels?: Record<string, Record<string, unknown>>;
  targets?: Record<string, Record<string, unknown>>;
  push?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A copy of `source` (relative to the repository), changed by `edit`, written to `dir`.
 * eBay's safety lag (2 minutes) is always set to 0: the checks compare the ledger with a fresh
 * pull taken seconds later, and a lag would hide the last changes from both.
 */
export function deriveConfig(source: string, dir: string, edit: (config: ConfigFile) => void = () => {}): string {
  const config = parseYaml(readFileSync(isAbsolute(source) ? source : join(REPO_ROOT, source), 'utf8')) as ConfigFile;
  for (const block of Object.values(config.channels ?? {})) {
    if (block.kind === 'ebay') block.safetyLagSeconds = 0;
  }
  edit(config);
  const file = join(dir, 'ordersync.config.yml');
  writeFileSync(file, stringifyYaml(config));
  return file;
}

export function configOf(file: string, fleet: Fleet): Promise<Config> {
  return loadConfig({ file, env: { ...process.env, ...fleet.env } });
}

/**
 * Deliveries that will still go out (not the ones held behind a dead delivery of their order), and
 * when the first is due; stock pushes a channel failed (`retry`) count too, due at once.
 */
export function waiting(db: string): { count: number; nextAt: number } {
  const ledger = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const row = ledger.prepare<[], { n: number; next: string | null }>(
      `SELECT count(*) AS n, min(next_attempt_at) AS next FROM deliveries d WHERE status IN ('pending', 'retry', 'in_flight')
        AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.target = d.target AND e.order_id = d.order_id AND e.id < d.id AND e.status = 'dead')`).get()!;
    const stock = ledger.prepare<[], { n: number }>("SELECT count(*) AS n FROM stock_pushes WHERE status = 'retry'").get()!.n;
    return { count: row.n + stock, nextAt: stock > 0 ? Date.now() : row.next ? Date.parse(row.next) : Date.now() };
  } finally {
    ledger.close();
  }
}

/** How long until the newest confirmation done to one of these channels is older than `lagMs` (0 if none is that recent). */
export function untilConfirmationsVisible(db: string, channels: string[], lagMs: number): number {
  if (channels.length === 0) return 0;
  const ledger = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const row = ledger.prepare(`SELECT max(updated_at) AS at FROM deliveries WHERE status = 'done' AND target IN (${channels.map(() => '?').join(', ')})`)
      .get(...channels.map((c) => `channel:${c}`)) as { at: string | null };
    return row.at ? Math.max(0, Date.parse(row.at) + lagMs - Date.now()) : 0;
  } finally {
    ledger.close();
  }
}

export interface SettleOptions {
  child: ChildOptions;
  config: Config;
  budgetMs: number;
  maxRuns: number;
  log(line: string): void;
}

export interface FinishedRun {
  code: number | null;
  ms: number;
  events: Record<string, number>;
}

/**
 * `sync` until the ledger has settled: nothing left to deliver (waiting for retries that fall due
 * later than a run waits) and a run that wrote no event (our own confirmations come back from the
 * channels as changes one run later: that run records them and routes them nowhere).
 */
export async function runUntilSettled(options: SettleOptions): Promise<FinishedRun[]> {
  const runs: FinishedRun[] = [];
  const deadline = Date.now() + options.budgetMs;
  // Amazon only answers for changes at least 2 minutes old (not configurable): our own
  // confirmations there are invisible until then.
  const lagged = options.config.channels.filter((c) => c.kind === 'amazon').map((c) => c.name);
  for (let i = 0; i < options.maxRuns; i++) {
    const result = await startCli({ ...options.child, args: ['--json', 'sync'] }).done;
    const run = { code: result.code, ms: result.ms, events: eventsOf(result) };
    runs.push(run);
    options.log(`settling run ${i + 1}: exit ${result.code} in ${(result.ms / 1000).toFixed(1)} s, events ${JSON.stringify(run.events)}`);
    if (result.code !== 0 && result.code !== 3) options.log(`  ${whatWentWrong(result.stderr)}`);
    const left = waiting(options.child.db);
    const hidden = untilConfirmationsVisible(options.child.db, lagged, 125_000);
    if (left.count === 0 && hidden === 0 && Object.keys(run.events).length === 0 && (result.code === 0 || result.code === 3)) break;
    if (Date.now() > deadline) break;
    const pause = Math.min(Math.max(left.count > 0 ? left.nextAt - Date.now() + 500 : 0, hidden), deadline - Date.now(), 130_000);
    if (pause > 0) {
      options.log(`  ${left.count} deliveries wait${hidden > 0 ? ", and our confirmations to Amazon are not visible yet" : ''}: next run in ${Math.round(pause / 1000)} s`);
      await sleep(pause);
    }
  }
  return runs;
}

export function eventsOf(result: ChildResult): Record<string, number> {
  try {
    return (JSON.parse(result.stdout) as { events?: Record<string, number> }).events ?? {};
  } catch {
    return { 'unreadable output': 1 };
  }
}

/** The lines that say what went wrong: errors first, else the last lines. */
export function whatWentWrong(text: string): string {
  const lines = text.trim().split('\n');
  const errors = lines.filter((line) => /error|bug:|exception/i.test(line));
  return (errors.length > 0 ? errors.slice(0, 3) : lines.slice(-3)).join(' | ').slice(0, 600);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
